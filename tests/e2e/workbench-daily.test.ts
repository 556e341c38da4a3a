import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Graph, openGraph } from '../../graph/graph';
import { launchChromium } from '../support/browser';
import { WorkbenchPage } from './workbench-page';

/**
 * Issue 14 in Chromium, what researchers use every day: the parameters form, the schema
 * sidebar, recent results to pin and compare, the searchable history with Ctrl+↑/↓, expanding
 * a node, pictures of the result graph, harmless reads that are no longer refused, and axe.
 */
const url = inject('appUrl');
let browser: Browser;
let graph: Graph;

beforeAll(async () => {
  browser = await launchChromium();
  graph = openGraph(inject('neo4j'));
});
afterAll(async () => {
  await browser?.close();
  await graph?.close();
});

async function open(where: Browser | Awaited<ReturnType<Browser['newContext']>> = browser) {
  const w = await WorkbenchPage.open(where, url, { width: 1280, height: 720 });
  // The language is remembered: a second page in the same context is already in English.
  if ((await w.page.getAttribute('html', 'lang')) === 'ja') await w.page.click('#lang-toggle');
  return w;
}

const drawnCount = (w: WorkbenchPage) =>
  w.page.evaluate(() => window.kizunaWorkbench!.cy.nodes().length);

describe('the workbench a researcher uses every day', () => {
  it('offers a typed field per $name, names a wrong one, and remembers values by name', async () => {
    const context = await browser.newContext();
    const w = await open(context);
    await w.typeQuery(
      'MATCH (c:Commitment) WHERE c.ref = $ref RETURN c.title_en AS title LIMIT $n',
    );
    const rows = await w.page.$$eval('.param-row', (rs) =>
      rs.map((r) => ({
        name: r.querySelector('label')?.textContent,
        type: (r.querySelector('select') as HTMLSelectElement).value,
      })),
    );
    expect(rows).toEqual([
      { name: '$ref', type: 'string' },
      { name: '$n', type: 'number' },
    ]);
    // The label names the field for assistive technology.
    await w.page.getByLabel('$ref', { exact: true }).fill('I.3.4');
    await w.page.getByLabel('$n', { exact: true }).fill('one');
    await w.page.click('#run');
    expect(await w.alert()).toBe('Not sent. $n must be a number such as 10.');
    expect(await w.page.getAttribute('input[data-param="n"]', 'aria-invalid')).toBe('true');
    expect(w.sent).toEqual([]);

    await w.page.getByLabel('$n', { exact: true }).fill('1');
    expect(await w.page.getAttribute('input[data-param="n"]', 'aria-invalid')).toBe('false');
    expect(JSON.parse(await w.page.inputValue('#params'))).toEqual({ ref: 'I.3.4', n: 1 });
    await w.runWithKeyboard();
    expect(await w.column(0)).toEqual(['JGSDF unit exchanges through Khaan Quest']);

    // A list, typed as such, goes out as a list.
    await w.typeQuery('MATCH (c:Commitment) WHERE c.ref IN $refs RETURN c.ref AS ref ORDER BY ref');
    expect(await w.page.inputValue('select[data-param-type="refs"]')).toBe('list');
    await w.page.fill('input[data-param="refs"]', '["I.3.2", "I.3.4"]');
    await w.runWithKeyboard();
    expect(await w.column(0)).toEqual(['I.3.2', 'I.3.4']);

    // :param, as in Neo4j Browser, sets the same fields.
    await w.typeQuery(':param n => 2');
    await w.runWithKeyboard();
    await w.typeQuery('MATCH (c:Commitment) WHERE c.ref = $ref RETURN c.ref LIMIT $n');
    expect(await w.page.inputValue('input[data-param="n"]')).toBe('2');

    // Another visit: the fields come back by name.
    const again = await open(context);
    await again.typeQuery('MATCH (c:Commitment {ref: $ref}) RETURN c.ref AS ref');
    expect(await again.page.inputValue('input[data-param="ref"]')).toBe('I.3.4');
    await again.runWithKeyboard();
    expect(await again.column(0)).toEqual(['I.3.4']);
    expect([...w.errors, ...again.errors]).toEqual([]);
    await context.close();
  });

  it('lists the schema with counts, inserts a name at the cursor, and draws the schema graph with its relationship types', async () => {
    const w = await open();
    await w.page.click('#panel-tab-schema');
    const [counts] = await graph.read(
      `MATCH (a:Agreement) WITH count(a) AS agreements
       MATCH ()-[u:UNDERPINS]->() RETURN agreements, count(u) AS underpins`,
    );
    expect(await w.page.textContent('button[data-insert=":Agreement"]')).toBe(
      `:Agreement${counts!.agreements}`,
    );
    expect(await w.page.textContent('button[data-insert=":UNDERPINS"]')).toBe(
      `:UNDERPINS${counts!.underpins}`,
    );
    expect(await w.page.$('[data-test="schema-key"] button[data-insert="name_en"]')).not.toBeNull();

    await w.typeQuery('MATCH (a) RETURN a.');
    // The cursor goes back between "(a" and ")", as a researcher would put it.
    await w.page.evaluate(() => {
      const view = window.kizunaWorkbench!.editor;
      view.dispatch({ selection: { anchor: 'MATCH (a'.length } });
    });
    await w.page.click('button[data-insert=":Agreement"]');
    expect(await w.editorText()).toBe('MATCH (a:Agreement) RETURN a.');
    expect(await w.page.evaluate(() => window.kizunaWorkbench!.editor.hasFocus)).toBe(true);
    await w.page.keyboard.press('End');
    await w.page.click('[data-test="schema-key"] button[data-insert="name_en"]');
    expect(await w.editorText()).toBe('MATCH (a:Agreement) RETURN a.name_en');
    await w.runWithKeyboard();
    expect(await w.column(0)).toHaveLength(Number(counts!.agreements));

    await w.page.click('#draw-schema');
    await w.settled();
    await w.page.waitForFunction(() => window.kizunaWorkbench!.cy.edges().length > 0);
    const labels = await w.page.evaluate(() =>
      window.kizunaWorkbench!.cy.edges().map((e) => String(e.style('label'))),
    );
    expect(labels).toContain('UNDERPINS');
    expect(labels.every((l) => l !== '')).toBe(true);
    expect(w.errors).toEqual([]);
    await w.page.close();
  });

  it('keeps recent results with query, time and rows; a pinned one stays, comes back, and sits beside the current', async () => {
    const w = await open();
    await w.typeQuery('MATCH (p:Pillar) RETURN p.ref AS ref ORDER BY ref');
    await w.runWithKeyboard();
    await w.page.click('[data-test="kept-results"] li:first-child .kept-pin');
    expect(
      await w.page.getAttribute(
        '[data-test="kept-results"] li:first-child .kept-pin',
        'aria-pressed',
      ),
    ).toBe('true');
    for (let n = 1; n <= 6; n++) {
      await w.typeQuery(`UNWIND range(1, ${n}) AS x RETURN x`);
      await w.runWithKeyboard();
    }
    const kept = await w.page.$$eval('[data-test="kept-results"] li', (lis) =>
      lis.map((li) => li.querySelector('.kept-show')?.textContent ?? ''),
    );
    // Five unpinned (the oldest rolled off) and the pinned one.
    expect(kept).toHaveLength(6);
    expect(kept[0]).toMatch(
      /^UNWIND range\(1, 6\) AS x RETURN x\d{1,2}:\d{2}:\d{2}.* · 6 rows · shown$/,
    );
    expect(kept.some((k) => k.startsWith('UNWIND range(1, 1)'))).toBe(false);
    expect(kept[5]).toMatch(/^MATCH \(p:Pillar\).* · 4 rows$/);

    await w.page.click('[data-test="kept-results"] li.pinned .kept-compare');
    const compare = '[data-test="compare"]';
    await w.page.waitForSelector(`${compare}:not([hidden])`);
    expect(
      await w.page.$$eval(`${compare} tbody td`, (tds) => tds.map((td) => td.textContent)),
    ).toEqual(['I', 'II', 'III', 'IV']);
    expect(
      await w.page.$$eval('#result-table-pane tbody td', (tds) => tds.map((td) => td.textContent)),
    ).toEqual(['1', '2', '3', '4', '5', '6']);
    const current = await w.page.locator('#result-table-pane').boundingBox();
    const beside = await w.page.locator(compare).boundingBox();
    expect(beside!.x).toBeGreaterThanOrEqual(current!.x + current!.width - 1);

    await w.page.click('[data-test="kept-results"] li.pinned .kept-show');
    expect(await w.page.isHidden(compare)).toBe(true);
    expect(
      await w.page.$$eval('#result-table-pane tbody td', (tds) => tds.map((td) => td.textContent)),
    ).toEqual(['I', 'II', 'III', 'IV']);
    expect(await w.page.textContent('[data-test="result-meta"]')).toMatch(/^4 rows/);
    expect(w.errors).toEqual([]);
    await w.page.close();
  });

  it('keeps more than 50 runs, searches them, and walks them with Ctrl+↑ and Ctrl+↓', async () => {
    const context = await browser.newContext();
    const first = await open(context);
    await first.page.evaluate(() => {
      const entries = Array.from({ length: 120 }, (_, i) => ({
        id: `e${i}`,
        query: i % 10 === 0 ? `MATCH (a:Agreement) RETURN a LIMIT ${i}` : `RETURN ${i} AS n`,
        params: {},
        ranAt: new Date(Date.UTC(2026, 0, 1, 0, 120 - i)).toISOString(),
        outcome: 'rows',
        rows: 1,
      }));
      localStorage.setItem('kizuna.workbench.history', JSON.stringify(entries));
    });
    const w = await open(context);
    await w.page.click('#panel-tab-history');
    expect(await w.page.$$('[data-test="history-list"] li')).toHaveLength(120);
    await w.page.fill('#history-search', 'agreement limit');
    expect(
      await w.page.$$eval('[data-test="history-list"] .query-preview', (ps) =>
        ps.map((p) => p.textContent),
      ),
    ).toEqual(Array.from({ length: 12 }, (_, i) => `MATCH (a:Agreement) RETURN a LIMIT ${i * 10}`));
    await w.page.fill('#history-search', 'nothing like this');
    expect(await w.page.textContent('#panel-history')).toContain(
      'No query in the history matches.',
    );

    await w.typeQuery('RETURN 41 AS half');
    await w.page.keyboard.press('Control+ArrowUp');
    expect(await w.editorText()).toBe('MATCH (a:Agreement) RETURN a LIMIT 0');
    await w.page.keyboard.press('Control+ArrowUp');
    expect(await w.editorText()).toBe('RETURN 1 AS n');
    await w.page.keyboard.press('Control+ArrowDown');
    await w.page.keyboard.press('Control+ArrowDown');
    expect(await w.editorText()).toBe('RETURN 41 AS half');
    await w.page.keyboard.press('Control+ArrowUp');
    await w.page.keyboard.press('Control+Enter');
    await w.settled();
    expect((await w.state()).history).toHaveLength(120);
    expect(w.sent).toEqual(['MATCH (a:Agreement) RETURN a LIMIT 0']);
    expect(w.errors).toEqual([]);
    await context.close();
  });

  it('expands a clicked node’s neighbours into the graph, and exports the graph as SVG and PNG', async () => {
    const w = await open();
    await w.typeQuery("MATCH (c:Commitment {ref: 'I.3.4'}) RETURN c");
    await w.runWithKeyboard();
    await w.page.click('#view-graph');
    await w.page.waitForFunction(() => window.kizunaWorkbench!.cy.nodes().length === 1);
    const [only] = (await w.drawn()).nodes;
    await w.graphSettled();
    await w.clickNode(only!.id);
    await w.page.waitForSelector('[data-test="inspector"]');
    expect(await w.page.textContent('[data-test="inspector"] dd[data-key="ref"]')).toBe('I.3.4');
    await w.page.click('#expand');
    const [expected] = await graph.read(
      "MATCH (c:Commitment {ref: 'I.3.4'})-[r]-(m) RETURN count(DISTINCT m) AS nodes, count(r) AS rels",
    );
    await w.page.waitForFunction(
      (n) => window.kizunaWorkbench!.cy.nodes().length === n,
      Number(expected!.nodes) + 1,
    );
    const drawn = await w.drawn();
    expect(drawn.edges).toHaveLength(Number(expected!.rels));
    expect(drawn.nodes.map((n) => n.label)).toContain('Khaan Quest');
    expect(drawn.edges.every((e) => e.type !== '')).toBe(true);
    // Expanding is a read through the console like any other.
    expect(w.sent.at(-1)).toMatch(/^MATCH \(n\)-\[r\]-\(m\) WHERE elementId\(n\) = \$id/);
    await w.graphSettled();

    const svg = await w.download('#export-svg');
    expect(svg.name).toMatch(/^kizuna-result-\d{8}-\d{6}\.svg$/);
    expect(svg.text).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    expect(svg.text).toContain('Khaan Quest');
    const png = await w.downloadBytes('#export-png');
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = png.bytes.readUInt32BE(16);
    const height = png.bytes.readUInt32BE(20);
    expect(width).toBeGreaterThan(200);
    expect(height).toBeGreaterThan(200);
    expect(await drawnCount(w)).toBe(Number(expected!.nodes) + 1);
    expect(w.errors).toEqual([]);
    await w.page.close();
  });

  it('answers the harmless reads that used to be refused', async () => {
    const w = await open();
    await w.typeQuery(
      'CALL dbms.components() YIELD name, versions RETURN name, versions[0] AS version',
    );
    await w.runWithKeyboard();
    expect(await w.alert()).toBe('');
    expect(await w.column(0)).toEqual(['Neo4j Kernel']);
    expect((await w.column(1))[0]).toMatch(/^5\.26\./);
    await w.typeQuery(
      "WITH ['I.3.2', 'I.3.4'] AS transactions MATCH (c:Commitment) WHERE c.ref IN transactions RETURN c.ref AS ref ORDER BY ref",
    );
    await w.runWithKeyboard();
    expect(await w.alert()).toBe('');
    expect(await w.column(0)).toEqual(['I.3.2', 'I.3.4']);
    await w.typeQuery(
      'CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer RETURN analyzer',
    );
    await w.runWithKeyboard();
    expect(await w.column(0)).toContain('cjk');
    expect(w.errors).toEqual([]);
    await w.page.close();
  });
});

