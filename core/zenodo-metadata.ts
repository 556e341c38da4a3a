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
 * .zenodo.json: the deposition metadata Zenodo reads when it archives a release of the
 * repository (its GitHub integration) or when one is uploaded by hand, built from the same
 * constants as CITATION.cff, so the two cannot disagree. `npm run dataset:version` rewrites
 * the file at the repository's root, and a unit test keeps it equal to this.
 */

/** The fields of Zenodo's deposition metadata this dataset uses (developers.zenodo.org). */
export interface ZenodoMetadata {
  title: string;
  upload_type: 'dataset';
  description: string;
  creators: { name: string }[];
  access_right: 'open';
  /** Zenodo's licence id: the SPDX id in lower case. */
  license: string;
  version: string;
  publication_date: string;
  keywords: string[];
  /** ISO 639-3: the plan's Japanese words are the evidence every node and relationship carries. */
  language: string;
  related_identifiers: {
    identifier: string;
    relation: 'isDerivedFrom' | 'references';
    scheme: 'url';
  }[];
  notes: string;
}

export function zenodoMetadata(stamp: DatasetStamp): ZenodoMetadata {
  return {
    title: DATASET_TITLE,
    upload_type: 'dataset',
    description: `<p>${DATASET_ABSTRACT}</p><p>Source: ${DATASET_SOURCE.publisher}, ${DATASET_SOURCE.title_en} (${DATASET_SOURCE.date}), ${DATASET_SOURCE.url}.</p>`,
    creators: [{ name: DATASET_AUTHOR }],
    access_right: 'open',
    license: DATASET_LICENSE.data.spdx.toLowerCase(),
    version: stamp.version,
    publication_date: stamp.released,
    keywords: [...DATASET_KEYWORDS],
    language: 'jpn',
    related_identifiers: [
      { identifier: DATASET_SOURCE.url, relation: 'isDerivedFrom', scheme: 'url' },
      { identifier: DATASET_SOURCE.statementUrl, relation: 'references', scheme: 'url' },
    ],
    notes: `Dataset ${stamp.id}, data fingerprint sha256:${stamp.fingerprint} (SHA-256 of the source text and the curated data files this version was built from). Cite the source document too. Terms of the source text: ${DATASET_SOURCE.terms}, ${DATASET_SOURCE.termsUrl}.`,
  };
}

/**
 * Writes a keyed array of strings on one line where it fits in `width` columns: the
 * repository's formatter (Biome) does, and a file it would rewrite fails the lint.
 */
function inlineStringArrays(json: string, width = 100): string {
  return json.replace(
    /^( *"[^"\n]*": )\[\n((?: *"(?:[^"\\\n]|\\.)*",?\n)+) *\]/gm,
    (whole, head: string, body: string) => {
      const items = body.split('\n').flatMap((item) => item.trim().replace(/,$/, '') || []);
      const line = `${head}[${items.join(', ')}]`;
      return line.length < width ? line : whole;
    },
  );
}

/** The file's text: two-space JSON with a final newline, as the formatter keeps it. */
export function zenodoJson(stamp: DatasetStamp): string {
  return `${inlineStringArrays(JSON.stringify(zenodoMetadata(stamp), null, 2))}\n`;
}
