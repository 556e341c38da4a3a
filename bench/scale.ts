/**
 * npx tsx bench/scale.ts [--scales 1,10,100] [--runs 20]
 *
 * How the cost of each endpoint grows with the database. A throwaway Neo4j (as the
 * integration tests start one) is loaded with K copies of the plan: the real loader seeds
 * copy 1, then copies 2..K (ids suffixed ".ck", hanging off the one Plan node) and 22
 * random cross-links per copy are written in batched transactions, and the seeding's
 * own after-load step (the stored default layout) runs as a seeding would. At each
 * scale every endpoint is timed, single client, over HTTP against the app (first request
 * after the seeding, then warm p50/p99), beside the same query function through the
 * driver, a static server sending the same bytes (the floor), and main's unbounded query
 * shapes through the driver ("before"). It prints p50/p99, the ratios, the growth
 * exponent between the last two scales (log of the p50 ratio over log of the size
 * ratio: 0 is flat, 1 is linear), and /api/health's latency while the first view after
 * the seeding is served (the event loop's delay). 1000× works (--scales 1,10,100,1000)
 * but takes much longer to load.
 */
import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { seededRandom } from '../core/default-layout';
import type { GraphModel } from '../core/model/graph-model';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../core/model/graph-model';
import { type Graph, openGraph } from '../graph/graph';
import { loadGraph } from '../graph/load-graph';
import { storeDefaultLayout } from '../graph/queries/layout-query';
import { install, start, stop } from '../scripts/neo4j/bundled-neo4j';
import { readSeedInputs } from '../scripts/seed-inputs';
import { createApp } from '../server/app';
import { warmUp } from '../server/warm-up';
import { throwawayNeo4jConfig } from '../tests/support/throwaway-neo4j';
import { ENDPOINTS } from './scale-endpoints';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10,100' },
    runs: { type: 'string', default: '20' },
  },
});
const scales = values.scales.split(',').map(Number);
const runs = Number(values.runs);
const log = (message: string) => console.error(message);

const CROSS_LINKS_PER_COPY = 22;

/** Copies 2..K of the plan's nodes and relationships, and the cross-links between copies. */
function copies(model: GraphModel, from: number, to: number, planId: string) {
  const suffix = (id: string, k: number) => (id === planId ? id : `${id}.c${k}`);
  const random = seededRandom(from * 7919 + to);
  const commitments = model.nodes.filter((n) => n.label === 'Commitment');
  const agencies = model.nodes.filter((n) => n.label === 'Agency');
  const nodes: { label: string; id: string; properties: Record<string, unknown> }[] = [];
  const rels: { type: string; from: string; to: string; key: string; properties: object }[] = [];
  for (let k = from; k <= to; k++) {
    for (const n of model.nodes) {
      if (n.id === planId) continue;
      nodes.push({
        label: n.label,
        id: suffix(n.id, k),
        // Without the original's id: a unique id is enforced as soon as it is set.
        properties: Object.fromEntries(
          Object.entries(n.properties).filter(
            ([key, v]) => key !== 'id' && v !== null && v !== undefined,
          ),
        ),
      });
    }
    for (const r of model.relationships) {
      rels.push({
        type: r.type,
        from: suffix(r.from.id, k),
        to: suffix(r.to.id, k),
        key: `${r.key}.c${k}`,
        properties: Object.fromEntries(
          Object.entries(r.properties).filter(([, v]) => v !== null && v !== undefined),
        ),
      });
    }
    for (let i = 0; i < CROSS_LINKS_PER_COPY; i++) {
      const c = commitments[Math.floor(random() * commitments.length)]!;
      const a = agencies[Math.floor(random() * agencies.length)]!;
      const other = 1 + Math.floor(random() * to);
      rels.push({
        type: 'INVOLVES',
        from: suffix(c.id, k),
        to: other === 1 ? a.id : suffix(a.id, other),
        key: `cross/${k}/${i}`,
        properties: { evidence: 'synthetic cross-link (bench)', role: 'mentioned' },
      });
    }
  }
  return { nodes, rels };
}

