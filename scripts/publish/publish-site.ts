import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PublishedManifest } from '../../core/published/site-files';
import type { Connection } from '../../graph/connection';
import { openGraph } from '../../graph/graph';
import { startLocalApp } from '../local-app';
import { repoRoot } from '../neo4j/bundled-paths';
import { checkOutDir } from './out-dir';
import { writeAnswers } from './site-answers';
import { publishedIndex, siteReadme, workbenchStandIn } from './site-pages';
import { type SiteSize, siteSize } from './site-size';

export interface PublishOptions {
  out: string | undefined;
  force: boolean;
  log: (message: string) => void;
  /**
   * An app already running (the e2e set-up's): its URL and its database. Without it the
   * app is started on a free loopback port (scripts/local-app.ts) and stopped at the end.
   */
  from?: { url: string; connection: Connection };
}

/**
 * `vite build` of the live app's sources with a relative base, so that the site works from
 * any folder of any static host: the same client, which picks its data source at start.
 */
async function buildClient(outDir: string, log: (message: string) => void): Promise<void> {
  log('Building the client (vite build --base ./)...');
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(
    process.execPath,
    [vite, 'build', '--base', './', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: repoRoot,
      // A production build, as scripts/build-client.ts makes it (vitest sets NODE_ENV=test).
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error('The client build failed (see the vite output above).');
}

/**
 * Writes the published site into `out`: built and filled in a temporary folder first, so
 * a failure half-way leaves `out` as it was. Returns what it wrote and the site's size.
 */
export async function publishSite(
  options: PublishOptions,
): Promise<{ dir: string; manifest: PublishedManifest; size: SiteSize }> {
  const out = checkOutDir(options.out, options.force);
  const { log } = options;
  const staging = mkdtempSync(path.join(os.tmpdir(), 'kizuna-publish-'));
  try {
    const building = buildClient(staging, log);
    // The build and the app's start (Neo4j, seeding) overlap.
    const started = options.from
      ? { url: options.from.url, connection: options.from.connection, close: async () => {} }
      : await startLocalApp(log, { withClient: false }).catch(async (error: unknown) => {
          await building.catch(() => {});
          throw error;
        });
    const graph = openGraph(started.connection);
    let manifest: PublishedManifest;
    try {
      await building;
      log(`Reading the API's answers from ${started.url}...`);
      manifest = await writeAnswers(staging, { url: started.url, graph }, log);
    } finally {
      await graph.close();
      await started.close();
    }
    const index = path.join(staging, 'index.html');
    writeFileSync(index, publishedIndex(readFileSync(index, 'utf8')));
    writeFileSync(path.join(staging, 'workbench.html'), workbenchStandIn(manifest));
    writeFileSync(path.join(staging, 'README.txt'), siteReadme(manifest));
    // The workbench's scripts and styles are not used by the page that stands in for it.
    for (const file of readdirSync(path.join(staging, 'assets')))
      if (/^workbench[-.]/.test(file)) rmSync(path.join(staging, 'assets', file));

    log(`Copying the site to ${out}...`);
    rmSync(out, { recursive: true, force: true });
    cpSync(staging, out, { recursive: true });
    return { dir: out, manifest, size: siteSize(out) };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
