import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSearchIndex, searchPlan } from '../../core/search/plan-search';
import type { Graph } from '../../graph/graph';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { createApp } from '../../server/app';
import type { ConsoleSandbox } from '../../server/routes/cypher/console-sandbox';
import { SEARCH_CASES } from '../fixtures/search-queries';
import { testConsole } from '../support/console-database';
import { I32, I32_TO_IV22_THROUGH_STRUCTURE, IV22 } from '../support/plan-paths';
import { openSeededGraph, openUnreachableGraph } from '../support/seeded-graph';

const logger = pino({ level: 'silent' });
let graph: Graph;
let sandbox: ConsoleSandbox;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  graph = await openSeededGraph(inject('neo4j'));
  sandbox = testConsole(graph);
  app = createApp({ graph, console: sandbox, logger });
});
afterAll(async () => {
  await sandbox.close();
  await graph.close();
});

const get = (url: string) => request(app).get(url);
const ids = (body: { elements: { nodes: { data: { id: string } }[] } }) =>
  body.elements.nodes.map((n) => n.data.id);

function expectProblem(res: request.Response, status: number, field?: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.status).toBe(status);
  if (field) expect(res.body.field).toBe(field);
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

describe('GET /api/schema', () => {
  // The first schema request fills the research console's database with the public data
  // (server/routes/cypher/console-sandbox.ts) and builds its indexes: 30 s was not enough
  // for that on a busy 2-core machine.
  it('lists every label and relationship type with counts and properties', async () => {
    const res = await get('/api/schema');
    expect(res.status).toBe(200);
    const labels = Object.fromEntries(
      res.body.labels.map((l: { label: string; count: number }) => [l.label, l.count]),
    );
    expect(labels).toMatchObject({ Commitment: 86, Agency: 22, Agreement: 14, Theme: 26 });
    const underpins = res.body.relationshipTypes.find(
      (t: { type: string }) => t.type === 'UNDERPINS',
    );
    expect(underpins.count).toBe(9);
    expect(underpins.properties.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['evidence', 'evidence_start', 'evidence_end', 'cue']),
    );
    expect(res.body.propertyKeys).toEqual(
      expect.arrayContaining(['text_ja', 'text_en', 'name_ja']),
    );
  }, 180_000);
});

describe('GET /api/graph', () => {
  it('returns the whole plan as Cytoscape elements', async () => {
    const res = await get('/api/graph');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ truncated: false, total: 215 });
    expect(res.body.elements.nodes).toHaveLength(215);
    expect(res.body.elements.edges).toHaveLength(621);
    const edge = res.body.elements.edges.find(
      (e: { data: { type: string } }) => e.data.type === 'UNDERPINS',
    );
    expect(edge.data).toMatchObject({
      source: expect.any(String),
      target: expect.any(String),
      evidence: expect.any(String),
    });
  });

  it('filters by pillar, kind and relationship type', async () => {
    const res = await get('/api/graph?pillar=I&kinds=Commitment,Agreement&rel=UNDERPINS');
    const kinds = new Set(
      res.body.elements.nodes.map((n: { data: { kind: string } }) => n.data.kind),
    );
    expect([...kinds].sort()).toEqual(['Agreement', 'Commitment']);
    expect(ids(res.body)).toContain('jp-mn-defence-mou');
    expect(ids(res.body)).not.toContain('jp-mn-epa');
    expect(
      res.body.elements.edges.every((e: { data: { type: string } }) => e.data.type === 'UNDERPINS'),
    ).toBe(true);
    // 13 bullets and the 2 sub-items of I.2.3
    expect(
      res.body.elements.nodes.filter(
        (n: { data: { kind: string } }) => n.data.kind === 'Commitment',
      ),
    ).toHaveLength(15);
  });

  it('filters by theme and country', async () => {
    const themed = await get('/api/graph?theme=theme/climate&kinds=Commitment');
    expect(
      ids(themed.body).every(
        (id) => id.startsWith('jp-mn-2022/IV.2') || id.startsWith('jp-mn-2022/'),
      ),
    ).toBe(true);
    expect(ids(themed.body)).toContain('jp-mn-2022/IV.2.4');
    const mongolian = await get('/api/graph?kinds=Agency&country=MN');
    expect(ids(mongolian.body)).toContain('mod-mn');
    expect(ids(mongolian.body)).not.toContain('mod-jp');
  });

  it('caps the view and says it is truncated', async () => {
    const res = await get('/api/graph?limit=10');
    expect(res.body).toMatchObject({ truncated: true, total: 215 });
    expect(res.body.elements.nodes).toHaveLength(10);
    expect(ids(res.body)[0]).toBe('jp-mn-2022');
  });

  it('lets clients cache the view: the same ETag gives 304', async () => {
    const first = await get('/api/graph?pillar=II');
    expect(first.headers.etag).toBeTruthy();
    const again = await get('/api/graph?pillar=II').set(
      'If-None-Match',
      String(first.headers.etag),
    );
    expect(again.status).toBe(304);
    const other = await get('/api/graph?pillar=III');
    expect(other.headers.etag).not.toBe(first.headers.etag);
  });

  it('answers bad filters with 400 naming the parameter', async () => {
    expectProblem(await get('/api/graph?kinds=Person'), 400, 'kinds.0');
    expectProblem(await get('/api/graph?limit=0'), 400, 'limit');
    expectProblem(await get('/api/graph?limit=abc'), 400, 'limit');
    expectProblem(await get('/api/graph?area=I.3%27%20OR%201=1'), 400, 'area.0');
    expectProblem(await get('/api/graph?colour=red'), 400, 'colour');
  });
});

