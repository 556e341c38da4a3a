import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RefusalCode } from '../../core/model/refusal-codes';
import { type Connection, createDriver } from '../../graph/connection';
import { explainRefusal } from '../../graph/cypher-console';
import type { Graph } from '../../graph/graph';
import { createApp } from '../../server/app';
import type { ConsoleSandbox } from '../../server/routes/cypher/console-sandbox';
import { testConsole } from '../support/console-database';
import { dbFingerprint } from '../support/db-fingerprint';
import { openSeededGraph } from '../support/seeded-graph';

const logger = pino({ level: 'silent' });
/** Neo4j's timeout is 10 s and the console's deadline 2.5 s later; a runaway must end before this. */
const RUNAWAY_BOUND_MS = 15_000;
/**
 * The runaways below run against a console with a 3 s limit (KIZUNA_CONSOLE_TIMEOUT_S=3): they
 * show that the limit, whatever it is set to, stops them, in 3 s of Neo4j's time rather than 10.
 */
const SHORT_TIMEOUT_MS = 3_000;
const SHORT_BOUND_MS = SHORT_TIMEOUT_MS + 5_000;
/** The path LOAD CSV is pointed at on the app's own port; nothing may ever request it. */
const PROBE_PATH = '/probe-load-csv';

let graph: Graph;
let sandbox: ConsoleSandbox;
let server: http.Server;
let port: number;
const received: string[] = [];
let before: { main: Snapshot; console: Snapshot };

interface Snapshot {
  fingerprint: string;
  schema: string[];
  users: string[];
}

/** The data, the indexes and constraints, and the users: everything the corpus tries to change. */
async function snapshotOf(graph: Graph, connection: Connection): Promise<Snapshot> {
  const indexes = await graph.read('SHOW INDEXES YIELD name, type RETURN name + " " + type AS s');
  const constraints = await graph.read('SHOW CONSTRAINTS YIELD name RETURN name AS s');
  // The system database, which the app never opens: a driver of the test's own.
  const driver = createDriver(connection);
  const system = driver.session({ database: 'system' });
  try {
    const users = await system.executeRead((tx) => tx.run('SHOW USERS YIELD user RETURN user'));
    return {
      fingerprint: await dbFingerprint(graph),
      schema: [...indexes, ...constraints].map((r) => String(r.s)).sort(),
      users: users.records.map((r) => String(r.get('user'))).sort(),
    };
  } finally {
    await system.close();
    await driver.close();
  }
}

/** The console's own database, where the corpus runs, and the main one, which it never reaches. */
async function snapshot() {
  return {
    main: await snapshotOf(graph, inject('neo4j')),
    console: await snapshotOf(sandbox.graph, inject('consoleNeo4j')),
  };
}

