import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import jsonld from 'jsonld';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DATASET_FINGERPRINT,
  DATASET_SOURCE,
  DATASET_VERSION,
  datasetStamp,
} from '../../core/dataset';
import type { CsvwTableGroup } from '../../core/formats/csvw';
import type { BundleManifest } from '../../core/formats/dataset-bundle';
import { KIZUNA_VOCAB, nodeIri, relationshipIri } from '../../core/formats/jsonld';
import {
  createEvent,
  ensureEventsSchema,
  setEventDeleted,
  syncCuratedEvents,
} from '../../graph/events/event-store';
import type { Graph } from '../../graph/graph';
import { readCuratedEvents } from '../../scripts/seed-events';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { createApp } from '../../server/app';
import { readCsvwTable } from '../support/csvw-reader';
import { openSeededGraph, openUnreachableGraph } from '../support/seeded-graph';

const logger = pino({ level: 'silent' });
let graph: Graph;
let app: ReturnType<typeof createApp>;

/** The body as text whatever the media type: supertest parses only the types it knows. */
function download(query: string) {
  return request(app)
    .get(`/api/export?${query}`)
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => done(null, text));
    });
}

const today = () => new Date().toISOString().slice(0, 10);
/** What every file name starts with: the dataset and its version. */
const PREFIX = `kizuna-jp-mn-2022-v${DATASET_VERSION}`;