describe('GET /api/nodes/:id', () => {
  it('returns one node with both languages, its provenance and the evidence of each relationship', async () => {
    const res = await get(`/api/nodes/${encodeURIComponent('jp-mn-2022/I.3.2')}`);
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('Commitment');
    expect(res.body.properties).toMatchObject({
      ref: 'I.3.2',
      text_en: expect.stringContaining('Memorandum'),
    });
    expect(res.body.provenance).toMatchObject({ line_start: 35, line_end: 35 });
    const underpins = res.body.provenance.relationships.filter(
      (r: { type: string }) => r.type === 'UNDERPINS',
    );
    expect(underpins).toHaveLength(2);
    for (const r of res.body.provenance.relationships.filter(
      (x: { properties: { evidence_start?: number } }) => x.properties.evidence_start !== undefined,
    )) {
      const { evidence, evidence_start, evidence_end } = r.properties;
      expect(res.body.provenance.text_ja.slice(evidence_start, evidence_end)).toBe(evidence);
    }
    expect(res.body.neighbours).toEqual(
      expect.arrayContaining([{ type: 'UNDERPINS', direction: 'in', kind: 'Agreement', count: 2 }]),
    );
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expectProblem(await get('/api/nodes/no-such-node'), 404, 'id');
    expectProblem(await get(`/api/nodes/${encodeURIComponent('bad id!')}`), 400, 'id');
  });
});

describe('GET /api/nodes/:id/neighbours', () => {
  it('includes the commitments the EPA underpins', async () => {
    const res = await get('/api/nodes/jp-mn-epa/neighbours?rel=UNDERPINS');
    expect(ids(res.body).sort()).toEqual([
      'jp-mn-2022/II.2.1',
      'jp-mn-2022/II.2.2',
      'jp-mn-2022/II.2.4',
      'jp-mn-epa',
    ]);
    expect(res.body.elements.edges.length).toBeGreaterThanOrEqual(3);
  });

  it('expands to depth 2, nearest first, and truncates at the limit', async () => {
    const res = await get('/api/nodes/jp-mn-epa/neighbours?depth=2&limit=5');
    expect(res.body.truncated).toBe(true);
    expect(res.body.elements.nodes).toHaveLength(6);
    expect(res.body.total).toBeGreaterThan(5);
  });

  it('validates depth and limit, and 404s an unknown node', async () => {
    expectProblem(await get('/api/nodes/jp-mn-epa/neighbours?depth=4'), 400, 'depth');
    expectProblem(await get('/api/nodes/jp-mn-epa/neighbours?limit=1001'), 400, 'limit');
    expectProblem(await get('/api/nodes/jp-mn-epa/neighbours?rel=KNOWS'), 400, 'rel.0');
    expectProblem(await get('/api/nodes/nobody/neighbours'), 404, 'id');
  });
});

