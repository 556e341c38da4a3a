import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { versionFor } from '../../core/dataset';
import { createAccount } from '../../graph/events/accounts';
import type { Graph } from '../../graph/graph';
import { readCuratedEvents, seedEvents } from '../../scripts/seed-events';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { createApp } from '../../server/app';
import { hashPassword } from '../../server/routes/auth/password';
import type { ConsoleSandbox } from '../../server/routes/cypher/console-sandbox';
import { removeAnalystsData, wipeAnalystsData } from '../support/analysts-data';
import { testConsole } from '../support/console-database';
import { eventBody } from '../support/event-body';
import { openSeededGraph } from '../support/seeded-graph';

/**
 * Issue 23, items 1, 2 and 6: visitors' Cypher runs on the console's own database, which
 * holds the public data only. An editor signs in, adds, edits and deletes events and a
 * stranger fails to sign in; then a hostile read corpus is run through every console door,
 * and no answer holds a byte of the editor's password, cookie, CSRF token, name or hash,
 * nor the deleted event.
 */

const logger = pino({ level: 'silent' });
const EDITOR = 'secret-keeper-7f3a';
const PASSWORD = 'violet kestrel 9 quarry lantern';
const DELETED_TITLE = 'Withdrawn visit 5c1e that must stay unseen';
const KEPT_TITLE = 'Kept visit b72d that the console may show';

let graph: Graph;
let sandbox: ConsoleSandbox;
let app: ReturnType<typeof createApp>;
/** Strings that must never appear in a console answer. */
let secrets: Record<string, string>;

const event = (title: string) => eventBody({ title_en: title });

beforeAll(async () => {
  graph = await openSeededGraph(inject('neo4j'));
  await wipeAnalystsData(graph);
  await seedEvents(graph, readCuratedEvents(readSeedInputs().model), () => {});
  sandbox = testConsole(graph);
  app = createApp({ graph, logger, console: sandbox });
  const hash = await hashPassword(PASSWORD);
  await createAccount(graph, { name: EDITOR, role: 'editor', passwordHash: hash });
  // A failed sign-in leaves throttling state and an audit entry behind.
  await request(app).post('/api/auth/login').send({ name: EDITOR, password: 'wrong guess' });
  const login = await request(app)
    .post('/api/auth/login')
    .send({ name: EDITOR, password: PASSWORD });
  expect(login.status).toBe(200);
  const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  const csrf = String(login.body.csrf_token);
  const as = (method: 'post' | 'put' | 'delete', url: string) =>
    request(app)[method](url).set('Cookie', cookie).set('X-CSRF-Token', csrf);
  const kept = await as('post', '/api/events').send(event('First title'));
  const gone = await as('post', '/api/events').send(event(DELETED_TITLE));
  expect([kept.status, gone.status], JSON.stringify(kept.body)).toEqual([201, 201]);
  const edited = await as('put', `/api/events/${kept.body.id}`)
    .set('If-Match', String(kept.headers.etag))
    .send(event(KEPT_TITLE));
  expect(edited.status).toBe(200);
  const deleted = await as('delete', `/api/events/${gone.body.id}`).set(
    'If-Match',
    String(gone.headers.etag),
  );
  expect(deleted.status).toBe(200);
  const [stored] = await graph.read('MATCH (u:User {name: $name}) RETURN u.password_hash AS h', {
    name: EDITOR,
  });
  secrets = {
    password: PASSWORD,
    'session cookie': cookie.split('=')[1]!,
    'CSRF token': csrf,
    "editor's name": EDITOR,
    'password hash': String(stored!.h),
    'hash scheme': 'scrypt',
    'deleted event': DELETED_TITLE,
  };
}, 120_000);

afterAll(async () => {
  if (!graph) return;
  await removeAnalystsData(graph);
  await sandbox.close();
  await graph.close();
});

/** Fails naming the probe and the secret when an answer holds one. */
function expectNoSecret(probe: string, answer: string): void {
  for (const [what, value] of Object.entries(secrets)) {
    expect(answer.includes(value), `${probe} returned the ${what}`).toBe(false);
  }
}

const ask = (query: string) => request(app).post('/api/cypher').send({ query });

