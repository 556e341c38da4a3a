import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { WorkbenchPage } from './workbench-page';

const url = inject('appUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const UNDERPINS_REFS = `MATCH (a:Agreement)-[:UNDERPINS]->(c:Commitment)
RETURN a.name_en AS agreement, c.ref AS ref ORDER BY ref`;

// The console allows 60 queries a minute from one address; these tests send about a dozen.
describe('the Cypher workbench in Chromium', () => {
  it('runs a query typed with the keyboard on Ctrl+Enter, and shows and sorts the table', async () => {
    const w = await WorkbenchPage.open(browser, `${url}`);
    await w.typeQuery(UNDERPINS_REFS);
    expect(await w.editorText()).toBe(UNDERPINS_REFS);
    await w.runWithKeyboard();
    expect(w.sent).toEqual([UNDERPINS_REFS]);
    expect(await w.headers()).toEqual(['agreement', 'ref']);
    const refs = await w.column(1);
    expect(refs).toHaveLength(9);
    expect(refs.slice(0, 2)).toEqual(['I.3.2', 'I.3.2']);
    expect(refs.at(-1)).toBe('IV.2.1');
    expect(await w.column(0)).toContain(
      'Agreement between Japan and Mongolia for an Economic Partnership',
    );
    expect(await w.page.textContent('[data-test="result-meta"]')).toMatch(/^9 行 · \d+ ms$/);

    await w.page.click('th button[data-sort="ref"]');
    await w.page.click('th button[data-sort="ref"]');
    expect((await w.column(1))[0]).toBe('IV.2.1');
    expect(await w.page.getAttribute('th:nth-child(2)', 'aria-sort')).toBe('descending');
    expect(await w.page.getAttribute('th:nth-child(1)', 'aria-sort')).toBe('none');
    // The header keeps the focus, so the keyboard can sort again.
    await w.page.keyboard.press('Enter');
    expect((await w.column(1))[0]).toBe('I.3.2');
    expect(await w.page.getAttribute('th:nth-child(2)', 'aria-sort')).toBe('ascending');

    await w.page.click('#view-graph');
    expect(await w.page.textContent('[data-test="graph-note"]')).toContain('図示できるもの');
    expect(w.errors).toEqual([]);
    await w.page.close();
  });

  it('draws the nodes and relationships of a result with the explorer’s styles', async () => {
    const w = await WorkbenchPage.open(browser, `${url}`);
    await w.page.click('#lang-toggle');
    await w.typeQuery('MATCH (a:Agreement)-[u:UNDERPINS]->(c:Commitment)\nRETURN a, u, c');
    await w.runWithKeyboard();
    const agreements = await w.column(0);
    expect(agreements).toHaveLength(9);
    expect(agreements).toContain(
      '(:Agreement {Agreement between Japan and Mongolia for an Economic Partnership})',
    );
    expect(await w.column(1)).toEqual(Array(9).fill('[:UNDERPINS]'));

    await w.page.click('#view-graph');
    await w.page.waitForFunction(() => window.kizunaWorkbench!.cy.nodes().length > 0);
    const drawn = await w.drawn();
    expect(drawn.nodes.filter((n) => n.kind === 'Agreement')).toHaveLength(7);
    expect(drawn.nodes.filter((n) => n.kind === 'Commitment')).toHaveLength(8);
    expect(drawn.nodes).toHaveLength(15);
    expect(drawn.edges).toHaveLength(9);
    expect(new Set(drawn.edges.map((e) => e.type))).toEqual(new Set(['UNDERPINS']));
    expect(drawn.nodes.map((n) => n.label)).toContain(
      'Agreement between Japan and Mongolia for an Economic Partnership',
    );
    // The explorer's stylesheet: agreements are vermilion diamonds, UNDERPINS edges thick.
    const look = await w.page.evaluate(() => {
      const cy = window.kizunaWorkbench!.cy;
      const a = cy.nodes('[kind = "Agreement"]').first();
      const e = cy.edges().first();
      return {
        shape: a.style('shape'),
        colour: a.style('background-color'),
        width: e.style('width'),
        placed: cy
          .nodes()
          .toArray()
          .some((n) => n.position().x !== 0 || n.position().y !== 0),
      };
    });
    expect(look).toEqual({
      shape: 'diamond',
      colour: 'rgb(213,94,0)',
      width: '3.5px',
      placed: true,
    });
    await w.page.click('#lang-toggle');
    expect((await w.drawn()).nodes.map((n) => n.label)).toContain(
      '経済上の連携に関する日本国とモンゴル国との間の協定',
    );
    expect(w.errors).toEqual([]);
    await w.page.close();
  });

  it('runs a library query with one click, with its parameters, and draws it', async () => {
    const w = await WorkbenchPage.open(browser, `${url}`);
    await w.page.click('#lang-toggle');
    const button = '.library-run[data-id="commitment-neighbourhood"]';
    expect(await w.page.textContent(button)).toContain(
      'A commitment and everything it names, to draw',
    );
    await w.page.click(button);
    await w.settled();
    expect(await w.editorText()).toMatch(/^\/\/ Returns nodes and relationships/);
    expect(JSON.parse(await w.page.inputValue('#params'))).toEqual({ ref: 'I.3.4' });
    expect(await w.column(1)).toEqual([
      '[:ALIGNS_WITH]',
      '[:IMPLEMENTED_VIA]',
      '[:INVOLVES]',
      '[:INVOLVES]',
      '[:PART_OF]',
      '[:TAGGED]',
      '[:TAGGED]',
      // The preamble's parties: Japan, and Mongolia, which the text also names.
      '[:UNDERTAKEN_BY]',
      '[:UNDERTAKEN_BY]',
    ]);
    expect(await w.column(2)).toContain('(:Program {Khaan Quest})');

    await w.page.click('#view-graph');
    await w.page.waitForFunction(() => window.kizunaWorkbench!.cy.nodes().length === 9);
    const drawn = await w.drawn();
    expect(drawn.edges).toHaveLength(9);
    expect(drawn.nodes.map((n) => n.label)).toEqual(
      expect.arrayContaining([
        'Khaan Quest',
        'Mongolia',
        'Japan',
        'Japan Ground Self-Defense Force',
      ]),
    );
    expect(new Set(drawn.nodes.map((n) => n.kind))).toEqual(
      new Set(['Commitment', 'Framework', 'Program', 'Agency', 'Country', 'Area', 'Theme']),
    );
    await w.graphSettled();
    await w.screenshot('workbench-graph');
    expect(w.errors).toEqual([]);
    await w.page.close();
  });

  it('says a write is not allowed, and marks a syntax error on its line', async () => {
    const w = await WorkbenchPage.open(browser, `${url}`);
    await w.page.click('#lang-toggle');
    await w.typeQuery('CREATE (n:X) RETURN n');
    await w.runWithKeyboard();
    expect(await w.page.textContent('[data-test="alert-heading"]')).toBe('Writes are not allowed');
    expect(await w.page.textContent('[data-test="alert-detail"]')).toMatch(
      /would change the graph .* the console only reads/,
    );
    expect(await w.page.getAttribute('#query-alert', 'role')).toBe('alert');
    expect(await w.page.$('[data-test="result-table"]')).toBeNull();

    await w.typeQuery('MATCH (a:Agreement)\nRETURN a.name_en AS AS name');
    await w.runWithKeyboard();
    expect(await w.alert()).toContain('Syntax error at line 2, column 24');
    const marked = await w.page.evaluate(() => {
      const mark = document.querySelector('.cm-lintRange-error');
      const lines = [...document.querySelectorAll('.cm-content .cm-line')];
      return { line: lines.findIndex((l) => l.contains(mark)) + 1, text: mark?.textContent };
    });
    expect(marked).toEqual({ line: 2, text: 'name' });
    // The mark outlives the editor's own lint pass, which runs after a pause in typing.
    await w.page.waitForTimeout(1_000);
    expect(await w.page.$$('.cm-lintRange-error')).toHaveLength(1);

    await w.page.click('.go-to');
    const cursor = await w.page.evaluate(() => {
      const view = window.kizunaWorkbench!.editor;
      const head = view.state.selection.main.head;
      const line = view.state.doc.lineAt(head);
      return { line: line.number, column: head - line.from + 1, focused: view.hasFocus };
    });
    expect(cursor).toEqual({ line: 2, column: 24, focused: true });
    await w.page.keyboard.type('x');
    await w.page.waitForFunction(() => !document.querySelector('.cm-lintRange-error'));
    expect(w.errors).toEqual([]);
    await w.page.close();
  });

  it('checks the parameters are a JSON object before sending, and sends them', async () => {
    const w = await WorkbenchPage.open(browser, `${url}`);
    await w.page.click('#lang-toggle');
    await w.typeQuery('MATCH (c:Commitment {ref: $ref}) RETURN c.title_en AS title');
    await w.page.fill('#params', '["I.3.4"]');
    await w.runWithKeyboard();
    expect(await w.alert()).toBe(
      'Not sent. The parameters must be a JSON object such as {"ref": "I.3.2"}, not an array.',
    );
    expect(await w.page.getAttribute('#params', 'aria-invalid')).toBe('true');
    await w.page.fill('#params', '{"ref": "I.3.4"');
    await w.page.click('#run');
    expect(await w.alert()).toMatch(/^Not sent\. The parameters are not valid JSON \(/);
    expect(w.sent).toEqual([]);

    await w.page.fill('#params', '{"ref": "I.3.4"}');
    await w.page.focus('#params');
    await w.page.keyboard.press('Control+Enter');
    await w.settled();
    expect(await w.alert()).toBe('');
    expect(await w.column(0)).toEqual(['JGSDF unit exchanges through Khaan Quest']);
    expect(w.sent).toHaveLength(1);
    await w.page.close();
  });

  it('says when a result was truncated, and downloads it whole as CSV and JSON', async () => {
    const w = await WorkbenchPage.open(browser, `${url}`);
    await w.page.click('#lang-toggle');
    await w.typeQuery('UNWIND range(1, 5000) AS x RETURN x, x % 2 = 0 AS even');
    await w.runWithKeyboard();
    expect(await w.page.textContent('[data-test="truncated"]')).toMatch(
      /^Truncated at 1,000 rows: the console returns no more\./,
    );
    expect(await w.page.textContent('[data-test="result-meta"]')).toMatch(/^1,000 rows · /);

    // The downloads run the query again on the server, past the page's 1,000 rows.
    const csv = await w.download('#download-csv');
    expect(csv.name).toMatch(
      /^kizuna-query-v\d+\.\d+\.\d+(-data\.[0-9a-f]{12})?-\d{8}T\d{6}Z\.csv$/,
    );
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['x,even', '1,false', '2,true']);
    expect(lines).toHaveLength(5_002);
    expect(lines.at(-1)).toBe('');
    expect(await w.page.textContent('[data-test="download-status"]')).not.toContain('Cut at');

    const json = await w.download('#download-json');
    const body = JSON.parse(json.text);
    expect(body).toMatchObject({ columns: ['x', 'even'], truncated: false });
    expect(body.rows).toHaveLength(5_000);
    await w.page.close();
  });

  it('says when a download was cut at its 100,000-row limit, in English and Japanese', async () => {
    const w = await WorkbenchPage.open(browser, `${url}`);
    await w.page.click('#lang-toggle');
    await w.typeQuery('UNWIND range(1, 100001) AS x RETURN x');
    await w.runWithKeyboard();
    const csv = await w.download('#download-csv');
    expect(csv.text.endsWith('this file holds the first 100000 rows\r\n')).toBe(true);
    expect(await w.page.textContent('[data-test="download-status"]')).toMatch(
      /· 100,000 rows · Cut at the download limit \(the file says so: its last line, "# truncated: …"\)/,
    );
    await w.page.click('#lang-toggle');
    const json = await w.download('#download-json');
    expect(JSON.parse(json.text)).toMatchObject({ truncated: true });
    expect(await w.page.textContent('[data-test="download-status"]')).toMatch(
      /· 100,000 行 · ダウンロードの上限で打ち切られています（ファイルの "truncated": true）/,
    );
    await w.page.close();
  }, 120_000);

  it('tells the user when the console is rate-limited or the database is down', async () => {
    const w = await WorkbenchPage.open(browser, `${url}`);
    await w.page.click('#lang-toggle');
    let status = 429;
    await w.page.route('**/api/cypher', (route) =>
      route.fulfill({
        status,
        headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '42' },
        body: JSON.stringify({
          title: status === 429 ? 'Too many requests' : 'Database unavailable',
          detail:
            status === 429
              ? 'The console accepts 60 queries a minute from one client.'
              : 'The graph database is not reachable right now.',
        }),
      }),
    );
    await w.typeQuery('RETURN 1');
    await w.runWithKeyboard();
    expect(await w.alert()).toBe(
      'Too many queries (try again in 42 s) The console accepts 60 queries a minute from one client.',
    );
    status = 503;
    await w.runWithKeyboard();
    expect(await w.alert()).toContain('The graph database is not reachable right now.');
    expect((await w.state()).history.map((h) => h.outcome)).toEqual(['failed']);
    await w.page.close();
  });

  it('saves a named query, keeps it, exports it, and refuses a bad import with a message', async () => {
    const context = await browser.newContext();
    const w = await WorkbenchPage.open(context, `${url}`);
    await w.page.click('#lang-toggle');
    await w.typeQuery('MATCH (p:Pillar) RETURN p.ref AS ref ORDER BY ref');
    await w.page.click('#save-open');
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('save-name');
    await w.page.keyboard.type('Pillars in order');
    await w.page.keyboard.press('Enter');
    expect(await w.page.textContent('.queries-message.info')).toContain(
      'Saved “Pillars in order”.',
    );
    expect(await w.page.textContent('[data-test="saved-list"]')).toContain('Pillars in order');

    const reopened = await WorkbenchPage.open(context, `${url}`);
    await reopened.page.click('#panel-tab-saved');
    expect(await reopened.page.textContent('[data-test="saved-list"]')).toContain(
      'Pillars in order',
    );
    const exported = await reopened.download('#export-saved');
    expect(exported.name).toMatch(/^kizuna-saved-queries-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(exported.text);
    expect(file).toMatchObject({
      format: 'kizuna-workbench-queries',
      version: 1,
      saved: [
        {
          name: 'Pillars in order',
          query: 'MATCH (p:Pillar) RETURN p.ref AS ref ORDER BY ref',
          params: {},
        },
      ],
    });

    const bad = { ...file, saved: [{ ...file.saved[0], query: 42 }] };
    await reopened.page.setInputFiles('#import-file', {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await reopened.page.waitForSelector('.queries-message.error:not(:empty)');
    expect(await reopened.page.textContent('.queries-message.error')).toMatch(
      /^Nothing was imported, and nothing was changed: saved\[0\]\.query .*string/,
    );
    expect(await reopened.page.getAttribute('.queries-message.error', 'role')).toBe('alert');
    expect(await reopened.page.$$('[data-test="saved-list"] li')).toHaveLength(1);

    const other = await WorkbenchPage.open(browser, `${url}`);
    await other.page.click('#panel-tab-saved');
    await other.page.setInputFiles('#import-file', {
      name: 'saved.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported.text),
    });
    await other.page.waitForSelector('[data-test="saved-list"]');
    await other.page.click('[data-test="saved-list"] li button:text("実行")');
    await other.settled();
    expect(await other.column(0)).toEqual(['I', 'II', 'III', 'IV']);
    await other.page.click('#panel-tab-history');
    expect(await other.page.textContent('[data-test="history-list"] li')).toContain(
      'MATCH (p:Pillar) RETURN p.ref AS ref ORDER BY ref',
    );
    expect([...w.errors, ...reopened.errors, ...other.errors]).toEqual([]);
    await other.page.close();
    await context.close();
  });

  it('works with the keyboard alone: tabs move with arrows, Escape closes the completions', async () => {
    const context = await browser.newContext();
    const w = await WorkbenchPage.open(context, `${url}`);
    await w.page.focus('#panel-tab-library');
    await w.page.keyboard.press('ArrowRight');
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('panel-tab-saved');
    expect(await w.page.isVisible('#save-form')).toBe(true);
    await w.page.keyboard.press('End');
    expect(await w.page.getAttribute('#panel-tab-schema', 'aria-selected')).toBe('true');

    await w.page.click('.cm-content');
    await w.page.keyboard.type('MATCH (n:');
    // The list first offers what the editor knows at once (the variable n) and then the
    // labels, once the schema has come from the server: wait for those.
    await w.page.waitForFunction(() =>
      [...document.querySelectorAll('.cm-tooltip-autocomplete li')].some(
        (e) => e.textContent === ':Commitment',
      ),
    );
    const offered = await w.page.$$eval('.cm-tooltip-autocomplete li', (els) =>
      els.map((e) => e.textContent),
    );
    expect(offered).toEqual(expect.arrayContaining([':Agreement', ':Commitment', ':Agency']));
    await w.page.keyboard.press('Escape');
    expect(await w.page.$('.cm-tooltip-autocomplete')).toBeNull();
    // Tab leaves the editor rather than indenting, so focus is never trapped in it.
    await w.page.keyboard.press('Tab');
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('params');

    await w.page.click('#lang-toggle');
    expect(await w.page.textContent('.library-run[data-id="targets"]')).toContain(
      'Quantified targets',
    );
    const reopened = await WorkbenchPage.open(context, `${url}`);
    expect(await reopened.page.textContent('.library-run[data-id="targets"]')).toContain(
      'Quantified targets',
    );
    expect(await reopened.page.getAttribute('#explorer-link', 'href')).toBe('./');
    await reopened.page.goto(url);
    expect(await reopened.page.getAttribute('a.workbench-link', 'href')).toBe('./workbench.html');
    await context.close();
  });
});
