/**
 * npx tsx bench/client-interaction.ts [--runs 5] [--url URL] [--before DIR --after DIR]
 *                                     [--only item9] [--throttle 4]
 *
 * In headless Debian Chromium (software rendering) at 1280×720, the CPU throttled --throttle
 * times (CDP Emulation.setCPUThrottlingRate, default 4: a slow laptop), the longest main-thread
 * task (PerformanceObserver 'longtask') of:
 * - issue 25 item 9: the first load of the whole plan; the first load of a plan of some 2,000
 *   shown nodes (the real one copied with new ids, answered in place of /api/graph); choosing
 *   a search result; focusing on it; hiding it; finding a path; opening "what underpins what";
 * - the rest: switching to each layout, opening the table, sizing nodes by each centrality,
 *   and brushing the timeline to 2024 (a drag over the strip, which filters the graph as it ends);
 * and navigation → first legible render (the client's 'kizuna:first-render' mark).
 * Medians of --runs runs. With --before and --after (two `vite build` folders, e.g. one
 * made at an older commit) both builds are measured against the same app, taking turns so
 * that a busy moment of the machine falls on both, and shown side by side. Without --url
 * the app is started locally (scripts/local-app). The table is printed and written to
 * bench/results/client-interaction.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import type { GraphView } from '../core/api/graph';
import { startLocalApp } from '../scripts/local-app';
import { launchChromium } from '../server/chromium';
import { isBuild, serveBuild } from './serve-build';
import { median, RUNS_AND_THROTTLE, runsAndThrottle } from './throttled-runs';

const { values } = parseArgs({
  options: {
    ...RUNS_AND_THROTTLE,
    url: { type: 'string' },
    before: { type: 'string' },
    after: { type: 'string' },
    only: { type: 'string' },
  },
});
const { runs, throttle } = runsAndThrottle(values);
if (values.only !== undefined && values.only !== 'item9') {
  console.error(`--only takes item9 (got "${values.only}").`);
  process.exit(2);
}
const sideBySide = values.before !== undefined || values.after !== undefined;
for (const option of ['before', 'after'] as const)
  if (sideBySide && !isBuild(values[option])) {
    console.error(
      `--${option} must name a vite build folder with an index.html (got "${values[option]}").`,
    );
    process.exit(2);
  }

/** Collects long tasks in the page from its start (an init script, before the page's own). */
const OBSERVE = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
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
  await page.waitForTimeout(400 * throttle);
  await page.waitForFunction(() => !window.kizuna?.cy.animated(), undefined, { timeout: 180_000 });
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  // Work queued for later frames (labels made a slice at a time) is the action's too.
  await page.waitForTimeout(200 * throttle);
}

/** Types a query and waits for this result, without counting the typing. */
async function searchFor(page: Page, query: string, id: string): Promise<void> {
  await page.fill('#search', query);
  await page.waitForSelector(`#search-results li[data-id="${id}"]`, { timeout: 180_000 });
}

async function waitForPanel(page: Page, id: string): Promise<void> {
  await page.waitForFunction(
    (nodeId) =>
      decodeURIComponent(location.hash).includes(`sel=${nodeId}`) &&
      document.querySelector('[data-test="panel-title"]'),
    id,
    { timeout: 180_000 },
  );
}

async function choose(page: Page, query: string, id: string): Promise<void> {
  await searchFor(page, query, id);
  await page.click(`#search-results li[data-id="${id}"]`);
  await waitForPanel(page, id);
}

const EPA = 'jp-mn-epa';
const I32 = 'jp-mn-2022/I.3.2';
const IV22 = 'jp-mn-2022/IV.2.2';

/**
 * Item 9's actions, in one page after its first load: each is [name, what is done before it
 * (not counted), the action itself]. The steps before put the page where a user would be.
 */
