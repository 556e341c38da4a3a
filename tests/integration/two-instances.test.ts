import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount } from '../../graph/events/accounts';
import type { Graph } from '../../graph/graph';
import { readCuratedEvents, seedEvents } from '../../scripts/seed-events';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { hashPassword } from '../../server/routes/auth/password';
import { wipeAnalystsData } from '../support/analysts-data';
import { eventBody } from '../support/event-body';
import {
  buildStart,
  type KizunaProcess,
  startKizuna,
  untilRunning,
} from '../support/kizuna-process';
import { type RoundRobinProxy, roundRobinProxy } from '../support/round-robin-proxy';
import { openSeededGraph } from '../support/seeded-graph';
import { freePort } from '../support/throwaway-neo4j';

/**
 * Two app processes (the production start) on the one Neo4j, behind a proxy that sends each
 * request to the next one in turn, as a host runs Kizuna for many readers (docs/deploy.md):
 * sessions, caches and sign-in delays must hold whichever instance a request reaches. The
 * second instance reaches Neo4j through a neo4j:// URI, as on Aura or a cluster: the driver
 * asks the server for its routing table and sends reads and writes where it says, which a
 * single Community server answers with itself.
 */

const PASSWORD = 'two instances, one database';
let graph: Graph;
let instances: { run: KizunaProcess; url: string }[] = [];
let proxy: RoundRobinProxy;

interface Answer {
  status: number;
  backend: string | null;
  body: Record<string, unknown>;
  headers: Headers;
}

async function call(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const text = await res.text();
  return {
    status: res.status,
    backend: res.headers.get('x-test-backend'),
    body: text ? JSON.parse(text) : {},
    headers: res.headers,
  };
}

interface Signed {
  cookie: string;
  csrf: string;
  backend: string | null;
}

async function signIn(base: string, name: string, from: string): Promise<Signed> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from },
    body: JSON.stringify({ name, password: PASSWORD }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return {
    cookie,
    csrf: ((await res.json()) as { csrf_token: string }).csrf_token,
    backend: res.headers.get('x-test-backend'),
  };
}

const withSession = (s: Signed) => ({ Cookie: s.cookie, 'X-CSRF-Token': s.csrf });

beforeAll(async () => {
  graph = await openSeededGraph(inject('neo4j'));
  await wipeAnalystsData(graph);
  // The curated events are in place before either starts, so neither start writes them.
  await seedEvents(graph, readCuratedEvents(readSeedInputs().model), () => {});
  const hash = await hashPassword(PASSWORD);
  for (const name of ['two-editor', 'two-owner'])
    await createAccount(graph, { name, role: 'editor', passwordHash: hash });
  await buildStart();
  const db = inject('neo4j');
  instances = await Promise.all(
    [0, 1].map(async (index) => {
      const port = await freePort();
      const run = startKizuna({
        NEO4J_URI: index === 0 ? db.uri : db.uri.replace(/^bolt:/, 'neo4j:'),
        NEO4J_PASSWORD: db.password,
        PORT: String(port),
        TRUST_PROXY: 'loopback',
      });
      return { run, url: `http://127.0.0.1:${port}` };
    }),
  );
  await Promise.all(instances.map((i) => untilRunning(i.run)));
  proxy = await roundRobinProxy(instances.map((i) => i.url));
}, 300_000);

afterAll(async () => {
  await proxy?.close();
  for (const { run } of instances) run.child.kill('SIGINT');
  await Promise.all(instances.map((i) => i.run.exited));
  await graph?.close();
}, 60_000);

