import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Graph } from '../../graph/graph';
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
 * Reading events in the explorer, in real Chromium against the real server and Neo4j: the
 * timeline's brush narrows the graph to the commitments with events in a year, a chosen day
 * fades the commitments quiet since then, and an event opens from a link or the search box.
 */

const url = inject('appUrl');
let browser: Browser;
let graph: Graph;

beforeAll(async () => {
  // The same steps `npm run seed` takes: the curated events.
  graph = await openGraphWithEvents();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await closeGraphWithEvents(graph);
});

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

describe('lists where the canvas counts', () => {
  /** The table's rows as they stand once the last chunk is in: ids and the cells of a column. */
  async function rows(page: Page, column?: string): Promise<{ id: string; cell: string }[]> {
    await page.waitForSelector('[data-test="node-table"][aria-busy="false"]');
    return page.$$eval(
      '[data-test="node-table"] tbody tr',
      (trs, col) =>
        trs.map((tr) => ({
          id: (tr as HTMLElement).dataset.id!,
          cell: col ? (tr.querySelector(`td[data-col="${col}"]`)?.textContent ?? '') : '',
        })),
      column,
    );
  }

  it('opens the quiet commitments as a list equal to /api/events’ answer, sorted, filtered, in step with the canvas', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en&quiet=2024-01-01`, {
      width: 1280,
      height: 720,
    });
    const page = x.page;
    const refOf = (id: string) => id.split('/')[1]!;
    const allCommitments = await x.visibleNodes('Commitment');
    // The same day asked of the API: a commitment is quiet when no event on or after it advanced it.
    const since = await apiEvents('&from=2024-01-01&to=2031-12-31');
    const active = new Set(since.flatMap((e) => e.advances.map((a) => a.ref)));
    const expected = allCommitments.filter((id) => !active.has(refOf(id))).sort();
    expect(expected.length).toBeGreaterThan(0);

    await page.click('[data-test="quiet-list"]');
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('list=quiet'));
    const listed = await rows(page);
    expect(listed.map((r) => r.id).sort()).toEqual(expected);
    expect(await page.textContent('[data-test="list-chip-text"]')).toBe(
      `Quiet since 2024-01-01 · ${expected.length}`,
    );
    await x.screenshot('quiet-list-1280x720');

    // Sorted by the last event, earliest first; commitments never advanced come last. The
    // first is the API's earliest last event among them.
    const all = await apiEvents();
    const lastOf = new Map<string, string>();
    for (const e of all)
      for (const a of e.advances)
        if (!lastOf.has(a.ref) || e.date_start > lastOf.get(a.ref)!)
          lastOf.set(a.ref, e.date_start);
    await page.click('button[data-sort="lastEvent"]');
    await page.waitForFunction(() =>
      decodeURIComponent(location.hash).includes('tsort=lastEvent~asc'),
    );
    const byLast = await rows(page, 'lastEvent');
    const dates = byLast.map((r) => r.cell);
    const filled = dates.filter(Boolean);
    expect(filled).toEqual([...filled].sort());
    expect(dates.slice(filled.length).every((d) => d === '')).toBe(true);
    const withEvents = expected.filter((id) => lastOf.has(refOf(id)));
    expect(filled).toHaveLength(withEvents.length);
    const earliest = withEvents.map((id) => lastOf.get(refOf(id))!).sort()[0]!;
    expect(earliest.startsWith(filled[0]!)).toBe(true);

    // Filtered to those with at least one event, then to a pillar: as the API's events say.
    await page.fill('[data-filter="events-min"]', '1');
    await page.press('[data-filter="events-min"]', 'Enter');
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('tf.events=1..'));
    expect((await rows(page)).map((r) => r.id).sort()).toEqual(withEvents.sort());
    await page.selectOption('select[data-filter="pillar"]', 'I');
    const inPillarI = withEvents.filter((id) => refOf(id).startsWith('I.'));
    expect((await rows(page)).map((r) => r.id).sort()).toEqual(inPillarI.sort());
    expect(await page.textContent('[data-test="table-count"]')).toContain(
      `${inPillarI.length} of ${expected.length} shown`,
    );
    // Back takes the last filter off again.
    await page.goBack();
    await page.waitForFunction(() => !decodeURIComponent(location.hash).includes('tf.pillar'));
    expect((await rows(page)).map((r) => r.id).sort()).toEqual(withEvents.sort());

    // A row's name selects and frames its node on the canvas; back in the list, its row is marked.
    const chosen = (await rows(page))[0]!.id;
    await page.click(`[data-test="node-table"] tr[data-id="${chosen}"] button.link`);
    await x.waitForPanel(chosen);
    expect(await page.evaluate(() => document.body.dataset.tab)).toBe('graph');
    expect(await x.nodeClasses(chosen)).toContain('chosen');
    await page.click('#tab-table');
    await page.waitForSelector(`[data-test="node-table"] tr.chosen[data-id="${chosen}"]`);

    // The chip's × lifts the list: every node shown is listed again.
    await page.click('[data-test="list-chip-remove"]');
    await page.waitForFunction(() => !decodeURIComponent(location.hash).includes('list='));
    expect(await page.locator('[data-test="list-chip"]').count()).toBe(0);
    await page.click('[data-test="clear-filters"]');
    expect((await rows(page)).length).toBe((await x.visibleNodes()).length);
    expect(x.errors).toEqual([]);

    // The same list on a phone, in Japanese: the chip within the screen.
    const phone = await ExplorerPage.open(
      browser,
      `${url}/#lang=ja&quiet=2024-01-01&tab=table&list=quiet`,
      { width: 390, height: 844 },
    );
    expect((await rows(phone.page)).map((r) => r.id).sort()).toEqual(expected);
    expect(await phone.page.textContent('[data-test="list-chip-text"]')).toBe(
      `2024-01-01以降動きなし · ${expected.length}件`,
    );
    await expectInsideWidth(phone.page, '[data-test="list-chip"]', 'the chip at 390×844');
    expect(await tinyText(phone.page, '#table-pane')).toEqual([]);
    await phone.screenshot('quiet-list-ja-390x844');
    expect(phone.errors).toEqual([]);
    await phone.page.close();
    await page.close();
  }, 300_000);
});