const ITEM9: [string, (p: Page) => Promise<void>, (p: Page) => Promise<void>][] = [
  [
    'choose a search result',
    (p) => searchFor(p, 'EPA', EPA),
    async (p) => {
      await p.click(`#search-results li[data-id="${EPA}"]`);
      await waitForPanel(p, EPA);
    },
  ],
  ['focus', async () => {}, (p) => p.click('[data-test="focus"]')],
  [
    'hide',
    async (p) => {
      await p.click('[data-test="clear-focus"]');
      await settle(p);
      await choose(p, 'EPA', EPA);
    },
    (p) => p.click('[data-test="hide"]'),
  ],
  [
    'path',
    async (p) => {
      await p.click('[data-test="show-all"]');
      await settle(p);
      await choose(p, 'I.3.2', I32);
      await p.click('[data-test="path-from"]');
      await settle(p);
      await choose(p, 'IV.2.2', IV22);
      await settle(p);
    },
    async (p) => {
      await p.click('[data-test="path-to"]');
      await p.waitForSelector('[data-test="no-path"], [data-test="path-found"]', {
        timeout: 180_000,
      });
    },
  ],
  [
    'open underpins',
    async (p) => {
      await p.click('[data-test="lift-structure"]');
      await p.waitForSelector('[data-test="path-found"]', { timeout: 180_000 });
      await settle(p);
    },
    (p) => p.click('#tab-underpins'),
  ],
];

const LAYOUTS: [string, (page: Page) => Promise<void>][] = [
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

/** Kinds that make the plan's frame (one plan, its pillars and areas): not copied. */
const FRAME = new Set(['Plan', 'Pillar', 'Area']);

/**
 * A plan of about `shown` shown nodes: the real one and copies of everything but its frame,
 * each copy with new ids (and refs), linked to the same pillars and areas, placed beside.
 */
export function enlarged(view: GraphView, shown: number): GraphView {
  const { nodes, edges } = view.elements;
  const copies = Math.max(0, Math.ceil(shown / nodes.length) - 1);
  const copied = nodes.filter((n) => !FRAME.has(String(n.data.kind)));
  const outNodes = [...nodes];
  const outEdges = [...edges];
  const keep = new Set(nodes.filter((n) => FRAME.has(String(n.data.kind))).map((n) => n.data.id));
  for (let k = 1; k <= copies; k++) {
    const idOf = (id: string) => (keep.has(id) ? id : `${id}~${k}`);
    for (const n of copied)
      outNodes.push({
        ...n,
        data: {
          ...n.data,
          id: idOf(n.data.id),
          ...(typeof n.data.ref === 'string' ? { ref: `${n.data.ref}~${k}` } : {}),
        },
        ...(n.position ? { position: { x: n.position.x + k * 40, y: n.position.y + k * 40 } } : {}),
      });
    for (const e of edges)
      if (!(keep.has(e.data.source) && keep.has(e.data.target)))
        outEdges.push({
          ...e,
          data: {
            ...e.data,
            id: `${e.data.id}~${k}`,
            source: idOf(e.data.source),
            target: idOf(e.data.target),
          },
        });
  }
  return { ...view, elements: { nodes: outNodes, edges: outEdges }, total: outNodes.length };
}

interface Target {
  name: string;
  url: string;
}

async function openPage(
  browser: Browser,
  url: string,
  shown?: number,
): Promise<{ page: Page; load: number; firstRender: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.addInitScript(OBSERVE);
  if (shown)
    await page.route('**/api/graph?*', async (route) => {
      const answer = await route.fetch();
      await route.fulfill({ response: answer, json: enlarged(await answer.json(), shown) });
    });
  await page.goto(`${url}/#lang=en`);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 300_000 });
  const firstRender = (await page.evaluate(
    `performance.getEntriesByName('kizuna:first-render')[0].startTime`,
  )) as number;
  await settle(page);
  return { page, load: await longestTask(page), firstRender };
}