beforeAll(async () => {
  graph = await openSeededGraph(inject('neo4j'));
  sandbox = testConsole(graph);
  await sandbox.fresh();
  before = await snapshot();
  // The app on a real port, so LOAD CSV can be aimed at it. Each request gets a fresh app, so
  // the corpus is not cut short by the console's rate limit (tested in cypher-console.test.ts).
  server = http.createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    createApp({ graph, console: sandbox, logger })(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await sandbox.close();
  await graph.close();
});

function post(body: unknown) {
  return request(server)
    .post('/api/cypher')
    .send(body as object);
}

interface Hostile {
  query: string;
  code: RefusalCode;
  detail?: RegExp;
}

const WRITES: Hostile[] = [
  { query: "CREATE (n:Probe {id: 'x'}) RETURN n", code: 'write' },
  { query: "MERGE (n:Agency {id: 'mofa-jp'}) SET n.name_en = 'x'", code: 'write' },
  { query: "MATCH (n:Agency {id: 'mofa-jp'}) SET n.name_en = 'hacked'", code: 'write' },
  { query: 'MATCH (n:Target) DELETE n', code: 'write' },
  { query: 'MATCH (n) DETACH DELETE n', code: 'write' },
  { query: 'MATCH (c:Commitment) REMOVE c.text_ja', code: 'write' },
  { query: 'MATCH (c:Commitment) REMOVE c:Commitment', code: 'write' },
  { query: 'FOREACH (x IN range(1, 3) | CREATE (:Probe {n: x}))', code: 'write' },
  {
    query:
      'MATCH (c:Commitment) WITH c LIMIT 1 CALL (c) { CREATE (c)-[:PROBE]->(:Probe) } RETURN count(*)',
    code: 'write',
  },
  { query: 'MATCH (c:Commitment) WITH c LIMIT 1 SET c.soft = NOT c.soft RETURN c', code: 'write' },
  { query: "match (n:Agency) with n limit 1 set n.name_en = 'lowercase'", code: 'write' },
  {
    query: 'MATCH (n)\n\t/* only reading, honest */ DETACH\n   DELETE // really\n n',
    code: 'write',
  },
  { query: 'create/**/(:Probe)', code: 'write' },
  { query: "OPTIONAL MATCH (n:Nothing) MERGE (m:Probe {id: 'o'})", code: 'write' },
  {
    query: 'UNWIND range(1, 10) AS x CALL (x) { CREATE (:Probe {n: x}) } IN TRANSACTIONS OF 2 ROWS',
    code: 'in-transactions',
    detail: /IN TRANSACTIONS is not available/,
  },
  {
    query: 'CALL () { MATCH (n) RETURN n } IN TRANSACTIONS RETURN count(n)',
    code: 'in-transactions',
  },
];

const SCHEMA_AND_ADMIN: Hostile[] = [
  { query: 'CREATE INDEX probe_idx FOR (n:Agency) ON (n.name_en)', code: 'admin' },
  { query: 'DROP CONSTRAINT agency_id_unique', code: 'admin' },
  { query: 'CREATE FULLTEXT INDEX probe_ft FOR (n:Agency) ON EACH [n.name_en]', code: 'admin' },
  { query: 'DROP INDEX kizuna_text_ja', code: 'admin' },
  { query: 'CREATE CONSTRAINT probe_unique FOR (n:Probe) REQUIRE n.id IS UNIQUE', code: 'admin' },
  {
    query: "CREATE USER intruder SET PASSWORD 'intruder-password' CHANGE NOT REQUIRED",
    code: 'admin',
  },
  { query: "ALTER CURRENT USER SET PASSWORD FROM 'guess' TO 'intruder-password'", code: 'admin' },
  { query: 'CREATE DATABASE intruder', code: 'admin' },
  { query: 'SHOW USERS', code: 'admin' },
  { query: 'SHOW CURRENT USER YIELD user WHERE user = "x" RETURN user', code: 'admin' },
  { query: 'SHOW USERS // SHOW CURRENT USER', code: 'admin' },
  { query: "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", code: 'admin', detail: /TERMINATE/ },
  { query: 'SHOW TRANSACTIONS', code: 'admin', detail: /SHOW TRANSACTIONS is not available/ },
  { query: 'SHOW SETTINGS YIELD name, value RETURN name, value', code: 'admin' },
];

const PROCEDURES: Hostile[] = [
  { query: "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')", code: 'procedure' },
  { query: "CALL dbms.killQueries(['query-1'])", code: 'procedure' },
  { query: "CALL db.createLabel('Probe')", code: 'procedure', detail: /db\.createLabel/ },
  { query: "CALL db.createRelationshipType('PROBE')", code: 'procedure' },
  { query: 'CALL db.clearQueryCaches()', code: 'procedure' },
  { query: "CALL apoc.cypher.runWrite('CREATE (:Probe)', {})", code: 'procedure' },
  {
    query:
      "RETURN 1 AS x UNION CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN 1 AS x",
    code: 'procedure',
  },
  { query: "CALL db.index.fulltext.drop('kizuna_text_ja')", code: 'procedure' },
  { query: 'CALL dbms.procedures()', code: 'procedure' },
  { query: "CALL tx.setMetaData({owner: 'intruder'})", code: 'procedure' },
  { query: 'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()', code: 'procedure' },
  { query: 'CALL dbms.listConfig()', code: 'procedure' },
  {
    query: 'CALL dbms.showCurrentUser() YIELD username CALL db.createLabel(username)',
    code: 'procedure',
  },
  { query: "CALL `db`.`createLabel`('Probe')", code: 'procedure', detail: /db\.createLabel/ },
  { query: String.raw`C\u0041LL db.createLabel('Probe')`, code: 'procedure' },
  { query: "CALL db . createLabel ( 'Probe' )", code: 'procedure' },
  { query: "MATCH (n:Plan) OPTIONAL CALL db.createLabel('Probe') RETURN n", code: 'procedure' },
];

const FILES: Hostile[] = [
  { query: "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", code: 'load-csv' },
  {
    query: "LOAD CSV FROM 'file:///etc/passwd' AS line CREATE (:Probe {line: line[0]})",
    code: 'load-csv',
  },
  {
    query: String.raw`L\u004FAD CSV FROM 'file:///etc/passwd' AS line RETURN line`,
    code: 'load-csv',
  },
];

const CORPUS = [...WRITES, ...SCHEMA_AND_ADMIN, ...PROCEDURES, ...FILES];

/** Where the plan layer (EXPLAIN) can judge: what the text already refuses, it must refuse too. */
const PLAN_CODES = new Set<RefusalCode>([
  'write',
  'admin',
  'procedure',
  'load-csv',
  'in-transactions',
]);

describe('POST /api/cypher against hostile queries', () => {
  it('has a corpus of more than 40', () => {
    expect(CORPUS.length).toBeGreaterThan(40);
  });

  it.each(CORPUS)('refuses $query ($code)', async ({ query, code, detail }) => {
    const res = await post({ query });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 422, title: 'Query refused', code });
    expect(res.body.detail).toMatch(detail ?? /not available|only reads/);
    expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it.each(CORPUS.filter((h) => PLAN_CODES.has(h.code)))(
    'refuses $query by Neo4j’s plan alone, without the textual checks',
    async ({ query, code }) => {
      expect((await explainRefusal(graph, { query }))?.code).toBe(code);
    },
  );

  it('refuses LOAD CSV aimed at the app’s own port, and nothing ever requests it', async () => {
    const query = `LOAD CSV FROM 'http://127.0.0.1:${port}${PROBE_PATH}' AS line RETURN line`;
    const res = await post({ query });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('load-csv');
    expect((await explainRefusal(graph, { query }))?.code).toBe('load-csv');
    expect(received.filter((r) => r.includes(PROBE_PATH))).toEqual([]);
  });
});

/**
 * Under EXPLAIN, which runs nothing, a write answers its plan (issue 24 item 7); everything
 * else is refused as it is without it, and PROFILE, which runs the query, refuses the writes.
 * The snapshot after the corpus shows that none of it changed anything.
 */
describe('the corpus under EXPLAIN and PROFILE', () => {
  const writes = CORPUS.filter((h) => h.code === 'write');

  it.each(writes)('answers EXPLAIN $query with its plan alone', async ({ query }) => {
    const res = await post({ query: `EXPLAIN ${query}` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ mode: 'EXPLAIN', rows: [] });
    expect(res.body.plan.operator).toBe('ProduceResults');
  });

  it.each(CORPUS.filter((h) => h.code !== 'write'))(
    'refuses EXPLAIN $query ($code)',
    async ({ query, code }) => {
      const res = await post({ query: `EXPLAIN ${query}` });
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.code).toBe(code);
    },
  );

  it.each(writes)('refuses PROFILE $query (write)', async ({ query }) => {
    const res = await post({ query: `PROFILE ${query}` });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.code).toBe('write');
  });
});

