/**
 * npx tsx bench/client-render.ts [--runs 7]
 *
 * In headless Debian Chromium (software rendering: --disable-gpu):
 * 1. navigation → first complete render of the whole plan (the client's
 *    'kizuna:first-render' mark: data fetched, precomputed positions applied, drawn);
 * 2. render + layout of synthetic graphs of 1k, 5k and 20k elements, with Cytoscape's
 *    canvas renderer and its WebGL mode side by side (grid layout for every size,
 *    fcose up to 5k), timed to the first frame drawn after the layout.
 * Medians of --runs runs, all in one process, one after another.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { startLocalApp } from '../scripts/local-app';
import { launchChromium } from '../server/chromium';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const script = (path: string) => readFileSync(path, 'utf8');
const LIBRARIES = [
  script('node_modules/cytoscape/dist/cytoscape.min.js'),
  script('node_modules/layout-base/layout-base.js'),
  script('node_modules/cose-base/cose-base.js'),
  script('node_modules/cytoscape-fcose/cytoscape-fcose.js'),
];

/** Builds a seeded random graph of about `elements` elements and draws it; resolves with ms to the first frame after layout. */
const RENDER_IN_PAGE = `async ({ elements, webgl, layout }) => {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const nodes = Math.round(elements * 0.4);
  const els = [];
  for (let i = 0; i < nodes; i++) els.push({ data: { id: 'n' + i, label: 'Node ' + i } });
  for (let i = 0; els.length < elements; i++) {
    els.push({ data: { id: 'e' + i, source: 'n' + Math.floor(random() * nodes), target: 'n' + Math.floor(random() * nodes) } });
  }
  const container = document.getElementById('cy');
  const started = performance.now();
  const cy = cytoscape({
    container,
    elements: els,
    renderer: { name: 'canvas', webgl },
    style: [
      { selector: 'node', style: { width: 12, height: 12, 'background-color': '#0072B2', label: 'data(label)', 'font-size': 6, 'min-zoomed-font-size': 8 } },
      { selector: 'edge', style: { width: 1, 'line-color': '#E69F00', 'curve-style': 'haystack' } },
    ],
    layout: layout === 'fcose' ? { name: 'fcose', animate: false, quality: 'draft', randomize: true } : { name: 'grid' },
  });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const ms = performance.now() - started;
  const usedWebgl = Boolean(cy.renderer().webgl);
  cy.destroy();
  return { ms, usedWebgl };
}`;

async function syntheticPage(page: Page): Promise<void> {
  await page.setContent(
    '<!doctype html><html><body style="margin:0"><div id="cy" style="width:1200px;height:800px"></div></body></html>',
  );
  for (const lib of LIBRARIES) await page.addScriptTag({ content: lib });
  await page.evaluate('cytoscape.use(cytoscapeFcose)');
}

async function main() {
  const app = await startLocalApp();
  const browser = await launchChromium(app.config.chromiumPath);
  try {
    const firstRender: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${app.url}/#lang=en`);
      await page.waitForSelector('body[data-state="ready"]', { timeout: 60_000 });
      firstRender.push(
        await page.evaluate(`performance.getEntriesByName('kizuna:first-render')[0].startTime`),
      );
      await page.close();
    }
    console.log(
      `Whole plan (183 nodes, 297 edges shown), navigation → first complete render: median ${median(firstRender).toFixed(0)} ms (runs: ${firstRender.map((t) => t.toFixed(0)).join(', ')})`,
    );

    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    await syntheticPage(page);
    const rows: string[] = [];
    for (const layout of ['grid', 'fcose'] as const) {
      for (const elements of [1000, 5000, 20000]) {
        if (layout === 'fcose' && elements > 5000) continue;
        const cells: string[] = [];
        const usedWebgl: boolean[] = [];
        for (const webgl of [false, true]) {
          const times: number[] = [];
          for (let i = 0; i < (elements >= 20000 ? Math.min(runs, 3) : runs); i++) {
            const r = (await page.evaluate(
              `(${RENDER_IN_PAGE})(${JSON.stringify({ elements, webgl, layout })})`,
            )) as { ms: number; usedWebgl: boolean };
            times.push(r.ms);
            if (webgl) usedWebgl.push(r.usedWebgl);
          }
          cells.push(median(times).toFixed(0));
        }
        rows.push(
          `| ${elements.toLocaleString('en')} | ${layout} | ${cells[0]} | ${cells[1]}${usedWebgl.every(Boolean) ? '' : ' (fell back to canvas)'} | ${(Number(cells[0]) / Number(cells[1])).toFixed(2)} |`,
        );
      }
    }
    console.log('\nSynthetic graphs, render + layout to first frame (median ms):');
    console.log('| elements | layout | canvas | WebGL mode | canvas/WebGL |');
    console.log('|---:|---|---:|---:|---:|');
    for (const row of rows) console.log(row);
  } finally {
    await browser.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