describe('two app instances behind one proxy', () => {
  it('the second reaches Neo4j through a routing (neo4j://) URI', async () => {
    expect(inject('neo4j').uri).toMatch(/^bolt:\/\//);
    const health = await call(instances[1]!.url, '/api/health');
    expect(health.body).toMatchObject({ status: 'ok', database: { reachable: true } });
  });

  it('a session made on one is valid on the other, for reads, writes and signing out', async () => {
    const session = await signIn(proxy.url, 'two-editor', '203.0.113.10');
    const seen = await Promise.all(
      [0, 1].map(() => call(proxy.url, '/api/auth/session', { headers: withSession(session) })),
    );
    expect(new Set(seen.map((s) => s.backend))).toEqual(new Set(['0', '1']));
    for (const s of seen) expect(s.body.account).toEqual({ name: 'two-editor', role: 'editor' });
    // A write with the CSRF token the other instance issued.
    const created = await call(proxy.url, '/api/events', {
      method: 'POST',
      body: eventBody({ title_en: 'Written through the other instance' }),
      headers: withSession(session),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.backend).not.toBe(session.backend);
    const out = await call(proxy.url, '/api/auth/logout', {
      method: 'POST',
      headers: withSession(session),
    });
    expect(out.status).toBeLessThan(300);
    const after = await Promise.all(
      [0, 1].map(() => call(proxy.url, '/api/auth/session', { headers: withSession(session) })),
    );
    expect(new Set(after.map((s) => s.backend))).toEqual(new Set(['0', '1']));
    for (const s of after) expect(s.body.account).toBeNull();
  });

  it('a write on one is in the other’s cached answers within about a second (its own at once)', async () => {
    const [a, b] = instances.map((i) => i.url) as [string, string];
    const details = (base: string) => call(base, '/api/nodes/mod-jp');
    const mentions = (answer: Answer, id: string) =>
      JSON.stringify(answer.body.provenance ?? {}).includes(`"id":"${id}"`);
    // Both instances hold the node's details in their caches.
    for (const base of [a, b]) {
      await details(base);
      expect((await details(base)).status).toBe(200);
    }
    const etagBefore = (await details(b)).headers.get('etag');
    const session = await signIn(a, 'two-editor', '203.0.113.11');
    const created = await call(a, '/api/events', {
      method: 'POST',
      body: eventBody({ title_en: 'Seen by both instances' }),
      headers: withSession(session),
    });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    // The instance that wrote answers with the change at once.
    expect(mentions(await details(a), id)).toBe(true);
    // The other re-reads the data version at most a second later.
    const written = Date.now();
    let other = await details(b);
    while (!mentions(other, id) && Date.now() - written < 30_000) {
      await new Promise((r) => setTimeout(r, 100));
      other = await details(b);
    }
    const lag = Date.now() - written;
    expect(mentions(other, id), `not seen after ${lag} ms`).toBe(true);
    expect(other.headers.get('etag')).not.toBe(etagBefore);
    console.log(`The other instance answered with the write after ${lag} ms.`);
  });

  it('sign-in delays hold across instances: guesses spread over both still wait, the owner elsewhere does not', async () => {
    const guess = (password: string) =>
      fetch(`${proxy.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.77' },
        body: JSON.stringify({ name: 'two-owner', password }),
      }).then((res) => ({ status: res.status, backend: res.headers.get('x-test-backend') }));
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await guess(`guess ${i}`));
    // Five free failures, counted together though they reached both instances...
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(answers.slice(0, 5).map((a) => a.backend))).toEqual(new Set(['0', '1']));
    // ...then both instances make the next attempts wait, the right password too.
    expect(answers.slice(5).map((a) => a.status)).toEqual([429, 429]);
    expect(new Set(answers.slice(5).map((a) => a.backend))).toEqual(new Set(['0', '1']));
    expect(
      (
        await fetch(`${proxy.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.77' },
          body: JSON.stringify({ name: 'two-owner', password: PASSWORD }),
        })
      ).status,
    ).toBe(429);
    // The owner, from another address, through either instance.
    const owner = await signIn(proxy.url, 'two-owner', '192.0.2.80');
    const again = await signIn(proxy.url, 'two-owner', '192.0.2.80');
    expect(new Set([owner.backend, again.backend])).toEqual(new Set(['0', '1']));
  });
});