describe('POST /api/cypher against runaway queries', () => {
  async function runaway(query: string, consoleTimeoutMs?: number) {
    const started = Date.now();
    const res = await request(createApp({ graph, console: sandbox, logger, consoleTimeoutMs }))
      .post('/api/cypher')
      .send({ query });
    return { res, ms: Date.now() - started };
  }

  it.each([
    'MATCH (a),(b),(c),(d),(e) WHERE a <> e RETURN count(*)',
    'MATCH p=()-[*]-() RETURN count(p)',
    // Rows Neo4j cannot produce within 10 s on any machine (10^12 of them).
    'UNWIND range(1, 1000000000000) AS x RETURN sum(x)',
    'UNWIND range(1, 1000000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(*)',
  ])('stops %s within the time limit, saying so', async (query) => {
    const { res, ms } = await runaway(query, SHORT_TIMEOUT_MS);
    expect(ms).toBeLessThan(SHORT_BOUND_MS);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ title: 'Query stopped', code: 'timeout' });
    expect(res.body.detail).toMatch(/^The query was stopped after 3 s/);
  });

  it('stops a query that collects more than the database allows one transaction', async () => {
    const { res, ms } = await runaway('UNWIND range(1, 20000000) AS x RETURN size(collect(x))');
    expect(ms).toBeLessThan(RUNAWAY_BOUND_MS);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ title: 'Query stopped', code: 'memory' });
    expect(res.body.detail).toContain('more memory than the database allows one query');
  });

  it.each([
    'WITH [x IN range(1, 50000000) | toString(x)] AS l RETURN size(l)',
    "RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s)) AS n",
    'RETURN size([x IN range(1, 10000) | [y IN range(1, 10000) | y]]) AS n',
    "RETURN size(reduce(s = 'ab', i IN range(1, 60) | replace(s, 'a', 'aa'))) AS n",
    // Three bypasses an adversarial review found (one filled the heap for ~50 s).
    'RETURN size([x IN range(1, size([1]) + 50000000) | toString(x)]) AS n',
    "RETURN size(reduce(s = 'x', i IN range(1, 40) | coalesce(s, '') + coalesce(s, ''))) AS n",
    `RETURN size([c IN split('${'x'.repeat(5000)}', '') | [y IN range(1, 1000) | c]]) AS n`,
  ])(
    'refuses %s before it runs (Neo4j cannot stop one expression), and stays up',
    async (query) => {
      const { res, ms } = await runaway(query);
      expect(ms).toBeLessThan(RUNAWAY_BOUND_MS);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('expression-size');
      expect(await graph.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
      const running = await graph.read(
        "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'range(1, ' AND NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n",
      );
      expect(running).toEqual([{ n: 0 }]);
    },
  );

  it('answers a bare cartesian count at once from the counts, with Neo4j’s warning', async () => {
    const [{ n }] = (await graph.read('MATCH (n) RETURN count(n) AS n')) as [{ n: number }];
    const { res, ms } = await runaway('MATCH (a),(b),(c),(d),(e) RETURN count(*) AS c');
    expect(ms).toBeLessThan(RUNAWAY_BOUND_MS);
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ c: n ** 5 }]);
    expect(res.body.notifications.map((x: { code: string }) => x.code)).toContain(
      'Neo.ClientNotification.Statement.CartesianProduct',
    );
  });
});