/** What a person sees that breaks the page's promises: overflow, tiny text, the other language. */
function layoutProblems(lang: 'en' | 'ja') {
  const problems: string[] = [];
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth > width)
    problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  const other = lang === 'en' ? /[\u3040-\u30ff\u4e00-\u9fff]/ : null;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const el = node.parentElement;
    if (!text || !el || el.closest('[hidden], script, style, .cm-editor')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const size = Number.parseFloat(getComputedStyle(el).fontSize);
    if (size < 9) problems.push(`${size}px: ${text.slice(0, 40)}`);
    // Graph text in its own language is data, marked with lang by the view.
    if (other?.test(text) && !el.closest('[lang="ja"]'))
      problems.push(`Japanese on the English page: ${text.slice(0, 40)}`);
  }
  for (const el of document.querySelectorAll<HTMLElement>('button, input, select, textarea')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || el.closest('[hidden]')) continue;
    // Inside a scrolling list a control may sit past the edge; the list itself must fit.
    const scroller = el.closest('.kept ol, .result-table-pane, .wb-side, .plan, .inspector');
    const right = scroller ? scroller.getBoundingClientRect().right : box.right;
    if (right > width + 1)
      problems.push(`off the right edge: ${el.id || el.className || el.tagName}`);
  }
  return problems;
}

