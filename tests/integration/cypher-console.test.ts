import { Neo4jError } from 'neo4j-driver';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { refusalForFailure } from '../../graph/cypher-errors';
import type { Graph } from '../../graph/graph';
import { createApp } from '../../server/app';
import { ConsoleSandbox } from '../../server/routes/cypher/console-sandbox';
import { testConsole } from '../support/console-database';
import { openSeededGraph, openUnreachableGraph } from '../support/seeded-graph';

const logger = pino({ level: 'silent' });
let graph: Graph;
let sandbox: ConsoleSandbox;

beforeAll(async () => {
  graph = await openSeededGraph(inject('neo4j'));
  sandbox = testConsole(graph);
});
afterAll(async () => {
  await sandbox.close();
  await graph.close();
});

const post = (body: unknown, app = createApp({ graph, console: sandbox, logger })) =>
  request(app)
    .post('/api/cypher')
    .send(body as object);

describe('POST /api/cypher answers', () => {
  it('with columns, plain rows, limits, timing and no caching', async () => {
    const res = await post({
      query: 'MATCH (c:Commitment {ref: $ref}) RETURN c.ref AS ref, $n + 1 AS next, c.soft AS soft',
      params: { ref: 'I.3.3', n: 41 },
    });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      statement:
        'MATCH (c:Commitment {ref: $ref}) RETURN c.ref AS ref, $n + 1 AS next, c.soft AS soft',
      mode: null,
      plan: null,
      profileTotals: null,
      columns: ['ref', 'next', 'soft'],
      rows: [{ ref: 'I.3.3', next: 42, soft: true }],
      truncated: false,
      truncatedBy: null,
      limits: { maxRows: 1000, maxResultChars: 5_000_000, timeoutMs: 10_000 },
      elapsedMs: expect.any(Number),
      notifications: [],
    });
  });

  it('with the first 1,000 rows only, saying it truncated', async () => {
    const res = await post({ query: 'UNWIND range(1, 5000) AS x RETURN x' });
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(1000);
    expect(res.body.rows.at(-1)).toEqual({ x: 1000 });
    expect(res.body).toMatchObject({ truncated: true, truncatedBy: 'rows' });
  });

  it('with fewer rows when they would pass 5 MB of JSON', async () => {
    const res = await post({
      query:
        "UNWIND range(1, 900) AS i RETURN i, [x IN range(1, 300) | 'xxxxxxxxxxxxxxxxxxxx'] AS chunk",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ truncated: true, truncatedBy: 'size' });
    expect(res.body.rows.length).toBeGreaterThan(500);
    expect(res.body.rows.length).toBeLessThan(900);
    expect(JSON.stringify(res.body.rows).length).toBeLessThanOrEqual(5_000_000);
  });

  it("with Neo4j's notifications and where in the query they point", async () => {
    const res = await post({ query: 'MATCH (a:Plan), (b:Pillar)\nRETURN count(*) AS n' });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ n: 4 }]);
    expect(res.body.notifications).toEqual([
      expect.objectContaining({
        code: 'Neo.ClientNotification.Statement.CartesianProduct',
        severity: 'INFORMATION',
        position: { line: 1, column: 1, offset: 0 },
      }),
    ]);
  });
});

describe('POST /api/cypher refuses a malformed body with a 400 naming the field', () => {
  it.each([
    [{}, 'query', 'must be a string of Cypher'],
    [{ query: 42 }, 'query', 'must be a string of Cypher'],
    [{ query: '   ' }, 'query', 'must not be empty'],
    [{ query: 'RETURN 1', limit: 5 }, 'limit', 'is not a known parameter'],
  ])('%j', async (body, field, words) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain(words);
    expect(res.body.field).toBe(field);
  });
});

describe('POST /api/cypher protects the database', () => {
  it('allows 60 requests a minute from one client, then answers 429 with Retry-After', async () => {
    const app = createApp({ graph, console: sandbox, logger });
    for (let i = 0; i < 60; i++) expect((await post({}, app)).status).toBe(400);
    const res = await post({ query: 'RETURN 1 AS one' }, app);
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body).toMatchObject({ status: 429, title: 'Too many requests' });
    expect((await request(app).get('/api/cypher/library')).status).toBe(200);
  });

  it('is refused a write by Neo4j itself in a READ session, which the console words plainly', async () => {
    // Through the console's own door, past the console's guards.
    const error = await graph
      .consoleRead((tx) => tx.run('CREATE (:Probe)'), {
        timeoutMs: 5_000,
        metadata: {},
        fetchSize: 10,
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Neo4jError);
    expect(
      refusalForFailure(error as Neo4jError, {
        query: 'CREATE (:Probe)',
        prefixLength: 0,
        timeoutMs: 1,
      }),
    ).toEqual({ code: 'write', detail: 'The database refused a write: the console only reads.' });
    expect(await graph.read('MATCH (p:Probe) RETURN count(p) AS n')).toEqual([{ n: 0 }]);
  });

  it("answers 503 problem+json, within seconds, when the console's database is down, while the explorer's API answers", async () => {
    const down = await openUnreachableGraph();
    const app = createApp({ graph, logger, console: new ConsoleSandbox(graph, down) });
    try {
      const started = Date.now();
      const res = await post({ query: 'RETURN 1 AS one' }, app);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toMatchObject({ title: 'Console restarting' });
      expect(res.body.detail).toMatch(/the explorer is not affected/);
      expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
      expect((await request(app).get('/api/nodes/mod-jp')).status).toBe(200);
    } finally {
      await down.close();
    }
  });

  it('answers 503 "Console not set up" without a console database, and never runs the query on the main one', async () => {
    const res = await post(
      { query: 'MATCH (n) RETURN count(n) AS n' },
      createApp({ graph, logger }),
    );
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ title: 'Console not set up' });
    expect(res.body.detail).toMatch(/CONSOLE_NEO4J_URI/);
    expect(JSON.stringify(res.body)).not.toMatch(/"rows"/);
  });
});

describe('/api/openapi.json', () => {
  it('documents the console and its library', async () => {
    const res = await request(createApp({ graph, console: sandbox, logger })).get(
      '/api/openapi.json',
    );
    expect(Object.keys(res.body.paths['/api/cypher'])).toEqual(['post']);
    expect(Object.keys(res.body.paths['/api/cypher'].post.responses)).toEqual(
      expect.arrayContaining(['200', '400', '413', '422', '429', '503']),
    );
    expect(res.body.paths['/api/cypher/library'].get).toBeDefined();
    const download = res.body.paths['/api/cypher/download'].post;
    expect(Object.keys(download.responses)).toEqual(
      expect.arrayContaining(['200', '400', '422', '429', '503']),
    );
    expect(Object.keys(download.responses['200'].content)).toEqual([
      'text/csv',
      'application/json',
    ]);
    const body = download.requestBody.content['application/json'].schema;
    const resolved = body.$ref ? res.body.components.schemas[body.$ref.split('/').pop()] : body;
    expect(resolved.properties.format.enum).toEqual(['csv', 'json']);
    expect(resolved.required).toEqual(expect.arrayContaining(['query', 'format']));
    expect(res.body.components.schemas.CypherRefusal.properties.code.enum).toContain('load-csv');
  });
});
