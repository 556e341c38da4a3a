/**
 * npx tsx bench/published-site.ts [--runs 5] [--throttle 4] [--site DIR]
 *
 * Issue 26 item 5: the published site's size and its first view next to the live app's.
 * Publishes the site (or measures the one --site names), serves it with a plain static
 * server (no API), and in headless Chromium at 1280×720, the CPU throttled --throttle times
 * over CDP as bench/client-interaction.ts does, opens the live app and the published site
 * taking turns (so a busy moment of the machine falls on both): navigation → the client's
 * 'kizuna:first-render' mark, and → body[data-state=ready]. Medians of --runs. The live app
 * is started locally (scripts/local-app) and its size is what a first visit downloads (the
 * page, its scripts and styles, and the API answers of the first view), gzipped as the
 * server's compression sends them. Prints a table; writes bench/results/published-site.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { startLocalApp } from '../scripts/local-app';
import { publishSite } from '../scripts/publish/publish-site';
import { megabytes, siteSize } from '../scripts/publish/site-size';
import { launchChromium } from '../server/chromium';
import { isBuild, serveBuild } from './serve-build';
import { median, RUNS_AND_THROTTLE, runsAndThrottle } from './throttled-runs';

const { values } = parseArgs({
  options: {
    ...RUNS_AND_THROTTLE,
    site: { type: 'string' },
  },
});
const { runs, throttle } = runsAndThrottle(values);
if (values.site !== undefined && !isBuild(values.site)) {
  console.error(`--site must name a published site's folder (got "${values.site}").`);
  process.exit(2);
}

interface FirstView {
  firstRender: number;
  ready: number;
  /** Bytes over the wire for the first view (encoded, as sent). */
  transferred: number;
}

/** One cold first view: a fresh context (no cache), the CPU throttled, until the app is ready. */
async function firstView(browser: Browser, url: string): Promise<FirstView> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let transferred = 0;
  cdp.on('Network.loadingFinished', (e) => {
    transferred += e.encodedDataLength;
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(`${url}#lang=en`);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 300_000 });
  const [firstRender, ready] = (await page.evaluate(() => [
    performance.getEntriesByName('kizuna:first-render')[0]?.startTime ?? Number.NaN,
    performance.now(),
  ])) as [number, number];
  await context.close();
  return { firstRender, ready, transferred };
}

async function main() {
  const app = await startLocalApp();
  const root = mkdtempSync(path.join(os.tmpdir(), 'kizuna-bench-published-'));
  let served: { url: string; close(): void } | undefined;
  let browser: Browser | undefined;
  try {
    const dir = values.site ?? path.join(root, 'site');
    if (!values.site)
      await publishSite({
        out: dir,
        force: false,
        log: (m) => console.log(m),
        from: { url: app.url, connection: app.connection },
      });
    const size = siteSize(dir);
    served = await serveBuild(dir);
    browser = await launchChromium(app.config.chromiumPath ?? '/usr/bin/chromium');
    const targets = [
      { name: 'live app', url: `${app.url}/` },
      { name: 'published site', url: `${served.url}/` },
    ];
    const measured = new Map<string, FirstView[]>(targets.map((t) => [t.name, []]));
    for (let i = 0; i < runs; i++)
      for (const t of targets) {
        const once = await firstView(browser, t.url);
        measured.get(t.name)!.push(once);
        console.log(`run ${i + 1}/${runs} ${t.name}: ${JSON.stringify(once)}`);
      }
    const summary = targets.map((t) => {
      const xs = measured.get(t.name)!;
      return {
        target: t.name,
        firstRenderMs: Math.round(median(xs.map((x) => x.firstRender))),
        readyMs: Math.round(median(xs.map((x) => x.ready))),
        firstViewTransferredBytes: Math.round(median(xs.map((x) => x.transferred))),
        runs: xs.map((x) => ({
          firstRender: Math.round(x.firstRender),
          ready: Math.round(x.ready),
        })),
      };
    });
    console.log(
      `\nFirst view, ms after navigation (median of ${runs}; CPU throttled ${throttle}×; 1280×720, cold cache):`,
    );
    console.log(
      '| | first legible render | ready | first view over the wire (live: compressed; static test server: not) |',
    );
    console.log('|---|---:|---:|---:|');
    for (const s of summary)
      console.log(
        `| ${s.target} | ${s.firstRenderMs} | ${s.readyMs} | ${megabytes(s.firstViewTransferredBytes)} |`,
      );
    console.log(
      `\nPublished site: ${size.files} files, ${megabytes(size.bytes)}, ${megabytes(size.gzipBytes)} gzipped file by file (budget 5 MB).`,
    );
    const file = path.join(import.meta.dirname, 'results', 'published-site.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          measured: new Date().toISOString(),
          throttle,
          runs,
          viewport: '1280x720',
          site: size,
          firstView: summary,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`Written to ${path.relative(process.cwd(), file)}`);
  } finally {
    await browser?.close();
    served?.close();
    await app.close();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
