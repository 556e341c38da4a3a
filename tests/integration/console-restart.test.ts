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
 * Issue 23, item 1: the console's database ends (as -XX:+ExitOnOutOfMemoryError ends it when
 * a query fills its heap; here it is killed, which ends it the same way) and only the console
 * notices: it answers 503 "Console restarting" while the explorer's API answers as before,
 * and comes back by itself when npm start's watch (scripts/connect-console.ts) has started
 * the server again. Both servers are this file's own; the main one stays empty (fast start).
 */
const DEADLINE_MS = 3000;
const log = (message: string) => console.log(`[console restart] ${message}`);
/** A data endpoint of the explorer: 404 for a node the empty database lacks means it answered. */
const EXPLORER = '/api/nodes/jp-mn-2022';

let mainConfig: BundledNeo4jConfig;
let main: Started;
let graph: Graph;
let consoleConfig: BundledNeo4jConfig;
let consoleDb: ConsoleConnected;
let sandbox: ConsoleSandbox;
let server: Server;
let base: string;

async function post(query: string) {
  const res = await fetch(`${base}/api/cypher`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function explorer(): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${base}${EXPLORER}`, { signal: AbortSignal.timeout(60_000) });
  await res.arrayBuffer();
  return { status: res.status, ms: Date.now() - started };
}

const p99 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1]!;

beforeAll(async () => {
  mainConfig = { ...(await throwawayNeo4jConfig()), heap: '384m', pageCache: '64m' };
  consoleConfig = {
    ...(await throwawayNeo4jConfig()),
    heap: '256m',
    pageCache: '32m',
    jvmOptions: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-XX:+ExitOnOutOfMemoryError'],
  };
  const [started, connected] = await Promise.all([
    start(mainConfig, 'neo4j', log),
    connectConsole({ mode: 'bundled', database: 'neo4j', bundled: consoleConfig }, log),
  ]);
  main = started;
  consoleDb = connected!;
  graph = openGraph(main.connection, { deadlineMs: DEADLINE_MS });
  sandbox = new ConsoleSandbox(graph, openGraph(consoleDb.connection, { deadlineMs: DEADLINE_MS }));
  server = createServer(createApp({ graph, console: sandbox, logger: pino({ level: 'silent' }) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 600_000);

afterAll(async () => {
  server?.closeAllConnections();
  server?.close();
  await sandbox?.close().catch(() => {});
  await graph?.close().catch(() => {});
  await consoleDb?.release();
  if (mainConfig) await stop(mainConfig, log);
  for (const config of [mainConfig, consoleConfig])
    if (config) rmSync(config.home, { recursive: true, force: true });
}, 120_000);

describe("the console's own database", () => {
  it('ends, and only the console says so; it comes back by itself', async () => {
    expect((await post('RETURN 1 AS one')).status).toBe(200);
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await explorer();
      expect(r.status).toBe(404);
      idle.push(r.ms);
    }

    const pid = runningPid(consoleConfig)!;
    process.kill(pid, 'SIGKILL');
    const down = await post('RETURN 1 AS one');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ title: 'Console restarting' });

    // While it restarts the explorer answers as before: never a 503, never a 500.
    const during: number[] = [];
    const started = Date.now();
    let back: number | undefined;
    while (back === undefined && Date.now() - started < 180_000) {
      const r = await explorer();
      expect(r.status).toBe(404);
      during.push(r.ms);
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
      await health.arrayBuffer();
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
    log(
      `console back after ${back} ms; explorer p99 ${p99(idle)} ms idle, ${p99(during)} ms while the console restarted (${during.length} requests)`,
    );
  }, 300_000);
});
