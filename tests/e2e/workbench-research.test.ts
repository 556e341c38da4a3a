import { mkdirSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Graph, openGraph } from '../../graph/graph';
import { launchChromium } from '../support/browser';
import { consoleTransactions, waitForRunningConsoleQueries } from '../support/console-transactions';
import { WorkbenchPage } from './workbench-page';

/** Issue 14 in Chromium: plans, Stop, downloads, scripts, inspecting, :param, pictures. */
const url = inject('appUrl');
let browser: Browser;
let graph: Graph;
/** The console's own database, where the workbench's queries run (docs/neo4j-security.md). */
let consoleGraph: Graph;
const SCREENS = process.env.WORKBENCH_SCREENS;

beforeAll(async () => {
  browser = await launchChromium();
  graph = openGraph(inject('neo4j'));
  consoleGraph = openGraph(inject('consoleNeo4j'));
});
afterAll(async () => {
  await browser?.close();
  await graph?.close();
  await consoleGraph?.close();
});

async function open(lang: 'en' | 'ja' = 'en', viewport?: { width: number; height: number }) {
  const w = await WorkbenchPage.open(browser, url, viewport);
  if (lang === 'en') await w.page.click('#lang-toggle');
  return w;
}

describe('the workbench for research', () => {
  it('shows a PROFILE as an operator tree with rows and db hits, and its totals above it', async () => {
    const w = await open();
    await w.typeQuery('PROFILE MATCH (c:Commitment)-[:INVOLVES]->(a) RETURN c.ref, a.id');
    await w.runWithKeyboard();
    const operators = await w.page.$$eval('[data-test="plan-operator"] > .plan-op', (ops) =>
      ops.map((op) => op.textContent ?? ''),
    );
    expect(operators.length).toBeGreaterThanOrEqual(3);
    expect(operators[0]).toMatch(/^ProduceResults/);
    expect(operators.join('\n')).toMatch(/db hits [1-9]/);
    expect(operators.join('\n')).toMatch(/est\. rows \d/);

    // The totals above the tree (issue 24 item 7): the operators' db hits summed, the rows
    // the table shows, Neo4j's time, page cache figures and memory, each a number or a dash.
    const totals = async () =>
      w.page.$$eval('[data-test="plan-totals"] [data-total]', (items) =>
        Object.fromEntries(
          items.map((item) => [
            (item as HTMLElement).dataset.total,
            [item.querySelector('dt')?.textContent, item.querySelector('dd')?.textContent],
          ]),
        ),
      );
    const figure = (text: string | null | undefined) => Number((text ?? '').replace(/[^\d.]/g, ''));
    const shownHits = operators
      .map((op) => /db hits ([\d,]+)/.exec(op)?.[1])
      .filter((hits) => hits !== undefined)
      .map(figure);
    const english = await totals();
    expect(await w.page.textContent('[data-test="plan-totals"] h4')).toBe('Totals');
    expect(english.dbHits?.[0]).toBe('db hits');
    expect(figure(english.dbHits?.[1])).toBe(shownHits.reduce((a, b) => a + b, 0));
    expect(figure(english.dbHits?.[1])).toBeGreaterThan(0);
    expect(english.rowsReturned).toEqual([
      'rows returned',
      (await w.column(0)).length.toLocaleString('en'),
    ]);
    expect(english.serverTime?.[1]).toMatch(/^[\d,]+ ms$/);
    expect(english.pageCacheHits?.[1]).toMatch(/^[\d,]+$/);
    expect(english.pageCacheMisses?.[1]).toMatch(/^[\d,]+$/);
    expect(english.pageCacheHitRatio?.[1]).toMatch(/^(—|[\d.]+%)$/);
    expect(english.memory?.[1]).toMatch(/^[\d,]+ bytes$/);
    // The bundled Community runtime times no operator: that figure is left out, not made up.
    expect(english.operatorTime).toBeUndefined();

    await w.page.click('#lang-toggle');
    expect(await w.page.textContent('[data-test="plan-totals"] h4')).toBe('合計');
    const japanese = await totals();
    expect(japanese.dbHits).toEqual(['DB ヒット', english.dbHits?.[1]]);
    expect(japanese.rowsReturned?.[0]).toBe('返した行数');
    expect(japanese.memory?.[1]).toMatch(/^[\d,]+ バイト$/);

    await w.typeQuery('MATCH (c:Commitment) RETURN c.ref LIMIT 3');
    await w.runWithKeyboard();
    expect(await w.page.$('[data-test="plan-totals"]')).toBeNull();
    expect(w.errors).toEqual([]);
    await w.page.close();
  });

  it('Stop ends a runaway within 2 s, the database is idle after, and a follow-up runs', async () => {
    const w = await open();
    await w.typeQuery('UNWIND range(1, 1000000000000) AS x RETURN sum(x) AS s');
    await w.page.focus('.cm-content');
    await w.page.keyboard.press('Control+Enter');
    const console = async () => (await consoleTransactions(consoleGraph)).length;
    expect(await waitForRunningConsoleQueries(consoleGraph, 1)).toBe(1);
    const stoppedAt = Date.now();
    await w.page.click('#stop');
    await w.settled();
    let idle = (await console()) === 0;
    while (!idle && Date.now() - stoppedAt < 5_000) idle = (await console()) === 0;
    expect(idle).toBe(true);
    expect(Date.now() - stoppedAt).toBeLessThan(2_000);
    expect(await w.alert()).toContain('Stopped');
    await w.typeQuery('RETURN 1 AS one');
    await w.runWithKeyboard();
    expect(await w.column(0)).toEqual(['1']);
    await w.page.close();
  });

  it('downloads a 3,655-row result whole as CSV, which re-parses to the same rows', async () => {
    const query =
      'MATCH (a), (b) WHERE a.id < b.id RETURN a.id AS a, b.id AS b ORDER BY a, b LIMIT 3655';
    const w = await open();
    await w.typeQuery(query);
    await w.runWithKeyboard();
    // Read after the run, which brought the console's copy up to the main database.
    const expected = await consoleGraph.read(query);
    expect(expected).toHaveLength(3655);
    expect(await w.column(0)).toHaveLength(1000);
    const csv = await w.download('#download-csv');
    const records = parse(csv.text, { columns: true, bom: true });
    expect(records).toEqual(expected.map((r) => ({ a: String(r.a), b: String(r.b) })));
    await w.page.close();
  });

  it('puts a node’s id and properties in the CSV, and shows them all when the node is clicked', async () => {
    const w = await open();
    await w.typeQuery("MATCH (c:Commitment {ref: 'I.3.2'}) RETURN c, c.ref AS ref, null AS none");
    await w.runWithKeyboard();
    const [row] = await graph.read("MATCH (c:Commitment {ref: 'I.3.2'}) RETURN properties(c) AS p");
    const csv = await w.download('#download-csv');
    const [record] = parse(csv.text, { columns: true, bom: true }) as Record<string, string>[];
    const node = JSON.parse(record!.c!);
    expect(node).toMatchObject({ $type: 'node' });
    expect([...node.labels].sort()).toEqual(['Commitment', 'Entity']);
    expect(node.properties).toEqual(row!.p);
    expect(node.properties.id).toBeTruthy();
    expect(record!.none).toBe('');

    await w.page.click('[data-test="result-table"] button.node-chip');
    const keys = await w.page.$$eval('[data-test="inspector"] dd[data-key]', (dds) =>
      dds.map((dd) => dd.getAttribute('data-key')),
    );
    expect(keys).toEqual(Object.keys(row!.p as object).sort());
    await w.page.close();
  });

  it('inspects a relationship with its evidence and labels relationships on the graph', async () => {
    const w = await open();
    await w.typeQuery('MATCH (a:Agreement)-[u:UNDERPINS]->(c:Commitment) RETURN a, u, c LIMIT 1');
    await w.runWithKeyboard();
    await w.page.click('[data-test="result-table"] button.rel-chip');
    expect(await w.page.textContent('[data-test="inspector"] dd[data-key="evidence"]')).not.toBe(
      '',
    );
    await w.page.click('#view-graph');
    const before = await w.drawn();
    expect(before.nodes).toHaveLength(2);
    const edgeLabel = await w.page.evaluate(() =>
      window.kizunaWorkbench!.cy.edges()[0]!.style('label'),
    );
    expect(edgeLabel).toBe('UNDERPINS');
    expect(w.errors).toEqual([]);
    await w.page.close();
  });

  it('runs a script statement by statement and sets parameters with :param', async () => {
    const w = await open();
    await w.typeQuery(":param ref => 'I.3.2'");
    await w.runWithKeyboard();
    expect(JSON.parse(await w.page.inputValue('#params'))).toEqual({ ref: 'I.3.2' });
    await w.typeQuery('MATCH (c:Commitment {ref: $ref}) RETURN c.ref AS ref;\nRETURN 2 AS two');
    await w.runWithKeyboard();
    expect(await w.page.$$eval('[data-test="statements"] li', (li) => li.length)).toBe(2);
    expect(await w.column(0)).toEqual(['2']);
    await w.page.click('[data-test="statements"] li:first-child button');
    expect(await w.column(0)).toEqual(['I.3.2']);
    await w.page.close();
  });

  it.runIf(SCREENS)('screenshots at 1280×720 and 390×844', async () => {
    mkdirSync(SCREENS!, { recursive: true });
    for (const [name, viewport] of [
      ['1280x720', { width: 1280, height: 720 }],
      ['390x844', { width: 390, height: 844 }],
    ] as const) {
      const w = await open('en', viewport);
      await w.typeQuery('PROFILE MATCH (a:Agreement)-[u:UNDERPINS]->(c:Commitment) RETURN a, u, c');
      await w.runWithKeyboard();
      await w.page.click('[data-test="result-table"] button.node-chip');
      await w.page.screenshot({ path: `${SCREENS}/profile-${name}.png`, fullPage: false });
      await w.page.screenshot({ path: `${SCREENS}/profile-${name}-full.png`, fullPage: true });
      await w.page.close();
    }
  });
});
