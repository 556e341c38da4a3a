/**
 * npx tsx bench/diagram-export.ts [--runs 5]
 *
 * How long each briefing export takes from the browser, through the client's own export
 * code, in headless Debian Chromium: for the underpins view and for the briefing deck, on
 * a 16:9 slide, the pages as SVG, as PNG (2×, every page), as PDF (pages composed in the
 * page, POSTed to /api/render/pdf, sanitised and printed there by the offline Chromium:
 * what the Export button does) and as the editable .pptx. Medians of --runs runs, with
 * the PDF split into composing in the browser and the server's answer. The machine's
 * load average is printed before and after: the figures mean little without it.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startLocalApp } from '../scripts/local-app';
import { launchChromium } from '../server/chromium';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kib = (n: number) => (n / 1024).toFixed(0);
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');

async function main() {
  console.log(`Load average before (1, 5, 15 min): ${load()} on ${os.cpus().length} cores`);
  const app = await startLocalApp();
  const browser = await launchChromium(app.config.chromiumPath);
  try {
    console.log(
      '\n| 16:9 slide | pages | SVG ms | PNG 2× ms | PDF ms (compose + server) | PDF KiB | PPTX ms | PPTX KiB |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const [what, layout, deck] of [
      ['underpins view', 'underpins', false],
      ['deck', 'preset', true],
    ] as const) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${app.url}/#lang=en&layout=${layout}`);
      await page.waitForSelector('body[data-state="ready"]', { timeout: 120_000 });
      const t = {
        svg: [] as number[],
        png: [] as number[],
        pdf: [] as number[],
        compose: [] as number[],
        server: [] as number[],
        pptx: [] as number[],
      };
      let sizes = { pages: 0, pdf: 0, pptx: 0 };
      for (let i = 0; i < runs; i++) {
        const s = (await page.evaluate(`(async () => {
          const request = { deck: ${deck}, paper: 'slide', orientation: 'landscape' };
          const t0 = performance.now();
          const b = await window.kizuna.brief(request);
          const t1 = performance.now();
          for (const svg of b.svgs) await window.kizuna.png({ svg, width: b.width, height: b.height }, 2, 'white');
          const t2 = performance.now();
          const c = await window.kizuna.brief(request);
          const t3 = performance.now();
          const res = await fetch('/api/render/pdf', { method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ pages: c.svgs, title: c.title, page: 'slide', orientation: 'landscape' }) });
          if (!res.ok) throw new Error('render ' + res.status + ' ' + (await res.text()));
          const blob = await res.blob();
          const t4 = performance.now();
          const p = await window.kizuna.brief({ ...request, pptx: true });
          const t5 = performance.now();
          return { pages: b.svgs.length, svg: t1 - t0, png: t2 - t1, compose: t3 - t2, server: t4 - t3,
            pdfBytes: blob.size, pptx: t5 - t4, pptxBytes: p.pptx.length * 0.75 };
        })()`)) as Record<string, number>;
        t.svg.push(s.svg!);
        t.png.push(s.png!);
        t.compose.push(s.compose!);
        t.server.push(s.server!);
        t.pdf.push(s.compose! + s.server!);
        t.pptx.push(s.pptx!);
        sizes = { pages: s.pages!, pdf: s.pdfBytes!, pptx: s.pptxBytes! };
      }
      console.log(
        `| ${what} | ${sizes.pages} | ${median(t.svg).toFixed(0)} | ${median(t.png).toFixed(0)} | ${median(t.pdf).toFixed(0)} (${median(t.compose).toFixed(0)} + ${median(t.server).toFixed(0)}; runs: ${t.pdf.map((x) => x.toFixed(0)).join(', ')}) | ${kib(sizes.pdf)} | ${median(t.pptx).toFixed(0)} | ${kib(sizes.pptx)} |`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
  console.log(`\nLoad average after (1, 5, 15 min): ${load()}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
