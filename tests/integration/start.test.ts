import { existsSync, renameSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildStart, startKizuna } from '../support/kizuna-process';
import { freePort } from '../support/throwaway-neo4j';

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('npm start', () => {
  // npm start builds the server, then runs the build with plain node.
  beforeAll(() => buildStart());
  // Bounds are generous: a loaded machine is slow to start node and Neo4j.
  it('with NEO4J_URI at a closed port, gives up after its wait (NEO4J_CONNECT_TIMEOUT_S) with a clear message', async () => {
    const port = await freePort();
    const started = Date.now();
    const run = startKizuna({
      NEO4J_URI: `bolt://127.0.0.1:${port}`,
      NEO4J_PASSWORD: 'x',
      // 20 s by default; the giving up is the same after 3.
      NEO4J_CONNECT_TIMEOUT_S: '3',
      PORT: String(await freePort()),
    });
    const code = await run.exited;
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(75_000);
    expect(run.output()).toContain(`Cannot reach Neo4j at NEO4J_URI=bolt://127.0.0.1:${port}`);
    expect(run.output()).not.toMatch(/\bat .*\.(ts|m?js):\d+/);
  }, 90_000);

  it('with a bad PORT, stops at once naming the variable', async () => {
    const run = startKizuna({ PORT: 'http' });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe(
      'Invalid configuration: PORT must be a port number (got "http").',
    );
  });

  it('seeds the plan if needed, serves the app, the API and the console (on its own database), and stops cleanly on SIGINT', async () => {
    const db = inject('neo4j');
    const consoleDb = inject('consoleNeo4j');
    const port = await freePort();
    const run = startKizuna({
      NEO4J_URI: db.uri,
      NEO4J_PASSWORD: db.password,
      KIZUNA_CONSOLE: 'on',
      CONSOLE_NEO4J_URI: consoleDb.uri,
      CONSOLE_NEO4J_PASSWORD: consoleDb.password,
      PORT: String(port),
    });
    await waitFor(() => run.output().includes('Kizuna is running at'), 240_000);
    expect(run.output()).toContain(`http://localhost:${port}`);
    expect(run.output()).toMatch(/Seeding the Action Plan|loaded and current|reseeding/);
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    expect(health).toMatchObject({
      status: expect.stringMatching(/^(ok|degraded)$/),
      plan: { loaded: true },
    });
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    const console = await fetch(`http://127.0.0.1:${port}/api/cypher`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'MATCH (c:Commitment) RETURN count(c) AS n' }),
    });
    expect(console.status).toBe(200);
    expect((await console.json()).rows[0].n).toBeGreaterThan(40);
    expect(await page.text()).toContain('<title>Kizuna');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  }, 300_000);

  it('on a port that is taken, says so (not "Cannot destructure")', async () => {
    const db = inject('neo4j');
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const run = startKizuna({
        NEO4J_URI: db.uri,
        NEO4J_PASSWORD: db.password,
        PORT: String(port),
      });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`Port ${port} is already taken on 127.0.0.1`);
      expect(run.output()).not.toMatch(/Cannot destructure|\bat .*\.(ts|m?js):\d+/);
    } finally {
      taken.close();
    }
  }, 90_000);

  it('with an unknown NEO4J_DATABASE, names the databases that exist', async () => {
    const db = inject('neo4j');
    const run = startKizuna({
      NEO4J_URI: db.uri,
      NEO4J_PASSWORD: db.password,
      NEO4J_DATABASE: 'nosuchdb',
      PORT: String(await freePort()),
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('has no database "nosuchdb"; it has "neo4j"');
    expect(run.output()).toContain('Set NEO4J_DATABASE to one of them');
  }, 60_000);

  it('with the bundled Neo4j running but its password file gone, says what to do', async () => {
    const home = inject('neo4jHome');
    const boltPort = new URL(inject('neo4j').uri).port;
    const passwordFile = path.join(home, 'password');
    const aside = `${passwordFile}.aside`;
    renameSync(passwordFile, aside);
    try {
      const run = startKizuna({
        NEO4J_HOME: home,
        NEO4J_BOLT_PORT: boltPort,
        PORT: String(await freePort()),
      });
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(
        /Neo4j is running \(pid \d+\) but its password file .*password is missing/,
      );
      expect(run.output()).not.toMatch(/ENOENT|\bat .*\.(ts|m?js):\d+/);
    } finally {
      if (existsSync(aside)) renameSync(aside, passwordFile);
    }
  }, 60_000);
});