describe('paths through analysts’ records', () => {
  // Japan's Ministry of Defense and the ZAM road training are four steps apart in the plan;
  // the curated Road-2024 event engages the one and falls within the other.
  const road = 'ev-2024-05-13-road-2024-pko-engineering';

  it('leaves them out until asked, with one control that Back undoes, in both languages and on a phone', async () => {
    // A link from before the path finder's options: ~1 keeps to the plan, around the hubs.
    const x = await ExplorerPage.open(browser, `${url}/#lang=en&path=mod-jp~zam-road-training~1`, {
      width: 1280,
      height: 720,
    });
    const page = x.page;
    const eventSteps = () => page.locator('[data-test="path-list"] .path-step[data-kind="Event"]');
    await page.waitForSelector('[data-test="path-list"] li');
    expect(await eventSteps().count()).toBe(0);
    expect(await x.visibleNodes('Event')).toEqual([]);

    // Choosing the ends opened the path finder's options.
    const control = page.locator('[data-test="path-via-events"]');
    expect(await control.isChecked()).toBe(false);
    expect(await page.locator('label.check', { has: control }).textContent()).toContain(
      'analysts’ records (events)',
    );
    await control.check();
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('via=events'));
    await page.waitForSelector('[data-test="path-list"] .path-step[data-kind="Event"]');
    const first = page.locator('[data-test="path"]').first();
    expect(await first.textContent()).toContain('Road-2024');
    expect(await first.locator('.path-step').count()).toBe(3);
    expect(await first.locator('.path-step[data-kind="Event"] .step-kind').textContent()).toBe(
      'Event',
    );
    // The canvas shows the events the listed paths go through, and no other: since the record's
    // second pass another of the shortest paths passes the 2023 road-building training.
    const listed = await eventSteps().evaluateAll((steps) =>
      [...new Set(steps.map((s) => s.getAttribute('data-id')))].sort(),
    );
    expect(listed).toContain(road);
    expect((await x.visibleNodes('Event')).sort()).toEqual(listed);

    await page.goBack();
    await page.waitForFunction(() => !decodeURIComponent(location.hash).includes('via=events'));
    await page.waitForFunction(
      () => !document.querySelector('[data-test="path-list"] .path-step[data-kind="Event"]'),
    );
    expect(await control.isChecked()).toBe(false);
    expect(x.errors).toEqual([]);
    await page.close();

    const phone = await ExplorerPage.open(
      browser,
      `${url}/#lang=ja&path=mod-jp~zam-road-training&via=events`,
      { width: 390, height: 844 },
    );
    await phone.page.click('#controls-summary');
    const phoneControl = phone.page.locator('[data-test="path-via-events"]');
    await phoneControl.scrollIntoViewIfNeeded();
    expect(await phoneControl.isChecked()).toBe(true);
    expect(await phone.page.locator('label.check', { has: phoneControl }).textContent()).toContain(
      '分析者の記録（出来事）',
    );
    await expectInsideWidth(
      phone.page,
      'label.check:has([data-test="path-via-events"])',
      'the control on a phone',
    );
    await phone.page.waitForSelector('[data-test="path-list"] .path-step[data-kind="Event"]');
    expect(
      await phone.page
        .locator('[data-test="path-list"] .path-step[data-kind="Event"] .step-kind')
        .first()
        .textContent(),
    ).toBe('出来事');
    expect(phone.errors).toEqual([]);
    await phone.page.close();
  }, 180_000);
});

