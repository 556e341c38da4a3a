/**
 * npx tsx bench/console-saturation.ts [--seconds 10] [--connections 10]
 *
 * What the rest of the API sees while the Cypher console is saturated with hostile runaways
 * (issue 10 item 3): the p99 latency of GET /api/nodes/{id} under autocannon load, first with
 * the console idle, then while four clients (two loopback addresses, two queries each: every
 * console slot) keep sending runaway queries and send the next as soon as one is answered.
 * Prints both and their ratio, measured in one run against the configured database.
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startLocalApp } from '../scripts/local-app';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);

/** Queries no machine finishes within the console's limits: rows, a cartesian, paths, memory. */
const RUNAWAYS = [
  'UNWIND range(1, 1000000000000) AS x RETURN sum(x)',
  'MATCH (a),(b),(c),(d),(e) WHERE a <> e RETURN count(*)',
  'MATCH p=()-[*]-() RETURN count(p)',
  'UNWIND range(1, 20000000) AS x RETURN size(collect(x))',
];

function postFrom(url: URL, from: string, query: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: '/api/cypher',
        method: 'POST',
        localAddress: from,
        headers: { 'Content-Type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(JSON.stringify({ query }));
  });
}

async function p99(url: string): Promise<{ p99: number; requests: number; errors: number }> {
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
  };
}

const app = await startLocalApp((m) => console.error(m), { withConsole: true });
try {
  const base = new URL(app.url);
  const target = `${app.url}/api/nodes/jp-mn-epa`;
  await p99(target); // warm-up, not counted
  const before = await p99(target);

  let saturating = true;
  const statuses: Record<number, number> = {};
  const loop = async (from: string, query: string) => {
    while (saturating) {
      const status = await postFrom(base, from, query);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 503) await new Promise((r) => setTimeout(r, 250));
    }
  };
  const clients = [
    loop('127.0.0.1', RUNAWAYS[0]!),
    loop('127.0.0.1', RUNAWAYS[1]!),
    loop('127.0.0.2', RUNAWAYS[2]!),
    loop('127.0.0.2', RUNAWAYS[3]!),
  ];
  await new Promise((r) => setTimeout(r, 1_000));
  const during = await p99(target);
  saturating = false;
  await Promise.all(clients);

  const row = (name: string, r: typeof before) =>
    `${name.padEnd(8)} p99 ${String(r.p99).padStart(6)} ms  requests ${r.requests}  errors ${r.errors}`;
  console.log(`GET /api/nodes/jp-mn-epa, ${connections} connections, ${seconds} s each`);
  console.log(row('before', before));
  console.log(row('during', during));
  console.log(
    `ratio    ${(during.p99 / Math.max(1, before.p99)).toFixed(2)}× p99 while the console is saturated`,
  );
  console.log(`console answers meanwhile: ${JSON.stringify(statuses)}`);
} finally {
  await app.close();
}
