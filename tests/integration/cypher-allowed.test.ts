import { parse } from 'csv-parse/sync';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Graph } from '../../graph/graph';
import { createApp } from '../../server/app';
import type { ConsoleSandbox } from '../../server/routes/cypher/console-sandbox';
import { testConsole } from '../support/console-database';
import { dbFingerprint } from '../support/db-fingerprint';
import { openSeededGraph } from '../support/seeded-graph';

/**
 * What the console refused before and answers now (issue 14 item 6), scripts (item 4),
 * plans (item 3) and downloads (items 2 and 7). Each test gets a fresh app, so the rate limit
 * (tested in cypher-console.test.ts) does not cut the file short.
 */
const logger = pino({ level: 'silent' });
let graph: Graph;
let sandbox: ConsoleSandbox;
let before: string;
let beforeConsole: string;

beforeAll(async () => {
  graph = await openSeededGraph(inject('neo4j'));
  sandbox = testConsole(graph);
  before = await dbFingerprint(graph);
  await sandbox.fresh();
  beforeConsole = await dbFingerprint(sandbox.graph);
});
afterAll(async () => {
  await sandbox.close();
  await graph.close();
});

const post = (body: object, path = '/api/cypher') =>
  request(createApp({ graph, console: sandbox, logger }))
    .post(path)
    .send(body);

describe('harmless reads that were refused before', () => {
  it.each([
    ['CALL dbms.components()', { name: 'Neo4j Kernel', edition: 'community' }],
    ['CALL db.info()', { name: 'neo4j' }],
    ['CALL db.ping()', { success: true }],
    ['SHOW CURRENT USER', { username: 'neo4j' }],
    ['// who am I?\nshow current user;', { username: 'neo4j' }],
    [
      "CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer WHERE analyzer = 'cjk' RETURN analyzer",
      { analyzer: 'cjk' },
    ],
    [
      'WITH [1, 2] AS transactions UNWIND [1, 3] AS x WITH x, transactions WHERE x IN transactions RETURN x',
      { x: 1 },
    ],
    ['WITH 1 AS show, 2 AS settings, 3 AS terminate RETURN show, settings, terminate', { show: 1 }],
  ])('%s answers', async (query, first) => {
    const res = await post({ query });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rows[0]).toMatchObject(first);
  });
});

describe('scripts', () => {
  it('run statement by statement, in order, each with its own result', async () => {
    const res = await post({
      query: "MATCH (c:Commitment) RETURN count(c) AS n;\nRETURN 'two;' AS s; // done;\n",
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { rows: unknown }) => r.rows)).toEqual([
      [{ n: 86 }],
      [{ s: 'two;' }],
    ]);
    expect(res.body.rows).toEqual([{ s: 'two;' }]);
  });

  it('with one write are refused whole, before anything runs', async () => {
    const started = Date.now();
    const res = await post({
      // The first statement would run for longer than the console allows: it never starts.
      query: 'UNWIND range(1, 1000000000000) AS x RETURN sum(x);\nCREATE (:Probe);\nRETURN 1',
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'write', statement: 2 });
    expect(res.body.detail).toMatch(/^Statement 2 of 3: /);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(await dbFingerprint(graph)).toBe(before);
    expect(await dbFingerprint(sandbox.graph)).toBe(beforeConsole);
  });

  it('say where a syntax error is, in the whole script', async () => {
    const res = await post({ query: 'RETURN 1 AS a;\nRETURN 2 AS' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'syntax', statement: 2 });
    expect(res.body.position.line).toBe(2);
  });
});

