import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { type AddressInfo, connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Graph, openGraph, QueryCancelledError } from '../../graph/graph';
import { createApp } from '../../server/app';
import { cancelOnClose } from '../../server/http/cancel-on-close';
import { problemHandler } from '../../server/http/problem';
import { BODY_IDLE_MS } from '../../server/http/stalled-body';
import type { ConsoleSandbox } from '../../server/routes/cypher/console-sandbox';
import { testConsole } from '../support/console-database';

const logger = pino({ level: 'silent' });
let graph: Graph;
let sandbox: ConsoleSandbox;
let app: ReturnType<typeof createApp>;

// None of these needs the plan loaded: they test the HTTP layer and the database helpers.
beforeAll(() => {
  graph = openGraph(inject('neo4j'));
  sandbox = testConsole(graph);
  app = createApp({ graph, console: sandbox, logger });
});
afterAll(async () => {
  await sandbox.close();
  await graph.close();
});

function expectProblem(res: request.Response, status: number, detail: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, detail: expect.stringMatching(detail) });
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.(ts|js):\d+|java\.|URIError/);
}

async function listening(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('client errors are 4xx problem+json, never 500', () => {
  it.each(['%ZZ', '%E3%81', '%C0%AE', '%ED%A0%80'])(
    'GET /api/nodes/%s (bad percent-encoding) is a 400 naming the path',
    async (bad) => {
      const res = await request(app).get(`/api/nodes/${bad}`);
      expectProblem(res, 400, /not valid percent-encoded UTF-8/);
      expect(res.body).toMatchObject({ title: 'Malformed URL', field: 'path' });
    },
  );

  it('an unknown Content-Encoding is a 415 naming the encoding', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'x-unknown')
      .send('{"query":"RETURN 1"}');
    expectProblem(res, 415, /Content-Encoding "x-unknown" is not supported/);
  });

  it('an unsupported charset is a 415 naming the charset', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .set('Content-Type', 'application/json; charset=koi8-r')
      .send('{"query":"RETURN 1"}');
    expectProblem(res, 415, /charset "koi8-r" is not supported; send UTF-8/i);
  });
});

// /api/openapi.json needs no database, so a loaded machine cannot turn these into 503s.
describe('Host header allow-list (DNS rebinding)', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer(app);
    port = await listening(server);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each(['localhost', '127.0.0.1', '[::1]'])('answers %s on its own port', async (name) => {
    const res = await request(server).get('/api/openapi.json').set('Host', `${name}:${port}`);
    expect(res.status).toBe(200);
  });

  it.each(['evil.example', 'localhost.evil.example', 'localhost:1'])(
    'refuses Host %s with a 403 problem',
    async (host) => {
      const res = await request(server)
        .get('/api/openapi.json')
        .set('Host', host.includes(':') ? host : `${host}:${port}`);
      expectProblem(res, 403, /does not answer to the Host/);
    },
  );

  it('answers any host named in ALLOWED_HOSTS, and every host with *', async () => {
    const custom = createServer(createApp({ graph, logger, allowedHosts: ['kizuna.lan'] }));
    const open = createServer(createApp({ graph, logger, allowedHosts: ['*'] }));
    try {
      const customPort = await listening(custom);
      await listening(open);
      expect(
        (await request(custom).get('/api/openapi.json').set('Host', `kizuna.lan:${customPort}`))
          .status,
      ).toBe(200);
      // Through a proxy on 80 or 443 the browser's Host has no port.
      expect(
        (await request(custom).get('/api/openapi.json').set('Host', 'kizuna.lan')).status,
      ).toBe(200);
      expect(
        (await request(custom).get('/api/openapi.json').set('Host', 'kizuna.lan:1')).status,
      ).toBe(403);
      expect(
        (await request(custom).get('/api/openapi.json').set('Host', `localhost:${customPort}`))
          .status,
      ).toBe(403);
      expect(
        (await request(open).get('/api/openapi.json').set('Host', 'anything.example')).status,
      ).toBe(200);
    } finally {
      custom.close();
      open.close();
    }
  });
});

