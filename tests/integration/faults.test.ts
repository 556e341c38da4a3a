import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Graph, openGraph } from '../../graph/graph';
import { type ConsoleConnected, connectConsole } from '../../scripts/connect-console';
import { runningPid, type Started, start, stop } from '../../scripts/neo4j/bundled-neo4j';
import { createApp } from '../../server/app';
import type { BundledNeo4jConfig } from '../../server/config';
import { ConsoleSandbox } from '../../server/routes/cypher/console-sandbox';
import { throwawayNeo4jConfig } from '../support/throwaway-neo4j';

/**
 * Fault injection against a Neo4j of this file's own (the shared one must survive): frozen
 * with SIGSTOP, killed with SIGKILL, restarted. The app is never restarted; it must answer
 * 503 with Retry-After within its deadline while the database is gone, never hang and never
 * 500, and recover by itself. Every wait is bounded. Beside it runs the research console's own
 * database, watched as npm start watches it (scripts/connect-console.ts), which is killed too.
 */
const DEADLINE_MS = 3000;
const log = (message: string) => console.log(`[faults] ${message}`);
/**
 * Data endpoints that read the database and need no plan loaded (this Neo4j stays empty,
 * so it starts fast): 200, or 404 for the unknown node, means the database answered.
 */
// Not /api/schema: its body is cached per seeding, and may be served for a second after the
// database goes (the seeding's version is re-read at most once a second).
const DATA = ['/api/nodes/jp-mn-2022', '/api/nodes/jp-mn-2022/neighbours'];

let neo4jConfig: BundledNeo4jConfig;
let neo4j: Started;
let graph: Graph;
let consoleConfig: BundledNeo4jConfig;
let consoleDb: ConsoleConnected;
let sandbox: ConsoleSandbox;
let server: Server;
let base: string;

async function get(path: string): Promise<{
  status: number;
  ms: number;
  retryAfter: string | null;
  body: Record<string, unknown>;
}> {
  const started = Date.now();
  const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(60_000) });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  return {
    status: res.status,
    ms: Date.now() - started,
    retryAfter: res.headers.get('retry-after'),
    body,
  };
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

const answered = (status: number) => status === 200 || status === 404;

async function expectRecovered(): Promise<number> {
  const started = Date.now();
  let last = '';
  await until(
    'data requests answered again',
    async () => {
      const results = await Promise.all(DATA.map(get));
      last = results.map((r, i) => `${DATA[i]} ${r.status}`).join(', ');
      return results.every((r) => answered(r.status)) ? true : undefined;
    },
    120_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last answers: ${last}`);
  });
  return Date.now() - started;
}

beforeAll(async () => {
  neo4jConfig = { ...(await throwawayNeo4jConfig()), heap: '384m', pageCache: '64m' };
  consoleConfig = {
    ...(await throwawayNeo4jConfig()),
    heap: '256m',
    pageCache: '32m',
    // As the bundled console server runs (server/config.ts), with the tests' cheaper start.
    jvmOptions: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-XX:+ExitOnOutOfMemoryError'],
  };
  const [started, connected] = await Promise.all([
    start(neo4jConfig, 'neo4j', log),
    connectConsole({ mode: 'bundled', database: 'neo4j', bundled: consoleConfig }, log),
  ]);
  neo4j = started;
  consoleDb = connected!;
  graph = openGraph(neo4j.connection, { deadlineMs: DEADLINE_MS });
  sandbox = new ConsoleSandbox(graph, openGraph(consoleDb.connection, { deadlineMs: DEADLINE_MS }));
  server = createServer(createApp({ graph, console: sandbox, logger: pino({ level: 'silent' }) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await expectRecovered();
}, 600_000);

afterAll(async () => {
  if (neo4j) {
    try {
      process.kill(neo4j.pid, 'SIGCONT');
    } catch {}
  }
  server?.closeAllConnections();
  server?.close();
  await sandbox?.close().catch(() => {});
  await graph?.close().catch(() => {});
  await consoleDb?.release();
  if (neo4jConfig) await stop(neo4jConfig, log);
  for (const config of [neo4jConfig, consoleConfig])
    if (config) rmSync(config.home, { recursive: true, force: true });
}, 120_000);

async function post(query: string) {
  const res = await fetch(`${base}/api/cypher`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const p99 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1]!;

describe("the console's own database", () => {
  // Issue 23, item 1. A query that fills the console server's heap ends that server
  // (-XX:+ExitOnOutOfMemoryError); only the console notices, and it comes back by itself.
  it('a query that fills its heap ends it, only the console says so, and it comes back by itself', async () => {
    await expectRecovered();
    // A cold server's first queries may outlast the 3 s deadline on a busy machine: wait for one.
    await until(
      'the console answers',
      async () => ((await post('RETURN 1 AS one')).status === 200 ? true : undefined),
      120_000,
    );
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await get(DATA[0]!);
      expect(answered(r.status)).toBe(true);
      idle.push(r.ms);
    }

    const before = await get('/api/health');
    expect(before.body).toMatchObject({ console: { state: 'ok', copiedAt: expect.any(String) } });

    const pid = runningPid(consoleConfig)!;
    // Straight to the console's database, past the app's guards, which refuse it (the review's
    // size(...) + 50000000 bypass): as a query no guard foresaw would get there. Neo4j's
    // memory tracking does not count a list comprehension's elements, so the heap fills.
    const filled = await sandbox.graph
      .consoleRead(
        (tx) => tx.run('RETURN size([x IN range(1, 50000000) | toString(x)]) AS n').summary(),
        {
          timeoutMs: 120_000,
          metadata: {},
          fetchSize: 1,
        },
      )
      .then(
        () => 'answered',
        (error: Error) => error.message,
      );
    expect(filled).not.toBe('answered');
    await until(
      'the console server has ended',
      async () => (runningPid(consoleConfig) === pid ? undefined : true),
      60_000,
    );
    // Without -XX:+ExitOnOutOfMemoryError the same query fails with "Java heap space" and the
    // server lives on (checked by hand); with it, the JVM ends without a line in Neo4j's logs.
    const down = await post('RETURN 1 AS one');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ title: 'Console restarting' });
    const health = await get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ console: { state: 'restarting', copiedAt: null } });

    // While it restarts, the explorer and health answer as before: never a 503, never a 500.
    const during: number[] = [];
    const started = Date.now();
    let back: number | undefined;
    while (back === undefined && Date.now() - started < 180_000) {
      const r = await get(DATA[0]!);
      expect(answered(r.status)).toBe(true);
      during.push(r.ms);
      expect((await get('/api/health')).status).toBe(200);
      const answer = await post('RETURN 1 AS one');
      if (answer.status === 200) back = Date.now() - started;
      else {
        expect(answer.status).toBe(503);
        expect(answer.body).toMatchObject({ title: 'Console restarting' });
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    expect(back, 'the console came back within 3 minutes').toBeDefined();
    expect(runningPid(consoleConfig)).not.toBe(pid);
    expect((await get('/api/health')).body).toMatchObject({ console: { state: 'ok' } });
    log(
      `console database's heap filled (${filled}): back after ${back} ms; explorer p99 ${p99(idle)} ms idle, ${p99(during)} ms while the console restarted (${during.length} requests)`,
    );
  }, 300_000);
});

