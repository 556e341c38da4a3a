import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './neo4j/bundled-paths';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

function clientIsCurrent(): boolean {
  const built = path.join(repoRoot, 'dist', 'client', 'index.html');
  const sources = [path.join(repoRoot, 'client'), path.join(repoRoot, 'vite.config.ts')];
  const newestSource = Math.max(
    ...sources.map((s) => (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs)),
  );
  return existsSync(built) && statSync(built).mtimeMs >= newestSource;
}

const VITE_BUILD = [path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'];
const BUILD_OPTIONS = {
  cwd: repoRoot,
  // A production build whoever calls it (vitest sets NODE_ENV=test): libraries such as
  // lit-html otherwise ship their development builds, warnings included.
  env: { ...process.env, NODE_ENV: 'production' },
  stdio: ['ignore', 'inherit', 'inherit'] as ['ignore', 'inherit', 'inherit'],
};
const FAILED = 'The client build failed (see the vite output above).';

/** Runs `vite build` when dist/client is missing or older than any client source file. */
export function buildClientIfNeeded(log: (message: string) => void): void {
  if (clientIsCurrent()) return;
  log('Building the client (vite build)...');
  const result = spawnSync(process.execPath, VITE_BUILD, BUILD_OPTIONS);
  if (result.status !== 0) throw new Error(FAILED);
}

/** The same, without blocking: the test set-up builds while Neo4j starts. */
export async function buildClientInBackground(log: (message: string) => void): Promise<void> {
  if (clientIsCurrent()) return;
  log('Building the client (vite build)...');
  const child = spawn(process.execPath, VITE_BUILD, BUILD_OPTIONS);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(FAILED);
}
