import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount } from '../../graph/events/accounts';
import type { Graph } from '../../graph/graph';
import { hashPassword } from '../../server/routes/auth/password';
import { launchChromium } from '../support/browser';
import { closeGraphWithEvents, openGraphWithEvents, screenshotIfAsked } from './events-fixture';
import { ExplorerPage } from './explorer-page';

/**
 * Events in the explorer, in real Chromium against the real server and Neo4j: an editor
 * signs in, adds an event to I.3.2 with its source, sees it on the timeline and in the
 * panel, edits it (and meets a stale edit), deletes and restores it, signs out; the
 * timeline's brush narrows the graph to the commitments with events in a year.
 */

const url = inject('appUrl');
const EDITOR = 'e2e-editor';
const PASSWORD = 'a long and proper passphrase';
let browser: Browser;
let graph: Graph;

interface ApiEvent {
  id: string;
  version: number;
  title_en: string;
  advances: { ref: string }[];
  deleted: boolean;
}

beforeAll(async () => {
  // The same steps `npm run seed` and `npm run user:add` take: curated events, one editor.
  graph = await openGraphWithEvents();
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

/** Every element matching the selector lies wholly inside the viewport's width. */
async function expectInsideWidth(page: Page, selector: string, what: string): Promise<void> {
  const width = page.viewportSize()!.width;
  const boxes = await page.locator(selector).evaluateAll((els) =>
    els
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right };
      }),
  );
  expect(boxes.length, what).toBeGreaterThan(0);
  for (const b of boxes) {
    expect(b.left, what).toBeGreaterThanOrEqual(-1);
    expect(b.right, what).toBeLessThanOrEqual(width + 1);
  }
}

/** Font sizes under 9 px among the visible text of these elements. */
function tinyText(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.flatMap((root) =>
      [root, ...root.querySelectorAll('*')]
        .filter((el) => el.textContent?.trim() && el.getClientRects().length > 0)
        .filter((el) => Number.parseFloat(getComputedStyle(el).fontSize) < 9)
        .map((el) => `${el.tagName}: ${el.textContent?.trim().slice(0, 30)}`),
    ),
  );
}

