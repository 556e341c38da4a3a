import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount } from '../../graph/events/accounts';
import type { Graph } from '../../graph/graph';
import { hashPassword } from '../../server/routes/auth/password';
import { launchChromium } from '../support/browser';
import {
  apiEvents,
  closeGraphWithEvents,
  expectInsideWidth,
  openGraphWithEvents,
  screenshotIfAsked,
} from './events-fixture';
import { ExplorerPage } from './explorer-page';

/**
 * Editing events in the explorer, in real Chromium against the real server and Neo4j: an
 * editor signs in, adds an event to I.3.2 with its source, sees it on the timeline and in
 * the panel, edits it (and meets a stale edit), deletes and restores it, signs out.
 */

const url = inject('appUrl');
const EDITOR = 'e2e-editor';
const PASSWORD = 'a long and proper passphrase';
let browser: Browser;
let graph: Graph;

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