/** Reads a hostile visitor would try; each answers (or is refused) without a secret. */
const CORPUS = [
  'MATCH (n) RETURN n ORDER BY id(n) DESC LIMIT 200',
  'MATCH (n) RETURN labels(n) AS l, properties(n) AS p',
  "MATCH (n) WHERE any(k IN keys(n) WHERE k CONTAINS 'hash' OR k CONTAINS 'csrf' OR k CONTAINS 'token') RETURN n",
  "MATCH (n) WHERE any(k IN keys(n) WHERE toString(n[k]) STARTS WITH 'scrypt') RETURN n",
  'MATCH (n:User) RETURN n',
  'MATCH (n:Session) RETURN n',
  'MATCH (n:Audit) RETURN n',
  'MATCH (n:SignInThrottle) RETURN n',
  'MATCH (e:Event) RETURN properties(e) AS p',
  'MATCH (e:Event) WHERE e.deleted = true OR e.deleted_by IS NOT NULL OR e.created_by IS NOT NULL RETURN e',
  'MATCH (a)-[r]->(b) RETURN a, r, b LIMIT 1000',
  'MATCH p = (a)-[*1..2]-(b) WHERE a:Event RETURN p LIMIT 200',
  'CALL db.labels() YIELD label RETURN collect(label) AS labels',
  'CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS keys',
  'CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types',
  'CALL db.schema.nodeTypeProperties()',
  'CALL db.schema.visualization()',
  'MATCH (n) WITH n ORDER BY elementId(n) RETURN elementId(n) AS id, n LIMIT 500',
  'EXPLAIN MATCH (u:User) RETURN u.password_hash',
  'PROFILE MATCH (n) RETURN count(n)',
  'MATCH (u:User) RETURN u.password_hash + 1',
  "MATCH (n) WHERE n.name = 'x' RETURN toInteger(n.password_hash) AS broken",
  'SHOW INDEXES',
  'SHOW CONSTRAINTS',
];

describe("the console's database", () => {
  it('holds the plan and the live events, with when its copy was taken', async () => {
    const res = await ask(
      `MATCH (c:Commitment) WITH count(c) AS commitments
       MATCH (e:Event) WITH commitments, collect(e.title_en) AS events
       MATCH (s:ConsoleSnapshot) RETURN commitments, events, s.taken_at AS taken`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [row] = res.body.rows;
    expect(row.commitments).toBeGreaterThan(40);
    expect(row.events).toContain(KEPT_TITLE);
    expect(row.events).not.toContain(DELETED_TITLE);
    expect(Date.now() - Date.parse(row.taken)).toBeLessThan(120_000);
  });

  it('holds the :Dataset node, so a query can say which release it answered from', async () => {
    const res = await ask('MATCH (d:Dataset) RETURN d.version AS version, d.fingerprint AS fp');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { fingerprint } = readSeedInputs();
    expect(res.body.rows).toEqual([{ version: versionFor(fingerprint), fp: fingerprint }]);
  });

  it('holds none of the accounts, sessions, throttling, audit labels or bookkeeping keys', async () => {
    const res = await ask(
      `CALL db.labels() YIELD label WITH collect(label) AS labels
       CALL db.propertyKeys() YIELD propertyKey RETURN labels, collect(propertyKey) AS keys`,
    );
    const [row] = res.body.rows;
    for (const label of ['User', 'Session', 'Audit', 'SignInThrottle'])
      expect(row.labels).not.toContain(label);
    for (const key of [
      'password_hash',
      'csrf_token',
      'created_by',
      'updated_by',
      'deleted_by',
      'lock_token',
    ])
      expect(row.keys).not.toContain(key);
  });

  it.each(CORPUS)('answers %s without a secret', async (query) => {
    const res = await ask(query);
    expect(res.status, res.text).toBeLessThan(500);
    expectNoSecret(query, res.text);
  });

  it('gives no secret through the download, in CSV or JSON', async () => {
    for (const format of ['csv', 'json']) {
      const res = await request(app)
        .post('/api/cypher/download')
        .send({ query: 'MATCH (n) RETURN n, labels(n) AS l', format });
      expect(res.status).toBe(200);
      expectNoSecret(`download as ${format}`, res.text);
    }
  });

  it('gives no secret through the schema the workbench reads', async () => {
    const res = await request(app).get('/api/schema');
    expect(res.status).toBe(200);
    expectNoSecret('GET /api/schema', res.text);
    const labels = res.body.labels.map((l: { label: string }) => l.label);
    expect(labels).toContain('Commitment');
    expect(labels).not.toContain('User');
  });

  it('follows a change in the main database before the next answer', async () => {
    await graph.write(
      'MATCH (e:Event {title_en: $t}) SET e.title_en = $n, e.version = e.version + 1',
      {
        t: KEPT_TITLE,
        n: `${KEPT_TITLE} (renamed)`,
      },
    );
    const res = await ask('MATCH (e:Event) RETURN collect(e.title_en) AS titles');
    expect(res.body.rows[0].titles).toContain(`${KEPT_TITLE} (renamed)`);
  });
});