/** The body as bytes, for the zip. */
/** The JSON export, fetched again until `done` holds of it (the cache follows the data within a second). */
async function exportUntil(
  done: (file: JsonFile) => boolean,
  timeoutMs = 10_000,
): Promise<JsonFile> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const file = JSON.parse((await download('format=json')).body) as JsonFile;
    if (done(file) || Date.now() > deadline) return file;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function downloadBytes(url: string) {
  return request(app)
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

beforeAll(async () => {
  graph = await openSeededGraph(inject('neo4j'));
  // The curated events, as the seed brings them in (idempotent; analysts' edits are kept).
  await ensureEventsSchema(graph);
  await syncCuratedEvents(graph, readCuratedEvents(readSeedInputs().model));
  app = createApp({ graph, logger });
});

/** The database's own count of what an export of the whole plan should hold of events. */
async function eventCounts(): Promise<{ events: number; relationships: number }> {
  const [row] = await graph.read(
    `MATCH (e:Event) WHERE coalesce(e.deleted, false) = false
     OPTIONAL MATCH (e)-[r:ADVANCES|ENGAGES|UNDER|WITHIN]->(:Entity)
     RETURN count(DISTINCT e) AS events, count(r) AS relationships`,
  );
  return { events: Number(row!.events), relationships: Number(row!.relationships) };
}

interface JsonFile {
  nodes: { id: string; label: string; properties: Record<string, unknown> }[];
  relationships: {
    id: string;
    type: string;
    start: string;
    end: string;
    properties: Record<string, unknown>;
  }[];
}
afterAll(async () => {
  await graph.close();
});

describe('GET /api/export', () => {
  it.each([
    ['graphml', 'application/graphml+xml; charset=utf-8', 'graphml', '<graphml '],
    ['gexf', 'application/gexf+xml; charset=utf-8', 'gexf', '<gexf '],
    ['csv-nodes', 'text/csv; header=present; charset=utf-8', 'nodes.csv', 'id:ID,:LABEL,'],
    [
      'csv-relationships',
      'text/csv; header=present; charset=utf-8',
      'relationships.csv',
      ':START_ID,:END_ID,:TYPE,',
    ],
    ['cypher', 'application/x-cypher-query; charset=utf-8', 'cypher', 'CREATE CONSTRAINT'],
    ['cyjs', 'application/json; charset=utf-8', 'cyjs', '"format_version"'],
    ['json', 'application/json; charset=utf-8', 'json', '"relationships"'],
  ])('format=%s downloads the whole plan as %s', async (format, type, extension, marker) => {
    const res = await download(`format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${PREFIX}-plan-${today()}.${extension}"`,
    );
    expect(res.body).toContain(marker);
    expect(res.body).toContain('モンゴル');
    // The seeded database is the recorded release: every file but the CSVs says which.
    if (!format.startsWith('csv')) {
      expect(res.body).toContain(DATASET_FINGERPRINT);
      expect(res.body).toContain(DATASET_SOURCE.url);
    }
  });

  it('stamps the files with the version and citation of what the database was seeded from', async () => {
    const res = await download('format=json');
    const file = JSON.parse(res.body);
    expect(file.dataset).toMatchObject({
      version: DATASET_VERSION,
      fingerprint: DATASET_FINGERPRINT,
      citation: datasetStamp().citation,
      sourceUrl: DATASET_SOURCE.url,
    });
    expect(file.counts.nodes).toBe(file.nodes.length);
    expect(file.counts.relationships).toBe(file.relationships.length);
    const cypher = await download('format=cypher');
    expect(cypher.body).toContain(`// Cite as: ${datasetStamp().citation}`);
    expect(cypher.body).toContain('CREATE FULLTEXT INDEX `kizuna_text_ja`');
  });

  it('exports the view the filters make, and names the file after them', async () => {
    const res = await download('format=cyjs&pillar=I,II&theme=theme/defence&lang=ja');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${PREFIX}-pillar-i+ii_theme-defence-${today()}.cyjs"`,
    );
    const file = JSON.parse(res.body);
    expect(file.data.name).toMatch(
      /^Kizuna: Japan–Mongolia Action Plan 2022–2031, pillar I, II; theme defence, with \d+ dated events$/,
    );
    // A filtered view keeps the events linked to its nodes, and only their links into it.
    const ids = new Set(file.elements.nodes.map((n: { data: { id: string } }) => n.data.id));
    const events = file.elements.nodes.filter(
      (n: { data: { kind: string } }) => n.data.kind === 'Event',
    );
    expect(events.length).toBeGreaterThan(0);
    for (const e of file.elements.edges) {
      expect(ids.has(e.data.source), e.data.id).toBe(true);
      expect(ids.has(e.data.target), e.data.id).toBe(true);
    }
    expect(file.data.language).toBe('ja');
    const commitments = file.elements.nodes
      .map((n: { data: Record<string, unknown> }) => n.data)
      .filter((d: Record<string, unknown>) => d.kind === 'Commitment');
    expect(commitments.length).toBeGreaterThan(0);
    for (const c of commitments) {
      expect(c.pillar_ref).toMatch(/^(I|II)$/);
      expect(c.name).toBe(c.name_ja);
      expect(c.text_ja).toEqual(expect.any(String));
    }
  });

  it('with positions=default, places nodes where GET /api/graph places them', async () => {
    const drawn = await request(app).get('/api/graph?positions=default');
    const placed = new Map<string, unknown>(
      drawn.body.elements.nodes.map((n: { data: { id: string }; position?: unknown }) => [
        n.data.id,
        n.position,
      ]),
    );
    const res = await download('format=cyjs&positions=default');
    expect(res.status).toBe(200);
    const nodes: { data: { id: string }; position?: unknown }[] = JSON.parse(res.body).elements
      .nodes;
    expect(nodes.filter((n) => n.position).length).toBeGreaterThan(100);
    for (const node of nodes) expect(node.position).toEqual(placed.get(node.data.id));
    const graphml = await download('format=graphml&positions=default');
    expect(graphml.body).toContain('attr.name="x" attr.type="double"');
    const plain = await download('format=graphml');
    expect(plain.body).not.toContain('attr.name="x"');
  });

  it('says in the title when the limit cut the view short', async () => {
    const res = await download('format=graphml&limit=5&events=false');
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/\(first 5 of \d+ nodes\)/);
    expect(res.body.match(/<node /g)).toHaveLength(5);
  });

  it.each([
    ['', 'format', /is required: one of graphml, gexf, csv-nodes/],
    ['format=pdf', 'format', /unknown format "pdf"; expected one of graphml, gexf/],
    ['format=csv', 'format', /unknown format "csv"/],
    ['format=graphml&pillar=V', 'pillar.0', /unknown pillar "V"/],
    ['format=graphml&theme=defence', 'theme.0', /unknown theme "defence"/],
    ['format=graphml&colour=red', 'colour', /is not a known parameter/],
    ['format=graphml&lang=fr', 'lang', /unknown language "fr"; expected one of ja, en/],
    ['format=graphml&limit=0', 'limit', /must be between 1 and 5000/],
    ['format=graphml&events=no', 'events', /must be true or false/],
  ])('answers %j with a 400 naming %s', async (query, field, detail) => {
    const res = await request(app).get(`/api/export?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.body).toMatchObject({ status: 400, field, detail: expect.stringMatching(detail) });
  });

  it('answers 503 when the database is down', async () => {
    const down = await openUnreachableGraph();
    try {
      const res = await request(createApp({ graph: down, logger })).get(
        '/api/export?format=graphml',
      );
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ title: 'Database unavailable' });
    } finally {
      await down.close();
    }
  });

  it('is in the OpenAPI document with its parameters and media types', async () => {
    const res = await request(app).get('/api/openapi.json');
    const operation = res.body.paths['/api/export'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['format', 'lang', 'pillar', 'theme', 'limit', 'events']),
    );
    expect(Object.keys(operation.responses['200'].content)).toEqual(
      expect.arrayContaining(['application/graphml+xml', 'text/csv; header=present']),
    );
    const bundle = res.body.paths['/api/export/bundle'].get;
    expect(bundle.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['lang', 'pillar', 'theme', 'limit', 'events']),
    );
    expect(Object.keys(bundle.responses['200'].content)).toEqual(['application/zip']);
  });
});

describe('events in the data exports', () => {
  it('JSON has every non-deleted event with its source, certainty and origin, and ADVANCES to commitments', async () => {
    const res = await download('format=json');
    expect(res.status).toBe(200);
    const file = JSON.parse(res.body) as JsonFile;
    const events = file.nodes.filter((n) => n.label === 'Event');
    const expected = await eventCounts();
    expect(expected.events).toBeGreaterThanOrEqual(38);
    expect(events).toHaveLength(expected.events);
    const ids = new Set(events.map((e) => e.id));
    expect(file.relationships.filter((r) => ids.has(r.start))).toHaveLength(expected.relationships);
    for (const event of events) {
      expect(event.properties).toMatchObject({
        source_url: expect.stringMatching(/^https?:\/\//),
        source_publisher: expect.any(String),
        source_accessed: expect.any(String),
        certainty: expect.stringMatching(/^(confirmed|uncertain)$/),
        origin: expect.stringMatching(/^(curated|analyst)$/),
        date: expect.any(String),
      });
      expect(event.properties).not.toHaveProperty('created_by');
    }
    const labelOf = new Map(file.nodes.map((n) => [n.id, n.label]));
    const advances = file.relationships.filter((r) => r.type === 'ADVANCES');
    expect(advances.length).toBeGreaterThan(0);
    for (const r of advances) {
      expect(labelOf.get(r.start)).toBe('Event');
      expect(labelOf.get(r.end)).toBe('Commitment');
      expect(r.properties.reason).toEqual(expect.any(String));
    }
    // One curated event, checked against the database by id.
    const sample = advances[0]!;
    const [stored] = await graph.read(
      `MATCH (e:Event {id: $id})-[:ADVANCES]->(c:Commitment {id: $to}) RETURN e.source_url AS url`,
      { id: sample.start, to: sample.end },
    );
    expect(events.find((e) => e.id === sample.start)!.properties.source_url).toBe(stored!.url);
  });

  it('GraphML and the Cypher script have an event with its source URL and its ADVANCES to a commitment', async () => {
    const json = JSON.parse((await download('format=json')).body) as JsonFile;
    const advances = json.relationships.find((r) => r.type === 'ADVANCES')!;
    const event = json.nodes.find((n) => n.id === advances.start)!;
    const url = String(event.properties.source_url);
    const graphml = (await download('format=graphml')).body;
    const escaped = url.replace(/&/g, '&amp;');
    expect(graphml).toContain(`>${escaped}</data>`);
    expect(graphml).toMatch(/<data key="node\.kind">Event<\/data>/);
    expect(graphml).toMatch(/<data key="edge\.type">ADVANCES<\/data>/);
    const cypher = (await download('format=cypher')).body;
    expect(cypher).toContain(`\`source_url\`: '${url}'`);
    expect(cypher).toMatch(/\] AS row CREATE \(n:Event\) SET n = row;$/m);
    expect(cypher).toMatch(
      /MATCH \(a:Event \{id: row\.s\}\) MATCH \(b:Commitment \{id: row\.t\}\) CREATE \(a\)-\[r:ADVANCES\]->\(b\) SET r = row\.p;$/m,
    );
  });

  it('events=false leaves them and their relationships out of every format', async () => {
    for (const format of [
      'json',
      'graphml',
      'gexf',
      'cypher',
      'cyjs',
      'csv-nodes',
      'csv-relationships',
      'jsonld',
    ]) {
      const res = await download(`format=${format}&events=false`);
      expect(res.status, format).toBe(200);
      // No event id (ev-…), no event label or relationship, no event schema.
      expect(res.body, format).not.toMatch(/\bev-[a-z0-9]/);
      expect(res.body, format).not.toMatch(/[>":(]Event\b/);
      expect(res.body, format).not.toContain('event_id_unique');
      expect(res.body, format).not.toContain('ADVANCES');
    }
    const json = JSON.parse((await download('format=json&events=false')).body) as JsonFile;
    const [plan] = await graph.read(
      'MATCH (n:Entity) WITH count(n) AS nodes MATCH (:Entity)-[r]->(:Entity) RETURN nodes, count(r) AS rels',
    );
    expect(json.nodes).toHaveLength(Number(plan!.nodes));
    expect(json.relationships).toHaveLength(Number(plan!.rels));
  });

  it("an analyst's new event is in the next export, and gone from it once deleted (the cache follows the data)", async () => {
    const before = JSON.parse((await download('format=json')).body) as JsonFile;
    const [curated] = readCuratedEvents(readSeedInputs().model);
    const created = await createEvent(
      graph,
      {
        ...curated!,
        title_en: 'An export probe',
        source_url: 'https://www.mofa.go.jp/export-probe.html',
      },
      'export-test',
    );
    try {
      // The seeding's version is re-read at most once a second: the export follows within that.
      const after = await exportUntil((file) => file.nodes.length !== before.nodes.length);
      expect(after.nodes).toHaveLength(before.nodes.length + 1);
      const probe = after.nodes.find((n) => n.id === created.id)!;
      expect(probe.properties).toMatchObject({
        origin: 'analyst',
        title_en: 'An export probe',
        source_url: 'https://www.mofa.go.jp/export-probe.html',
      });
      expect(after.relationships.filter((r) => r.start === created.id).length).toBeGreaterThan(0);
      await setEventDeleted(graph, created.id, true, null, 'export-test');
      const deleted = await exportUntil((file) => file.nodes.length === before.nodes.length);
      expect(deleted.nodes.map((n) => n.id)).not.toContain(created.id);
      expect(deleted.nodes).toHaveLength(before.nodes.length);
    } finally {
      await graph.write('MATCH (e:Event {id: $id}) DETACH DELETE e', { id: created.id });
    }
  });
});

