import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DATASET_FINGERPRINT,
  DATASET_LICENSE,
  DATASET_RELEASED,
  DATASET_SOURCE,
  DATASET_TITLE,
  DATASET_VERSION,
  datasetStamp,
} from '../../core/dataset';
import { zenodoJson } from '../../core/zenodo-metadata';
import { repoRoot } from '../../scripts/neo4j/bundled-paths';

describe('.zenodo.json', () => {
  const text = readFileSync(path.join(repoRoot, '.zenodo.json'), 'utf8');

  it('is the one core/zenodo-metadata.ts writes for the recorded version (npm run dataset:version rewrites it)', () => {
    expect(text).toBe(zenodoJson(datasetStamp()));
  });

  it('describes the recorded release as Zenodo reads it', () => {
    const meta = JSON.parse(text);
    expect(meta).toMatchObject({
      title: DATASET_TITLE,
      upload_type: 'dataset',
      license: 'cc-by-4.0',
      access_right: 'open',
      version: DATASET_VERSION,
      publication_date: DATASET_RELEASED,
      creators: [{ name: 'The Kizuna project' }],
    });
    expect(DATASET_LICENSE.data.spdx.toLowerCase()).toBe(meta.license);
    expect(meta.related_identifiers).toContainEqual({
      identifier: DATASET_SOURCE.url,
      relation: 'isDerivedFrom',
      scheme: 'url',
    });
    expect(meta.notes).toContain(`sha256:${DATASET_FINGERPRINT}`);
    expect(meta.language).toMatch(/^[a-z]{3}$/);
    expect(meta.keywords.length).toBeGreaterThan(0);
    // Zenodo's deposition metadata has no other keys; a misspelt one would be dropped silently.
    const ZENODO_KEYS = [
      'title',
      'upload_type',
      'description',
      'creators',
      'access_right',
      'license',
      'version',
      'publication_date',
      'keywords',
      'language',
      'related_identifiers',
      'notes',
      'contributors',
      'communities',
      'subjects',
      'references',
      'doi',
    ];
    for (const key of Object.keys(meta)) expect(ZENODO_KEYS, key).toContain(key);
  });
});