/** Writes copies from..to in batched transactions (the bench's own writer; see the header). */
async function growTo(graph: Graph, model: GraphModel, from: number, to: number, planId: string) {
  if (to < from) return;
  const { nodes, rels } = copies(model, from, to, planId);
  const BATCH = 2000;
  for (const label of NODE_LABELS) {
    const rows = nodes.filter((n) => n.label === label);
    for (let i = 0; i < rows.length; i += BATCH) {
      await graph.write(
        `UNWIND $rows AS row CREATE (n:Entity:${label} {id: row.id}) SET n += row.properties`,
        { rows: rows.slice(i, i + BATCH) },
      );
    }
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rows = rels.filter((r) => r.type === type);
    for (let i = 0; i < rows.length; i += BATCH) {
      await graph.write(
        `UNWIND $rows AS row
         MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
         CREATE (a)-[r:${type}]->(b) SET r = row.properties, r.key = row.key`,
        { rows: rows.slice(i, i + BATCH) },
      );
    }
  }
  // A seeding: a new version (caches and ETags turn over) and the stored layout.
  await graph.write('MATCH (p:Plan) SET p.seeded_at = datetime()');
  const started = performance.now();
  const layout = await retried('layout', () => storeDefaultLayout(graph));
  log(
    `  layout at seed time: ${((performance.now() - started) / 1000).toFixed(1)} s, ${Object.keys(layout.positions).length} nodes placed${layout.error ? `, failed: ${layout.error}` : ''}`,
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Timing {
  first: number;
  p50: number;
  p99: number;
  /** Calls that failed (an HTTP status other than 200, a query that timed out). */
  errors: number;
}

async function time(call: () => Promise<unknown>): Promise<Timing> {
  let errors = 0;
  const once = async () => {
    const t = performance.now();
    try {
      await call();
    } catch (error) {
      errors++;
      log(`    failed: ${error instanceof Error ? error.message.slice(0, 200) : error}`);
    }
    return performance.now() - t;
  };
  const first = await once();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) all.push(await once());
  all.sort((a, b) => a - b);
  return { first, p50: percentile(all, 50), p99: percentile(all, 99), errors };
}

/** The box this runs on may be busy: a seeding step that times out is tried again. */
async function retried<T>(what: string, step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= 3) throw error;
      log(
        `  ${what} failed (${error instanceof Error ? error.message.slice(0, 120) : error}); again`,
      );
    }
  }
}

/** GET over a fresh keep-alive-less request, the body read to the end; with gzip as a browser asks. */
function get(base: string, path: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function getOk(base: string, path: string) {
  const res = await get(base, path);
  if (res.status !== 200)
    throw new Error(`${path}: HTTP ${res.status} ${res.body.toString().slice(0, 300)}`);
  return res;
}

/** A static server that sends the given bytes: what any HTTP answer of that size costs. */
async function staticServer(): Promise<{
  base: string;
  set(body: Buffer<ArrayBufferLike>): void;
  close(): void;
}> {
  let body: Buffer<ArrayBufferLike> = Buffer.alloc(0);
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set: (b) => {
      body = b;
    },
    close: () => server.close(),
  };
}

interface HealthDuring {
  /** /api/health (which asks the database) while the first view is served. */
  max: number;
  p50: number;
  count: number;
  /** /api/openapi.json (no database): what the event loop alone makes a request wait. */
  liveMax: number;
  /** The event loop's own delay (perf_hooks), the largest seen. */
  loopMax: number;
  firstView: number;
}

/**
 * /api/health's latency, polled every 10 ms while `during` runs, beside a request that
 * needs no database and the event loop's measured delay: health waits for the database
 * too, and a cold one (first plans compiled) is not the event loop.
 */
