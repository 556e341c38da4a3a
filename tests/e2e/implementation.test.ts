import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ImplementationResponse } from '../../core/api/implementation';
import { createAccount } from '../../graph/events/accounts';
import type { Graph } from '../../graph/graph';
import { readCuratedAssessments, seedAssessments } from '../../scripts/seed-assessments';
import { readCuratedEvents } from '../../scripts/seed-events';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { hashPassword } from '../../server/routes/auth/password';
import { launchChromium } from '../support/browser';
import { I32 } from '../support/plan-paths';
import {
  closeGraphWithEvents,
  expectInsideWidth,
  openGraphWithEvents,
  screenshotIfAsked,
} from './events-fixture';
import { ExplorerPage } from './explorer-page';

/**
 * The implementation monitor in the explorer, in real Chromium against the real server and
 * Neo4j with the curated events and readings: the Implementation view lists every
 * commitment and its counts add up, a count opens its commitments, the list sorts, the
 * status filter narrows the canvas and Back undoes it, an editor assesses a commitment
 * (meeting another editor's reading first) and sees it in the history, and the phone fits.
 */

const url = inject('appUrl');
const EDITOR = 'e2e-impl-editor';
const PASSWORD = 'a long and proper passphrase';
let browser: Browser;
let graph: Graph;

beforeAll(async () => {
  // The steps `npm run seed` and `npm run user:add` take: curated events and readings, one editor.
  graph = await openGraphWithEvents();
  const model = readSeedInputs().model;
  await seedAssessments(graph, readCuratedAssessments(model, readCuratedEvents(model)), () => {});
  await createAccount(graph, {
    name: EDITOR,
    role: 'editor',
    passwordHash: await hashPassword(PASSWORD),
  });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await closeGraphWithEvents(graph);
});

async function standings(): Promise<ImplementationResponse> {
  const res = await fetch(`${url}/api/implementation`);
  expect(res.status).toBe(200);
  return (await res.json()) as ImplementationResponse;
}

const rows = (page: Page) => page.locator('[data-test="impl-row"]');
const rowStatuses = (page: Page) =>
  page.$$eval('[data-test="impl-row"] td[data-status]', (tds) =>
    tds.map((td) => td.getAttribute('data-status')),
  );

/** Waits until the list's rows are in the scale's order (or its reverse), and not all one status. */
async function waitForStatusOrder(page: Page, order: 'asc' | 'desc'): Promise<void> {
  await page.waitForFunction((dir) => {
    const scale = ['no_evidence', 'not_started', 'limited', 'substantial', 'complete'];
    const ranks = [...document.querySelectorAll('[data-test="impl-row"] td[data-status]')].map(
      (td) => scale.indexOf(td.getAttribute('data-status') ?? ''),
    );
    const sign = dir === 'asc' ? 1 : -1;
    return (
      ranks.length === 86 &&
      ranks[0] !== ranks.at(-1) &&
      ranks.every((r, i) => i === 0 || sign * (r - ranks[i - 1]!) >= 0)
    );
  }, order);
}

