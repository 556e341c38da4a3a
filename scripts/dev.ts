/**
 * npm run dev: Vite's dev server with hot reload, /api proxied to the app on PORT
 * (start the app with npm start in another terminal).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { loadConfig } from '../server/config';
import { repoRoot } from './neo4j/bundled-paths';

const config = loadConfig();
console.log(
  `Vite dev server; /api is proxied to http://127.0.0.1:${config.http.port} (run npm start alongside).`,
);
const vite = spawn(
  process.execPath,
  [path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js')],
  {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, PORT: String(config.http.port) },
  },
);
vite.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => vite.kill(signal));
