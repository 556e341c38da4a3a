import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PLAN_ADOPTED } from '../../client/model/agreement-milestones';
import { standingOf } from '../../client/model/status-as-of';
import { citationFooter, DATASET_VERSION, datasetStamp } from '../../core/dataset';
import { launchChromium } from '../support/browser';
import { libreOfficeToPdf } from '../support/libreoffice';
import { ExplorerPage } from './explorer-page';

const url = inject('appUrl');
const db = inject('neo4j');
let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchChromium();
  dir = mkdtempSync(path.join(os.tmpdir(), 'kizuna-export-'));
  mkdirSync('test-results/e2e', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const squash = (s: string) => s.replace(/\s+/g, '');
/** The dataset's citation footer every picture, page and slide ends with (spaces aside: it wraps). */
const citation = squash(citationFooter(datasetStamp(), 'en'));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function exportCommand(args: string[], timeout = 300_000) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/export-diagram.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password },
    // Generous: on a loaded machine one export (app, Chromium, render) took over 2 minutes.
    timeout,
  });
}

/** Whichever test asks first waits for the whole batch (files may run shuffled). */
const BATCH_TIMEOUT = 900_000;

/**
 * The command's full renders, made by one run (--batch: one app, one browser and one PDF
 * printer for all of them, as a weekly set of briefs would be) the first time a test asks;
 * each test reads its export's own lines ("[k/N] …") and files.
 */
const BATCH = {
  underpins: { view: 'underpins', format: 'pdf', lang: 'en', page: 'slide', out: 'underpins.pdf' },
  a4: { view: 'plan', format: 'pdf', page: 'a4', orientation: 'portrait', out: 'plan.pdf' },
  pages: { view: 'hierarchy', format: 'png', lang: 'en', scale: '1', out: 'plan.png' },
  screen: { view: 'hierarchy', format: 'png', page: 'screen', scale: '1', out: 'screen.png' },
  deckPdf: { deck: true, lang: 'en', out: 'plan-brief.pdf' },
  deckPptx: { deck: true, lang: 'en', out: 'plan-brief.pptx' },
};
type BatchJob = keyof typeof BATCH;
let batchRun: { status: number | null; stderr: string } | undefined;
function batched(job: BatchJob): { status: number | null; stderr: string; log: string } {
  if (!batchRun) {
    const jobs = Object.values(BATCH).map((j) => ({ ...j, out: path.join(dir, j.out) }));
    const file = path.join(dir, 'exports.json');
    writeFileSync(file, JSON.stringify(jobs));
    const run = exportCommand(['--batch', file], BATCH_TIMEOUT);
    batchRun = { status: run.status, stderr: run.stderr };
  }
  const k = Object.keys(BATCH).indexOf(job) + 1;
  const prefix = `[${k}/${Object.keys(BATCH).length}] `;
  const log = batchRun.stderr
    .split('\n')
    .filter((line) => line.startsWith(prefix))
    .map((line) => line.slice(prefix.length))
    .join('\n');
  return { ...batchRun, log };
}
const batchFile = (job: BatchJob) => path.join(dir, BATCH[job].out);

