/**
 * npx tsx bench/layout-switch-before-after.ts --before <git ref> [--runs 5]
 *
 * The client built at <ref> and the client of the working tree, side by side in one run,
 * against one server and one database: for each, switching from the first view to each
 * layout computed in the worker (force-directed, hierarchy, concentric), the longest
 * main-thread task and the sum of all long tasks (PerformanceObserver 'longtask') in the
 * 2.5 s after the switch, at 1280×720 in headless Debian Chromium. The two builds take
 * turns, run by run. dist/client holds each in turn and the working tree's build after.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalApp } from '../scripts/local-app';
import { repoRoot } from '../scripts/neo4j/bundled-paths';
import { launchChromium } from '../server/chromium';

const { values } = parseArgs({
  options: { before: { type: 'string' }, runs: { type: 'string', default: '5' } },
});
if (!values.before) {
  console.error('Usage: npx tsx bench/layout-switch-before-after.ts --before <git ref> [--runs 5]');
  process.exit(2);
}
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const LAYOUTS = ['fcose', 'hierarchy', 'concentric'];
const served = path.join(repoRoot, 'dist', 'client');

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
}

/** Builds the client at `ref` (a worktree sharing this checkout's node_modules) into `out`. */
function buildAt(ref: string, out: string): void {
  const tree = mkdtempSync(path.join(os.tmpdir(), 'kizuna-before-'));
  run('git', ['worktree', 'add', '--detach', tree, ref], repoRoot);
  try {
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(tree, 'node_modules'));
    run(
      process.execPath,
      [path.join(tree, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
      tree,
    );
    cpSync(path.join(tree, 'dist', 'client'), out, { recursive: true });
  } finally {
    run('git', ['worktree', 'remove', '--force', tree], repoRoot);
  }
}

async function main() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'kizuna-builds-'));
  const builds = { before: path.join(work, 'before'), after: path.join(work, 'after') };
  console.log(`Building the client at ${values.before} and in the working tree...`);
  buildAt(values.before!, builds.before);
  run(
    process.execPath,
    [path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
    repoRoot,
  );
  cpSync(served, builds.after, { recursive: true });
  const app = await startLocalApp();
  const browser = await launchChromium(app.config.chromiumPath);
  const results: Record<'before' | 'after', Map<string, number[]>> = {
    before: new Map(),
    after: new Map(),
  };
  const record = (variant: 'before' | 'after', key: string, value: number) =>
    results[variant].set(key, [...(results[variant].get(key) ?? []), value]);
  try {
    for (let i = 0; i < runs; i++) {
      for (const variant of ['before', 'after'] as const) {
        rmSync(served, { recursive: true, force: true });
        cpSync(builds[variant], served, { recursive: true });
        for (const layout of LAYOUTS) {
          const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
          await page.goto(`${app.url}/#lang=en`);
          await page.waitForSelector('body[data-state="ready"]', { timeout: 120_000 });
          await page.waitForTimeout(1500);
          await page.evaluate(`(() => {
            window.__longTasks = [];
            new PerformanceObserver((list) => {
              for (const e of list.getEntries()) window.__longTasks.push(e.duration);
            }).observe({ type: 'longtask' });
          })()`);
          await page.selectOption('#layout', layout);
          await page.waitForTimeout(2500);
          const tasks = (await page.evaluate('window.__longTasks')) as number[];
          record(variant, `${layout}: longest task`, Math.max(0, ...tasks));
          record(
            variant,
            `${layout}: sum of long tasks`,
            tasks.reduce((a, b) => a + b, 0),
          );
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
    await app.close();
    rmSync(served, { recursive: true, force: true });
    cpSync(builds.after, served, { recursive: true });
    rmSync(work, { recursive: true, force: true });
  }
  console.log(
    `\n| switch from the first view (ms, median of ${runs}) | before (${values.before}) | after | after/before |`,
  );
  console.log('|---|---:|---:|---:|');
  for (const [key, before] of results.before) {
    const after = results.after.get(key)!;
    const [b, a] = [median(before), median(after)];
    console.log(
      `| ${key} | ${b.toFixed(0)} (${before.map((x) => x.toFixed(0)).join(', ')}) | ${a.toFixed(0)} (${after.map((x) => x.toFixed(0)).join(', ')}) | ${(a / b).toFixed(2)} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
