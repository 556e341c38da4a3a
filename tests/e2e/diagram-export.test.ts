import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { ExplorerPage } from './explorer-page';

const url = inject('appUrl');
const db = inject('neo4j');
let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchChromium();
  dir = mkdtempSync(path.join(os.tmpdir(), 'kizuna-export-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const squash = (s: string) => s.replace(/\s+/g, '');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function exportCommand(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/export-diagram.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password },
    timeout: 120_000,
  });
}

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
    for (const part of [
      'What underpins what',
      'Legend',
      'Agreement',
      'underpins',
      'Source: Japan–Mongolia Action Plan 2022–2031, annex to the joint statement of 29 Nov 2022',
    ]) {
      expect(diagram.svg).toContain(part);
    }
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
  });

  it('npm run export writes a vector PDF of the requested page size, whose text has the title, legend and source', () => {
    const file = path.join(dir, 'underpins.pdf');
    const run = exportCommand([
      '--view',
      'underpins',
      '--format',
      'pdf',
      '--lang',
      'en',
      '--page',
      'slide',
      '--out',
      file,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Wrote .*underpins\.pdf: PDF of the underpins view/);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+960 x 540 pts/);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Japan–Mongolia Action Plan 2022–2031 — What underpins what');
    expect(text).toContain('Legend');
    expect(text).toMatch(/underpins/);
    expect(text).toContain(
      'Source: Japan–Mongolia Action Plan 2022–2031, annex to the joint statement of 29 Nov 2022',
    );
    expect(text).toContain('Agreement between');
  }, 120_000);

  it('npm run export writes A4 portrait and PNG too, and refuses a bad option by name', () => {
    const pdf = path.join(dir, 'plan.pdf');
    expect(
      exportCommand([
        '--view',
        'plan',
        '--format',
        'pdf',
        '--page',
        'a4',
        '--orientation',
        'portrait',
        '--out',
        pdf,
      ]).status,
    ).toBe(0);
    expect(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout).toMatch(
      /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/,
    );
    const png = path.join(dir, 'plan.png');
    expect(
      exportCommand(['--view', 'hierarchy', '--format', 'png', '--scale', '1', '--out', png])
        .status,
    ).toBe(0);
    expect(pngSize(readFileSync(png)).width).toBeGreaterThan(400);
    const bad = exportCommand(['--view', 'spiral', '--out', png]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe(
      '--view must be one of plan, underpins, hierarchy, concentric, force',
    );
  }, 240_000);

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
    const [download] = await Promise.all([
      x.page.waitForEvent('download'),
      x.page.click('#export-go'),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^kizuna-jp-mn-2022-v\d+\.\d+\.\d+-underpins-\d{4}-\d{2}-\d{2}\.svg$/,
    );
    const saved = path.join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    expect(readFileSync(saved, 'utf8')).toContain('What underpins what');
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
});
