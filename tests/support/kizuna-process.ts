import { type ChildProcess, spawn } from 'node:child_process';
import { buildServer, SERVER_BUNDLE } from '../../scripts/build-server.mjs';

export interface KizunaProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Builds dist/server/start.mjs as npm start does; once per file is enough. */
export const buildStart = buildServer;

/**
 * The production start (what npm start runs after building it) as a process of its own,
 * with `env` over this one's. No console database unless a test names one: a bundled one
 * would take the default ports.
 */
export function startKizuna(env: Record<string, string>): KizunaProcess {
  let output = '';
  const child = spawn(process.execPath, [SERVER_BUNDLE], {
    env: { ...process.env, LOG_LEVEL: 'warn', KIZUNA_CONSOLE: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves once the process says it is serving; rejects with its output if it ends first. */
export async function untilRunning(run: KizunaProcess, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  run.exited.then(() => (ended = true));
  while (!run.output().includes('Kizuna is running at')) {
    if (ended) throw new Error(`Kizuna ended before serving:\n${run.output()}`);
    if (Date.now() > deadline)
      throw new Error(`Kizuna was not serving after ${timeoutMs} ms:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
