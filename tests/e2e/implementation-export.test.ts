import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ImplementationResponse } from '../../core/api/implementation';
import { citationFooter, datasetStamp } from '../../core/dataset';
import { IMPLEMENTATION_CSV_COLUMNS } from '../../core/formats/implementation-csv';
import type { StoredEvent } from '../../core/model/event-fields';
import { IMPLEMENTATION_STATUSES } from '../../core/model/implementation';
import type { Graph } from '../../graph/graph';
import { readCuratedAssessments, seedAssessments } from '../../scripts/seed-assessments';
import { readCuratedEvents } from '../../scripts/seed-events';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { launchChromium } from '../support/browser';
import { libreOfficeToPdf } from '../support/libreoffice';
import { closeGraphWithEvents, openGraphWithEvents } from './events-fixture';
import { ExplorerPage } from './explorer-page';

/**
 * The implementation review (issue 27 item 6), each format rendered once and read back as a
 * reader would get it: the PDF from `npm run export` through pdftotext and pdffonts, the
 * PowerPoint through LibreOffice, the CSV from the Export dialog through a CSV reader. Each
 * must hold the statuses, the cited events' titles and sources, text of at least 9 pt,
 * numbered pages and "continued" where a pillar's list runs on.
 */

const url = inject('appUrl');
const db = inject('neo4j');
let browser: Browser;
let graph: Graph;
let dir: string;
let standing: ImplementationResponse;
let events: Map<string, StoredEvent>;

const squash = (s: string) => s.replace(/\s+/g, '');
const citation = squash(citationFooter(datasetStamp(), 'en'));
const STATUS_WORDS = ['No evidence recorded', 'Limited', 'Substantial'];

beforeAll(async () => {
  graph = await openGraphWithEvents();
  const inputs = readSeedInputs();
  await seedAssessments(
    graph,
    readCuratedAssessments(inputs.model, readCuratedEvents(inputs.model)),
    () => {},
  );
  browser = await launchChromium();
  dir = mkdtempSync(path.join(os.tmpdir(), 'kizuna-review-'));
  standing = (await (await fetch(`${url}/api/implementation`)).json()) as ImplementationResponse;
  const all = (await (await fetch(`${url}/api/events?limit=1000`)).json()) as {
    events: StoredEvent[];
  };
  events = new Map(all.events.map((e) => [e.id, e]));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await closeGraphWithEvents(graph);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every cited event of the standing, once: what each format must name with its source. */
const cited = () => [
  ...new Set(standing.commitments.flatMap((c) => c.evidence).filter((id) => events.has(id))),
];

function exportCommand(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/export-diagram.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password },
    timeout: 300_000,
  });
}

/** The smallest word height on each page of a PDF, from pdftotext's bounding boxes. */
function smallestWords(pdf: string): number[] {
  const xml = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
  return xml
    .split('<page ')
    .slice(1)
    .map((p) =>
      Math.min(
        ...[
          ...p.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g),
        ].map((m) => Number(m[2]) - Number(m[1])),
      ),
    );
}

/** Each page's text in the order it was drawn: a table cell's lines stay together. */
const pageTexts = (pdf: string): string[] =>
  spawnSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).stdout.split('\f').slice(0, -1);