async function apiEvents(query = ''): Promise<ApiEvent[]> {
  const res = await fetch(`${url}/api/events?limit=1000${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { events: ApiEvent[] }).events;
}

/** A second editor's session from outside the browser, to change an event under the form. */
async function otherEditor(): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: EDITOR, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrf_token: string }).csrf_token };
}

async function signIn(page: Page): Promise<void> {
  await page.click('[data-test="sign-in-open"]');
  await page.fill('[data-test="sign-in-form"] input[name="name"]', EDITOR);
  await page.fill('[data-test="sign-in-form"] input[name="password"]', PASSWORD);
  await page.click('[data-test="sign-in-form"] button[type="submit"]');
  await page.waitForSelector('[data-test="account-name"]');
}

const eventChip = (id: string) => `[data-test="timeline-events"] [data-event-id="${id}"]`;

describe('an editor records an event in the explorer', () => {
  it('signs in, adds an event to I.3.2, sees it, edits it, deletes and restores it, signs out', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 1280, height: 720 });
    const page = x.page;
    expect(
      await page.locator('[data-test="timeline-events"] button').count(),
    ).toBeGreaterThanOrEqual(40);
    // Signed out: no way to write.
    expect(await page.locator('[data-test="add-event"]').count()).toBe(0);

    await page.click('[data-test="sign-in-open"]');
    await page.fill('[data-test="sign-in-form"] input[name="name"]', EDITOR);
    await page.fill('[data-test="sign-in-form"] input[name="password"]', 'wrong password');
    await page.click('[data-test="sign-in-form"] button[type="submit"]');
    await page.waitForSelector('[data-test="sign-in-error"]');
    await page.click('[data-test="sign-in-open"]');
    await signIn(page);
    expect(await page.textContent('[data-test="account-name"]')).toContain(EDITOR);

    // The form: every field error the API names is shown beside that field.
    await page.click('[data-test="add-event"]');
    const form = page.locator('[data-test="event-form"]');
    await form.waitFor();
    await form.locator('input[name="source_url"]').fill('ftp://files.example.org/x');
    await form.locator('input[name="advances.0.ref"]').fill('I.3.2');
    await form.locator('[data-test="form-save"]').click();
    await form.locator('[data-error-for="source_url"]').waitFor();
    expect(await form.locator('[data-error-for="source_url"]').textContent()).toContain('http');
    expect(await form.locator('[data-error-for="title_en"]').count()).toBe(1);
    expect(await form.locator('[data-error-for="date"]').count()).toBe(1);
    await screenshotIfAsked(page, 'form-errors-1280');
    await expectInsideWidth(page, '[data-test="event-form"]', 'the form at 1280×720');

    await form.locator('input[name="day"]').fill('2025-06-15');
    await form.locator('select[name="kind"]').selectOption('visit');
    await form.locator('input[name="title_ja"]').fill('陸上自衛隊施設部隊のモンゴル軍訪問（試験）');
    await form
      .locator('input[name="title_en"]')
      .fill('JGSDF engineers visit the Mongolian Armed Forces (test)');
    await form
      .locator('textarea[name="summary_en"]')
      .fill('An exchange visit recorded by the browser test.');
    await form.locator('input[name="source_url"]').fill('https://www.mod.go.jp/en/');
    await form.locator('input[name="source_publisher"]').fill('Ministry of Defense of Japan');
    await form
      .locator('input[name="advances.0.reason"]')
      .fill('A unit exchange under the defence memorandum.');
    await form.locator('input[name="involves"]').fill('mod-jp, mn-armed-forces');
    await form.locator('[data-test="form-save"]').click();
    await page.waitForFunction(
      () => !document.querySelector('dialog.event-dialog')?.hasAttribute('open'),
    );

    const added = (await apiEvents('&commitment=I.3.2')).find((e) => e.title_en.endsWith('(test)'));
    expect(added, 'the new event is stored').toBeDefined();
    // On the timeline and in the panel, with its source opening in a new tab.
    await page.waitForSelector(eventChip(added!.id));
    await page.waitForFunction(
      (id) => decodeURIComponent(location.hash).includes(`ev=${id}`),
      added!.id,
    );
    expect(await page.textContent('[data-test="panel-title"]')).toBe(
      'JGSDF engineers visit the Mongolian Armed Forces (test)',
    );
    expect(await page.textContent('[data-test="event-date"]')).toContain('15 Jun 2025');
    const source = page.locator('[data-test="event-source"]');
    expect(await source.getAttribute('href')).toBe('https://www.mod.go.jp/en/');
    expect(await source.getAttribute('target')).toBe('_blank');
    expect(await source.getAttribute('rel')).toContain('noopener');
    expect(await page.locator('[data-test="event-advances"] [data-ref="I.3.2"]').count()).toBe(1);
    await screenshotIfAsked(page, 'event-panel-1280');

    // The commitment's own panel lists it too.
    await page.click('[data-test="event-advances"] [data-ref="I.3.2"] button');
    await x.waitForPanel('jp-mn-2022/I.3.2');
    await page.waitForSelector(`[data-test="commitment-events"] [data-event-id="${added!.id}"]`);
    await page.click(`[data-test="commitment-events"] [data-event-id="${added!.id}"]`);
    await page.waitForSelector('[data-test="event-edit"]');

    // Edit.
    await page.click('[data-test="event-edit"]');
    await form
      .locator('input[name="title_en"]')
      .fill('JGSDF engineers visit Mongolia (test, edited)');
    await form.locator('[data-test="form-save"]').click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-test="panel-title"]')?.textContent ===
        'JGSDF engineers visit Mongolia (test, edited)',
    );

    // A stale edit: someone else saves first; the form shows both and saves nothing until asked.
    await page.click('[data-test="event-edit"]');
    await form.locator('input[name="title_en"]').fill('My edit (test)');
    const other = await otherEditor();
    const stored = (await (await fetch(`${url}/api/events/${added!.id}`)).json()) as Record<
      string,
      unknown
    >;
    const {
      id: _id,
      origin,
      date_precision,
      date_start,
      date_end,
      pillars,
      version,
      edited,
      deleted,
      created_at,
      created_by,
      updated_at,
      updated_by,
      deleted_at,
      deleted_by,
      ...fields
    } = stored;
    const theirs = await fetch(`${url}/api/events/${added!.id}`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
        Cookie: other.cookie,
        'X-CSRF-Token': other.csrf,
        'If-Match': `"${version}"`,
      },
      body: JSON.stringify({ ...fields, title_en: 'Their edit (test)' }),
    });
    expect(theirs.status).toBe(200);
    await form.locator('[data-test="form-save"]').click();
    await form.locator('[data-test="conflict"]').waitFor();
    const row = form.locator('[data-test="conflict"] tr[data-field="title_en"]');
    expect(await row.locator('[data-test="theirs"]').textContent()).toBe('Their edit (test)');
    expect(await row.locator('[data-test="yours"]').textContent()).toBe('My edit (test)');
    expect((await apiEvents()).find((e) => e.id === added!.id)?.title_en).toBe('Their edit (test)');
    await screenshotIfAsked(page, 'form-conflict-1280');
    await form.locator('[data-test="use-mine"]').click();
    await page.waitForFunction(
      () => document.querySelector('[data-test="panel-title"]')?.textContent === 'My edit (test)',
    );

    // Delete, then restore.
    await page.click('[data-test="event-delete"]');
    await page.waitForSelector('[data-test="event-deleted"]');
    expect((await apiEvents()).some((e) => e.id === added!.id)).toBe(false);
    expect(await page.locator(`${eventChip(added!.id)}.deleted`).count()).toBe(1);
    await page.click('[data-test="event-restore"]');
    await page.waitForSelector('[data-test="event-edit"]');
    expect(await page.locator('[data-test="event-deleted"]').count()).toBe(0);
    expect((await apiEvents()).some((e) => e.id === added!.id)).toBe(true);

    // At phone size the timeline, the panel and the form still fit.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectInsideWidth(page, '#timeline', 'the timeline at 390×844');
    await expectInsideWidth(page, '#side-panel', 'the event panel at 390×844');
    await screenshotIfAsked(page, 'event-panel-390');
    await page.click('[data-test="event-edit"]');
    await form.waitFor();
    await expectInsideWidth(page, '[data-test="event-form"]', 'the form at 390×844');
    await screenshotIfAsked(page, 'form-390');
    await form.locator('[data-test="form-cancel"]').click();
    await page.setViewportSize({ width: 1280, height: 720 });

    // Signed out, the form and every way to it are gone.
    await page.click('[data-test="sign-out"]');
    await page.waitForSelector('[data-test="sign-in-open"]');
    expect(await page.locator('[data-test="add-event"]').count()).toBe(0);
    expect(await page.locator('[data-test="event-edit"]').count()).toBe(0);
    expect(await page.locator('dialog.event-dialog[open]').count()).toBe(0);
    expect(await page.locator('dialog.event-dialog input').count()).toBe(0);
    expect(x.errors).toEqual([]);
    await page.close();
  }, 300_000);
});

describe('the timeline narrows the graph to a period', () => {
  it('brushed to 2024 shows only commitments with 2024 events; Back, Forward and links keep it', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 1280, height: 720 });
    const page = x.page;
    const allCommitments = await x.visibleNodes('Commitment');
    const in2024 = await apiEvents('&from=2024-01-01&to=2024-12-31');
    const refs = new Set(in2024.flatMap((e) => e.advances.map((a) => a.ref)));
    expect(refs.size).toBeGreaterThan(0);
    await page.evaluate(() => {
      (window as unknown as { longest: number }).longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const w = window as unknown as { longest: number };
          w.longest = Math.max(w.longest, entry.duration);
        }
      }).observe({ type: 'longtask', buffered: false });
    });

    await page.fill('[data-test="range-from"]', '2024-01-01');
    await page.fill('[data-test="range-to"]', '2024-12-31');
    await page.waitForFunction(() =>
      decodeURIComponent(location.hash).includes('range=2024-01-01~2024-12-31'),
    );
    const refOf = (id: string) => id.split('/')[1]!;
    await page.waitForFunction(
      (n) =>
        window.kizuna!.cy.nodes('[kind = "Commitment"]').filter((c) => !c.hasClass('gone'))
          .length === n,
      [...refs].length,
    );
    const shown = await x.visibleNodes('Commitment');
    expect(new Set(shown.map(refOf))).toEqual(refs);
    expect(await page.textContent('[data-test="timeline-count"]')).toContain(
      `${in2024.length} events`,
    );
    await screenshotIfAsked(page, 'timeline-2024-1280');

    // Back clears the brush, Forward brings it back; a shared link opens the same view.
    // Two entries: the start date, then the end date.
    await page.goBack();
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('range='));
    await page.waitForFunction(
      (n) =>
        window.kizuna!.cy.nodes('[kind = "Commitment"]').filter((c) => !c.hasClass('gone'))
          .length === n,
      allCommitments.length,
    );
    await page.goForward();
    await page.goForward();
    await page.waitForFunction(() =>
      decodeURIComponent(location.hash).includes('range=2024-01-01~2024-12-31'),
    );
    await page.waitForFunction(
      (n) =>
        window.kizuna!.cy.nodes('[kind = "Commitment"]').filter((c) => !c.hasClass('gone'))
          .length === n,
      refs.size,
    );
    const shared = await ExplorerPage.open(browser, page.url(), { width: 390, height: 844 });
    expect(new Set((await shared.visibleNodes('Commitment')).map(refOf))).toEqual(refs);
    expect(await shared.page.inputValue('[data-test="range-from"]')).toBe('2024-01-01');
    await expectInsideWidth(shared.page, '#timeline', 'the timeline at 390×844');
    await expectInsideWidth(shared.page, '[data-test="timeline-chart"]', 'the chart at 390×844');
    expect(await tinyText(shared.page, '#timeline')).toEqual([]);
    await screenshotIfAsked(shared.page, 'timeline-2024-390');
    await shared.page.close();

    // Dragging over the chart chooses a period too, and the page keeps answering.
    await page.click('[data-test="range-clear"]');
    const chart = (await page.locator('[data-test="timeline-chart"]').boundingBox())!;
    await page.mouse.move(chart.x + chart.width * 0.3, chart.y + 20);
    await page.mouse.down();
    await page.mouse.move(chart.x + chart.width * 0.45, chart.y + 20, { steps: 8 });
    await page.mouse.move(chart.x + chart.width * 0.6, chart.y + 20, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => location.hash.includes('range='));
    const range = decodeURIComponent(new URL(page.url()).hash).match(/range=([\d-]+)~([\d-]+)/);
    expect(range![1]! < range![2]!).toBe(true);
    await page.waitForSelector('[data-test="timeline-brush"]');
    await expectInsideWidth(page, '#timeline', 'the timeline at 1280×720');
    expect(await tinyText(page, '#timeline')).toEqual([]);
    // Nothing froze: a frame is drawn promptly after all this (the longest task is reported).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    console.log(
      `[events e2e] longest main-thread task while brushing: ${await page.evaluate(
        () => (window as unknown as { longest: number }).longest,
      )} ms`,
    );
    expect(x.errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('fades, never hides, the commitments quiet since a chosen day; Back and links keep the day', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 1280, height: 720 });
    const page = x.page;
    const refOf = (id: string) => id.split('/')[1]!;
    const allCommitments = await x.visibleNodes('Commitment');
    const since2024 = await apiEvents('&from=2024-01-01&to=2031-12-31');
    const active = new Set(since2024.flatMap((e) => e.advances.map((a) => a.ref)));
    const expected = allCommitments.filter((id) => !active.has(refOf(id))).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(allCommitments.length);
    const quietNow = () =>
      page.evaluate(() =>
        window
          .kizuna!.cy.nodes('[kind = "Commitment"].quiet')
          .map((n) => n.id())
          .sort(),
      );
    // No day chosen: nothing is marked quiet.
    expect(await quietNow()).toEqual([]);

    await page.fill('[data-test="quiet-since"]', '2024-01-01');
    await page.waitForFunction(() =>
      decodeURIComponent(location.hash).includes('quiet=2024-01-01'),
    );
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-test="quiet-count"]').length === n,
      1,
    );
    expect(await quietNow()).toEqual(expected);
    // Faded and dashed, still on the canvas.
    expect(await x.visibleNodes('Commitment')).toEqual(allCommitments);
    const look = await page.evaluate((id) => {
      const n = window.kizuna!.cy.getElementById(id);
      return { opacity: Number(n.style('opacity')), border: String(n.style('border-style')) };
    }, expected[0]!);
    expect(look.opacity).toBeLessThan(1);
    expect(look.border).toBe('dashed');
    expect(await page.textContent('[data-test="quiet-count"]')).toBe(
      `${expected.length} commitments quiet since 2024-01-01`,
    );

    // A quiet commitment's panel says so, with its last event or that none is recorded.
    const everAdvanced = new Set((await apiEvents()).flatMap((e) => e.advances.map((a) => a.ref)));
    const withPast = expected.find((id) => everAdvanced.has(refOf(id)));
    const never = expected.find((id) => !everAdvanced.has(refOf(id)));
    expect(withPast && never).toBeTruthy();
    await page.evaluate((id) => {
      location.hash = `${location.hash}&sel=${encodeURIComponent(id)}`;
    }, never!);
    await x.waitForPanel(never!);
    expect(await page.textContent('[data-test="commitment-quiet"]')).toContain(
      'Quiet: no event since 2024-01-01; last event: no event recorded',
    );
    await screenshotIfAsked(page, 'quiet-since-1280');
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('sel='));
    await page.evaluate((id) => {
      location.hash = `${location.hash}&sel=${encodeURIComponent(id)}`;
    }, withPast!);
    await x.waitForPanel(withPast!);
    expect(await page.textContent('[data-test="commitment-quiet"]')).toMatch(
      /Quiet: no event since 2024-01-01; last event: (\d+ )?[A-Z][a-z]{2} 202[23]/,
    );
    // A commitment with an event since the day is not called quiet. Choosing it restyles
    // only it: the quiet ones are left as they are, not restyled on every change.
    const lively = allCommitments.find((id) => active.has(refOf(id)))!;
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('sel='));
    await page.evaluate(() => {
      const w = window as unknown as { restyled: string[] };
      w.restyled = [];
      window.kizuna!.cy.on('class', 'node[kind = "Commitment"]', (e) => {
        w.restyled.push(e.target.id());
      });
    });
    await page.evaluate((id) => {
      location.hash = `${location.hash}&sel=${encodeURIComponent(id)}`;
    }, lively);
    await x.waitForPanel(lively);
    expect(await page.locator('[data-test="commitment-quiet"]').count()).toBe(0);
    expect(
      new Set(await page.evaluate(() => (window as unknown as { restyled: string[] }).restyled)),
    ).toEqual(new Set([lively]));
    await page.goBack();

    // Back to before the day was chosen: nothing quiet; Forward brings the day back.
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('quiet='));
    await page.waitForFunction(
      () => window.kizuna!.cy.nodes('[kind = "Commitment"].quiet').length === 0,
    );
    expect(await page.inputValue('[data-test="quiet-since"]')).toBe('');
    await page.goForward();
    await page.waitForFunction(() =>
      decodeURIComponent(location.hash).includes('quiet=2024-01-01'),
    );
    await page.waitForFunction(
      (n) => window.kizuna!.cy.nodes('[kind = "Commitment"].quiet').length === n,
      expected.length,
    );

    // The same link in Japanese, on a phone: the count in Japanese only, inside the screen.
    const shared = await ExplorerPage.open(browser, page.url().replace('lang=en', 'lang=ja'), {
      width: 390,
      height: 844,
    });
    expect(await shared.page.inputValue('[data-test="quiet-since"]')).toBe('2024-01-01');
    expect(await shared.page.textContent('[data-test="quiet-count"]')).toBe(
      `2024-01-01以降に出来事のない取組：${expected.length}件`,
    );
    await expectInsideWidth(shared.page, '#timeline', 'the timeline at 390×844');
    expect(await tinyText(shared.page, '#timeline')).toEqual([]);
    await screenshotIfAsked(shared.page, 'quiet-since-ja-390');
    expect(shared.errors).toEqual([]);
    await shared.page.close();
    expect(x.errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('opens an event from a link, in Japanese only when the page is in Japanese', async () => {
    const id = 'ev-2024-09-22-summit-new-york';
    const stored = (await (await fetch(`${url}/api/events/${id}`)).json()) as { title_ja: string };
    const x = await ExplorerPage.open(browser, `${url}/#lang=ja&ev=${id}`, {
      width: 1280,
      height: 720,
    });
    await x.page.waitForSelector('[data-test="panel-title"]');
    expect(await x.page.textContent('[data-test="panel-title"]')).toBe(stored.title_ja);
    expect(await x.page.textContent('#timeline-title')).toBe('出来事の年表');
    expect(await x.page.textContent('[data-test="event-date"]')).toContain('2024年9月22日');
    await screenshotIfAsked(x.page, 'event-panel-ja-1280');
    await x.page.keyboard.press('Escape');
    await x.page.waitForFunction(() => !location.hash.includes('ev='));
    expect(await x.page.isHidden('#side-panel')).toBe(true);
    expect(x.errors).toEqual([]);
    await x.page.close();
  }, 120_000);

  it('finds events with the search box, in a group of their own', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 1280, height: 720 });
    const [summit] = await apiEvents('&from=2024-09-01&to=2024-09-30&q=summit');
    expect(summit).toBeDefined();
    await x.page.fill('#search', 'summit');
    await x.page.waitForSelector(`#search-results li[data-id="${summit!.id}"]`);
    expect(await x.page.locator('#search-results li.group').textContent()).toBe('Events');
    await x.page.click(`#search-results li[data-id="${summit!.id}"]`);
    await x.page.waitForFunction(
      (id) => decodeURIComponent(location.hash).includes(`ev=${id}`),
      summit!.id,
    );
    expect(await x.page.textContent('[data-test="panel-title"]')).toBe(summit!.title_en);
    expect(x.errors).toEqual([]);
    await x.page.close();
  }, 120_000);
});