describe('GET /api/export/bundle', () => {
  it('downloads the whole dataset as one zip whose manifest checksums match its files', async () => {
    const res = await downloadBytes('/api/export/bundle');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${PREFIX}-plan-bundle-${today()}.zip"`,
    );
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    const folder = `kizuna-jp-mn-2022-v${DATASET_VERSION}`;
    const manifest = JSON.parse(strFromU8(files[`${folder}/manifest.json`]!)) as BundleManifest;
    expect(manifest.dataset).toMatchObject({
      version: DATASET_VERSION,
      fingerprint: DATASET_FINGERPRINT,
      citation: datasetStamp().citation,
    });
    expect(manifest.files.map((f) => f.path).sort()).toEqual([
      'CITATION.cff',
      'README.md',
      'kizuna.cypher',
      'kizuna.json',
      'kizuna.jsonld',
      'nodes.csv',
      'relationships.csv',
      'tables/csv-metadata.json',
      'tables/nodes.csv',
      'tables/relationships.csv',
    ]);
    for (const entry of manifest.files) {
      const data = files[`${folder}/${entry.path}`];
      expect(data, entry.path).toBeDefined();
      expect(data!.length, entry.path).toBe(entry.bytes);
      expect(createHash('sha256').update(data!).digest('hex'), entry.path).toBe(entry.sha256);
    }
    // The counts are the database's: the whole seeded plan (its Entity nodes) and the
    // non-deleted events with their relationships, by label and type.
    const [counts] = await graph.read(
      `MATCH (n:Entity) WITH count(n) AS nodes
       MATCH (:Entity)-[r]->(:Entity) RETURN nodes, count(r) AS relationships`,
    );
    const events = await eventCounts();
    expect(events.events).toBeGreaterThanOrEqual(38);
    expect(manifest.counts.events).toBe(events.events);
    expect(manifest.counts.eventRelationships).toBe(events.relationships);
    expect(manifest.counts.labels.Event).toBe(events.events);
    expect(manifest.counts.types.ADVANCES).toBeGreaterThan(0);
    expect(manifest.counts.nodes).toBe(Number(counts!.nodes) + events.events);
    expect(manifest.counts.relationships).toBe(
      Number(counts!.relationships) + events.relationships,
    );
    const nodesCsv = manifest.files.find((f) => f.path === 'nodes.csv')!;
    expect(nodesCsv.rows).toBe(manifest.counts.nodes);
    expect(strFromU8(files[`${folder}/nodes.csv`]!)).toMatch(/^ev-[^,]+,Event,/m);
    expect(strFromU8(files[`${folder}/README.md`]!)).toContain(
      `${events.events} nodes are dated events`,
    );
    expect(Object.values(manifest.counts.labels).reduce((a, b) => a + b, 0)).toBe(
      manifest.counts.nodes,
    );
    const json = JSON.parse(strFromU8(files[`${folder}/kizuna.json`]!));
    expect(json.nodes).toHaveLength(manifest.counts.nodes);
    expect(strFromU8(files[`${folder}/CITATION.cff`]!)).toContain(`version: "${DATASET_VERSION}"`);
  });

  it('events=false leaves the events out of the bundle and its manifest', async () => {
    const res = await downloadBytes('/api/export/bundle?events=false');
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    const folder = `kizuna-jp-mn-2022-v${DATASET_VERSION}`;
    const manifest = JSON.parse(strFromU8(files[`${folder}/manifest.json`]!)) as BundleManifest;
    expect(manifest.counts.events).toBe(0);
    expect(manifest.counts.labels).not.toHaveProperty('Event');
    expect(manifest.counts.types).not.toHaveProperty('ADVANCES');
    for (const entry of manifest.files) {
      const data = files[`${folder}/${entry.path}`]!;
      expect(createHash('sha256').update(data).digest('hex'), entry.path).toBe(entry.sha256);
    }
  });

  it('takes the view filters, and refuses a bad one with a 400', async () => {
    const res = await downloadBytes('/api/export/bundle?pillar=IV&lang=ja');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(`${PREFIX}-pillar-iv-bundle-`);
    const bad = await request(app).get('/api/export/bundle?pillar=V');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'pillar.0' });
    const format = await request(app).get('/api/export/bundle?format=json');
    expect(format.status).toBe(400);
    expect(format.body).toMatchObject({ field: 'format' });
  });
});

