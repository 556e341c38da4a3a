/**
 * npx tsx bench/client-interaction.ts [--runs 5] [--url http://127.0.0.1:8080]
 *
 * In headless Debian Chromium (software rendering) at 1280×720, the whole plan:
 * 1. navigation → first legible render (the client's 'kizuna:first-render' mark: data
 *    fetched, the clustered overview laid out and drawn with its pillar and area names);
 * 2. the longest main-thread task (PerformanceObserver 'longtask') while switching to
 *    each layout, opening the table, sizing nodes by each centrality, and brushing the
 *    timeline to 2024 (a drag over the strip, which filters the graph as it ends).
 * Medians of --runs runs. Without --url the app is started locally (scripts/local-app).
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { startLocalApp } from '../scripts/local-app';
import { launchChromium } from '../server/chromium';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, url: { type: 'string' } },
});
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Starts collecting long tasks in the page. */
const OBSERVE = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
})()`;

/** The longest task since the last call, in ms (0 if none over 50 ms). */
async function longestTask(page: Page): Promise<number> {
  return page.evaluate(
    `(() => { const m = Math.max(0, ...window.__longTasks); window.__longTasks = []; return m; })()`,
  ) as Promise<number>;
}

async function settle(page: Page): Promise<void> {
  // The worker's layout applied, a pause, any animation ended and two frames drawn: the
  // tasks an action causes are counted for that action, not the next.
  await page.evaluate(() => window.kizuna?.laidOut?.());
  await page.waitForTimeout(400);
  await page.waitForFunction(() => !window.kizuna?.cy.animated(), undefined, { timeout: 30_000 });
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}

const ACTIONS: [string, (page: Page) => Promise<void>][] = [
  ['layout: force-directed', (p) => p.selectOption('#layout', 'fcose').then(() => {})],
  ['layout: hierarchy', (p) => p.selectOption('#layout', 'hierarchy').then(() => {})],
  ['layout: concentric', (p) => p.selectOption('#layout', 'concentric').then(() => {})],
  ['layout: network overview', (p) => p.selectOption('#layout', 'preset').then(() => {})],
  ['layout: by pillar and area', (p) => p.selectOption('#layout', 'clusters').then(() => {})],
  ['open the table', (p) => p.click('#tab-table')],
  ['back to the graph', (p) => p.click('#tab-graph')],
  ['size by degree', (p) => p.selectOption('#metric', 'degree').then(() => {})],
  ['size by betweenness', (p) => p.selectOption('#metric', 'betweenness').then(() => {})],
  ['size by PageRank', (p) => p.selectOption('#metric', 'pagerank').then(() => {})],
  ['brush the timeline to 2024', brushTo2024],
];

/** Drags over the timeline strip from its 2024 tick to its 2025 tick, as a user brushes a year. */
async function brushTo2024(page: Page): Promise<void> {
  const chart = (await page.locator('[data-test="timeline-chart"]').boundingBox())!;
  const tick = async (year: string) =>
    (await page.locator('[data-test="timeline-chart"] text', { hasText: year }).boundingBox())!.x -
    3;
  const [from, to] = [(await tick('2024')) + 2, (await tick('2025')) - 2];
  await page.mouse.move(from, chart.y + 20);
  await page.mouse.down();
  await page.mouse.move((from + to) / 2, chart.y + 20, { steps: 10 });
  await page.mouse.move(to, chart.y + 20, { steps: 10 });
  await page.mouse.up();
  await page.waitForFunction(() =>
    decodeURIComponent(location.hash).includes('range=2024-01-01~2024-12-31'),
  );
}

async function main() {
  const app = values.url ? null : await startLocalApp();
  const url = values.url ?? app!.url;
  const browser = await launchChromium(app?.config.chromiumPath ?? '/usr/bin/chromium');
  try {
    const firstRender: number[] = [];
    const longest = new Map<string, number[]>(ACTIONS.map(([name]) => [name, []]));
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(`${url}/#lang=en`);
      await page.waitForSelector('body[data-state="ready"]', { timeout: 120_000 });
      firstRender.push(
        (await page.evaluate(
          `performance.getEntriesByName('kizuna:first-render')[0].startTime`,
        )) as number,
      );
      await page.evaluate(OBSERVE);
      await page.click('[data-group="metric"] summary');
      await settle(page);
      await longestTask(page);
      for (const [name, act] of ACTIONS) {
        await act(page);
        await settle(page);
        longest.get(name)!.push(await longestTask(page));
      }
      await page.close();
    }
    console.log(
      `Navigation → first legible render at 1280×720: median ${median(firstRender).toFixed(0)} ms (runs: ${firstRender.map((t) => t.toFixed(0)).join(', ')})`,
    );
    console.log('\nLongest main-thread task per action (median of runs; 0 = none over 50 ms):');
    console.log('| action | longest task, ms | runs |');
    console.log('|---|---:|---|');
    for (const [name, xs] of longest)
      console.log(
        `| ${name} | ${median(xs).toFixed(0)} | ${xs.map((x) => x.toFixed(0)).join(', ')} |`,
      );
  } finally {
    await browser.close();
    await app?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