/** One run against one build: every action's longest task, and the first render. */
async function runOnce(browser: Browser, url: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const { page, load, firstRender } = await openPage(browser, url);
  out.set('first load', load);
  out.set('(first legible render, ms after navigation)', firstRender);
  for (const [name, before, act] of ITEM9) {
    try {
      await before(page);
      await settle(page);
      await longestTask(page);
      await act(page);
      await settle(page);
      out.set(name, await longestTask(page));
    } catch (error) {
      // A loaded machine may answer too late: this run lacks the action and those after it.
      console.log(
        `${name}: not measured (${error instanceof Error ? error.message.split('\n')[0] : error})`,
      );
      break;
    }
  }
  await page.close();
  const big = await openPage(browser, url, 2000);
  out.set('first load, 2,000 nodes', big.load);
  out.set('(first legible render, 2,000 nodes)', big.firstRender);
  await big.page.close();
  if (values.only === 'item9') return out;
  const { page: p } = await openPage(browser, url);
  await p.click('[data-group="metric"] summary');
  await settle(p);
  await longestTask(p);
  for (const [name, act] of LAYOUTS) {
    await act(p);
    await settle(p);
    out.set(name, await longestTask(p));
  }
  await p.close();
  return out;
}

/**
 * Prints the table so far and writes it to bench/results/client-interaction.json: after
 * every round, so that a run stopped early still leaves what it measured.
 */
function report(
  results: Map<string, Map<string, number[]>>,
  targets: Target[],
  done: number,
): void {
  const actions = [...results.get(targets[0]!.name)!.keys()];
  const rows = actions.map((action) => {
    const row: Record<string, unknown> = { action };
    for (const t of targets) {
      const xs = results.get(t.name)!.get(action) ?? [];
      row[t.name] = { median: Math.round(median(xs)), runs: xs.map(Math.round) };
    }
    return row;
  });
  console.log(
    `\nLongest main-thread task per action, ms (median of ${done} runs; CPU throttled ${throttle}×; 0 = none over 50 ms):`,
  );
  const names = targets.map((t) => t.name);
  console.log(`| action | ${names.join(' | ')} |${sideBySide ? ' after/before |' : ''} runs |`);
  console.log(`|---|${names.map(() => '---:|').join('')}${sideBySide ? '---:|' : ''}---|`);
  for (const row of rows) {
    const m = names.map((n) => (row[n] as { median: number }).median);
    const ratio = sideBySide && m[0] ? ` ${(m[1]! / m[0]).toFixed(2)} |` : sideBySide ? ' – |' : '';
    const all = names.map((n) => `${n}: ${(row[n] as { runs: number[] }).runs.join(', ')}`);
    console.log(`| ${row.action} | ${m.join(' | ')} |${ratio} ${all.join('; ')} |`);
  }
  const file = path.join(import.meta.dirname, 'results', 'client-interaction.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        measured: new Date().toISOString(),
        throttle,
        runs: done,
        viewport: '1280x720',
        builds: sideBySide ? { before: values.before, after: values.after } : undefined,
        unit: 'longest main-thread task, ms (first legible render rows: ms after navigation)',
        rows,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nWritten to ${path.relative(process.cwd(), file)}`);
}

async function main() {
  const app = values.url ? null : await startLocalApp();
  const appUrl = values.url ?? app!.url;
  const served = sideBySide
    ? [
        { name: 'before', ...(await serveBuild(values.before!, appUrl)) },
        { name: 'after', ...(await serveBuild(values.after!, appUrl)) },
      ]
    : [];
  const targets: Target[] = sideBySide ? served : [{ name: 'this build', url: appUrl }];
  const browser = await launchChromium(app?.config.chromiumPath ?? '/usr/bin/chromium');
  try {
    const results = new Map<string, Map<string, number[]>>(targets.map((t) => [t.name, new Map()]));
    for (let i = 0; i < runs; i++) {
      for (const target of targets) {
        const once = await runOnce(browser, target.url);
        const mine = results.get(target.name)!;
        for (const [action, ms] of once) mine.set(action, [...(mine.get(action) ?? []), ms]);
        console.log(
          `run ${i + 1}/${runs} ${target.name}: ${JSON.stringify(Object.fromEntries(once))}`,
        );
      }
      report(results, targets, i + 1);
    }
  } finally {
    await browser.close();
    for (const s of served) s.close();
    await app?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
