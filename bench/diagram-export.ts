/**
 * npx tsx bench/diagram-export.ts [--runs 5]
 *
 * How long each export takes from the browser, through the client's own export code, in
 * headless Debian Chromium. For the whole plan and the underpins view: the on-screen
 * picture as SVG and PNG (1×, 4×). For the underpins view and the briefing deck: the
 * slide PDF as the Export button makes it (pages composed in the page, then POSTed to
 * /api/render/pdf and printed there, sanitiser and offline Chromium included) and the
 * editable .pptx. Medians of --runs runs.
 */
import { parseArgs } from 'node:util';
import { startLocalApp } from '../scripts/local-app';
import { launchChromium } from '../server/chromium';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kib = (n: number) => (n / 1024).toFixed(0);

async function main() {
  const app = await startLocalApp();
  const browser = await launchChromium(app.config.chromiumPath);
  try {
    console.log('| view | drawing px | SVG ms | SVG KiB | PNG 1× ms | PNG 4× ms | PNG 4× KiB |');
    console.log('|---|---|---:|---:|---:|---:|---:|');
    for (const [view, layout] of [
      ['whole plan', 'preset'],
      ['underpins', 'underpins'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${app.url}/#lang=en&layout=${layout}`);
      await page.waitForSelector('body[data-state="ready"]', { timeout: 120_000 });
      const t = { svg: [] as number[], png1: [] as number[], png4: [] as number[] };
      let sizes = { svg: 0, png4: 0, width: 0, height: 0 };
      for (let i = 0; i < runs; i++) {
        const s = (await page.evaluate(`(async () => {
          const t0 = performance.now();
          const d = window.kizuna.diagram({});
          const t1 = performance.now();
          await window.kizuna.png(d, 1, 'white');
          const t2 = performance.now();
          const png4 = await window.kizuna.png(d, 4, 'white');
          const t3 = performance.now();
          return { w: d.width, h: d.height, bytes: d.svg.length, svg: t1 - t0, png1: t2 - t1, png4: t3 - t2, png4Bytes: png4.length * 0.75 };
        })()`)) as Record<string, number>;
        t.svg.push(s.svg!);
        t.png1.push(s.png1!);
        t.png4.push(s.png4!);
        sizes = { svg: s.bytes!, png4: s.png4Bytes!, width: s.w!, height: s.h! };
      }
      console.log(
        `| ${view} | ${sizes.width}×${sizes.height} | ${median(t.svg).toFixed(0)} | ${kib(sizes.svg)} | ${median(t.png1).toFixed(0)} | ${median(t.png4).toFixed(0)} | ${kib(sizes.png4)} |`,
      );
      await page.close();
    }

    console.log(
      '\n| briefing (16:9 slide) | pages | PDF ms (browser → server → file) | PDF KiB | PPTX ms | PPTX KiB |',
    );
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const [what, layout, deck] of [
      ['underpins view', 'underpins', false],
      ['deck', 'preset', true],
    ] as const) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${app.url}/#lang=en&layout=${layout}`);
      await page.waitForSelector('body[data-state="ready"]', { timeout: 120_000 });
      const pdf: number[] = [];
      const pptx: number[] = [];
      let sizes = { pages: 0, pdf: 0, pptx: 0 };
      for (let i = 0; i < runs; i++) {
        const s = (await page.evaluate(`(async () => {
          const request = { deck: ${deck}, paper: 'slide', orientation: 'landscape' };
          const t0 = performance.now();
          const b = await window.kizuna.brief(request);
          const res = await fetch('/api/render/pdf', { method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ pages: b.svgs, title: b.title, page: 'slide', orientation: 'landscape' }) });
          if (!res.ok) throw new Error('render ' + res.status + ' ' + (await res.text()));
          const blob = await res.blob();
          const t1 = performance.now();
          const p = await window.kizuna.brief({ ...request, pptx: true });
          const t2 = performance.now();
          return { pages: b.svgs.length, pdf: t1 - t0, pdfBytes: blob.size, pptx: t2 - t1, pptxBytes: p.pptx.length * 0.75 };
        })()`)) as Record<string, number>;
        pdf.push(s.pdf!);
        pptx.push(s.pptx!);
        sizes = { pages: s.pages!, pdf: s.pdfBytes!, pptx: s.pptxBytes! };
      }
      console.log(
        `| ${what} | ${sizes.pages} | ${median(pdf).toFixed(0)} (runs: ${pdf.map((x) => x.toFixed(0)).join(', ')}) | ${kib(sizes.pdf)} | ${median(pptx).toFixed(0)} | ${kib(sizes.pptx)} |`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