describe('GET /api/paths', () => {
  it("finds a path from Japan's Ministry of Defense to Mongolia's", async () => {
    const res = await get('/api/paths?from=mod-jp&to=mod-mn');
    expect(res.status).toBe(200);
    expect(res.body.paths.length).toBeGreaterThan(0);
    expect(res.body.paths[0].hops).toBe(2);
    for (const path of res.body.paths) {
      expect(path.nodes[0]).toBe('mod-jp');
      expect(path.nodes.at(-1)).toBe('mod-mn');
    }
  });

  it('can avoid the plan hierarchy so paths go through actors and instruments', async () => {
    const res = await get('/api/paths?from=mod-jp&to=un&avoidHierarchy=true');
    expect(res.body.paths.length).toBeGreaterThan(1);
    const types = res.body.elements.edges.map((e: { data: { type: string } }) => e.data.type);
    expect(types).not.toContain('PART_OF');
    expect(types).not.toContain('TAGGED');
    const routes = res.body.paths.map((p: { nodes: string[] }) => p.nodes.join('>'));
    expect(new Set(routes).size).toBe(routes.length);
  });

  const between = (from: string, to: string, options = '') =>
    get(`/api/paths?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${options}`);
  const routes = (body: { paths: { nodes: string[] }[] }) =>
    body.paths.map((p) => p.nodes.join(' > '));

  it('joins I.3.2 and IV.2.2 through the plan’s structure when Japan and Mongolia are avoided', async () => {
    // Through anything, each is one step from the country hubs, which say nothing of them.
    const anything = await between(I32, IV22);
    expect(anything.body.paths[0].nodes).toEqual([
      I32,
      expect.stringMatching(/^(japan|mongolia)$/),
      IV22,
    ]);
    const res = await between(I32, IV22, '&themes=false&avoid=japan,mongolia');
    expect(res.status).toBe(200);
    expect(routes(res.body)[0]).toBe(I32_TO_IV22_THROUGH_STRUCTURE.join(' > '));
    const types = res.body.elements.edges.map((e: { data: { type: string } }) => e.data.type);
    expect(new Set(types)).toEqual(new Set(['PART_OF']));
    expect(res.body.exclusions).toEqual({
      via: ['themes', 'events'],
      nodes: [
        { id: 'japan', kind: 'Country', name_ja: '日本国', name_en: 'Japan' },
        { id: 'mongolia', kind: 'Country', name_ja: expect.any(String), name_en: 'Mongolia' },
      ],
      types: ['TAGGED'],
    });
  });

  it('gives the k shortest paths around the hubs: distinct, shortest first, no node twice', async () => {
    const res = await get('/api/paths?from=mod-jp&to=un&k=5&avoid=japan,mongolia');
    expect(res.status).toBe(200);
    expect(res.body.paths).toHaveLength(5);
    expect(new Set(routes(res.body)).size).toBe(5);
    const hops = res.body.paths.map((p: { hops: number }) => p.hops);
    expect(hops).toEqual([...hops].sort((a, b) => a - b));
    for (const path of res.body.paths) {
      expect(path.nodes[0]).toBe('mod-jp');
      expect(path.nodes.at(-1)).toBe('un');
      expect(path.nodes).not.toContain('japan');
      expect(path.nodes).not.toContain('mongolia');
      expect(new Set(path.nodes).size).toBe(path.nodes.length);
      expect(path.edges).toHaveLength(path.hops);
    }
    // Every node and edge of every path comes with the answer, to be drawn.
    const drawn = new Set(ids(res.body));
    for (const id of res.body.paths.flatMap((p: { nodes: string[] }) => p.nodes))
      expect(drawn.has(id)).toBe(true);
    // Three by default; one more than asked is said.
    const three = await get('/api/paths?from=mod-jp&to=un&avoid=japan,mongolia');
    expect(three.body.paths).toEqual(res.body.paths.slice(0, 3));
    expect(three.body.truncated).toBe(true);
  });

  it('says what it left out when it finds no path', async () => {
    const res = await between(I32, IV22, '&structure=false&themes=false&avoid=japan,mongolia');
    expect(res.status).toBe(200);
    expect(res.body.paths).toEqual([]);
    expect(res.body.exclusions.via).toEqual(['structure', 'themes', 'events']);
    expect(res.body.exclusions.nodes.map((n: { name_en: string }) => n.name_en)).toEqual([
      'Japan',
      'Mongolia',
    ]);
    expect(res.body.exclusions.types).toEqual(['PART_OF', 'TAGGED']);
    // Lifting one of them (the structure) finds the way.
    const lifted = await between(I32, IV22, '&themes=false&avoid=japan,mongolia');
    expect(lifted.body.paths.length).toBeGreaterThan(0);
  });

  it('never avoids a path’s own ends', async () => {
    const res = await get('/api/paths?from=japan&to=mod-mn&avoid=japan,mongolia');
    expect(res.status).toBe(200);
    expect(res.body.paths[0].nodes[0]).toBe('japan');
    expect(res.body.exclusions.nodes.map((n: { id: string }) => n.id)).toEqual(['mongolia']);
  });

  it('404s an unknown end and 400s bad options, naming the field', async () => {
    expectProblem(await get('/api/paths?from=mod-jp&to=atlantis'), 404, 'to');
    expectProblem(await get('/api/paths?from=mod-jp&to=un&maxHops=7'), 400, 'maxHops');
    expectProblem(await get('/api/paths?to=un'), 400, 'from');
    expectProblem(await get('/api/paths?from=mod-jp&to=un&k=0'), 400, 'k');
    expectProblem(await get('/api/paths?from=mod-jp&to=un&k=6'), 400, 'k');
    expectProblem(await get('/api/paths?from=mod-jp&to=un&structure=perhaps'), 400, 'structure');
    const unknown = await get('/api/paths?from=mod-jp&to=un&avoid=japan,atlantis');
    expectProblem(unknown, 400, 'avoid');
    expect(unknown.body.detail).toContain('"atlantis"');
    expectProblem(await get('/api/paths?from=mod-jp&to=un&avoid=%3Cx%3E'), 400, 'avoid.0');
    const many = Array.from({ length: 21 }, (_, i) => `n${i}`).join(',');
    expectProblem(await get(`/api/paths?from=mod-jp&to=un&avoid=${many}`), 400, 'avoid');
  });
});