describe('the implementation review export', () => {
  it('refuses a format the review does not come in, in words', () => {
    const run = exportCommand(['--view', 'implementation', '--format', 'png', '--out', 'x.png']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      '--view implementation writes the review as --format pdf, pptx or csv',
    );
  }, 120_000);

  it('npm run export --view implementation writes the review PDF: real fonts, ≥ 9 pt, numbered, continued, every cited event and its source', () => {
    expect(standing.commitments).toHaveLength(86);
    const day = standing.as_of;
    const file = path.join(dir, 'review.pdf');
    const run = exportCommand([
      '--view',
      'implementation',
      '--format',
      'pdf',
      '--lang',
      'en',
      '--out',
      file,
    ]);
    expect(run.status, run.stderr).toBe(0);
    // Kept for a look by eye (test-results is not committed).
    mkdirSync('test-results/e2e', { recursive: true });
    copyFileSync(file, 'test-results/e2e/implementation-review.pdf');
    const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/CID TrueType/);
    expect(fonts).not.toMatch(/Type 3/);
    const texts = pageTexts(file);
    expect(texts.length).toBeGreaterThan(4);
    expect(texts[0]).toContain(`Implementation review, as of ${day}`);
    for (const p of [1, 2, 3, 4].map((n) => ['I', 'II', 'III', 'IV'][n - 1]))
      expect(texts.some((t) => t.includes(`Pillar ${p}:`))).toBe(true);
    texts.forEach((t, i) => {
      expect(t, `page ${i + 1}`).toContain(`${i + 1} / ${texts.length}`);
      expect(squash(t), `page ${i + 1}`).toContain(citation);
    });
    expect(texts.some((t) => /\(continued\)/.test(t))).toBe(true);
    for (const h of smallestWords(file)) expect(h).toBeGreaterThanOrEqual(9);
    const flat = squash(texts.join('\n'));
    for (const word of STATUS_WORDS) expect(flat).toContain(squash(word));
    expect(flat).toContain('curatedreading');
    for (const id of cited()) {
      const e = events.get(id)!;
      expect(flat, id).toContain(squash(e.title_en));
      expect(flat, id).toContain(squash(e.source_url));
    }
  }, 400_000);

  it('the review as PowerPoint: LibreOffice opens it, every cited event and source there, no text under 9 pt', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`);
    const output = await x.page.evaluate(() =>
      window.kizuna!.review!({ format: 'pptx', paper: 'slide', orientation: 'landscape' }),
    );
    expect(x.errors).toEqual([]);
    await x.page.close();
    const file = path.join(dir, 'review.pptx');
    writeFileSync(file, Buffer.from(output.pptx!, 'base64'));
    const zip = await JSZip.loadAsync(readFileSync(file));
    const sizes = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
        .map(async (f) =>
          [...(await zip.file(f)!.async('string')).matchAll(/\bsz="(\d+)"/g)].map((m) =>
            Number(m[1]),
          ),
        ),
    );
    expect(Math.min(...sizes.flat())).toBeGreaterThanOrEqual(900);
    const converted = libreOfficeToPdf(file, dir);
    expect(converted.status, converted.stderr).toBe(0);
    const texts = pageTexts(path.join(dir, 'review.pdf'));
    expect(texts).toHaveLength(sizes.length);
    for (const [i, t] of texts.entries())
      expect(t, `slide ${i + 1}`).toContain(`${i + 1} / ${texts.length}`);
    const flat = squash(texts.join('\n'));
    expect(flat).toContain('(continued)');
    for (const word of STATUS_WORDS) expect(flat).toContain(squash(word));
    for (const id of cited()) {
      expect(flat, id).toContain(squash(events.get(id)!.title_en));
      expect(flat, id).toContain(squash(events.get(id)!.source_url));
    }
  }, 400_000);

  it('the Export dialog offers the review and downloads its CSV: one record per commitment, sources beside the titles', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`);
    const page = x.page;
    await page.click('#export');
    await page.waitForSelector('dialog.export-dialog[open]');
    expect(
      await page.$$eval('#export-format option[value^="review-"]', (o) =>
        o.map((e) => e.textContent),
      ),
    ).toEqual([
      'Implementation review: PDF',
      'Implementation review: PowerPoint (.pptx)',
      'Implementation review: CSV',
    ]);
    await page.selectOption('#export-format', 'review-csv');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.click('#export-go'),
    ]);
    expect(download.suggestedFilename()).toMatch(/-implementation-review-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = path.join(dir, 'review.csv');
    await download.saveAs(file);
    expect(x.errors).toEqual([]);
    await page.close();
    const records = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(records[0]!)).toEqual([...IMPLEMENTATION_CSV_COLUMNS]);
    expect(records).toHaveLength(86);
    expect(new Set(records.map((r) => r.ref)).size).toBe(86);
    for (const r of records) {
      expect(IMPLEMENTATION_STATUSES).toContain(r.status);
      const ids = r.evidence_ids ? r.evidence_ids.split(' | ') : [];
      expect(ids.length > 0, r.ref).toBe(r.status !== 'no_evidence');
      const titles = r.evidence_titles!.split(' | ');
      const sources = r.sources!.split(' | ');
      ids.forEach((id, i) => {
        const e = events.get(id)!;
        expect(titles[i]).toBe(e.title_en);
        expect(sources[i]).toBe(`${e.source_publisher} ${e.source_url}`);
      });
    }
  }, 300_000);
});
