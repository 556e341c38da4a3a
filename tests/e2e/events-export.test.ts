import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Graph } from '../../graph/graph';
import { launchChromium } from '../support/browser';
import {
  closeGraphWithEvents,
  keepIfAsked,
  openGraphWithEvents,
  screenshotIfAsked,
} from './events-fixture';
import { ExplorerPage } from './explorer-page';

/**
 * Events in the export dialog, in real Chromium against the real server and Neo4j: a
 * briefing picture or PDF carries a timeline strip of its commitments' events when asked
 * (the year ticks, the count and the chosen period are text in the SVG and in the PDF),
 * and the data exports leave the events out when asked.
 */

const url = inject('appUrl');
let browser: Browser;
let graph: Graph;
let dir: string;

interface ApiEvent {
  id: string;
  advances: { ref: string }[];
}

beforeAll(async () => {
  graph = await openGraphWithEvents();
  browser = await launchChromium();
  dir = mkdtempSync(path.join(os.tmpdir(), 'kizuna-events-export-'));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await closeGraphWithEvents(graph);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function downloadFrom(page: Page, name: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.click('#export-go'),
  ]);
  const file = path.join(dir, `${name}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return file;
}

const squash = (s: string) => s.replace(/\s+/g, '');
const textsOf = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<'),
  );

describe('the export dialog and events', () => {
  it('puts a timeline strip of the diagram’s events under the SVG, PNG and PDF when asked', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en&range=2024-01-01~2024-12-31`, {
      width: 1280,
      height: 720,
    });
    const page = x.page;
    const refs = new Set((await x.visibleNodes('Commitment')).map((id) => id.split('/')[1]!));
    const res = await fetch(`${url}/api/events?limit=1000`);
    const all = ((await res.json()) as { events: ApiEvent[] }).events;
    const count = all.filter((e) => e.advances.some((a) => refs.has(a.ref))).length;
    expect(refs.size).toBeGreaterThan(0);
    expect(count).toBeGreaterThan(0);
    const caption = `${count} events advanced the ${refs.size} commitments shown`;

    await page.click('#export');
    await page.waitForSelector('dialog.export-dialog[open]');
    // A period is chosen, so the strip is on unless the user says otherwise.
    expect(await page.isChecked('[data-test="export-timeline"]')).toBe(true);
    await screenshotIfAsked(page, 'export-dialog-1280');

    // The picture as on screen: one SVG with the strip under the drawing.
    await page.selectOption('#export-format', 'svg');
    await page.selectOption('#export-page', 'screen');
    const svg = readFileSync(await downloadFrom(page, 'screen'), 'utf8');
    expect(svg).toContain('class="timeline-strip"');
    const words = textsOf(svg);
    expect(
      words.find((w) => w.startsWith(caption)),
      caption,
    ).toBeDefined();
    expect(words).toContain('Period chosen: 2024-01-01 – 2024-12-31');
    for (const year of ['2023', '2024', '2025']) expect(words).toContain(year);
    const sizes = [...svg.matchAll(/class="timeline-strip".*$/gs)]
      .flatMap((m) => [...m[0].matchAll(/font-size="([\d.]+)"/g)])
      .map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);

    // The same as PNG, kept for a look.
    await page.selectOption('#export-format', 'png');
    await page.selectOption('#export-scale', '1');
    const png = readFileSync(await downloadFrom(page, 'screen'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    keepIfAsked('exported-diagram-with-timeline.png', png);

    // A PDF on A4: every page carries the strip; its words are text in the PDF.
    await page.selectOption('#export-format', 'pdf');
    await page.selectOption('#export-page', 'a4');
    const pdf = await downloadFrom(page, 'a4');
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    const pages = Number(
      /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1],
    );
    expect(pages).toBeGreaterThan(0);
    expect(squash(text).split(squash(caption)).length - 1).toBe(pages);
    expect(squash(text)).toContain(squash('Period chosen: 2024-01-01 – 2024-12-31'));
    for (const year of ['2023', '2024', '2025']) expect(text).toContain(year);

    // Switched off, the strip is gone.
    await page.uncheck('[data-test="export-timeline"]');
    await page.selectOption('#export-format', 'svg');
    await page.selectOption('#export-page', 'screen');
    expect(readFileSync(await downloadFrom(page, 'off'), 'utf8')).not.toContain('timeline-strip');
    expect(x.errors).toEqual([]);
    await page.close();
  }, 400_000);

  it('leaves the events out of the whole graph’s data when asked, and says where the choice applies', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 390, height: 844 });
    const page = x.page;
    await page.click('#export');
    await page.waitForSelector('dialog.export-dialog[open]');
    // No period chosen: no strip unless asked.
    expect(await page.isChecked('[data-test="export-timeline"]')).toBe(false);
    await page.selectOption('#export-format', 'graphml');
    // A view's data is written from the canvas, which holds no events: nothing to choose.
    expect(await page.isDisabled('[data-test="export-events"]')).toBe(true);
    await page.selectOption('#export-scope', 'whole');
    expect(await page.isEnabled('[data-test="export-events"]')).toBe(true);
    expect(await page.isChecked('[data-test="export-events"]')).toBe(true);
    await screenshotIfAsked(page, 'export-dialog-390');
    const withEvents = readFileSync(await downloadFrom(page, 'with'), 'utf8');
    expect(withEvents).toContain('ev-2024-09-22-summit-new-york');
    await page.uncheck('[data-test="export-events"]');
    const without = readFileSync(await downloadFrom(page, 'without'), 'utf8');
    expect(without).not.toMatch(/"ev-\d{4}-/);
    expect(without).not.toContain('ev-2024-09-22-summit-new-york');
    expect(without).toContain('<graphml');
    expect(x.errors).toEqual([]);
    await page.close();
  }, 300_000);
});