describe('POST /api/cypher against malformed requests', () => {
  it('refuses a syntax error, saying where it is', async () => {
    const res = await post({
      query: "MATCH (c:Commitment)\nWHERE c.ref = 'I.3.2'\nRETURN c.ref AS ref,",
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'syntax',
      position: { line: 3, column: 21, offset: 63 },
      detail: expect.stringMatching(/^Syntax error at line 3, column 21: /),
    });
  });

  it('refuses a query over 20,000 characters in plain words', async () => {
    const res = await post({ query: `RETURN 1 AS x // ${'x'.repeat(25_000)}` });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'too-long',
      detail: 'The query is 25,017 characters long; the console accepts up to 20,000.',
    });
  });

  it('refuses a multi-megabyte query at the door (413)', async () => {
    const res = await post({ query: `RETURN 1 // ${'x'.repeat(3_000_000)}` });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ title: 'Request too large' });
  });

  it.each([[[1, 2]], ['x'], [null]])(
    'refuses params %j, naming the field (400)',
    async (params) => {
      const res = await post({ query: 'RETURN $x AS x', params });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ field: 'params' });
      expect(res.body.detail).toContain("Body field 'params'");
    },
  );

  it('refuses huge params, saying how large', async () => {
    const res = await post({ query: 'RETURN $big AS big', params: { big: 'x'.repeat(100_000) } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'params' });
    expect(res.body.detail).toContain('100,010 characters as JSON');
  });

  it('refuses params nested 80,000 deep without overflowing a stack', async () => {
    const deep = `{"query":"RETURN $p AS p","params":{"p":${'['.repeat(80_000)}${']'.repeat(80_000)}}}`;
    const res = await request(server)
      .post('/api/cypher')
      .set('Content-Type', 'application/json')
      .send(deep);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'params' });
  });
});

describe('after the corpus', () => {
  it('leaves the graph, its schema and its users exactly as they were', async () => {
    expect(await snapshot()).toEqual(before);
    expect(received.filter((r) => r.includes(PROBE_PATH))).toEqual([]);
  });

  it('still answers a plain read', async () => {
    const res = await post({ query: 'MATCH (c:Commitment) RETURN count(c) AS n' });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ n: 86 }]);
  });
});
