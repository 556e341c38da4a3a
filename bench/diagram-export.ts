/**
 * npx tsx bench/diagram-export.ts [--runs 5]
 *
 * How long each diagram format takes for the whole plan (and the underpins view), in
 * headless Debian Chromium through the client's own export code: composing the SVG,
 * drawing the PNG at 1× and 4×, and printing the PDF (Chromium's print engine, as the
 * server's /api/render/pdf does). Medians of --runs runs.
 */
import { parseArgs } from 'node:util';
import { startLocalApp } from '../scripts/local-app';
import { launchChromium } from '../server/chromium';
import { PdfPrinter } from '../server/routes/render/pdf-printer';
import { sanitiseSvg } from '../server/routes/render/sanitise-svg';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const app = await startLocalApp();
  const browser = await launchChromium(app.config.chromiumPath);
  const printer = new PdfPrinter(app.config.chromiumPath);
  console.log(
    '| view | drawing px | SVG ms | SVG KiB | PNG 1× ms | PNG 4× ms | PNG 4× KiB | PDF ms | PDF KiB |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  try {
    for (const [view, layout] of [
      ['whole plan', 'preset'],
      ['underpins', 'underpins'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${app.url}/#lang=en&layout=${layout}`);
      await page.waitForSelector('body[data-state="ready"]', { timeout: 60_000 });
      const t = {
        svg: [] as number[],
        png1: [] as number[],
        png4: [] as number[],
        pdf: [] as number[],
      };
      let sizes = { svg: 0, png4: 0, pdf: 0, width: 0, height: 0 };
      for (let i = 0; i < runs; i++) {
        const s = (await page.evaluate(`(async () => {
          const t0 = performance.now();
          const d = window.kizuna.diagram({});
          const t1 = performance.now();
          await window.kizuna.png(d, 1, 'white');
          const t2 = performance.now();
          const png4 = await window.kizuna.png(d, 4, 'white');
          const t3 = performance.now();
          return { d, svg: t1 - t0, png1: t2 - t1, png4: t3 - t2, png4Bytes: png4.length * 0.75 };
        })()`)) as {
          d: { svg: string; width: number; height: number };
          svg: number;
          png1: number;
          png4: number;
          png4Bytes: number;
        };
        const started = performance.now();
        const pdf = await printer.print([sanitiseSvg(s.d.svg)], 'slide', 'landscape', 'bench');
        t.pdf.push(performance.now() - started);
        t.svg.push(s.svg);
        t.png1.push(s.png1);
        t.png4.push(s.png4);
        sizes = {
          svg: s.d.svg.length,
          png4: s.png4Bytes,
          pdf: pdf.length,
          width: s.d.width,
          height: s.d.height,
        };
      }
      const kib = (n: number) => (n / 1024).toFixed(0);
      console.log(
        `| ${view} | ${sizes.width}×${sizes.height} | ${median(t.svg).toFixed(0)} | ${kib(sizes.svg)} | ${median(t.png1).toFixed(0)} | ${median(t.png4).toFixed(0)} | ${kib(sizes.png4)} | ${median(t.pdf).toFixed(0)} | ${kib(sizes.pdf)} |`,
      );
      await page.close();
    }
  } finally {
    await printer.close();
    await browser.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
