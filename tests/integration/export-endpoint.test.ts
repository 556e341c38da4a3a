import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Graph } from '../../graph/graph';
import { createApp } from '../../server/app';
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

beforeAll(async () => {
  graph = await openSeededGraph(inject('neo4j'));
  app = createApp({ graph, logger });
});
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
  ])('format=%s downloads the whole plan as %s', async (format, type, extension, marker) => {
    const res = await download(`format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="kizuna-plan-${today()}.${extension}"`,
    );
    expect(res.body).toContain(marker);
    expect(res.body).toContain('モンゴル');
  });

  it('exports the view the filters make, and names the file after them', async () => {
    const res = await download('format=cyjs&pillar=I,II&theme=theme/defence&lang=ja');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="kizuna-pillar-i+ii_theme-defence-${today()}.cyjs"`,
    );
    const file = JSON.parse(res.body);
    expect(file.data.name).toBe(
      'Kizuna: Japan–Mongolia Action Plan 2022–2031, pillar I, II; theme defence',
    );
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
    const res = await download('format=graphml&limit=5');
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
      expect.arrayContaining(['format', 'lang', 'pillar', 'theme', 'limit']),
    );
    expect(Object.keys(operation.responses['200'].content)).toEqual(
      expect.arrayContaining(['application/graphml+xml', 'text/csv; header=present']),
    );
  });
});
