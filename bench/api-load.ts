/**
 * npx tsx bench/api-load.ts [--seconds 5] [--connections 10,50,200] [--before URL]
 *
 * Each API endpoint under concurrent load (autocannon, over HTTP against the app), and
 * in the same run the same query straight through neo4j-driver (graph/ functions, no
 * HTTP), so the cost of the API layer shows as a ratio. Uses the configured database
 * (the bundled one is started if needed) and seeds the plan if it is not loaded. HTTP
 * requests ask for gzip, as browsers do; each connection count is measured in turn.
 *
 * --before URL: an app built from older code (e.g. a git worktree of the commit before the
 * throughput work, started with its own PORT and bundled Neo4j) is measured in the same
 * run, right after this one at each step, and the table adds its req/s and p99 and the
 * ratios after/before. Only the endpoints both apps serve the same way are compared.
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../core/model/graph-model';
import { type Graph, openGraph } from '../graph/graph';
import { readNeighbours } from '../graph/queries/neighbours-query';
import { readNodeDetails } from '../graph/queries/node-query';
import { readPaths } from '../graph/queries/paths-query';
import { readSchema } from '../graph/queries/schema-query';
import { readView } from '../graph/queries/view-query';
import { startLocalApp } from '../scripts/local-app';
import { search } from '../server/routes/search/search.service';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10,50,200' },
    before: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const connectionCounts = values.connections.split(',').map(Number);
const before = values.before;
let connections = connectionCounts[0]!;

interface Case {
  name: string;
  path: string;
  /** Compared with the --before app (its API served this path the same way). */
  compared?: boolean;
  direct: (graph: Graph) => Promise<unknown>;
}

const everything = { kinds: [...NODE_LABELS], types: [...RELATIONSHIP_TYPES] };
const CASES: Case[] = [
  { name: 'schema', path: '/api/schema', direct: (g) => readSchema(g) },
  {
    name: 'graph (whole plan)',
    path: '/api/graph',
    compared: true,
    direct: (g) => readView(g, { limit: 2000 }),
  },
  {
    name: 'graph (pillar I)',
    path: '/api/graph?pillar=I',
    direct: (g) => readView(g, { pillars: ['I'], limit: 2000 }),
  },
  {
    name: 'node details',
    path: '/api/nodes/jp-mn-epa',
    compared: true,
    direct: (g) => readNodeDetails(g, 'jp-mn-epa'),
  },
  {
    name: 'neighbours depth 2',
    path: '/api/nodes/jp-mn-epa/neighbours?depth=2',
    direct: (g) =>
      readNeighbours(g, 'jp-mn-epa', {
        depth: 2,
        types: everything.types,
        kinds: everything.kinds,
        limit: 100,
      }),
  },
  {
    name: 'paths MOD→UN',
    path: '/api/paths?from=mod-jp&to=un&avoidHierarchy=true',
    direct: (g) =>
      readPaths(g, {
        from: 'mod-jp',
        to: 'un',
        maxHops: 6,
        layers: 'plan',
        excludeTypes: ['PART_OF', 'TAGGED'],
        avoid: [],
        k: 3,
      }),
  },
  {
    name: 'search ja',
    path: `/api/search?q=${encodeURIComponent('防衛')}`,
    compared: true,
    direct: (g) => search(g, { q: '防衛', limit: 20 }),
  },
  {
    name: 'search en',
    path: '/api/search?q=peacekeeping',
    compared: true,
    direct: (g) => search(g, { q: 'peacekeeping', limit: 20 }),
  },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** The same closed-loop load as autocannon: `connections` callers, each calling again as soon as it returns. */
async function loadDirect(call: () => Promise<unknown>) {
  const latencies: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < deadline) {
        const started = performance.now();
        await call();
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rps: latencies.length / seconds,
  };
}

async function loadHttp(url: string) {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { 'accept-encoding': 'gzip' },
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

async function main() {
  // GET /api/schema is answered from the research console's own database.
  const app = await startLocalApp(undefined, { withConsole: true });
  const graph = openGraph(app.connection);
  const port = new URL(app.url).port;
  const rows: string[][] = [];
  try {
    for (const count of connectionCounts) {
      connections = count;
      for (const c of CASES) {
        await c.direct(graph); // warm the query caches of both paths alike
        const http = await loadHttp(`http://127.0.0.1:${port}${c.path}`);
        const direct = await loadDirect(() => c.direct(graph));
        const old =
          before && c.compared
            ? await loadHttp(`${before.replace(/\/$/, '')}${c.path}`)
            : undefined;
        rows.push([
          c.name,
          String(connections),
          http.p50.toFixed(1),
          http.p99.toFixed(1),
          http.rps.toFixed(0),
          direct.p50.toFixed(1),
          direct.p99.toFixed(1),
          direct.rps.toFixed(0),
          (http.p50 / direct.p50).toFixed(2),
          (http.rps / direct.rps).toFixed(2),
          ...(before
            ? old
              ? [
                  old.p99.toFixed(1),
                  old.rps.toFixed(0),
                  (http.rps / old.rps).toFixed(2),
                  (http.p99 / old.p99).toFixed(2),
                ]
              : ['', '', '', '']
            : []),
        ]);
        console.error(`done: ${c.name} at ${connections} connections`);
      }
    }
  } finally {
    await graph.close();
    await app.close();
  }
  const header = [
    'endpoint',
    'connections',
    'API p50 ms',
    'API p99 ms',
    'API req/s',
    'driver p50 ms',
    'driver p99 ms',
    'driver req/s',
    'p50 ratio',
    'req/s ratio',
    ...(before ? ['before p99 ms', 'before req/s', 'req/s after/before', 'p99 after/before'] : []),
  ];
  console.log(
    `${connectionCounts.join('/')} concurrent callers, ${seconds} s per measurement, one process, 2 cores`,
  );
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