describe('the workbench for everyone', () => {
  const SCREENS = process.env.WORKBENCH_SCREENS;
  for (const [name, viewport] of [
    ['1280x720', { width: 1280, height: 720 }],
    ['390x844', { width: 390, height: 844 }],
  ] as const) {
    it(`has no axe-core violation, fits, and keeps text at 9 px or more at ${name}`, async () => {
      const w = await WorkbenchPage.open(browser, url, viewport);
      const check = async (what: string) => {
        expect(await w.axeViolations(), what).toEqual([]);
        const lang = (await w.page.getAttribute('html', 'lang')) as 'en' | 'ja';
        expect(await w.page.evaluate(layoutProblems, lang), what).toEqual([]);
      };
      await check('first load, in Japanese');
      await w.page.click('#lang-toggle');
      await check('first load, in English');
      if (SCREENS) await w.page.screenshot({ path: `${SCREENS}/start-${name}.png` });

      await w.typeQuery(
        'PROFILE MATCH (a:Agreement)-[u:UNDERPINS]->(c:Commitment)\nWHERE c.ref STARTS WITH $prefix\nRETURN a, u, c',
      );
      await w.page.fill('input[data-param="prefix"]', 'I');
      await w.runWithKeyboard();
      await w.page.click('[data-test="result-table"] button.node-chip');
      await w.page.click('[data-test="kept-results"] li:first-child .kept-pin');
      await check('a PROFILE with its result, the inspector and a pinned result');
      if (SCREENS) {
        await w.page.screenshot({ path: `${SCREENS}/profile-${name}.png` });
        await w.page.screenshot({ path: `${SCREENS}/profile-${name}-full.png`, fullPage: true });
      }

      await w.typeQuery('MATCH (a:Agreement) RETURN a.name_en AS agreement ORDER BY agreement');
      await w.runWithKeyboard();
      await w.page.click('[data-test="kept-results"] li.pinned .kept-compare');
      await w.page.click('#panel-tab-schema');
      await check('the schema sidebar and a comparison');
      if (SCREENS) {
        await w.page.screenshot({ path: `${SCREENS}/schema-compare-${name}.png` });
        await w.page.screenshot({
          path: `${SCREENS}/schema-compare-${name}-full.png`,
          fullPage: true,
        });
      }

      await w.page.click('#panel-tab-history');
      await w.page.fill('#history-search', 'profile');
      await w.page.click('[data-test="kept-results"] li.pinned .kept-show');
      await w.page.click('#view-graph');
      await w.page.waitForFunction(() => window.kizunaWorkbench!.cy.nodes().length > 0);
      await w.graphSettled();
      await check('the history searched, and the pinned result as a graph');
      if (SCREENS) await w.page.screenshot({ path: `${SCREENS}/history-graph-${name}.png` });

      await w.page.click('#lang-toggle');
      await check('the same in Japanese');
      if (SCREENS) await w.page.screenshot({ path: `${SCREENS}/history-graph-ja-${name}.png` });
      expect(w.errors).toEqual([]);
      await w.page.close();
    });
  }
});
