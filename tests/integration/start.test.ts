import { type ChildProcess, spawn } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { freePort } from './global-setup';

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startKizuna(env: Record<string, string>): Run {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('npm start', () => {
  it('with NEO4J_URI at a closed port, fails within 30 s with a clear message', async () => {
    const port = await freePort();
    const started = Date.now();
    const run = startKizuna({
      NEO4J_URI: `bolt://127.0.0.1:${port}`,
      NEO4J_PASSWORD: 'x',
      PORT: String(await freePort()),
    });
    const code = await run.exited;
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.output()).toContain(`Cannot reach Neo4j at NEO4J_URI=bolt://127.0.0.1:${port}`);
    expect(run.output()).not.toMatch(/\bat .*\.(ts|js):\d+/);
  }, 40_000);

  it('with a bad PORT, stops at once naming the variable', async () => {
    const run = startKizuna({ PORT: 'http' });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe(
      'Invalid configuration: PORT must be a port number (got "http").',
    );
  });

  it('seeds the plan if needed, serves the app and API, and stops cleanly on SIGINT', async () => {
    const db = inject('neo4j');
    const port = await freePort();
    const run = startKizuna({ NEO4J_URI: db.uri, NEO4J_PASSWORD: db.password, PORT: String(port) });
    await waitFor(() => run.output().includes('Kizuna is running at'), 60_000);
    expect(run.output()).toContain(`http://localhost:${port}`);
    expect(run.output()).toMatch(/Seeding the Action Plan|loaded and current|reseeding/);
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', plan: { loaded: true } });
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Kizuna');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  }, 90_000);
});
