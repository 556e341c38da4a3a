/**
 * Builds the server for the production start: scripts/start.ts and everything it imports
 * from this repository, bundled by esbuild into one ES module, dist/server/start.mjs, run
 * by plain node. npm packages stay outside the bundle (node_modules resolves them at run
 * time). Plain JavaScript, so that building needs no TypeScript loader either: under tsx
 * every request paid for its on-the-fly module hooks and source-mapped stack traces.
 * Takes well under a second, so npm start builds every time rather than judge staleness.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_BUNDLE = path.join(root, 'dist', 'server', 'start.mjs');

export async function buildServer() {
  await build({
    absWorkingDir: root,
    entryPoints: ['scripts/start.ts'],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // A map for `node --enable-source-maps` when a stack trace must name the TypeScript line.
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildServer().catch((error) => {
    console.error(`Cannot build the server: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
