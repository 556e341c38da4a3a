import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveBuild } from '../../bench/serve-build';
import type { Graph } from '../../graph/graph';
import { publishSite } from '../../scripts/publish/publish-site';
import { SEARCH_CASES } from '../fixtures/search-queries';
import { launchChromium } from '../support/browser';
import { closeGraphWithEvents, openGraphWithEvents } from './events-fixture';
import { ExplorerPage } from './explorer-page';

/**
 * Issue 26's "done when" for the published site: `npm run publish` (its function, reading
 * the run's app) into a temporary folder, served by a plain static server in a subfolder
 * (every link relative) with no API behind it; every page of the site fails the test if it
 * asks for /api/*. It must show what the live app shows.
 */
const liveUrl = inject('appUrl');
let browser: Browser;
let root: string;
let site: { url: string; close(): void };
let siteUrl: string;
let graph: Graph | undefined;
/** Every /api/* request a page of the published site made, with the page's own errors. */
const apiRequests: string[] = [];

beforeAll(async () => {
  // The curated events, as `npm run seed` loads them: the site carries them, and its timeline.
  graph = await openGraphWithEvents();
  root = mkdtempSync(path.join(os.tmpdir(), 'kizuna-published-'));
  await publishSite({
    out: path.join(root, 'kizuna'),
    force: false,
    log: (message) => console.log(`[publish] ${message}`),
    from: { url: liveUrl, connection: inject('neo4j') },
  });
  site = await serveBuild(root);
  siteUrl = `${site.url}/kizuna/`;
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  site?.close();
  await closeGraphWithEvents(graph);
  if (root) rmSync(root, { recursive: true, force: true });
  expect(apiRequests).toEqual([]);
});

/** A page of the published site, in a context of its own, refusing (and recording) any /api/* request. */
async function openPublished(
  hash: string,
  where?: BrowserContext,
  viewport = { width: 1280, height: 720 },
): Promise<ExplorerPage> {
  const context = where ?? (await browser.newContext({ acceptDownloads: true, viewport }));
  await context.route('**/api/**', (route) => {
    apiRequests.push(route.request().url());
    return route.abort();
  });
  const x = await ExplorerPage.open(context, `${siteUrl}${hash}`, viewport);
  expect(await x.page.evaluate(() => document.body.dataset.state)).toBe('ready');
  return x;
}

/** The first five results the search box lists for each query, cleared between queries. */
async function firstFive(page: Page, queries: string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const q of queries) {
    await page.fill('#search', '');
    await page.waitForSelector('#search-results', { state: 'hidden' });
    await page.fill('#search', q);
    await page.waitForSelector(
      '#search-results:not([hidden]), [data-test="no-results"]:not([hidden])',
    );
    out[q] = await page.$$eval('#search-results li[data-id]', (lis) =>
      lis.slice(0, 5).map((li) => li.getAttribute('data-id') ?? ''),
    );
  }
  return out;
}