describe('HSTS and upgrade-insecure-requests only over TLS', () => {
  it('sends neither over plain HTTP', async () => {
    const res = await request(app).get('/api/openapi.json');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('believes X-Forwarded-Proto only from a proxy named in TRUST_PROXY', async () => {
    const spoofed = await request(app).get('/api/openapi.json').set('X-Forwarded-Proto', 'https');
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    const behindProxy = createApp({ graph, logger, trustProxy: ['loopback'] });
    const overTls = await request(behindProxy)
      .get('/api/openapi.json')
      .set('X-Forwarded-Proto', 'https');
    expect(overTls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const plain = await request(behindProxy).get('/api/openapi.json');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends both over TLS', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kizuna-tls-'));
    try {
      const made = spawnSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-subj',
          '/CN=localhost',
          '-days',
          '1',
          '-keyout',
          path.join(dir, 'key.pem'),
          '-out',
          path.join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      expect(made.status).toBe(0);
      const tls = createTlsServer(
        {
          key: readFileSync(path.join(dir, 'key.pem')),
          cert: readFileSync(path.join(dir, 'cert.pem')),
        },
        app,
      );
      await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
      try {
        const res = await request(tls).get('/api/openapi.json').trustLocalhost().disableTLSCerts();
        expect(res.status).toBe(200);
        expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
        expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      } finally {
        tls.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A query that runs for minutes unless it is stopped. */
const RUNAWAY = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x = -1 RETURN count(x) AS n';

async function runningQueries(): Promise<number> {
  const rows = await graph.read(
    `SHOW TRANSACTIONS YIELD currentQuery, status
     WHERE currentQuery CONTAINS 'range(1, 2000000000)' AND NOT currentQuery STARTS WITH 'SHOW'
     RETURN count(*) AS n`,
  );
  return Number(rows[0]?.n ?? 0);
}

async function waitUntil(predicate: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe('work is cancelled when its caller goes away', () => {
  it('an aborted read rejects at once and its transaction ends in Neo4j', async () => {
    const controller = new AbortController();
    const reading = graph.read(RUNAWAY, {}, { signal: controller.signal });
    expect(await waitUntil(async () => (await runningQueries()) > 0, 10_000)).toBe(true);
    const aborted = Date.now();
    controller.abort();
    await expect(reading).rejects.toBeInstanceOf(QueryCancelledError);
    expect(Date.now() - aborted).toBeLessThan(1000);
    expect(await waitUntil(async () => (await runningQueries()) === 0, 15_000)).toBe(true);
  }, 40_000);

  it('a client that disconnects mid-request stops the request’s database work', async () => {
    const slow = express();
    slow.use(express.json());
    slow.use(cancelOnClose);
    slow.get('/slow', async (_req, res) => {
      res.json(await graph.read(RUNAWAY));
    });
    slow.use(problemHandler(logger));
    const server = createServer(slow);
    const port = await listening(server);
    try {
      const controller = new AbortController();
      const pending = fetch(`http://127.0.0.1:${port}/slow`, { signal: controller.signal });
      pending.catch(() => {});
      expect(await waitUntil(async () => (await runningQueries()) > 0, 10_000)).toBe(true);
      controller.abort();
      expect(await waitUntil(async () => (await runningQueries()) === 0, 15_000)).toBe(true);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }, 40_000);
});

describe('Neo4j timeouts are 503 with Retry-After, never 500', () => {
  it('a transaction Neo4j times out (as a cold database does) answers 503 problem+json', async () => {
    const timed = express();
    timed.get('/timed', async (_req, res) => {
      res.json(await graph.read(RUNAWAY, {}, { timeoutMs: 500 }));
    });
    timed.use(problemHandler(logger));
    const res = await request(timed).get('/timed');
    expectProblem(res, 503, /could not finish this request in time/);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.title).toBe('Database too slow');
  }, 30_000);

  it('a call that outlives the app deadline is given up with a 503', async () => {
    const bounded = openGraph(inject('neo4j'), { deadlineMs: 800 });
    try {
      const timed = express();
      timed.get('/bounded', async (_req, res) => {
        res.json(await bounded.read(RUNAWAY));
      });
      timed.use(problemHandler(logger));
      const started = Date.now();
      const res = await request(timed).get('/bounded');
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
    } finally {
      await bounded.close();
    }
  }, 30_000);
});

describe('a request body that stops arriving', () => {
  it('is answered 408 and its connection closed after a few idle seconds, not Node’s 300 s', async () => {
    const server = createServer(app);
    const port = await listening(server);
    try {
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk.toString();
      });
      const closed = new Promise<number>((resolve) =>
        socket.once('close', () => resolve(Date.now())),
      );
      // Promises 100 bytes and sends 10, then nothing.
      socket.write(
        `POST /api/cypher HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":`,
      );
      const sent = Date.now();
      const idle = (await closed) - sent;
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toContain('The request body stopped arriving');
      expect(idle).toBeGreaterThanOrEqual(BODY_IDLE_MS - 1000);
      expect(idle).toBeLessThan(60_000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }, 90_000);

  it('leaves a body that trickles in, byte by byte, to be read', async () => {
    const server = createServer(app);
    const port = await listening(server);
    try {
      const body = JSON.stringify({ query: 'RETURN 1 AS one' });
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk.toString();
      });
      socket.write(
        `POST /api/cypher HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
      );
      // Slower in all than the idle limit, but never idle that long.
      const pieces = [body.slice(0, 5), body.slice(5, 12), body.slice(12)];
      for (const piece of pieces) {
        await new Promise((resolve) => setTimeout(resolve, BODY_IDLE_MS / 2));
        socket.write(piece);
      }
      await new Promise((resolve) => socket.once('close', resolve));
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }, 90_000);
});