/** The typed tables of a csvw download, unzipped and read by their own metadata. */
function readTables(zip: Buffer) {
  const files = unzipSync(new Uint8Array(zip));
  const folder = `kizuna-jp-mn-2022-v${DATASET_VERSION}-tables`;
  const text = (name: string) => strFromU8(files[`${folder}/${name}`]!);
  const metadata = JSON.parse(text('csv-metadata.json')) as CsvwTableGroup;
  const [nodeTable, relationshipTable] = metadata.tables;
  return {
    files: Object.keys(files).sort(),
    text,
    metadata,
    nodes: readCsvwTable(metadata, nodeTable, text('nodes.csv')),
    relationships: readCsvwTable(metadata, relationshipTable, text('relationships.csv')),
  };
}

const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

describe('typed and linked data', () => {
  it('format=csvw is a zip of typed tables whose metadata reads them back to the JSON export, cell by cell', async () => {
    const res = await downloadBytes('/api/export?format=csvw');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${PREFIX}-plan-${today()}.csvw.zip"`,
    );
    expect(res.headers['x-kizuna-truncated']).toBeUndefined();
    const { files, metadata, nodes, relationships, text } = readTables(res.body as Buffer);
    expect(files).toEqual(
      ['csv-metadata.json', 'nodes.csv', 'relationships.csv'].map(
        (f) => `kizuna-jp-mn-2022-v${DATASET_VERSION}-tables/${f}`,
      ),
    );
    expect(metadata['schema:version']).toBe(DATASET_VERSION);
    expect(metadata['dc:identifier']).toBe(`sha256:${DATASET_FINGERPRINT}`);
    expect(nodes.comments).toEqual([]);
    expect(text('nodes.csv')).not.toContain('# truncated');

    const json = JSON.parse((await download('format=json')).body) as JsonFile;
    expect(json.nodes.some((n) => n.label === 'Event')).toBe(true);
    const byId = new Map(nodes.rows.map((row) => [row.id, row]));
    expect(byId.size).toBe(json.nodes.length);
    const nodeColumns = metadata.tables[0].tableSchema.columns.map((c) => c.name).slice(2);
    for (const node of json.nodes) {
      const row = byId.get(node.id)!;
      expect(row.label, node.id).toBe(node.label);
      for (const name of nodeColumns)
        expect(row[name], `${node.id} ${name}`).toEqual(node.properties[name] ?? null);
    }
    const relationshipColumns = metadata.tables[1].tableSchema.columns.map((c) => c.name).slice(4);
    const byKey = new Map(relationships.rows.map((row) => [row.id, row]));
    expect(byKey.size).toBe(json.relationships.length);
    for (const r of json.relationships) {
      const row = byKey.get(r.id)!;
      expect([row.type, row.start, row.end], r.id).toEqual([r.type, r.start, r.end]);
      for (const name of relationshipColumns)
        expect(row[name], `${r.id} ${name}`).toEqual(r.properties[name] ?? null);
    }
  });

  it('format=jsonld parses offline into one typed subject per node and one statement per relationship', async () => {
    const res = await download('format=jsonld');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${PREFIX}-plan-${today()}.jsonld"`,
    );
    const noNetwork = async (url: string): Promise<never> => {
      throw new Error(`the JSON-LD asked to fetch ${url}`);
    };
    const options = { documentLoader: noNetwork, safe: true } as Parameters<typeof jsonld.toRDF>[1];
    const quads = (await jsonld.toRDF(JSON.parse(res.body), options)) as {
      subject: { value: string };
      predicate: { value: string };
      object: { value: string };
    }[];
    const json = JSON.parse((await download('format=json')).body) as JsonFile;
    const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
    const typed = quads.filter(
      (q) => q.predicate.value === `${RDF}type` && q.object.value.startsWith(KIZUNA_VOCAB),
    );
    expect(countBy(typed, (q) => q.object.value.slice(KIZUNA_VOCAB.length))).toEqual(
      countBy(json.nodes, (n) => n.label),
    );
    expect(new Set(typed.map((q) => q.subject.value)).size).toBe(json.nodes.length);
    const statements = quads.filter((q) => q.predicate.value === `${RDF}predicate`);
    expect(new Set(statements.map((q) => q.subject.value))).toEqual(
      new Set(json.relationships.map((r) => relationshipIri(r.id))),
    );
    expect(countBy(statements, (q) => q.object.value.slice(KIZUNA_VOCAB.length))).toEqual(
      countBy(json.relationships, (r) => r.type),
    );
    const direct = new Set(
      quads
        .filter(
          (q) =>
            q.predicate.value.startsWith(KIZUNA_VOCAB) &&
            q.object.value.startsWith('urn:kizuna:node:'),
        )
        .map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`),
    );
    expect(direct).toEqual(
      new Set(
        json.relationships.map(
          (r) => `${nodeIri(r.start)} ${KIZUNA_VOCAB}${r.type} ${nodeIri(r.end)}`,
        ),
      ),
    );
  });

  it('a view cut by the limit says so: the X-Kizuna-Truncated header, and a last # line in each typed table', async () => {
    const res = await downloadBytes('/api/export?format=csvw&limit=5&events=false');
    expect(res.status).toBe(200);
    const said = res.headers['x-kizuna-truncated'];
    expect(said).toMatch(
      /^truncated: the view matched \d+ nodes; this export holds the first 5 \(limit=5\)$/,
    );
    const { nodes, relationships, text, metadata } = readTables(res.body as Buffer);
    expect(nodes.rows).toHaveLength(5);
    expect(nodes.comments).toEqual([said]);
    expect(relationships.comments).toEqual([said]);
    expect(text('nodes.csv').endsWith(`# ${said}\r\n`)).toBe(true);
    expect(metadata['rdfs:comment']).toBe(said);

    for (const url of [
      '/api/export?format=csv-nodes&limit=5',
      '/api/export?format=jsonld&limit=5',
      '/api/export/bundle?limit=5',
    ]) {
      const cut = await downloadBytes(url);
      expect(cut.headers['x-kizuna-truncated'], url).toMatch(/^truncated: the view matched/);
    }
    const whole = await downloadBytes('/api/export?format=csv-nodes');
    expect(whole.headers['x-kizuna-truncated']).toBeUndefined();
  });
});
