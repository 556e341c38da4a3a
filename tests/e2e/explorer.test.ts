import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { I32, I32_TO_IV22_THROUGH_STRUCTURE, IV22 } from '../support/plan-paths';
import { ExplorerPage } from './explorer-page';

const url = inject('appUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the explorer in Chromium', () => {
  it('shows the whole plan at first load, every commitment included', async () => {
    const x = await ExplorerPage.open(browser, url);
    expect(await x.visibleNodes('Commitment')).toHaveLength(86);
    // The ten the plan names, and the four renewals of its 2011 environment memorandum.
    expect(await x.visibleNodes('Agreement')).toHaveLength(14);
    expect(await x.visibleNodes('Theme')).toHaveLength(0);
    expect(await x.page.textContent('[data-test="counts"]')).toMatch(/^189 \/ 215 nodes/);
    await x.screenshot('whole-plan');
    expect(x.errors).toEqual([]);
    await x.page.close();
  });

  it('switches labels between Japanese and English, and remembers the choice', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const x = await ExplorerPage.open(context, url);
    // The overview's grid has room for a few words only: the label is the name's start or end.
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    const ja = await x.label('jp-mn-epa');
    expect(ja).toMatch(japanese);
    expect('経済上の連携に関する日本国とモンゴル国との間の協定').toContain(ja.split('…')[0]);
    expect(await x.page.textContent('#lang-toggle')).toBe('English');
    await x.page.click('#lang-toggle');
    await x.page.waitForFunction(() => document.documentElement.lang === 'en');
    const en = await x.label('jp-mn-epa');
    expect(en).not.toMatch(japanese);
    for (const part of en
      .split('…')
      .map((p) => p.trim())
      .filter(Boolean))
      expect('Agreement between Japan and Mongolia for an Economic Partnership').toContain(part);
    expect(await x.page.textContent('[data-group="kinds"] summary')).toBe('Kinds');
    const reopened = await ExplorerPage.open(context, url);
    expect(await reopened.label('jp-mn-epa')).toBe(en);
    await context.close();
  });

  it('searches in either language and width, and focuses on what it found', async () => {
    const x = await ExplorerPage.open(browser, url);
    await x.searchAndChoose('ＥＰＡ', 'jp-mn-epa');
    expect(await x.nodeClasses('jp-mn-epa')).toEqual(expect.arrayContaining(['chosen', 'hit']));
    await x.page.click('[data-test="focus"]');
    const focused = await x.visibleNodes();
    expect(focused).toEqual(
      expect.arrayContaining([
        'jp-mn-epa',
        'jp-mn-2022/II.2.1',
        'jp-mn-2022/II.2.2',
        'jp-mn-2022/II.2.4',
        'japan',
        'mongolia',
      ]),
    );
    expect(focused).toHaveLength(6);
    await x.searchAndChoose('peacekeeping', 'un-pko');
    expect(await x.panelTitle()).toMatch(/平和維持|Peacekeeping/);
    await x.page.close();
  });

  it('opens a node panel with the source text and each piece of evidence highlighted', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`);
    await x.searchAndChoose('I.3.2', 'jp-mn-2022/I.3.2');
    const marks = await x.page.$$eval('[data-test="source-text"] mark', (els) =>
      els.map((m) => ({
        text: m.textContent,
        type: m.getAttribute('data-type'),
        title: m.getAttribute('title'),
      })),
    );
    expect(marks).toEqual(
      expect.arrayContaining([
        {
          text: '防衛協力・交流に関する覚書',
          type: 'UNDERPINS',
          title: expect.stringContaining('underpins'),
        },
        { text: '日本国防衛省', type: 'INVOLVES', title: 'involves: Ministry of Defense' },
      ]),
    );
    expect(await x.page.textContent('[data-test="text-en"]')).toContain('Memorandum');
    await x.page.click('.rel-group button[data-id="mod-mn"]');
    await x.waitForPanel('mod-mn');
    expect(await x.panelTitle()).toBe('Ministry of Defence of Mongolia');
    await x.page.close();
  });

  it('expands a node and collapses it again', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en&pillars=I`);
    expect(await x.visibleNodes()).not.toContain('jp-mn-2022/II.2.1');
    await x.searchAndChoose('EPA', 'jp-mn-epa');
    await x.page.click('[data-test="expand"]');
    await x.page.waitForFunction(() =>
      window.kizuna!.cy.getElementById('jp-mn-2022/II.2.1').nonempty(),
    );
    await x.page.waitForFunction(
      () => !window.kizuna!.cy.getElementById('jp-mn-2022/II.2.1').hasClass('gone'),
    );
    expect(await x.visibleNodes()).toEqual(
      expect.arrayContaining(['jp-mn-2022/II.2.1', 'jp-mn-2022/II.2.4']),
    );
    await x.page.click('[data-test="expand"]');
    await x.page.waitForFunction(() =>
      window.kizuna!.cy.getElementById('jp-mn-2022/II.2.1').hasClass('gone'),
    );
    expect(await x.visibleNodes()).not.toContain('jp-mn-2022/II.2.1');
    await x.page.close();
  });

  it('finds paths that mean something: around the hubs, through the structure when allowed, every node named', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 1280, height: 720 });
    const page = x.page;
    await x.searchAndChoose('I.3.2', I32);
    await page.click('[data-test="path-from"]');
    await x.searchAndChoose('IV.2.2', IV22);
    await page.click('[data-test="path-to"]');

    // At first paths keep to actors and instruments, around Japan and Mongolia: none joins these
    // two, and the answer says what was left out, each with a way to let it back in.
    await page.waitForSelector('[data-test="no-path"]');
    const lifts = await page.$$eval('[data-test="path-exclusions"] button', (els) =>
      els.map((e) => `${e.getAttribute('data-test')}: ${e.textContent?.trim()}`),
    );
    expect(lifts).toEqual([
      'lift-structure: Allow the plan’s structure (pillars and areas)',
      'lift-themes: Allow themes',
      'lift-events: Allow analysts’ records (events)',
      'lift-node-japan: Allow Japan',
      'lift-node-mongolia: Allow Mongolia',
      'lift-all: Lift all',
    ]);
    await x.screenshot('path-none');

    // Lifting one, the structure: found through pillars and areas, still around the hubs.
    await page.click('[data-test="lift-structure"]');
    await page.waitForSelector('[data-test="path-list"]');
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('via=structure'));
    const steps = () =>
      page.$$eval('[data-test="path"]', (paths) =>
        paths.map((p) =>
          [...p.querySelectorAll('.path-step')].map((s) =>
            [s.querySelector('.step-kind')?.textContent, s.querySelector('.step-name')?.textContent]
              .map((t) => t?.trim())
              .join(' '),
          ),
        ),
      );
    const [structural] = await steps();
    expect(structural).toEqual([
      'Commitment I.3.2 Defence visits and exchanges under the defence MoUs',
      'Area I.3 Security and Defence',
      'Pillar I Politics and Security',
      expect.stringMatching(/^Plan Japan-Mongolia Action Plan/),
      expect.stringMatching(/^Pillar IV /),
      expect.stringMatching(/^Area IV\.2 /),
      expect.stringMatching(/^Commitment IV\.2\.2 /),
    ]);
    const pathIds = I32_TO_IV22_THROUGH_STRUCTURE;
    expect(await x.nodeClasses(I32)).toEqual(expect.arrayContaining(['on-path', 'path-end']));
    // Drawn on the canvas, each of its nodes with its label, however small the zoom.
    await x.settled();
    const drawn = new Map((await x.drawnLabels()).map((l) => [l.id, l.text]));
    for (const id of pathIds) expect(drawn.get(id), id).toBeTruthy();
    await x.screenshot('path-structure');

    // Through Japan when allowed (one click in the options); one click on Japan in the path
    // found avoids it again and searches again; Back undoes that.
    await page.click('[data-test="path-avoid-japan"]');
    await page.waitForFunction(() =>
      document.querySelector('[data-test="path"] .path-step[data-id="japan"]'),
    );
    expect((await steps())[0]).toHaveLength(3);
    await page.click('[data-test="path"] .path-step[data-id="japan"] [data-test="avoid-node"]');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-test="path-list"]') &&
        !document.querySelector('[data-test="path"] .path-step[data-id="japan"]'),
    );
    expect(await page.locator('[data-test="path-avoid-japan"]').isChecked()).toBe(true);
    expect((await steps())[0]).toHaveLength(7);
    await page.goBack();
    await page.waitForFunction(() =>
      document.querySelector('[data-test="path"] .path-step[data-id="japan"]'),
    );

    // Five paths when asked, each a different route; in Japanese, every word too.
    await page.selectOption('[data-test="path-count"]', '5');
    await page.waitForFunction(() => document.querySelectorAll('[data-test="path"]').length === 5);
    const routes = (await steps()).map((r) => r.join(' > '));
    expect(new Set(routes).size).toBe(5);
    await page.click('#lang-toggle');
    await page.waitForFunction(
      () => document.querySelector('[data-test="path"] .step-kind')?.textContent === '取組',
    );
    expect(await page.textContent('[data-group="connect"] .path-options legend')).toBe(
      '経路が経由してよいもの',
    );
    await x.screenshot('path-list-ja');
    await page.setViewportSize({ width: 390, height: 844 });
    await x.settled();
    await x.screenshot('path-list-phone');
    expect(x.errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('lists each MOU with the commitments it underpins in the underpins view', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`);
    await x.page.click('#tab-underpins');
    await x.page.waitForSelector('[data-test="underpins-list"]');
    const rows = await x.page.$$eval('.underpins-pane li[data-agreement]', (els) =>
      els.map((li) => ({
        agreement: li.getAttribute('data-agreement'),
        list: li.closest('ul')?.getAttribute('data-test'),
        commitments: [...li.querySelectorAll('[data-commitment]')].map((c) =>
          c.getAttribute('data-commitment'),
        ),
      })),
    );
    const byAgreement = Object.fromEntries(rows.map((r) => [r.agreement, r.commitments]));
    expect(byAgreement).toMatchObject({
      'jp-mn-defence-mou': ['jp-mn-2022/I.3.2'],
      'jasdf-mn-air-force-mou': ['jp-mn-2022/I.3.2'],
      'titp-moc': ['jp-mn-2022/III.1.7'],
      'education-culture-sports-st-moc-2017': ['jp-mn-2022/III.2.1'],
      'environment-moc-2011': ['jp-mn-2022/IV.2.1'],
      'jp-mn-epa': ['jp-mn-2022/II.2.1', 'jp-mn-2022/II.2.2', 'jp-mn-2022/II.2.4'],
    });
    // Listed under what each is today: the EPA in force, the 2011 memorandum superseded since 2015.
    const listOf = Object.fromEntries(rows.map((r) => [r.agreement, r.list]));
    expect(listOf['jp-mn-epa']).toBe('underpins-list');
    expect(listOf['environment-moc-2011']).toBe('ended-list');
    const shownKinds = new Set(
      await x.page.evaluate(() =>
        window
          .kizuna!.cy.nodes()
          .filter((n) => !n.hasClass('gone'))
          .map((n) => n.data('kind')),
      ),
    );
    expect([...shownKinds].sort()).toEqual(['Agreement', 'Commitment']);
    await x.screenshot('underpins-view');
    await x.page.close();
  });

  it('reopens the same view from a shared link', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`);
    await x.page.click('[data-test="pillar-III"]');
    await x.searchAndChoose('JENESYS', 'jenesys');
    await x.page.click('[data-group="metric"] summary');
    await x.page.selectOption('#metric', 'degree');
    const link = x.page.url();
    const shared = await ExplorerPage.open(browser, link);
    await shared.waitForPanel('jenesys');
    expect(await shared.panelTitle()).toBe(await x.panelTitle());
    expect(await shared.page.isChecked('[data-test="pillar-III"]')).toBe(false);
    expect(await shared.page.inputValue('#metric')).toBe('degree');
    expect((await shared.visibleNodes()).sort()).toEqual((await x.visibleNodes()).sort());
    await x.page.close();
    await shared.page.close();
  });

  it('tells the user what was wrong with a bad link, and shows the plan anyway', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en&layout=spiral&kinds=Person`);
    expect(await x.page.textContent('[data-test="link-problems"]')).toContain(
      'unknown layout "spiral"',
    );
    expect(await x.page.inputValue('#layout')).toBe('clusters');
    await x.page.close();
  });

  it('offers the same nodes as a sortable table, by keyboard', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en&tab=table`);
    // Rows come in chunks; the table says when the last is in.
    await x.page.waitForSelector('[data-test="node-table"][aria-busy="false"]');
    const rows = await x.page.$$('[data-test="node-table"] tbody tr');
    expect(rows).toHaveLength(189);
    await x.page.focus('th button[data-sort="name"]');
    await x.page.keyboard.press('Enter');
    await x.page.waitForSelector('[data-test="node-table"][aria-busy="false"]');
    // Sorting rebuilt the table; the keyboard is still on the header it pressed.
    expect(await x.page.evaluate(() => document.activeElement?.getAttribute('data-sort'))).toBe(
      'name',
    );
    const first = await x.page.$$eval('[data-test="node-table"] tbody tr td:nth-child(2)', (tds) =>
      tds.slice(0, 2).map((t) => t.textContent ?? ''),
    );
    expect(first[0]!.localeCompare(first[1]!, 'en')).toBeLessThanOrEqual(0);
    await x.page.close();
  });
});