describe('the Implementation view', () => {
  it('lists the 86 commitments, counts them, opens a cell, sorts, and filters the canvas with Back', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en&tab=implementation`, {
      width: 1280,
      height: 720,
    });
    const page = x.page;
    await page.waitForSelector('[data-test="impl-list"]');
    expect(await rows(page).count()).toBe(86);
    expect(await page.textContent('[data-test="impl-total"]')).toBe('86');
    // The pillars' totals add up to every commitment.
    const pillarTotals = await Promise.all(
      ['I', 'II', 'III', 'IV'].map((p) =>
        page.textContent(`[data-test="impl-cell-${p}-all"]`).then((t) => Number(t)),
      ),
    );
    expect(pillarTotals.reduce((a, b) => a + b, 0)).toBe(86);
    // "No evidence recorded" is never shown as "not started".
    const api = await standings();
    const silent = api.commitments.filter((c) => c.status === 'no_evidence').length;
    expect(silent).toBeGreaterThan(0);
    expect(Number(await page.textContent('[data-test="impl-cell-all-no_evidence"]'))).toBe(silent);
    await page.waitForSelector('[data-test="impl-over-time"]', { timeout: 60_000 });
    await screenshotIfAsked(page, 'implui-view-1280');

    // A count opens the commitments it counts.
    const limitedI = api.commitments.filter((c) => c.pillar === 'I' && c.status === 'limited');
    expect(limitedI.length).toBeGreaterThan(0);
    await page.click('[data-test="impl-cell-I-limited"]');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-test="impl-row"]').length === n,
      limitedI.length,
    );
    expect(new Set(await rowStatuses(page))).toEqual(new Set(['limited']));
    expect(
      (
        await page.$$eval('[data-test="impl-row"]', (trs) => trs.map((tr) => tr.dataset.ref))
      ).sort(),
    ).toEqual(limitedI.map((c) => c.ref).sort());
    await page.click('[data-test="impl-show-all"]');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-test="impl-row"]').length === 86,
    );

    // Sorting by status: furthest first, then (Back) least far first, the list redrawn each time.
    await page.click('[data-test="impl-sort-status"]');
    await page.click('[data-test="impl-sort-status"]');
    await page.waitForFunction(() =>
      decodeURIComponent(location.hash).includes('isort=status~desc'),
    );
    await waitForStatusOrder(page, 'desc');
    await page.goBack();
    await page.waitForFunction(() =>
      decodeURIComponent(location.hash).includes('isort=status~asc'),
    );
    await waitForStatusOrder(page, 'asc');

    // The status filter narrows the canvas to the commitments at the kept levels; Back undoes it.
    await page.click('#tab-graph');
    await page.waitForFunction(() => !document.getElementById('graph-pane')!.hidden);
    await x.settled();
    expect((await x.visibleNodes('Commitment')).length).toBe(86);
    await page.click('[data-group="statuses"] > summary');
    await page.click('[data-test="status-no_evidence"]');
    await page.waitForFunction(() => location.hash.includes('statuses='));
    await page.waitForFunction(
      (n) =>
        window.kizuna!.cy.nodes('[kind = "Commitment"]').filter((node) => !node.hasClass('gone'))
          .length === n,
      86 - silent,
    );
    // Marked by status, not by colour alone: the wedge's class on every commitment shown.
    const marked = await page.evaluate(() =>
      window
        .kizuna!.cy.nodes('[kind = "Commitment"]')
        .filter((n) => !n.hasClass('gone'))
        .every((n) => n.classes().some((c) => c.startsWith('impl-'))),
    );
    expect(marked).toBe(true);
    await x.settled();
    await screenshotIfAsked(page, 'implui-graph-filter-1280');
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('statuses='));
    await page.waitForFunction(
      () =>
        window.kizuna!.cy.nodes('[kind = "Commitment"]').filter((node) => !node.hasClass('gone'))
          .length === 86,
    );
    expect(await page.isChecked('[data-test="status-no_evidence"]')).toBe(true);
    expect(x.errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('lets an editor assess a commitment, keeps the input through a 409, and shows the history', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en&sel=${encodeURIComponent(I32)}`, {
      width: 1280,
      height: 720,
    });
    const page = x.page;
    await x.waitForPanel(I32);
    await page.waitForSelector('[data-test="impl-panel"]');
    // Signed out: the history, no form.
    expect(await page.locator('[data-test="impl-form"]').count()).toBe(0);
    await page.click('[data-test="sign-in-open"]');
    await page.fill('[data-test="sign-in-form"] input[name="name"]', EDITOR);
    await page.fill('[data-test="sign-in-form"] input[name="password"]', PASSWORD);
    await page.click('[data-test="sign-in-form"] button[type="submit"]');
    const form = page.locator('[data-test="impl-form"]');
    await form.waitFor();
    expect(await page.textContent('[data-test="impl-suggestion"]')).toMatch(
      /Suggested from the events/,
    );

    await form.locator('[data-test="impl-status"]').selectOption('substantial');
    await form.locator('[data-test="impl-evidence"] input[type="checkbox"]').first().check();
    const note = 'The browser test reads the defence exchanges as well under way.';
    await form.locator('[data-test="impl-note"]').fill(note);

    // Another editor assesses it first, from outside the browser.
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: EDITOR, password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const csrf = ((await login.json()) as { csrf_token: string }).csrf_token;
    const history = (await (await fetch(`${url}/api/implementation/I.3.2`)).json()) as {
      revision: number;
      history: { evidence: string[] }[];
    };
    const events = (await (await fetch(`${url}/api/events?commitment=I.3.2&limit=50`)).json()) as {
      events: { id: string }[];
    };
    const other = await fetch(`${url}/api/implementation/I.3.2`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: cookie,
        'X-CSRF-Token': csrf,
        'If-Match': `"${history.revision}"`,
      },
      body: JSON.stringify({
        status: 'limited',
        as_of: '2025-01-31',
        evidence: [events.events[0]!.id],
        note: 'Another editor got there first.',
      }),
    });
    expect(other.status).toBe(201);

    await form.locator('[data-test="impl-save"]').click();
    await page.waitForSelector('[data-test="impl-message"]:has-text("meanwhile")');
    await page.waitForSelector(
      '[data-test="impl-history-item"]:has-text("Another editor got there first.")',
    );
    expect(await form.locator('[data-test="impl-note"]').inputValue()).toBe(note);
    expect(await form.locator('[data-test="impl-status"]').inputValue()).toBe('substantial');

    await form.locator('[data-test="impl-save"]').click();
    await page.waitForSelector('[data-test="impl-message"]:has-text("Assessment saved")');
    const first = page.locator('[data-test="impl-history-item"]').first();
    await first.locator(`text=${note}`).waitFor();
    expect(await first.textContent()).toContain(EDITOR);
    expect(await first.textContent()).toContain('Substantial');
    const after = (await (await fetch(`${url}/api/implementation/I.3.2`)).json()) as {
      revision: number;
      history: { note: string; assessed_by: string }[];
    };
    expect(after.revision).toBe(history.revision + 2);
    expect(after.history[0]).toMatchObject({ note, assessed_by: EDITOR });
    await screenshotIfAsked(page, 'implui-assess-1280');
    expect(x.errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('fits a phone without sideways scrolling', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=ja&tab=implementation`, {
      width: 390,
      height: 844,
    });
    const page = x.page;
    await page.waitForSelector('[data-test="impl-list"]');
    expect(await rows(page).count()).toBe(86);
    await page.waitForSelector('[data-test="impl-over-time"]', { timeout: 60_000 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await expectInsideWidth(page, '[data-test="impl-counts"]', 'the counts on a phone');
    await expectInsideWidth(page, '[data-test="impl-list"]', 'the list on a phone');
    await screenshotIfAsked(page, 'implui-view-390');
    await page.locator('[data-test="impl-list"]').scrollIntoViewIfNeeded();
    await screenshotIfAsked(page, 'implui-list-390');
    expect(x.errors).toEqual([]);
    await page.close();
  }, 120_000);
});
