import {
  DATASET_ABSTRACT,
  DATASET_AUTHOR,
  DATASET_KEYWORDS,
  DATASET_LICENSE,
  DATASET_SOURCE,
  DATASET_TITLE,
  type DatasetStamp,
} from './dataset';

/**
 * CITATION.cff (Citation File Format 1.2.0, https://citation-file-format.github.io/) for a
 * dataset version: the repository's root file is this for the recorded release (a unit
 * test keeps them equal), and every dataset bundle carries it for the data it holds.
 * Values are written as JSON strings, which YAML reads as the same strings, so no title,
 * URL or date can be misread as another YAML type.
 */
export function citationCff(stamp: DatasetStamp): string {
  const q = (text: string) => JSON.stringify(text);
  return [
    'cff-version: 1.2.0',
    `message: ${q('If you use this dataset, please cite it as below, and cite its source document too.')}`,
    'type: dataset',
    `title: ${q(DATASET_TITLE)}`,
    `version: ${q(stamp.version)}`,
    `date-released: ${q(stamp.released)}`,
    'authors:',
    `  - name: ${q(DATASET_AUTHOR)}`,
    `license: ${q(DATASET_LICENSE.data.spdx)}`,
    `abstract: ${q(DATASET_ABSTRACT)}`,
    'keywords:',
    ...DATASET_KEYWORDS.map((k) => `  - ${q(k)}`),
    'identifiers:',
    '  - type: other',
    `    value: ${q(`sha256:${stamp.fingerprint}`)}`,
    `    description: ${q('SHA-256 fingerprint of the source text and the curated data files this version was built from')}`,
    'references:',
    '  - type: government-document',
    `    title: ${q(DATASET_SOURCE.title_ja)}`,
    '    authors:',
    `      - name: ${q(DATASET_SOURCE.publisher)}`,
    `    date-published: ${q(DATASET_SOURCE.date)}`,
    `    url: ${q(DATASET_SOURCE.url)}`,
    '    languages:',
    '      - ja',
    `    notes: ${q(`${DATASET_SOURCE.title_en}. Terms of use: ${DATASET_SOURCE.terms}, ${DATASET_SOURCE.termsUrl}. The joint statement: ${DATASET_SOURCE.statementUrl}.`)}`,
    '',
  ].join('\n');
}