describe('a focus and what is hidden', () => {
  it('focuses with the events the panel lists, keeps the focus when its node is hidden, and counts what is hidden with a way back', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 1280, height: 720 });
    const page = x.page;
    const said = (words: string) =>
      page.waitForFunction(
        (w) => document.querySelector('[data-test="announcer"]')?.textContent?.includes(w),
        words,
      );
    const id = 'jp-mn-2022/I.3.6';
    const listed = (await apiEvents('&commitment=I.3.6')).map((e) => e.id).sort();
    expect(listed.length).toBeGreaterThan(0);
    await x.searchAndChoose('I.3.6', id);
    await page.click('[data-test="focus"]');
    await page.waitForFunction(() => location.hash.includes('focus='));
    await page.waitForFunction(
      (n) =>
        window.kizuna!.cy.nodes('[kind = "Event"]').filter((e) => !e.hasClass('gone')).length === n,
      listed.length,
    );
    expect((await x.visibleNodes('Event')).sort()).toEqual(listed);
    await said(`${listed.length} of them events`);
    const focused = await x.visibleNodes();

    // Hiding the focused node keeps its neighbourhood, and says what is hidden.
    await page.click('[data-test="hide"]');
    await page.waitForFunction(() => location.hash.includes('hidden='));
    await page.waitForFunction(
      (n) => window.kizuna!.cy.nodes().filter((e) => !e.hasClass('gone')).length === n,
      focused.length - 1,
    );
    expect((await x.visibleNodes()).sort()).toEqual(focused.filter((n) => n !== id).sort());
    expect(await page.textContent('[data-test="focus-bar"]')).toMatch(
      /Focus on\s+Defence.*\(hidden\)/s,
    );
    expect(await page.textContent('[data-test="hidden-count"]')).toBe('1 hidden');
    // The keyboard is on the canvas, not back in the search box: Ctrl+Z undoes the hide.
    await page.waitForFunction(() => document.activeElement?.id === 'cy');
    await page.keyboard.press('Control+Z');
    await page.waitForFunction(() => !location.hash.includes('hidden='));
    await page.waitForSelector('#view-bar [data-test="hidden-count"]', { state: 'detached' });
    await said('Shown again: Defence');
    await page.keyboard.press('Control+Shift+Z');
    await page.waitForFunction(() => location.hash.includes('hidden='));

    // A second node hidden: two counted; Restore last brings back only that one, Show all the rest.
    const [neighbour, name] = await page.evaluate((shown) => {
      const cy = window.kizuna!.cy;
      const n = shown.map((s) => cy.getElementById(s)).find((e) => e.data('kind') === 'Agency')!;
      return [n.id(), String(n.data('name_en'))] as const;
    }, focused);
    await x.searchAndChoose(name, neighbour);
    await page.click('[data-test="hide"]');
    await page.waitForFunction(
      () => document.querySelector('[data-test="hidden-count"]')?.textContent === '2 hidden',
    );
    await x.settled();
    await x.screenshot('focus-hidden-counter-1280');
    const phone = await ExplorerPage.open(browser, page.url(), { width: 390, height: 844 });
    await phone.settled();
    expect(await phone.page.textContent('[data-test="hidden-count"]')).toBe('2 hidden');
    await expectInsideWidth(phone.page, '#view-bar', 'the hidden counter on a phone');
    await phone.screenshot('focus-hidden-counter-390');
    await phone.page.close();

    await page.click('[data-test="restore-last"]');
    await page.waitForFunction(
      () => document.querySelector('[data-test="hidden-count"]')?.textContent === '1 hidden',
    );
    expect(await x.visibleNodes()).toContain(neighbour);
    expect(await x.visibleNodes()).not.toContain(id);
    await page.click('[data-test="show-all"]');
    await page.waitForFunction(() => !location.hash.includes('hidden='));
    expect(await page.isHidden('#view-bar [data-test="hidden-bar"]')).toBe(true);
    expect((await x.visibleNodes()).sort()).toEqual(focused.sort());
    await said('Shown again: Defence');
    expect(x.errors).toEqual([]);
    await page.close();
  }, 180_000);
});
