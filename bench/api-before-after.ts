/**
 * npx tsx bench/api-before-after.ts --before URL --after URL [--seconds 3] [--connections 10,50,200] [--rounds 2]
 *
 * Throughput and p99 of the same API paths on two running apps, measured alike in one run:
 * an app built from older code (a git worktree of the commit before the throughput and
 * reliability work, started with `PORT=… NEO4J_HOME=… NEO4J_BOLT_PORT=… npm start`) and this
 * code's app (`PORT=… npm start`). Each is its own process with its own Neo4j, so neither
 * shares an event loop with the load generator. For every path and connection count the
 * two are loaded in turn, `rounds` times (before, after, after, before, …), and the median
 * of each is reported with the ratios after/before. A request that fails or answers non-2xx
 * counts as an error, reported, not hidden.
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    after: { type: 'string' },
    seconds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10,50,200' },
    rounds: { type: 'string', default: '2' },
  },
});
if (!values.before || !values.after) {
  console.error('Give both apps: --before http://127.0.0.1:18080 --after http://127.0.0.1:18081');
  process.exit(2);
}
const urls = { before: values.before.replace(/\/$/, ''), after: values.after.replace(/\/$/, '') };
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connectionCounts = values.connections.split(',').map(Number);

/** The paths issue 10 names, which both versions of the API serve alike. */
const PATHS = [
  { name: 'graph (whole plan)', path: '/api/graph' },
  { name: 'node details', path: '/api/nodes/jp-mn-epa' },
  { name: 'search ja', path: `/api/search?q=${encodeURIComponent('防衛')}` },
  { name: 'search en', path: '/api/search?q=peacekeeping' },
];

interface Measure {
  rps: number;
  p99: number;
  errors: number;
}

async function load(url: string, connections: number): Promise<Measure> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    headers: { 'accept-encoding': 'gzip' },
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  const rows: string[][] = [];
  for (const connections of connectionCounts) {
    for (const { name, path } of PATHS) {
      const seen: Record<'before' | 'after', Measure[]> = { before: [], after: [] };
      for (let round = 0; round < rounds; round++) {
        const order =
          round % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
        for (const which of order)
          seen[which].push(await load(`${urls[which]}${path}`, connections));
      }
      const b = {
        rps: median(seen.before.map((m) => m.rps)),
        p99: median(seen.before.map((m) => m.p99)),
        errors: seen.before.reduce((n, m) => n + m.errors, 0),
      };
      const a = {
        rps: median(seen.after.map((m) => m.rps)),
        p99: median(seen.after.map((m) => m.p99)),
        errors: seen.after.reduce((n, m) => n + m.errors, 0),
      };
      rows.push([
        name,
        String(connections),
        b.rps.toFixed(0),
        b.p99.toFixed(0),
        String(b.errors),
        a.rps.toFixed(0),
        a.p99.toFixed(0),
        String(a.errors),
        b.rps > 0 ? (a.rps / b.rps).toFixed(2) : 'before answered none',
        b.p99 > 0 ? (a.p99 / b.p99).toFixed(2) : '–',
      ]);
      console.error(`done: ${name} at ${connections} connections`);
    }
  }
  const header = [
    'path',
    'connections',
    'before req/s',
    'before p99 ms',
    'before errors',
    'after req/s',
    'after p99 ms',
    'after errors',
    'req/s after/before',
    'p99 after/before',
  ];
  console.log(
    `${seconds} s per measurement, median of ${rounds} rounds each, alternating; 2 cores; load average at the end: ${(await import('node:os')).loadavg()[0]!.toFixed(2)}`,
  );
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
