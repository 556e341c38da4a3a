import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { citationCff } from '../../core/citation-cff';
import {
  citationFooter,
  DATASET_FINGERPRINT,
  DATASET_SOURCE,
  DATASET_VERSION,
  datasetStamp,
  versionFor,
} from '../../core/dataset';
import type { CsvwTableGroup } from '../../core/formats/csvw';
import { type BundleManifest, buildDatasetBundle } from '../../core/formats/dataset-bundle';
import { EXPORT_FORMATS } from '../../core/formats/export-formats';
import type { ExportGraph } from '../../core/formats/export-graph';
import type { JsonExport } from '../../core/formats/json';
import { repoRoot } from '../../scripts/neo4j/bundled-paths';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { readCsvwTable } from '../support/csvw-reader';

/** A stamp no release has: a database seeded from edited files. */
const EDITED = 'ab'.repeat(32);
const stamp = datasetStamp(EDITED);

/** Lists on nodes and relationships, as the one-relationship-per-pair model stores evidence. */
function graph(withStamp = true): ExportGraph {
  return {
    metadata: {
      title: 'Dataset test',
      source: 'Source: test',
      exportedAt: '2026-11-30',
      language: 'en',
      ...(withStamp ? { dataset: stamp } : {}),
    },
    nodes: [
      {
        id: 'jp-mn-2022/I.1.1',
        kind: 'Commitment',
        properties: { id: 'jp-mn-2022/I.1.1', name_en: 'A', aliases: ['x', 'y'] },
      },
      {
        id: 'mofa-jp',
        kind: 'Agency',
        properties: { id: 'mofa-jp', name_en: 'MOFA', name_ja: '外務省' },
      },
    ],
    edges: [
      {
        id: 'INVOLVES|jp-mn-2022/I.1.1|mofa-jp',
        source: 'jp-mn-2022/I.1.1',
        target: 'mofa-jp',
        type: 'INVOLVES',
        properties: {
          key: 'INVOLVES|jp-mn-2022/I.1.1|mofa-jp',
          evidence: '外務省',
          evidence_line: 12,
          evidences: ['外務省', '外務省間'],
          evidence_lines: [12, 14],
          roles: ['actor', 'partner'],
        },
      },
    ],
  };
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('dataset version', () => {
  it('records the fingerprint of the data in seed/ (bump it with npm run dataset:version when they change)', () => {
    const { fingerprint } = readSeedInputs();
    expect(
      fingerprint,
      `seed/source or seed/data changed since dataset version ${DATASET_VERSION}: run npm run dataset:version -- major|minor|patch`,
    ).toBe(DATASET_FINGERPRINT);
    expect(DATASET_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('marks data that are not the release with semver build metadata', () => {
    expect(versionFor(DATASET_FINGERPRINT)).toBe(DATASET_VERSION);
    expect(versionFor(EDITED)).toBe(`${DATASET_VERSION}+data.abababababab`);
    expect(stamp.citation).toContain(`version ${DATASET_VERSION}+data.abababababab`);
    expect(stamp.citation).toContain('sha256:abababababab');
    expect(stamp.citation).toContain(DATASET_SOURCE.url);
  });

  it('gives diagrams a one-line footer with version, fingerprint, source and licence', () => {
    const en = citationFooter(datasetStamp(), 'en');
    expect(en).toContain(`v${DATASET_VERSION}`);
    expect(en).toContain(`sha256:${DATASET_FINGERPRINT.slice(0, 12)}`);
    expect(en).toContain(DATASET_SOURCE.url);
    expect(en).toContain('CC-BY-4.0');
    const ja = citationFooter(datasetStamp(), 'ja');
    expect(ja).toContain('外務省');
    expect(ja).toContain('加工して作成');
    expect(ja).toContain(DATASET_SOURCE.url);
  });
});

describe('CITATION.cff', () => {
  const text = readFileSync(path.join(repoRoot, 'CITATION.cff'), 'utf8');

  it('is the one core/citation-cff.ts writes for the recorded version', () => {
    expect(text).toBe(citationCff(datasetStamp()));
  });

  it('reads as CFF 1.2.0 YAML naming the version, fingerprint, licence and source', () => {
    const cff = parseYaml(text) as Record<string, unknown>;
    expect(cff).toMatchObject({
      'cff-version': '1.2.0',
      type: 'dataset',
      version: DATASET_VERSION,
      license: 'CC-BY-4.0',
      authors: [{ name: 'The Kizuna project' }],
      identifiers: [{ type: 'other', value: `sha256:${DATASET_FINGERPRINT}` }],
      references: [
        {
          type: 'government-document',
          authors: [{ name: 'Ministry of Foreign Affairs of Japan' }],
          url: DATASET_SOURCE.url,
          'date-published': '2022-11-29',
        },
      ],
    });
    expect(String(cff.message)).not.toBe('');
    expect(String(cff['date-released'])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('uses only keys and values the CFF 1.2.0 schema allows (additionalProperties: false there)', () => {
    // From the schema's root and reference definitions (citation-file-format 1.2.0 schema.json).
    const ROOT = [
      'abstract',
      'authors',
      'cff-version',
      'commit',
      'contact',
      'date-released',
      'doi',
      'identifiers',
      'keywords',
      'license',
      'license-url',
      'message',
      'preferred-citation',
      'references',
      'repository',
      'repository-artifact',
      'repository-code',
      'title',
      'type',
      'url',
      'version',
    ];
    const REQUIRED = ['authors', 'cff-version', 'message', 'title'];
    const REFERENCE_REQUIRED = ['authors', 'title', 'type'];
    const cff = parseYaml(text) as Record<string, unknown> & {
      references: Record<string, unknown>[];
      identifiers: Record<string, unknown>[];
    };
    for (const key of Object.keys(cff)) expect(ROOT, key).toContain(key);
    for (const key of REQUIRED) expect(cff, key).toHaveProperty(key);
    for (const ref of cff.references) {
      for (const key of REFERENCE_REQUIRED) expect(ref, key).toHaveProperty(key);
      for (const language of ref.languages as string[]) expect(language).toMatch(/^[a-z]{2,3}$/);
      expect(String(ref.url)).toMatch(/^(https|http|ftp|sftp):\/\/.+/);
    }
    for (const id of cff.identifiers) {
      expect(Object.keys(id).sort()).toEqual(['description', 'type', 'value']);
      expect(id.type).toBe('other');
    }
  });
});

describe('every export carries the version and citation', () => {
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

  it('GraphML: graph data', () => {
    const doc = xml.parse(EXPORT_FORMATS.graphml.build(graph()));
    const names = new Map<string, string>(
      doc.graphml.key.map((k: Record<string, string>) => [k.id, k['attr.name']]),
    );
    const data = Object.fromEntries(
      (doc.graphml.graph.data as { key: string; '#text': string }[]).map((d) => [
        names.get(d.key),
        String(d['#text']),
      ]),
    );
    expect(data).toMatchObject({
      version: stamp.version,
      fingerprint: EDITED,
      citation: stamp.citation,
      source_url: DATASET_SOURCE.url,
    });
  });

  it('GEXF: meta keywords and description', () => {
    const doc = xml.parse(EXPORT_FORMATS.gexf.build(graph()));
    expect(doc.gexf.meta.keywords).toContain(`version ${stamp.version}`);
    expect(doc.gexf.meta.description).toContain(`Cite as: ${stamp.citation}`);
    expect(doc.gexf.meta.description).toContain(`sha256:${EDITED}`);
  });

  it('Cypher script: comments at the top', () => {
    const head = EXPORT_FORMATS.cypher.build(graph()).split('\n').slice(0, 12);
    expect(head).toContain(`// Dataset: kizuna-jp-mn-2022 version ${stamp.version}`);
    expect(head).toContain(`// Fingerprint: sha256:${EDITED}`);
    expect(head).toContain(`// Source URL: ${DATASET_SOURCE.url}`);
    expect(head).toContain(`// Cite as: ${stamp.citation}`);
  });

  it('Cytoscape .cyjs: network data', () => {
    const file = JSON.parse(EXPORT_FORMATS.cyjs.build(graph()));
    expect(file.data).toMatchObject({
      version: stamp.version,
      fingerprint: EDITED,
      citation: stamp.citation,
      source_url: DATASET_SOURCE.url,
    });
  });

  it('JSON: the dataset block, with lists kept as arrays', () => {
    const file = JSON.parse(EXPORT_FORMATS.json.build(graph())) as JsonExport;
    expect(file.dataset).toMatchObject({
      version: stamp.version,
      fingerprint: EDITED,
      citation: stamp.citation,
      sourceUrl: DATASET_SOURCE.url,
      license: 'CC-BY-4.0',
    });
    expect(file.dataset.source.publisher).toBe('Ministry of Foreign Affairs of Japan');
    expect(file.counts).toEqual({ nodes: 2, relationships: 1 });
    expect(file.relationships[0]).toMatchObject({
      type: 'INVOLVES',
      start: 'jp-mn-2022/I.1.1',
      end: 'mofa-jp',
      properties: { evidence_lines: [12, 14], roles: ['actor', 'partner'] },
    });
  });

  it('without a stamp of its own, a file carries the recorded release', () => {
    for (const format of ['graphml', 'gexf', 'cypher', 'cyjs', 'json', 'jsonld'] as const) {
      const text = EXPORT_FORMATS[format].build(graph(false));
      expect(text, format).toContain(DATASET_FINGERPRINT);
      expect(text, format).toContain(DATASET_VERSION);
    }
  });
});

describe('dataset bundle', () => {
  const { zip, manifest, folder } = buildDatasetBundle(graph(), sha256);
  const files = unzipSync(zip);

  it('holds one folder named for the dataset and version, with every file the manifest lists', () => {
    expect(folder).toBe(`kizuna-jp-mn-2022-v${stamp.version}`);
    expect(Object.keys(files).sort()).toEqual(
      [
        'CITATION.cff',
        'README.md',
        'kizuna.cypher',
        'kizuna.json',
        'kizuna.jsonld',
        'manifest.json',
        'nodes.csv',
        'relationships.csv',
        'tables/csv-metadata.json',
        'tables/nodes.csv',
        'tables/relationships.csv',
      ].map((f) => `${folder}/${f}`),
    );
    const listed = manifest.files.map((f) => f.path).sort();
    expect(listed).toEqual(
      Object.keys(files)
        .map((f) => f.slice(folder.length + 1))
        .filter((f) => f !== 'manifest.json')
        .sort(),
    );
  });

  it('has a manifest whose sizes and SHA-256 checksums match the unzipped files', () => {
    const read = JSON.parse(strFromU8(files[`${folder}/manifest.json`]!)) as BundleManifest;
    expect(read).toEqual(manifest);
    for (const entry of read.files) {
      const data = files[`${folder}/${entry.path}`]!;
      expect(data.length, entry.path).toBe(entry.bytes);
      expect(sha256(data), entry.path).toBe(entry.sha256);
    }
    expect(read.dataset).toMatchObject({ version: stamp.version, fingerprint: EDITED });
    expect(read.counts).toEqual({
      nodes: 2,
      relationships: 1,
      events: 0,
      eventRelationships: 0,
      labels: { Agency: 1, Commitment: 1 },
      types: { INVOLVES: 1 },
    });
  });

  it('writes lists as neo4j-admin arrays in the CSVs', () => {
    const csv = strFromU8(files[`${folder}/relationships.csv`]!);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe(
      ':START_ID,:END_ID,:TYPE,evidence:string,evidence_line:int,evidence_lines:int[],evidences:string[],key:string,roles:string[]',
    );
    expect(row).toBe(
      'jp-mn-2022/I.1.1,mofa-jp,INVOLVES,外務省,12,12;14,外務省;外務省間,INVOLVES|jp-mn-2022/I.1.1|mofa-jp,actor;partner',
    );
  });

  it('has typed tables that read back by their CSVW metadata, with the version stamp of the bundle', () => {
    const text = (path: string) => strFromU8(files[`${folder}/tables/${path}`]!);
    const metadata = JSON.parse(text('csv-metadata.json')) as CsvwTableGroup;
    expect(metadata['schema:version']).toBe(stamp.version);
    const [nodeTable, relationshipTable] = metadata.tables;
    expect(readCsvwTable(metadata, nodeTable, text('nodes.csv')).rows.map((r) => r.id)).toEqual([
      'jp-mn-2022/I.1.1',
      'mofa-jp',
    ]);
    const [row] = readCsvwTable(metadata, relationshipTable, text('relationships.csv')).rows;
    expect(row).toMatchObject({ evidence_lines: [12, 14], roles: ['actor', 'partner'] });
    expect(manifest.files.find((f) => f.path === 'tables/nodes.csv')?.rows).toBe(2);
  });

  it('carries the citation in its README and CITATION.cff', () => {
    expect(strFromU8(files[`${folder}/README.md`]!)).toContain(stamp.citation);
    const cff = parseYaml(strFromU8(files[`${folder}/CITATION.cff`]!));
    expect(cff.version).toBe(stamp.version);
    expect(cff.identifiers[0].value).toBe(`sha256:${EDITED}`);
  });

  it('is the same zip, byte for byte, for the same data', () => {
    expect(sha256(buildDatasetBundle(graph(), sha256).zip)).toBe(sha256(zip));
  });
});