describe('diagram exports', () => {
  it('draws the view as well-formed SVG with every label shown, as text', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en&layout=underpins`);
    const diagram = await x.page.evaluate(() =>
      window.kizuna!.diagram!({ title: 'What underpins what' }),
    );
    const file = path.join(dir, 'underpins.svg');
    writeFileSync(file, diagram.svg);
    const lint = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
    const labels = await x.page.evaluate(() =>
      window
        .kizuna!.cy.nodes()
        .filter((n) => !n.hasClass('gone'))
        .map((n) => String(n.data('label'))),
    );
    expect(labels.length).toBe(19);
    const texts = squash(
      [...diagram.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(''),
    );
    const unescapeXml = (s: string) =>
      s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    for (const label of labels) expect(unescapeXml(texts)).toContain(squash(label));
    for (const part of ['What underpins what', 'Legend', 'Agreement', 'underpins']) {
      expect(diagram.svg).toContain(part);
    }
    // The footer is the dataset's citation (version, fingerprint, source, licence), read back.
    expect(unescapeXml(texts)).toContain(citation);
    expect(texts).toContain(`v${DATASET_VERSION}`);
    await x.page.close();
  });

  it('renders a PNG whose pixel size matches the chosen scale', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=ja`);
    const diagram = await x.page.evaluate(() => window.kizuna!.diagram!({}));
    for (const scale of [1, 3]) {
      const base64 = await x.page.evaluate(({ d, s }) => window.kizuna!.png!(d, s, 'white'), {
        d: diagram,
        s: scale,
      });
      const png = Buffer.from(base64, 'base64');
      expect(pngSize(png)).toEqual({
        width: diagram.width * scale,
        height: diagram.height * scale,
      });
      writeFileSync(path.join('test-results/e2e', `whole-plan-export@${scale}x.png`), png);
    }
    await x.page.close();
  }, 240_000);

  it(
    'npm run export writes a vector PDF of the requested page size, whose text has the title, legend and source',
    () => {
      const file = batchFile('underpins');
      const run = batched('underpins');
      expect(run.status, run.stderr).toBe(0);
      expect(run.log).toMatch(/Wrote .*underpins\.pdf: PDF of the underpins view/);
      expect(run.log).toMatch(/This view will be split onto 2 pages: 1\. \d+ agreements \(I\./);
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Page size:\s+960 x 540 pts/);
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('Japan–Mongolia Action Plan 2022–2031 — What underpins what');
      expect(text).toContain('Legend');
      expect(text).toMatch(/underpins/);
      expect(squash(text)).toContain(citation);
      expect(text).toContain('Agreement between');
      // The rows are shared evenly over the two pages (it was 9 + 2), each page numbered,
      // the second marked as the first's continuation.
      const pageText = (n: number) =>
        spawnSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' })
          .stdout as string;
      const pages = [pageText(1), pageText(2)];
      expect(pages[0]).toMatch(/\b1 ?\/ ?2\b/);
      expect(pages[1]).toMatch(/\b2 ?\/ ?2\b/);
      expect(pages[0]).not.toContain('(continued)');
      // The title says the day its statuses hold (item 1) before it says it runs on.
      expect(squash(pages[1]!)).toMatch(/Whatunderpinswhat,asof\d{4}-\d{2}-\d{2}\(continued\)/);
      const rows = pages.map((t) => new Set(t.match(/\b(?:I|II|III|IV)\.\d+\.\d+\b/g)).size);
      expect(rows[0]! + rows[1]!).toBeGreaterThanOrEqual(10);
      expect(Math.abs(rows[0]! - rows[1]!), `rows per page: ${rows}`).toBeLessThanOrEqual(1);
    },
    BATCH_TIMEOUT,
  );

  it(
    'npm run export writes A4 portrait and PNG too, and refuses a bad option by name',
    () => {
      const pdf = batchFile('a4');
      const made = batched('a4');
      expect(made.status, made.stderr).toBe(0);
      expect(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout).toMatch(
        /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/,
      );
      // A PNG is laid out for the page too: the view is split by pillar, the split said
      // first, one picture per page at the sheet's size (a 16:9 slide at 1×: 960 × 540).
      const png = batchFile('pages');
      const pictures = batched('pages');
      expect(pictures.log).toMatch(/Wrote .*plan-p01\.png/);
      const pageCount = Number(/split onto (\d+) pages: 1\. Pillar I: /.exec(pictures.log)?.[1]);
      expect(pageCount).toBeGreaterThanOrEqual(4);
      for (let i = 1; i <= pageCount; i++)
        expect(
          pngSize(readFileSync(path.join(dir, `plan-p${String(i).padStart(2, '0')}.png`))),
        ).toEqual({
          width: 960,
          height: 540,
        });
      // --page screen keeps the drawing as on screen, in one picture.
      const screen = batchFile('screen');
      expect(batched('screen').log).toMatch(/Wrote .*screen\.png: PNG of the hierarchy view/);
      expect(pngSize(readFileSync(screen)).width).toBeGreaterThan(400);
      const bad = exportCommand(['--view', 'spiral', '--out', png]);
      expect(bad.status).toBe(1);
      expect(bad.stderr.trim()).toBe(
        '--view must be one of plan, implementation, underpins, hierarchy, concentric, force',
      );
      // A batch is checked whole before anything is made: the bad entry is named by its place.
      const jobs = path.join(dir, 'bad-batch.json');
      const first = path.join(dir, 'not-made.png');
      writeFileSync(
        jobs,
        JSON.stringify([
          { view: 'plan', out: first },
          { view: 'spiral', out: png },
        ]),
      );
      const badBatch = exportCommand(['--batch', jobs]);
      expect(badBatch.status).toBe(1);
      expect(badBatch.stderr.trim()).toBe(
        `--batch ${jobs}, export 2: --view must be one of plan, implementation, underpins, hierarchy, concentric, force`,
      );
      expect(existsSync(first)).toBe(false);
    },
    BATCH_TIMEOUT,
  );

  it('exports the shown data as GraphML that validates against the GraphML schema', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en&pillars=I`);
    const graphml = await x.page.evaluate(() => window.kizuna!.data!('graphml'));
    const file = path.join(dir, 'view.graphml');
    writeFileSync(file, graphml);
    const lint = spawnSync(
      'xmllint',
      ['--noout', '--schema', 'tests/fixtures/graphml/graphml.xsd', file],
      { encoding: 'utf8' },
    );
    expect(lint.stderr).toContain('validates');
    expect(lint.status).toBe(0);
    const shown = await x.visibleNodes();
    expect((graphml.match(/<node /g) ?? []).length).toBe(shown.length);
    await x.page.close();
  });

  it('downloads from the export dialog, and says so when a PNG is too large for the canvas', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en&layout=underpins`);
    await x.page.click('#export');
    await x.page.selectOption('#export-format', 'svg');
    // Before exporting, the dialog says the view takes several pages of a slide, and what each holds.
    const notice = (await x.page.textContent('[data-test="export-split"]')) ?? '';
    const pages = Number(
      /This view will be split onto (\d+) pages: 1\. \d+ agreements? \(/.exec(notice)?.[1],
    );
    expect(pages, notice).toBeGreaterThanOrEqual(2);
    // It follows the sheet chosen: none for the picture as on screen, again for A4 portrait.
    // (The dialog recounts on each change, before selectOption returns.)
    await x.page.selectOption('#export-page', 'screen');
    expect(await x.page.textContent('[data-test="export-split"]')).toBe('');
    await x.page.selectOption('#export-page', 'a4');
    await x.page.selectOption('#export-orientation', 'portrait');
    expect(await x.page.textContent('[data-test="export-split"]')).toMatch(
      /^This view will be split onto \d+ pages: 1\. /,
    );
    await x.page.selectOption('#export-page', 'slide');
    await x.page.selectOption('#export-orientation', 'landscape');
    // Several pages download as one zip, a picture per page, each with the citation footer.
    const [download] = await Promise.all([
      x.page.waitForEvent('download'),
      x.page.click('#export-go'),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^kizuna-jp-mn-2022-v\d+\.\d+\.\d+-underpins-\d{4}-\d{2}-\d{2}-svg\.zip$/,
    );
    const saved = path.join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const zipped = await JSZip.loadAsync(readFileSync(saved));
    const names = Object.keys(zipped.files).sort();
    expect(names).toHaveLength(pages);
    expect(names[0]).toMatch(/-underpins-.*-p01\.svg$/);
    for (const name of names) {
      const svg = await zipped.file(name)!.async('string');
      expect(svg).toContain('What underpins what');
      expect(svg).toMatch(/viewBox="0 0 960 540"/);
      const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('');
      expect(squash(texts), name).toContain(citation);
    }
    // Or, chosen in the dialog, the pages one under the other in one tall picture, in order.
    await x.page.selectOption('#export-pictures', 'tall');
    for (const [width, height] of [
      [1280, 720],
      [390, 844],
    ] as const) {
      await x.page.setViewportSize({ width, height });
      await x.page.locator('#export-pictures').scrollIntoViewIfNeeded();
      await x.screenshot(`export-dialog-pictures-${width}x${height}`);
    }
    await x.page.setViewportSize({ width: 1440, height: 900 });
    const [tallSvg] = await Promise.all([
      x.page.waitForEvent('download'),
      x.page.click('#export-go'),
    ]);
    expect(tallSvg.suggestedFilename()).toMatch(new RegExp(`-underpins-.*-${pages}-pages\\.svg$`));
    const tallFile = path.join(dir, tallSvg.suggestedFilename());
    await tallSvg.saveAs(tallFile);
    const tall = readFileSync(tallFile);
    const tallText = tall.toString('utf8');
    const height = pages * 540 + (pages - 1) * 16;
    expect(tallText).toMatch(new RegExp(`^<svg [^>]*viewBox="0 0 960 ${height}"`));
    const numbers = Array.from({ length: pages }, (_, i) =>
      tallText.indexOf(`>${i + 1} / ${pages}<`),
    );
    expect(numbers.every((at) => at > 0)).toBe(true);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    await x.page.selectOption('#export-format', 'png');
    await x.page.selectOption('#export-scale', '1');
    const [tallPng] = await Promise.all([
      x.page.waitForEvent('download'),
      x.page.click('#export-go'),
    ]);
    const pngFile = path.join(dir, tallPng.suggestedFilename());
    await tallPng.saveAs(pngFile);
    const png = readFileSync(pngFile);
    expect(pngSize(png)).toEqual({ width: 960, height });
    writeFileSync(path.join('test-results/e2e', 'underpins-tall@1x.png'), png);
    await x.page.selectOption('#export-format', 'svg');
    // The picture as on screen stays one file, and has no pages to arrange.
    await x.page.selectOption('#export-page', 'screen');
    expect(await x.page.isDisabled('#export-pictures')).toBe(true);
    expect(await x.page.textContent('[data-test="export-split"]')).toBe('');
    const [single] = await Promise.all([
      x.page.waitForEvent('download'),
      x.page.click('#export-go'),
    ]);
    expect(single.suggestedFilename()).toMatch(/-underpins-\d{4}-\d{2}-\d{2}\.svg$/);
    // Zooming out does not change the export's size; a view far larger than any canvas does.
    await x.page.evaluate(() => {
      const cy = window.kizuna!.cy;
      cy.nodes().not('.gone').nodes().first().position({ x: 60_000, y: 0 });
    });
    await x.page.selectOption('#export-format', 'png');
    await x.page.selectOption('#export-scale', '4');
    await x.page.click('#export-go');
    await x.page.waitForFunction(() =>
      /canvas limit|too large/.test(
        document.querySelector('[data-test="export-message"]')?.textContent ?? '',
      ),
    );
    expect(await x.page.textContent('[data-test="export-message"]')).toMatch(/export SVG/i);
    await x.page.close();
  });

  it('the deck from every tab holds what its title page lists, page for page (PDF from the underpins tab, PowerPoint from the others)', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`);
    const PART = /^(What underpins what|Pillar (?:I|II|III|IV): |Index of commitments)/;
    /** The title page's contents, each part's name with its pages, and the deck's page texts. */
    const check = (titlePage: string, pages: string[], from: string) => {
      const names = titlePage
        .split('\n')
        .map((line) => PART.exec(line.trim())?.[1])
        .filter((n): n is string => Boolean(n));
      const ranges = [...titlePage.matchAll(/\bpp?\. (\d+)(?:–(\d+))?/g)].map((m) => ({
        first: Number(m[1]),
        last: Number(m[2] ?? m[1]),
      }));
      expect(names, from).toEqual([
        'What underpins what',
        'Pillar I: ',
        'Pillar II: ',
        'Pillar III: ',
        'Pillar IV: ',
        'Index of commitments',
      ]);
      expect(ranges, from).toHaveLength(names.length);
      expect(ranges[0]!.first, from).toBe(2);
      expect(ranges.at(-1)!.last, from).toBe(pages.length);
      names.forEach((name, i) => {
        const { first, last } = ranges[i]!;
        if (i) expect(first, `${from}: ${name}`).toBe(ranges[i - 1]!.last + 1);
        for (let n = first; n <= last; n++) {
          const text = pages[n - 1]!;
          expect(text, `${from}: page ${n}`).toContain(name);
          expect(text.includes('(continued)'), `${from}: page ${n}`).toBe(n > first);
        }
      });
      for (const [i, text] of pages.entries())
        expect(text, `${from}: page ${i + 1}`).toContain(`${i + 1} / ${pages.length}`);
    };
    const deckFrom = async (tab: string, format: 'pdf' | 'pptx') => {
      await x.page.click(`#tab-${tab}`);
      await x.page.waitForFunction(
        (t) => document.querySelector(`#tab-${t}`)?.getAttribute('aria-selected') === 'true',
        tab,
      );
      await x.page.click('#export');
      await x.page.selectOption('#export-format', format);
      await x.page.check('#export-deck');
      const [download] = await Promise.all([
        x.page.waitForEvent('download', { timeout: 120_000 }),
        x.page.click('#export-go'),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`-briefing-.*\\.${format}$`));
      const saved = path.join(dir, `deck-${tab}.${format}`);
      await download.saveAs(saved);
      await x.page.click('.export-dialog button[value="cancel"]');
      return saved;
    };
    // The underpins tab, as a PDF read back with pdftotext.
    const pdf = await deckFrom('underpins', 'pdf');
    const count = Number(
      /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1],
    );
    const pdfPages = Array.from(
      { length: count },
      (_, i) =>
        spawnSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], {
          encoding: 'utf8',
        }).stdout as string,
    );
    check(pdfPages[0]!, pdfPages, 'underpins tab, PDF');
    // The graph and table tabs, as PowerPoint read with JSZip: each slide's text runs in order.
    for (const tab of ['graph', 'table']) {
      const zip = await JSZip.loadAsync(readFileSync(await deckFrom(tab, 'pptx')));
      const slides = Object.keys(zip.files)
        .map((f) => /^ppt\/slides\/slide(\d+)\.xml$/.exec(f))
        .filter((m): m is RegExpExecArray => Boolean(m))
        .sort((a, b) => Number(a[1]) - Number(b[1]));
      const texts = await Promise.all(
        slides.map(async (m) => {
          const xml = await zip.file(m[0])!.async('string');
          return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
            .map((r) => r[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'))
            .join('\n');
        }),
      );
      check(texts[0]!, texts, `${tab} tab, PowerPoint`);
    }
    expect(x.errors).toEqual([]);
    await x.page.close();
  }, 600_000);

  it(
    'npm run export --deck writes the briefing deck: real fonts, pages in order, text ≥ 9 pt, diagrams filling the page',
    () => {
      const file = batchFile('deckPdf');
      const run = batched('deckPdf');
      expect(run.status, run.stderr).toBe(0);
      expect(run.log).toMatch(/Wrote .*plan-brief\.pdf: PDF of the briefing deck/);
      const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
      expect(fonts).toMatch(/CID TrueType/);
      expect(fonts).not.toMatch(/Type 3/);
      const pages = Number(
        /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1],
      );
      const pageText = (n: number) =>
        spawnSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' })
          .stdout as string;
      const texts = Array.from({ length: pages }, (_, i) => pageText(i + 1));
      // Title page, what underpins what, pillars I–IV in order, then the index.
      expect(texts[0]).toContain('Japan–Mongolia Action Plan 2022–2031');
      expect(texts[0]).toContain(`Kizuna ${DATASET_VERSION}`);
      expect(texts[1]).toContain('What underpins what');
      // (The title page lists the parts too: each is looked for after it.)
      const firstOf = (re: RegExp) => texts.findIndex((t, i) => i > 0 && re.test(t));
      const order = [
        firstOf(/What underpins what/),
        firstOf(/Pillar I: /),
        firstOf(/Pillar II: /),
        firstOf(/Pillar III: /),
        firstOf(/Pillar IV: /),
        firstOf(/Index of commitments/),
      ];
      expect(order.every((i) => i > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(texts.at(-1)).toContain('Index of commitments');
      // Known labels come out whole, wrapped lines in sequence; commitments carry their ref.
      const flat = squash(texts.join('\n'));
      expect(flat).toContain(
        squash('Agreement between Japan and Mongolia for an Economic Partnership'),
      );
      expect(flat).toContain(squash('II.2.1 Active utilisation of the Japan-Mongolia EPA'));
      expect(flat).not.toContain('Memorandum on and Defense');
      // Every page: the smallest word at least 9 pt tall, the footer there, and the diagram
      // pages' text spread over ≥ 70% of the usable width.
      const xml = spawnSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8' })
        .stdout as string;
      const pageXml = xml.split('<page ').slice(1);
      expect(pageXml).toHaveLength(pages);
      pageXml.forEach((p, i) => {
        const words = [
          ...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g),
        ].map((m) => m.slice(1, 5).map(Number) as [number, number, number, number]);
        expect(words.length, `page ${i + 1}`).toBeGreaterThan(5);
        expect(
          Math.min(...words.map(([, y0, , y1]) => y1 - y0)),
          `page ${i + 1}`,
        ).toBeGreaterThanOrEqual(9);
        expect(squash(texts[i]!), `page ${i + 1}`).toContain(citation);
        if (i > 0 && !texts[i]!.includes('Index of commitments')) {
          const usable = 960 - 2 * 28 - 166;
          const span = Math.max(...words.map((w) => w[2])) - Math.min(...words.map((w) => w[0]));
          expect(span, `page ${i + 1}`).toBeGreaterThanOrEqual(0.7 * usable);
        }
      });
    },
    BATCH_TIMEOUT,
  );

  it(
    'npm run export --deck writes an editable .pptx: LibreOffice opens it, every label and the source line are there, connectors hold their shapes',
    async () => {
      const file = batchFile('deckPptx');
      const run = batched('deckPptx');
      expect(run.status, run.stderr).toBe(0);
      expect(run.log).toMatch(/Wrote .*plan-brief\.pptx: PPTX of the briefing deck/);
      const converted = libreOfficeToPdf(file, dir);
      expect(converted.status, converted.stderr).toBe(0);
      const text = squash(
        spawnSync('pdftotext', [path.join(dir, 'plan-brief.pdf'), '-'], { encoding: 'utf8' })
          .stdout,
      );
      // Every node of the underpins view, as the explorer names it, is on a slide.
      const x = await ExplorerPage.open(browser, `${url}/#lang=en&layout=underpins`);
      const labels = await x.page.evaluate(() =>
        window
          .kizuna!.cy.nodes()
          .filter((n) => !n.hasClass('gone'))
          .map((n) => String(n.data('label'))),
      );
      await x.page.close();
      expect(labels.length).toBeGreaterThan(10);
      for (const label of labels) expect(text).toContain(squash(label));
      expect(text).toContain(citation);
      // The underpins slide's connectors name shapes that exist on that slide.
      const zip = await JSZip.loadAsync(readFileSync(file));
      const slide = await zip.file('ppt/slides/slide2.xml')!.async('string');
      const ids = new Set([...slide.matchAll(/<p:cNvPr id="(\d+)" name="node-/g)].map((m) => m[1]));
      const ends = [...slide.matchAll(/<a:(?:stCxn|endCxn) id="(\d+)" idx="\d"\/>/g)].map(
        (m) => m[1],
      );
      expect((slide.match(/<p:cxnSp>/g) ?? []).length).toBeGreaterThan(5);
      expect(ends.length).toBe(2 * (slide.match(/<p:cxnSp>/g) ?? []).length);
      for (const id of ends) expect(ids.has(id)).toBe(true);
      // Every slide's footer text box holds the citation, in the slide XML itself.
      for (const name of Object.keys(zip.files).filter((f) =>
        /^ppt\/slides\/slide\d+\.xml$/.test(f),
      )) {
        const xml = await zip.file(name)!.async('string');
        const runs = [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
        expect(squash(runs.replace(/&amp;/g, '&')), name).toContain(citation);
      }
    },
    BATCH_TIMEOUT,
  );
});

describe('the underpins view as of a day (issue 25 item 1)', () => {
  it('puts every agreement under the heading its own badge says, as of the plan, today and a chosen day, and says which in its title, its PDF and its briefing', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en&tab=underpins`, {
      width: 1280,
      height: 720,
    });
    await x.page.waitForSelector('[data-test="underpins-list"]');
    const today = new Date().toISOString().slice(0, 10);
    const shownAgreements = (await x.visibleNodes('Agreement')).sort();
    expect(shownAgreements.length).toBeGreaterThanOrEqual(9);
    const title = () => x.page.textContent('[data-test="underpins-title"]');
    /** Every listed agreement: the standing of its heading, the heading's words, its badge and line. */
    const listed = () =>
      x.page.$$eval('.underpins-pane li[data-agreement]', (items) =>
        items.map((li) => {
          const section = li.closest('section')!;
          return {
            id: li.getAttribute('data-agreement')!,
            standing: section.getAttribute('data-standing')!,
            heading: section.querySelector('h3')!.textContent!,
            status: li.querySelector('.status-tag')?.getAttribute('data-status') ?? undefined,
            line: li.querySelector('[data-test="plan-and-day"]')!.textContent!.replace(/\s+/g, ' '),
          };
        }),
      );
    const agreeing = async (asOf: string) => {
      const rows = await listed();
      // Every agreement the view shows, once, under a heading of the day that its badge agrees with.
      expect(rows.map((r) => r.id).sort()).toEqual(shownAgreements);
      for (const r of rows) {
        expect(standingOf(r.status), `${r.id}, ${asOf}: heading vs badge`).toBe(r.standing);
        expect(r.heading).toContain(asOf);
      }
      return Object.fromEntries(rows.map((r) => [r.id, r]));
    };

    expect(await title()).toBe(`What underpins what, as of ${today}`);
    const now = await agreeing(`as of ${today}`);
    expect(now['jp-mn-epa']!.standing).toBe('operative');
    expect(now['jp-mn-epa']!.line).toContain(
      'underpins in the plan (2022) → in force since 2016-06-07: underpins now',
    );
    expect(now['environment-moc-2011']!.standing).toBe('ended');
    expect(now['jp-mn-defence-equipment-framework']!.line).toContain(
      'worked towards in the plan (2022) →',
    );
    await x.screenshot('underpins-as-of-today-1280x720');

    // The plan's day: in the URL, so Back returns to it.
    const plan = `as of ${PLAN_ADOPTED} (the plan)`;
    await x.page.click('[data-test="as-of-plan"]');
    await x.page.waitForFunction(() => location.hash.includes('asof=plan'));
    expect(await title()).toBe(`What underpins what, ${plan}`);
    expect((await agreeing(plan))['jp-mn-epa']!.line).toContain(
      `in force since 2016-06-07: underpins on ${PLAN_ADOPTED}`,
    );
    await x.page.fill('[data-test="as-of-day"]', '2024-06-01');
    await x.page.waitForFunction(() => location.hash.includes('asof=2024-06-01'));
    expect(await title()).toBe('What underpins what, as of 2024-06-01');
    expect(await x.page.isChecked('[data-test="as-of-date"]')).toBe(true);
    await agreeing('as of 2024-06-01');
    await x.page.goBack();
    await x.page.waitForFunction(() => location.hash.includes('asof=plan'));
    expect(await title()).toBe(`What underpins what, ${plan}`);
    expect(await x.page.isChecked('[data-test="as-of-plan"]')).toBe(true);

    // The view's pages and the deck carry it in their titles and on every page.
    const view = await x.page.evaluate(() =>
      window.kizuna!.brief!({ deck: false, paper: 'slide', orientation: 'landscape' }),
    );
    expect(view.title).toBe(`Japan–Mongolia Action Plan 2022–2031 — What underpins what, ${plan}`);
    /** How often a page's text says `words`, spaces aside (a footer wraps where it must). */
    const times = (svg: string, words: string) =>
      squash([...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('')).split(
        squash(words),
      ).length - 1;
    for (const svg of view.svgs) expect(times(svg, plan), 'title and footer').toBe(2);
    const deck = await x.page.evaluate(() =>
      window.kizuna!.brief!({ deck: true, paper: 'a4', orientation: 'portrait' }),
    );
    expect(deck.title).toContain(plan);
    // The title page says it in a line of its own and its footer; every other page in its footer.
    expect(times(deck.svgs[0]!, plan)).toBe(2);
    for (const svg of deck.svgs) expect(times(svg, plan)).toBeGreaterThanOrEqual(1);

    // The PDF from the export dialog: its title and footer say the day.
    await x.page.click('#export');
    expect(await x.page.inputValue('#export-title')).toContain(plan);
    await x.page.selectOption('#export-format', 'pdf');
    const [download] = await Promise.all([
      x.page.waitForEvent('download', { timeout: 120_000 }),
      x.page.click('#export-go'),
    ]);
    const file = path.join(dir, 'underpins-as-of-plan.pdf');
    await download.saveAs(file);
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
    expect(squash(text)).toContain(squash(`What underpins what, ${plan}`));
    expect(squash(text).split(squash(plan)).length).toBeGreaterThan(2);
    await x.page.keyboard.press('Escape');

    // In Japanese, the same facts under the same headings.
    await x.page.click('#lang-toggle');
    await x.page.waitForFunction(() => location.hash.includes('lang=ja'));
    expect(await title()).toBe(`何が何を支えるか・${PLAN_ADOPTED}時点（行動計画）`);
    const ja = await agreeing(`${PLAN_ADOPTED}時点（行動計画）`);
    expect(ja['jp-mn-defence-equipment-framework']!.line).toContain(
      '計画（2022年）では締結・発効を目指す →',
    );
    expect(x.errors).toEqual([]);
    await x.page.close();

    const phone = await ExplorerPage.open(browser, `${url}/#lang=en&tab=underpins`, {
      width: 390,
      height: 844,
    });
    await phone.page.waitForSelector('[data-test="underpins-list"]');
    const box = await phone.page.locator('[data-test="as-of"]').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await phone.screenshot('underpins-as-of-today-390x844');
    await phone.page.close();
  }, 300_000);
});