describe('GET /api/search', () => {
  const top = async (q: string) =>
    (await get(`/api/search?q=${encodeURIComponent(q)}`)).body.results;

  it('finds Japanese names as typed, in katakana, hiragana or half-width kana', async () => {
    for (const q of ['カーン・クエスト', 'かーん・くえすと', 'ｶｰﾝ･ｸｴｽﾄ', 'カーン']) {
      expect((await top(q))[0].id, q).toBe('khaan-quest');
    }
  });

  it('finds full-width and half-width Latin alike, and says where the match is', async () => {
    const results = await top('ＥＰＡ');
    expect(results.map((r: { id: string }) => r.id)).toContain('jp-mn-epa');
    const epa = results.find((r: { id: string }) => r.id === 'jp-mn-epa');
    expect(epa).toMatchObject({
      kind: 'Agreement',
      field: 'aliases',
      snippet: expect.stringContaining('EPA'),
    });
  });

  it('finds English names and texts', async () => {
    expect((await top('Ministry of Defense'))[0].id).toBe('mod-jp');
    expect((await top('peacekeeping'))[0].id).toBe('un-pko');
    const texts = await top('tree planting');
    expect(texts.map((r: { id: string }) => r.id)).toContain('jp-mn-2022/IV.2.7');
  });

  it('finds names typed without their middle dot or spaces, or in another width, through search_key', async () => {
    expect((await top('カーンクエスト')).map((r: { id: string }) => r.id)).toContain('khaan-quest');
    expect((await top('ｶｰﾝ ｸｴｽﾄ')).map((r: { id: string }) => r.id)).toContain('khaan-quest');
    expect((await top('khaanquest')).map((r: { id: string }) => r.id)).toContain('khaan-quest');
    expect(await top('zzqxv')).toEqual([]);
  });

  it('finds commitment texts in Japanese, with a snippet around the match', async () => {
    const results = await top('蓄電池');
    expect(results[0]).toMatchObject({
      id: 'jp-mn-2022/II.3.2.a',
      snippet: expect.stringContaining('蓄電池'),
    });
    expect(['name_ja', 'title_ja', 'text_ja']).toContain(results[0].field);
  });

  it('returns at most 50 results, and validates its input', async () => {
    const res = await get('/api/search?q=%E3%83%A2%E3%83%B3%E3%82%B4%E3%83%AB&limit=50');
    expect(res.body.results.length).toBeLessThanOrEqual(50);
    expectProblem(await get('/api/search?q=%20'), 400, 'q');
    expectProblem(await get('/api/search'), 400, 'q');
    expectProblem(await get(`/api/search?q=${'a'.repeat(201)}`), 400, 'q');
    expectProblem(await get('/api/search?q=x&limit=51'), 400, 'limit');
  });

  it('finds both defence memoranda for "defence MoU", though their names spell Defense and Memorandum', async () => {
    const ids = (await top('defence MoU')).slice(0, 5).map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['jp-mn-defence-mou', 'jasdf-mn-air-force-mou']));
  });

  it('says when the plan names no such thing, and gives only the closest matches', async () => {
    const res = await get('/api/search?q=JICA');
    expect(res.body.notNamedInPlan).toBe(true);
    expect(res.body.results.map((r: { id: string }) => r.id)).toEqual(['senior-volunteers']);
    expect((await get('/api/search?q=EPA')).body.notNamedInPlan).toBe(false);
  });

  it('answers as core/search/plan-search does over the seed model: the server ranks with it', async () => {
    const index = buildSearchIndex(
      readSeedInputs().model.nodes.map((n) => ({ id: n.id, kind: n.label, props: n.properties })),
    );
    // Every seventh analyst's query, both languages and both kinds of answer among them.
    for (const c of SEARCH_CASES.filter((_, i) => i % 7 === 0)) {
      const expected = searchPlan(index, c.q, { limit: 20 });
      const body = (await get(`/api/search?q=${encodeURIComponent(c.q)}`)).body;
      expect(body.notNamedInPlan, c.q).toBe(expected.notNamedInPlan);
      expect(
        body.results.map((r: { id: string }) => r.id),
        c.q,
      ).toEqual(expected.results.map((r) => r.id));
    }
  });

  it('treats Lucene syntax in the query as text', async () => {
    const res = await get(`/api/search?q=${encodeURIComponent('EPA) OR name_ja:*')}`);
    expect(res.status).toBe(200);
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document describing every endpoint', async () => {
    const res = await get('/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/schema',
        '/api/graph',
        '/api/nodes/{id}',
        '/api/nodes/{id}/neighbours',
        '/api/paths',
        '/api/search',
      ]),
    );
    const params = res.body.paths['/api/graph'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(
      expect.arrayContaining(['kinds', 'pillar', 'area', 'country', 'theme', 'rel', 'limit']),
    );
  });
});