async function healthDuring(base: string, during: () => Promise<unknown>): Promise<HealthDuring> {
  const latencies: number[] = [];
  const live: number[] = [];
  let done = false;
  const pollOf = (path: string, into: number[]) =>
    (async () => {
      while (!done) {
        const t = performance.now();
        await get(base, path);
        into.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const polls = [pollOf('/api/health', latencies), pollOf('/api/openapi.json', live)];
  const t0 = performance.now();
  await during();
  const firstView = performance.now() - t0;
  done = true;
  await Promise.all(polls);
  loop.disable();
  latencies.sort((a, b) => a - b);
  return {
    max: latencies.at(-1) ?? 0,
    p50: percentile(latencies, 50),
    count: latencies.length,
    liveMax: Math.max(0, ...live),
    loopMax: loop.max / 1e6,
    firstView,
  };
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

async function main() {
  const config = { ...(await throwawayNeo4jConfig()), heap: '1g', startTimeoutMs: 400_000 };
  await install({ ...config, home: '.neo4j', libDir: undefined }, log);
  const started = await start(config, 'neo4j', log);
  const graph = openGraph(started.connection);
  const floor = await staticServer();
  const results: Record<string, Record<number, Record<string, Timing>>> = {};
  const health: Record<number, HealthDuring> = {};
  const warmed: Record<number, number> = {};
  const sizes: Record<number, { nodes: number; rels: number }> = {};
  try {
    const inputs = readSeedInputs();
    log('Seeding 1× through the loader...');
    await retried('seeding', () =>
      loadGraph(graph, inputs.model, {
        sourceSha256: inputs.sourceSha256,
        fingerprint: inputs.fingerprint,
      }),
    );
    let loaded = 1;
    for (const k of scales) {
      log(`Growing to ${k}×...`);
      const t0 = performance.now();
      await growTo(graph, inputs.model, loaded + 1, k, inputs.plan.id);
      loaded = Math.max(loaded, k);
      const [size] = await graph.read(
        'MATCH (n:Entity) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels',
      );
      sizes[k] = { nodes: Number(size?.nodes), rels: Number(size?.rels) };
      log(
        `  ${sizes[k]!.nodes} nodes, ${sizes[k]!.rels} relationships (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      );
      // A fresh app per scale: what a server sees when it starts after a seeding, warmed
      // up before it listens as startServer does.
      const app = createApp({ graph, logger: pino({ level: 'silent' }) });
      warmed[k] = await warmUp(graph);
      const server = http.createServer(app);
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const first = ENDPOINTS[0]!;
        health[k] = await healthDuring(base, () => getOk(base, first.path(k)).catch(() => {}));
        for (const e of ENDPOINTS) {
          const row: Record<string, Timing> = {};
          row.http = await time(() => getOk(base, e.path(k)));
          row.driver = await time(() => e.direct(graph, k));
          floor.set((await get(base, e.path(k))).body);
          row.floor = await time(() => getOk(floor.base, '/'));
          if (e.before) row.before = await time(() => e.before!(graph, k));
          if (e === first) row.http.first = health[k]!.firstView;
          const byScale = results[e.name] ?? {};
          byScale[k] = row;
          results[e.name] = byScale;
          log(`  ${e.name}: http p50 ${ms(row.http.p50)} ms, driver ${ms(row.driver.p50)} ms`);
        }
      } finally {
        await new Promise((r) => server.close(r));
      }
    }
  } finally {
    floor.close();
    await graph.close();
    await stop(config, log);
    rmSync(config.home, { recursive: true, force: true });
  }
  print(results, health, sizes, warmed);
}

function print(
  results: Record<string, Record<number, Record<string, Timing>>>,
  health: Record<number, HealthDuring>,
  sizes: Record<number, { nodes: number; rels: number }>,
  warmed: Record<number, number>,
) {
  const out: string[] = [];
  out.push(
    `Scales: ${scales.map((k) => `${k}× = ${sizes[k]?.nodes} nodes / ${sizes[k]?.rels} rels`).join('; ')}`,
  );
  out.push(
    `${runs} warm runs per cell, single client; times in ms; "first" = first request after the seeding (caches cold).`,
  );
  out.push('');
  out.push(
    '| endpoint | scale | HTTP first | HTTP p50 | HTTP p99 | driver p50 | floor p50 | HTTP/driver | HTTP/floor | before (main shape, driver) p50 | errors (HTTP/driver/before) |',
  );
  out.push('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [name, byScale] of Object.entries(results)) {
    for (const k of scales) {
      const r = byScale[k];
      if (!r) continue;
      out.push(
        `| ${name} | ${k}× | ${ms(r.http!.first)} | ${ms(r.http!.p50)} | ${ms(r.http!.p99)} | ${ms(r.driver!.p50)} | ${ms(r.floor!.p50)} | ${(r.http!.p50 / r.driver!.p50).toFixed(2)} | ${(r.http!.p50 / r.floor!.p50).toFixed(2)} | ${r.before ? ms(r.before.p50) : '–'} | ${r.http!.errors}/${r.driver!.errors}/${r.before?.errors ?? '–'} |`,
      );
    }
  }
  if (scales.length >= 2) {
    const [a, b] = scales.slice(-2) as [number, number];
    out.push('');
    out.push(`Growth exponent between ${a}× and ${b}× (log(p50 ratio) / log(${b / a})):`);
    out.push('| endpoint | HTTP first | HTTP p50 | driver p50 | before p50 |');
    out.push('|---|---|---|---|---|');
    for (const [name, byScale] of Object.entries(results)) {
      const x = byScale[a];
      const y = byScale[b];
      if (!x || !y) continue;
      const exp = (p: number, q: number) => (Math.log(q / p) / Math.log(b / a)).toFixed(2);
      out.push(
        `| ${name} | ${exp(x.http!.first, y.http!.first)} | ${exp(x.http!.p50, y.http!.p50)} | ${exp(x.driver!.p50, y.driver!.p50)} | ${x.before && y.before ? exp(x.before.p50, y.before.p50) : '–'} |`,
      );
    }
  }
  out.push('');
  out.push(
    `/api/health while the first view after the seeding is served (the app warmed up first, as startServer does: ${scales.map((k) => `${k}× ${ms(warmed[k] ?? 0)} ms`).join(', ')}):`,
  );
  for (const k of scales) {
    const h = health[k];
    if (h)
      out.push(
        `  ${k}×: max ${ms(h.max)} ms, p50 ${ms(h.p50)} ms over ${h.count} polls; a request without the database waited at most ${ms(h.liveMax)} ms, the event loop's delay peaked at ${ms(h.loopMax)} ms (first view took ${ms(h.firstView)} ms)`,
      );
  }
  console.log(out.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