describe('plans', () => {
  it('EXPLAIN answers the operator tree with estimated rows, running nothing', async () => {
    const res = await post({ query: 'EXPLAIN MATCH (c:Commitment) RETURN c.ref' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'EXPLAIN', rows: [] });
    expect(res.body.plan.operator).toBe('ProduceResults');
    expect(JSON.stringify(res.body.plan)).toContain('"operator":"NodeByLabelScan"');
    expect(res.body.plan.estimatedRows).toBeGreaterThan(0);
    expect(res.body.plan.dbHits).toBeNull();
  });

  it('PROFILE runs under the same guards and answers rows and db hits', async () => {
    const res = await post({
      query: 'PROFILE MATCH (c:Commitment)-[:INVOLVES]->(a) RETURN count(*) AS n',
    });
    expect(res.status).toBe(200);
    expect(res.body.mode).toBe('PROFILE');
    expect(res.body.rows[0].n).toBeGreaterThan(0);
    const hits: number[] = [];
    const stack = [res.body.plan];
    while (stack.length) {
      const op = stack.pop();
      hits.push(op.dbHits);
      stack.push(...op.children);
    }
    expect(hits.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('PROFILE answers its totals, the same as Neo4j’s own for the same query', async () => {
    const query =
      'PROFILE MATCH (c:Commitment)-[:INVOLVES]->(a) RETURN c.ref AS ref, a.id AS id ORDER BY ref, id';
    const res = await post({ query });
    expect(res.status).toBe(200);
    const totals = res.body.profileTotals;
    const hits: number[] = [];
    const stack = [res.body.plan];
    while (stack.length) {
      const op = stack.pop();
      if (op.dbHits !== null) hits.push(op.dbHits);
      stack.push(...op.children);
    }
    expect(totals.dbHits).toBe(hits.reduce((a, b) => a + b, 0));
    expect(totals.dbHits).toBeGreaterThan(0);
    expect(totals.rows).toBe(res.body.rows.length);
    expect(totals.rows).toBe(res.body.plan.rows);
    expect(totals.serverTimeMs).toBeGreaterThanOrEqual(0);
    // The sort holds rows in memory, which Neo4j reports as the plan's GlobalMemory.
    expect(totals.memoryBytes).toBeGreaterThan(0);
    expect(totals.pageCacheHits).toBeGreaterThanOrEqual(0);
    expect(totals.pageCacheMisses).toBeGreaterThanOrEqual(0);
    // Community's runtimes time no operator: no figure, rather than a 0 it never measured.
    expect(totals.operatorTimeMs).toBeNull();
    // Neo4j's own text of the same profile, through the console's door, ends with its totals.
    const own = await sandbox.graph.consoleRead((tx) => tx.run(query).summary(), {
      timeoutMs: 5_000,
      metadata: {},
      fetchSize: 1_000,
    });
    const text = String(
      (own.profile as { arguments: Record<string, unknown> }).arguments['string-representation'],
    );
    const [, accesses, memory] =
      /Total database accesses: (\d+), total allocated memory: (\d+)/.exec(text) ?? [];
    expect(totals.dbHits).toBe(Number(accesses));
    expect(totals.memoryBytes).toBe(Number(memory));
  });

  it('answers totals only for PROFILE, and each statement of a script its own', async () => {
    const plain = await post({ query: 'MATCH (c:Commitment) RETURN count(c) AS n' });
    expect(plain.body.profileTotals).toBeNull();
    const explained = await post({ query: 'EXPLAIN MATCH (c:Commitment) RETURN c.ref' });
    expect(explained.body.profileTotals).toBeNull();
    const script = await post({
      query: 'PROFILE MATCH (c:Commitment) RETURN c.ref;\nPROFILE MATCH (p:Pillar) RETURN p.id',
    });
    expect(script.status).toBe(200);
    const [commitments, pillars] = script.body.results;
    expect(commitments.profileTotals.rows).toBe(commitments.rows.length);
    expect(pillars.profileTotals.rows).toBe(pillars.rows.length);
    expect(commitments.rows.length).not.toBe(pillars.rows.length);
  });

  it.each([
    ['PROFILE CREATE (:Probe)', 'write'],
    ["PROFILE LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", 'load-csv'],
    ['PROFILE SHOW TRANSACTIONS', 'admin'],
    ["EXPLAIN CALL db.createLabel('Probe')", 'procedure'],
  ])('%s is refused (%s)', async (query, code) => {
    const res = await post({ query });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe(code);
  });
});

describe('EXPLAIN of a write (issue 24 item 7)', () => {
  /** What a write would change: the counts, every node and property, and the token store. */
  async function state(of: Graph) {
    const [counts] = await of.read(
      'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    );
    const keys = await of.read('CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey');
    const labels = await of.read('CALL db.labels() YIELD label RETURN label');
    const types = await of.read(
      'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType',
    );
    return {
      counts,
      fingerprint: await dbFingerprint(of),
      tokens: [...keys, ...labels, ...types].map((r) => JSON.stringify(r)).sort(),
    };
  }

  const operators = (plan: { operator: string; children: unknown[] }) => {
    const names: string[] = [];
    const stack = [plan];
    while (stack.length) {
      const op = stack.pop()!;
      names.push(op.operator);
      stack.push(...(op.children as (typeof op)[]));
    }
    return names;
  };

  it.each([
    [
      "EXPLAIN CREATE (n:ExplainProbe {explain_probe_key: 'x'})-[:EXPLAIN_PROBE]->(m) RETURN n",
      'Create',
    ],
    ["EXPLAIN MERGE (n:Agency {id: 'mofa-jp'}) ON MATCH SET n.name_en = 'changed'", 'Merge'],
    ['EXPLAIN MERGE (n:ExplainProbe {id: $id})', 'Merge'],
    ['EXPLAIN MATCH (n) DETACH DELETE n', 'DetachDelete'],
    ["EXPLAIN MATCH (c:Commitment) SET c.text_en = 'changed'", 'SetProperty'],
    [
      "EXPLAIN MATCH (c:Commitment) SET c.text_en = 'changed', c.explain_probe_key = 1",
      'SetProperties',
    ],
    ['EXPLAIN MATCH (c:Commitment) SET c:ExplainProbe', 'SetLabels'],
    // Neo4j plans REMOVE of a property as setting it to null.
    ['EXPLAIN MATCH (c:Commitment) REMOVE c.text_ja', 'SetProperty'],
    ['EXPLAIN MATCH (c:Commitment) REMOVE c:Commitment', 'RemoveLabels'],
    ['EXPLAIN MATCH ()-[r]->() DELETE r', 'Delete'],
  ])('%s answers its plan, with %s, and changes nothing', async (query, operator) => {
    const before = { main: await state(graph), console: await state(sandbox.graph) };
    const res = await post({ query, params: { id: 'explain-probe' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ mode: 'EXPLAIN', rows: [], columns: [], profileTotals: null });
    expect(operators(res.body.plan)).toContain(operator);
    expect(await state(sandbox.graph)).toEqual(before.console);
    expect(await state(graph)).toEqual(before.main);
  });

  it('is refused when the write would run: plain, under PROFILE, or in a script, all with code write', async () => {
    const before = await state(sandbox.graph);
    const plain = await post({ query: "CREATE (n:ExplainProbe {id: 'x'}) RETURN n" });
    const profiled = await post({ query: "PROFILE CREATE (n:ExplainProbe {id: 'x'}) RETURN n" });
    const profiledSet = await post({ query: "PROFILE MATCH (c:Commitment) SET c.text_en = 'x'" });
    for (const res of [plain, profiled, profiledSet]) {
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ title: 'Query refused', code: 'write' });
    }
    expect(profiled.body.detail).toBe(plain.body.detail);
    const script = await post({ query: 'EXPLAIN CREATE (:ExplainProbe);\nCREATE (:ExplainProbe)' });
    expect(script.status).toBe(422);
    expect(script.body).toMatchObject({ code: 'write', statement: 2 });
    expect(await state(sandbox.graph)).toEqual(before);
  });

  it.each([
    [
      "EXPLAIN LOAD CSV FROM 'file:///etc/passwd' AS l CREATE (:ExplainProbe {l: l[0]})",
      'load-csv',
    ],
    ['EXPLAIN CREATE INDEX explain_probe FOR (n:Agency) ON (n.name_en)', 'admin'],
    ['EXPLAIN DROP CONSTRAINT agency_id_unique', 'admin'],
    ["EXPLAIN CALL db.createLabel('ExplainProbe')", 'procedure'],
    [
      'EXPLAIN UNWIND range(1, 3) AS x CALL (x) { CREATE (:ExplainProbe {n: x}) } IN TRANSACTIONS',
      'in-transactions',
    ],
    ['EXPLAIN SHOW TRANSACTIONS', 'admin'],
  ])('%s is still refused (%s)', async (query, code) => {
    const res = await post({ query });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.code).toBe(code);
  });

  it('cannot be downloaded: a download holds rows', async () => {
    const res = await post(
      { query: 'EXPLAIN CREATE (:ExplainProbe)', format: 'csv' },
      '/api/cypher/download',
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('script');
  });
});

describe('downloads', () => {
  it('stream a CSV that re-parses to the same rows, nodes with their ids and properties, null as empty', async () => {
    const query =
      // Every relationship once per pillar: well past the console's 1,000-row page.
      'MATCH (p:Pillar) MATCH (a)-[r]->(b) RETURN p.id AS pillar, a.id AS a, type(r) AS type, b.id AS b, r.evidence_line AS line, null AS nothing, a AS node ORDER BY pillar, a, type, b, line';
    await sandbox.fresh();
    const expected = await sandbox.graph.read(query);
    expect(expected.length).toBeGreaterThan(1_000);
    const res = await post({ query, format: 'csv' }, '/api/cypher/download');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="kizuna-query-v\d+\.\d+\.\d+(-data\.[0-9a-f]{12})?-\d{8}T\d{6}Z\.csv"$/,
    );
    const records: Record<string, string>[] = parse(res.text, { columns: true, bom: true });
    expect(records).toHaveLength(expected.length);
    records.forEach((record, i) => {
      const row = expected[i]!;
      expect(record.a).toBe(String(row.a));
      expect(record.b).toBe(String(row.b));
      expect(record.line).toBe(row.line === null ? '' : String(row.line));
      expect(record.nothing).toBe('');
      const node = JSON.parse(record.node!);
      expect(node).toMatchObject({ $type: 'node', properties: { id: row.a } });
      expect(node.properties).toEqual((row.node as { properties: unknown }).properties);
    });
  });

  it('stream JSON as the console returns it, past the 1,000-row page', async () => {
    const res = await post(
      { query: 'UNWIND range(1, 3655) AS x RETURN x, x * 0.5 AS half', format: 'json' },
      '/api/cypher/download',
    );
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text);
    expect(body.rows).toHaveLength(3655);
    expect(body.rows[3654]).toEqual({ x: 3655, half: 1827.5 });
    expect(body).toMatchObject({ columns: ['x', 'half'], truncated: false, maxRows: 100_000 });
  });

  it('stop at 100,000 rows, and the CSV says so in a last "# truncated" line', async () => {
    const res = await post(
      { query: 'UNWIND range(1, 150000) AS x RETURN x', format: 'csv' },
      '/api/cypher/download',
    );
    expect(res.status).toBe(200);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(100_002);
    expect(lines.at(-2)).toBe('100000');
    expect(lines.at(-1)).toBe(
      '# truncated: the result passed the download limit of 100000 rows; this file holds the first 100000 rows',
    );
  }, 60_000);

  it('end a CSV that was not cut with its last row, no trailer', async () => {
    const res = await post(
      { query: 'UNWIND range(1, 3) AS x RETURN x', format: 'csv' },
      '/api/cypher/download',
    );
    expect(res.text).toBe('\uFEFFx\r\n1\r\n2\r\n3\r\n');
  });

  it('are refused like console queries, before any byte of a file', async () => {
    const res = await post({ query: 'CREATE (:Probe)', format: 'csv' }, '/api/cypher/download');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('write');
    const script = await post(
      { query: 'RETURN 1; RETURN 2', format: 'csv' },
      '/api/cypher/download',
    );
    expect(script.body.code).toBe('script');
  });

  it('count as one query each in the rate limit', async () => {
    const res = await post({ query: 'RETURN 1 AS one', format: 'json' }, '/api/cypher/download');
    expect(res.headers.ratelimit).toMatch(/r=59\b/);
  });
});

describe('after all that', () => {
  it('the graph is exactly as it was', async () => {
    expect(await dbFingerprint(graph)).toBe(before);
    expect(await dbFingerprint(sandbox.graph)).toBe(beforeConsole);
  });
});