describe('with the database down', () => {
  it('answers every graph endpoint with 503 and Retry-After within seconds', async () => {
    const down = await openUnreachableGraph();
    try {
      const downApp = createApp({ graph: down, logger });
      for (const url of [
        '/api/schema',
        '/api/graph',
        '/api/nodes/mod-jp',
        '/api/paths?from=a&to=b',
        '/api/search?q=EPA',
      ]) {
        const started = Date.now();
        const res = await request(downApp).get(url);
        expect(Date.now() - started, url).toBeLessThan(8000);
        expectProblem(res, 503);
        expect(res.headers['retry-after']).toBe('5');
      }
    } finally {
      await down.close();
    }
  }, 60_000);
});

describe('the precomputed default layout', () => {
  it('gives every node of the default view a position, the same on every request', async () => {
    const first = await get(
      '/api/graph?kinds=Plan,Pillar,Area,Commitment,Agency,Agreement,Program,Framework,Country,Place,Target&positions=default',
    );
    expect(first.status).toBe(200);
    const positions = first.body.elements.nodes.map(
      (n: { position?: { x: number } }) => n.position,
    );
    expect(
      positions.every(
        (p: { x: number; y: number } | undefined) =>
          p && Number.isFinite(p.x) && Number.isFinite(p.y),
      ),
    ).toBe(true);
    const again = await get('/api/graph?positions=default&kinds=Commitment');
    const byId = new Map(
      first.body.elements.nodes.map((n: { data: { id: string }; position: unknown }) => [
        n.data.id,
        n.position,
      ]),
    );
    for (const n of again.body.elements.nodes) expect(n.position).toEqual(byId.get(n.data.id));
    expectProblem(await get('/api/graph?positions=random'), 400, 'positions');
  });
});
