/**
 * npx tsx bench/serve-cost.ts [--samples 40] [--seconds 5] [--profile DIR]
 *
 * What the API costs on top of the query it answers, for issue 23's "serving many readers
 * cheaply", in one run on one box:
 *
 * 1. First requests: for each endpoint, `samples` URLs no one asked for before (other
 *    nodes, other pairs, other words), each timed once over HTTP against the production
 *    start (node dist/server/start.mjs, a process of its own) and once straight through
 *    neo4j-driver (the graph/ function the route calls, in this process), taking turns.
 * 2. Repeats: the same URLs asked again, over HTTP and through the driver.
 * 3. Throughput at 10 connections (autocannon): node details against an Express
 *    hello-world in a process of its own, and the driver under the same closed loop.
 *
 * Medians, and ratios HTTP/driver. Requests ask for gzip, as browsers do, over kept-alive
 * connections. The app's console database is off (KIZUNA_CONSOLE=off): no route timed
 * here uses it. --profile DIR writes the app's CPU profile (node --cpu-prof) there.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../core/model/graph-model';
import { type Graph, openGraph } from '../graph/graph';
import { readNeighbours } from '../graph/queries/neighbours-query';
import { readNodeDetails } from '../graph/queries/node-query';
import { readPaths } from '../graph/queries/paths-query';
import { readView } from '../graph/queries/view-query';
import { buildServer, SERVER_BUNDLE } from '../scripts/build-server.mjs';
import { connect } from '../scripts/connect';
import { ensureSeeded } from '../scripts/ensure-seeded';
import { loadConfig } from '../server/config';
import { search } from '../server/routes/search/search.service';
import { freePort } from '../tests/support/throwaway-neo4j';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '40' },
    seconds: { type: 'string', default: '5' },
    profile: { type: 'string' },
  },
});
const SAMPLES = Number(values.samples);
const SECONDS = Number(values.seconds);
const everything = { kinds: [...NODE_LABELS], types: [...RELATIONSHIP_TYPES] };

interface Sample {
  path: string;
  direct: (graph: Graph) => Promise<unknown>;
}

interface Endpoint {
  name: string;
  samples: (ids: string[], words: string[]) => Sample[];
}

const PILLARS = ['I', 'II', 'III', 'IV'];

const ENDPOINTS: Endpoint[] = [
  {
    name: 'node details',
    samples: (ids) =>
      ids.map((id) => ({
        path: `/api/nodes/${encodeURIComponent(id)}`,
        direct: (g) => readNodeDetails(g, id),
      })),
  },
  {
    name: 'neighbours depth 2',
    samples: (ids) =>
      ids.map((id) => ({
        path: `/api/nodes/${encodeURIComponent(id)}/neighbours?depth=2`,
        direct: (g) => readNeighbours(g, id, { depth: 2, ...everything, limit: 100 }),
      })),
  },
  {
    name: 'paths',
    samples: (ids) =>
      ids.map((from, i) => {
        const to = ids[(i + 7) % ids.length]!;
        return {
          path: `/api/paths?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&avoidHierarchy=true`,
          direct: (g) =>
            readPaths(g, {
              from,
              to,
              maxHops: 6,
              layers: 'plan',
              excludeTypes: ['PART_OF', 'TAGGED'],
              avoid: [],
              k: 3,
            }),
        };
      }),
  },
  {
    name: 'search',
    samples: (_ids, words) =>
      words.map((q) => ({
        path: `/api/search?q=${encodeURIComponent(q)}`,
        direct: (g) => search(g, { q, limit: 20 }),
      })),
  },
  {
    name: 'graph (one pillar, limit n)',
    // Views differ by filter; the limit makes more distinct first requests than four pillars.
    samples: (ids) =>
      ids.map((_, i) => {
        const pillar = PILLARS[i % 4]!;
        const limit = 2000 - i;
        return {
          path: `/api/graph?pillar=${pillar}&limit=${limit}`,
          direct: (g) => readView(g, { pillars: [pillar], limit }),
        };
      }),
  },
];

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET to the end of its body, in ms. */
function get(port: number, path: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path, agent, headers: { 'accept-encoding': 'gzip' } },
      (res) => {
        res.resume();
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 400) reject(new Error(`${path}: ${res.statusCode}`));
          else resolve(performance.now() - started);
        });
      },
    );
    req.on('error', reject);
  });
}