describe('fault injection', () => {
  it('a frozen Neo4j (SIGSTOP) gives 503 + Retry-After within the deadline, and recovery on SIGCONT', async () => {
    process.kill(neo4j.pid, 'SIGSTOP');
    try {
      const results = await Promise.all(DATA.map(get));
      for (const r of results) {
        expect(r.status).toBe(503);
        expect(r.retryAfter).toBe('5');
        expect(r.body).toMatchObject({ status: 503, title: 'Database unavailable' });
        // The deadline, plus room for a loaded machine; never the length of the freeze.
        expect(r.ms).toBeLessThan(DEADLINE_MS + 4000);
      }
      log(
        `SIGSTOP: 503 after ${results.map((r) => r.ms).join(', ')} ms (deadline ${DEADLINE_MS} ms)`,
      );
      const health = await get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ health: 'down' });
      expect(health.ms).toBeLessThan(8000);
    } finally {
      process.kill(neo4j.pid, 'SIGCONT');
    }
    log(`SIGCONT: data requests answered again after ${await expectRecovered()} ms`);
  }, 240_000);

  it('a killed Neo4j (kill -9) gives fast 503s; after a restart the same app recovers, never a 500', async () => {
    process.kill(neo4j.pid, 'SIGKILL');
    await until(
      'Neo4j gone',
      async () => {
        try {
          process.kill(neo4j.pid, 0);
          return undefined;
        } catch {
          return true;
        }
      },
      10_000,
    );
    const down = await Promise.all(DATA.map(get));
    for (const r of down) {
      expect(r.status).toBe(503);
      expect(r.retryAfter).toBe('5');
      expect(r.ms).toBeLessThan(DEADLINE_MS + 4000);
    }
    log(`kill -9: 503 after ${down.map((r) => r.ms).join(', ')} ms`);
    expect((await get('/api/health')).body).toMatchObject({ status: 503, health: 'down' });

    // Restart while requests keep coming: cold or starting, the answer is 503, never 500.
    const seen = new Map<number, number>();
    let polling = true;
    const poller = (async () => {
      while (polling) {
        for (const r of await Promise.all([...DATA, '/api/health'].map(get))) {
          seen.set(r.status, (seen.get(r.status) ?? 0) + 1);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    try {
      neo4j = await start(neo4jConfig, 'neo4j', log);
      log(`restart: data requests answered again ${await expectRecovered()} ms after Bolt was up`);
    } finally {
      polling = false;
      await poller;
    }
    log(`statuses seen while down and restarting: ${JSON.stringify(Object.fromEntries(seen))}`);
    expect([...seen.keys()].filter((s) => s >= 500 && s !== 503)).toEqual([]);
    const health = await get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toMatch(/^(ok|degraded)$/);
  }, 400_000);
});