describe('the published site, on a static server with no API', () => {
  it('draws the nodes the live app draws, and searches as it does in both languages', async () => {
    const queries = [
      ...SEARCH_CASES.filter((c) => c.lang === 'en').slice(0, 10),
      ...SEARCH_CASES.filter((c) => c.lang === 'ja').slice(0, 10),
    ].map((c) => c.q);
    expect(queries).toHaveLength(20);
    const live = await ExplorerPage.open(browser, `${liveUrl}/#lang=en`, {
      width: 1280,
      height: 720,
    });
    const published = await openPublished('#lang=en');
    const liveNodes = (await live.visibleNodes()).sort();
    expect(liveNodes.length).toBeGreaterThan(100);
    expect((await published.visibleNodes()).sort()).toEqual(liveNodes);
    const expected = await firstFive(live.page, queries);
    expect(Object.values(expected).filter((ids) => ids.length > 0).length).toBeGreaterThan(15);
    expect(await firstFive(published.page, queries)).toEqual(expected);
    expect(published.errors).toEqual([]);
    expect(apiRequests).toEqual([]);
    await live.page.close();
    await published.page.context().close();
  }, 240_000);

  it('shows a node’s source text and evidence, and filters by the timeline', async () => {
    const x = await openPublished('#lang=en');
    await x.searchAndChoose('renewable', 'jp-mn-2022/II.3.2.a');
    // The evidence: the plan's own words, highlighted in the panel's source text.
    await x.page.waitForSelector('[data-test="source-text"] mark');
    expect((await x.page.textContent('[data-test="source-text"] mark'))?.length).toBeGreaterThan(1);
    await x.page.fill('[data-test="range-from"]', '2024-01-01');
    await x.page.fill('[data-test="range-to"]', '2024-12-31');
    await x.page.waitForFunction(() =>
      decodeURIComponent(location.hash).includes('range=2024-01-01~2024-12-31'),
    );
    const events = JSON.parse(
      readFileSync(path.join(root, 'kizuna', 'data', 'events.json'), 'utf8'),
    ) as { events: { date: string }[] };
    const in2024 = events.events.filter((e) => e.date.startsWith('2024')).length;
    expect(in2024).toBeGreaterThan(0);
    await x.page.waitForFunction(
      (n) =>
        document
          .querySelector('[data-test="timeline-count"]')
          ?.textContent?.includes(`${n} events`),
      in2024,
    );
    expect(x.errors).toEqual([]);
    expect(apiRequests).toEqual([]);
    await x.page.context().close();
  }, 180_000);

  it('downloads an SVG and a PPTX made in the browser', async () => {
    const x = await openPublished('#lang=en&layout=underpins');
    const download = async (format: 'svg' | 'pptx') => {
      await x.page.click('#export');
      await x.page.selectOption('#export-format', format);
      await x.page.selectOption('#export-page', format === 'svg' ? 'screen' : 'slide');
      const [file] = await Promise.all([
        x.page.waitForEvent('download', { timeout: 120_000 }),
        x.page.click('#export-go'),
      ]);
      const saved = path.join(root, file.suggestedFilename());
      await file.saveAs(saved);
      await x.page.click('.export-dialog button[value="cancel"]');
      return { name: file.suggestedFilename(), body: readFileSync(saved) };
    };
    const svg = await download('svg');
    expect(svg.name).toMatch(/^kizuna-jp-mn-2022-v\d+\.\d+\.\d+.*-underpins-.*\.svg$/);
    expect(svg.body.toString('utf8')).toContain('What underpins what');
    const pptx = await download('pptx');
    expect(pptx.name).toMatch(/\.pptx$/);
    const slides = Object.keys((await JSZip.loadAsync(pptx.body)).files).filter((n) =>
      /^ppt\/slides\/slide\d+\.xml$/.test(n),
    );
    expect(slides.length).toBeGreaterThan(0);
    expect(x.errors).toEqual([]);
    expect(apiRequests).toEqual([]);
    await x.page.context().close();
  }, 180_000);

  it('keeps a saved view whose link opens the same view', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const x = await openPublished('#lang=en&pillars=I', context);
    await x.page.click('[data-group="saved"] summary');
    await x.page.fill('#saved-view-name', 'Politics only');
    await x.page.click('[data-test="save-view"]');
    const link = await x.page.getAttribute('[data-test="saved-views"] a', 'href');
    expect(link).toContain('pillars=I');
    const again = await ExplorerPage.open(context, new URL(link!, siteUrl).href, {
      width: 1280,
      height: 720,
    });
    await again.page.waitForFunction(
      () => !(document.querySelector('[data-test="pillar-II"]') as HTMLInputElement).checked,
    );
    expect(await again.visibleNodes()).toEqual(await x.visibleNodes());
    expect(apiRequests).toEqual([]);
    await context.close();
  });

  it('puts a page saying how to load the dataset where the workbench was, fitting a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${siteUrl}workbench.html`);
    expect(await page.textContent('main:not([hidden])')).toContain('cypher-shell');
    const bundle = await page.getAttribute('main:not([hidden]) a[download]', 'href');
    const response = await page.request.get(new URL(bundle!, `${siteUrl}workbench.html`).href);
    expect(response.headers()['content-type']).toBe('application/zip');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.click('[data-test="switch-lang"]');
    expect(await page.textContent('main:not([hidden])')).toContain('データセット');
    await page.close();
  });
});