async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function spawnWaiting(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: string,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes(ready)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} ended (${code}):\n${output}`)));
  });
}

const HELLO_WORLD = `
const express = require('express');
const app = express();
app.get('/', (_req, res) => res.json({ hello: 'world' }));
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('hello-world ready'));
`;

async function throughput(url: string, seconds = SECONDS) {
  const result = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    headers: { 'accept-encoding': 'gzip' },
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

async function driverThroughput(graph: Graph, call: (g: Graph) => Promise<unknown>) {
  let done = 0;
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (Date.now() < deadline) {
        await call(graph);
        done++;
      }
    }),
  );
  return done / SECONDS;
}

async function main() {
  const config = loadConfig();
  const connected = await connect(config, (m) => console.error(m));
  const children: ChildProcess[] = [];
  const graph = openGraph(connected.connection);
  try {
    await ensureSeeded(connected.connection, (m) => console.error(m));
    await buildServer();
    const appPort = await freePort();
    const helloPort = await freePort();
    const { uri, user, password, database } = connected.connection;
    children.push(
      await spawnWaiting(
        [
          ...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : []),
          SERVER_BUNDLE,
        ],
        {
          ...process.env,
          NEO4J_URI: uri,
          NEO4J_USER: user,
          NEO4J_PASSWORD: password,
          NEO4J_DATABASE: database,
          KIZUNA_CONSOLE: 'off',
          PORT: String(appPort),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
        },
        'Kizuna is running',
      ),
      await spawnWaiting(
        ['-e', HELLO_WORLD],
        { ...process.env, PORT: String(helloPort) },
        'hello-world ready',
      ),
    );

    const ids = (
      await graph.read('MATCH (n:Entity) WHERE NOT n:Plan RETURN n.id AS id ORDER BY n.id')
    ).map((r) => String(r.id));
    const step = Math.max(1, Math.floor(ids.length / SAMPLES));
    const chosen = ids.filter((_, i) => i % step === 0).slice(0, SAMPLES);
    const words = (
      await graph.read(
        `MATCH (n:Entity) WHERE n.name_en IS NOT NULL
         RETURN DISTINCT split(n.name_en, ' ')[0] AS w ORDER BY w`,
      )
    )
      .map((r) => String(r.w).replace(/[^A-Za-z]/g, ''))
      .filter((w, i, all) => w.length > 3 && all.indexOf(w) === i)
      .slice(0, SAMPLES);

    const rows: string[][] = [];
    for (const endpoint of ENDPOINTS) {
      const samples = endpoint.samples(chosen, words);
      // Warm both sides' query plans with one sample that is then left out.
      const [warm, ...timedSamples] = samples;
      await warm!.direct(graph);
      await get(appPort, warm!.path);
      const first = { http: [] as number[], driver: [] as number[] };
      const again = { http: [] as number[], driver: [] as number[] };
      for (const [i, s] of timedSamples.entries()) {
        // Taking turns, each side first every other time.
        if (i % 2) {
          first.http.push(await get(appPort, s.path));
          first.driver.push(await timed(() => s.direct(graph)));
        } else {
          first.driver.push(await timed(() => s.direct(graph)));
          first.http.push(await get(appPort, s.path));
        }
      }
      for (const s of timedSamples) {
        again.http.push(await get(appPort, s.path));
        again.driver.push(await timed(() => s.direct(graph)));
      }
      const f = { http: median(first.http), driver: median(first.driver) };
      const a = { http: median(again.http), driver: median(again.driver) };
      rows.push([
        endpoint.name,
        String(timedSamples.length),
        f.http.toFixed(2),
        f.driver.toFixed(2),
        (f.http / f.driver).toFixed(2),
        a.http.toFixed(2),
        a.driver.toFixed(2),
        (a.http / a.driver).toFixed(2),
      ]);
      console.error(`done: ${endpoint.name}`);
    }

    // The floor of one sequential request over this client and loopback: a hello-world's.
    const floor: number[] = [];
    for (let i = 0; i < 200; i++) floor.push(await get(helloPort, '/'));

    const detailsPath = `/api/nodes/${encodeURIComponent(chosen[0]!)}`;
    const helloUrl = `http://127.0.0.1:${helloPort}/`;
    const detailsUrl = `http://127.0.0.1:${appPort}${detailsPath}`;
    // Each server warmed for a second first (JIT, sockets), then taking turns twice.
    await throughput(helloUrl, 1);
    await throughput(detailsUrl, 1);
    const hello: number[] = [];
    const details: number[] = [];
    for (let round = 0; round < 2; round++) {
      hello.push(await throughput(helloUrl));
      details.push(await throughput(detailsUrl));
    }
    const driverRps = await driverThroughput(graph, (g) => readNodeDetails(g, chosen[0]!));
    console.log(
      `Samples per endpoint: ${SAMPLES - 1} (one more warmed the query plans); medians in ms.`,
    );
    const header = [
      'endpoint',
      'samples',
      'first: HTTP',
      'first: driver',
      'first: HTTP/driver',
      'repeat: HTTP',
      'repeat: driver',
      'repeat: HTTP/driver',
    ];
    console.log(`| ${header.join(' | ')} |`);
    console.log(`|${header.map(() => '---').join('|')}|`);
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    console.log(
      `\nOne sequential request to the Express hello-world, the same client: median ${median(floor).toFixed(2)} ms (200 requests).`,
    );
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' and ');
    console.log(
      `\nAt 10 connections, ${SECONDS} s each, taking turns: Express hello-world ${list(hello)} req/s, ` +
        `node details ${list(details)} req/s: ${((mean(details) / mean(hello)) * 100).toFixed(0)} % of hello-world. ` +
        `The driver alone, same closed loop in this process: ${driverRps.toFixed(0)} calls/s.`,
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    agent.destroy();
    await graph.close();
    await connected.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
