import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { ExplorerPage } from './explorer-page';

const url = inject('appUrl');
let browser: Browser;
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Shown nodes whose drawn box (without its label) is not wholly inside the canvas. */
function outside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cy = window.kizuna!.cy;
    const w = cy.width();
    const h = cy.height();
    return cy
      .nodes()
      .filter((n) => !n.hasClass('gone'))
      .filter((n) => {
        const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
        return b.x1 < -1 || b.y1 < -1 || b.x2 > w + 1 || b.y2 > h + 1;
      })
      .map((n) => n.id());
  });
}

/** Waits for the canvas to settle with every shown node inside it, then asserts it. */
async function expectAllInside(page: Page, what: string): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const cy = window.kizuna!.cy;
        if (cy.animated()) return false;
        const w = cy.width();
        const h = cy.height();
        const shown = cy.nodes().filter((n) => !n.hasClass('gone'));
        return (
          shown.nonempty() &&
          shown.every((n) => {
            const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
            return b.x1 >= -1 && b.y1 >= -1 && b.x2 <= w + 1 && b.y2 <= h + 1;
          })
        );
      },
      undefined,
      { timeout: 15_000 },
    )
    .catch(() => {});
  expect(await outside(page), `nodes outside the canvas after: ${what}`).toEqual([]);
  // The canvas itself is not covered by the panes beside it.
  const box = await page.locator('#cy').boundingBox();
  expect(box!.width, what).toBeGreaterThan(100);
  expect(box!.height, what).toBeGreaterThan(100);
}

/** The node and its shown neighbours whose drawn box is not wholly inside the canvas. */
function outsideAround(page: Page, id: string): Promise<string[]> {
  return page.evaluate((nodeId) => {
    const cy = window.kizuna!.cy;
    return cy
      .getElementById(nodeId)
      .closedNeighborhood()
      .nodes()
      .filter((n) => !n.hasClass('gone'))
      .filter((n) => {
        const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
        return b.x1 < -1 || b.y1 < -1 || b.x2 > cy.width() + 1 || b.y2 > cy.height() + 1;
      })
      .map((n) => n.id());
  }, id);
}

/** Whether the keyboard's ring is drawn around this node. */
function ringOn(page: Page, id: string): Promise<boolean> {
  return page.evaluate((nodeId) => {
    const ring = document.getElementById('key-ring')!;
    if (ring.hidden) return false;
    const r = ring.getBoundingClientRect();
    const c = document.getElementById('cy')!.getBoundingClientRect();
    const at = window.kizuna!.cy.getElementById(nodeId).renderedPosition();
    const x = c.left + at.x;
    const y = c.top + at.y;
    return r.left <= x && x <= r.right && r.top <= y && y <= r.bottom;
  }, id);
}

/** The smallest label the canvas draws for a shown node, in screen pixels: its font size times the zoom. */
function smallestLabelPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    const cy = window.kizuna!.cy;
    const sizes = cy
      .nodes()
      .filter((n) => !n.hasClass('gone') && String(n.data('label') ?? '') !== '')
      .map((n) => Number.parseFloat(n.style('font-size')) * cy.zoom());
    return Math.min(...sizes);
  });
}

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated rather than injected as a <script>: the page's CSP rightly refuses inline scripts.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
}

describe('the explorer keeps the picture in view', () => {
  it('fits every shown node inside the canvas after each change of view, at 1280×720 and 390×844', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 1280, height: 720 });
    await expectAllInside(x.page, 'first load at 1280×720');

    await x.page.click('#tab-underpins');
    await x.page.waitForSelector('[data-test="underpins-list"]');
    await expectAllInside(x.page, 'opening the underpins view');
    // Its labels read at the fitted zoom: at least 9 px on screen.
    expect(await smallestLabelPx(x.page)).toBeGreaterThanOrEqual(9);

    await x.page.click('#tab-graph');
    await x.page.click('[data-test="pillar-I"]');
    await x.page.click('[data-test="pillar-II"]');
    await x.page.click('[data-test="pillar-III"]');
    await expectAllInside(x.page, 'filtering to pillar IV');

    await x.searchAndChoose('EPA', 'jp-mn-epa');
    await x.page.click('[data-test="expand"]');
    await x.page.waitForFunction(
      () => !window.kizuna!.cy.getElementById('jp-mn-2022/II.2.1').hasClass('gone'),
    );
    await expectAllInside(x.page, 'expanding a node');

    await x.page.click('[data-test="path-from"]');
    await x.searchAndChoose('国際連合', 'un');
    await x.page.click('[data-test="path-to"]');
    await x.page.waitForSelector('[data-test="path-list"] li, [data-test="no-path"]');
    // Paths go around Japan and Mongolia and not through the plan's structure at first; where
    // that leaves none, every exclusion is lifted so that a path is drawn. Until a path adds
    // nodes the view stays framed on the node just chosen (its neighbourhood, not the whole).
    if (await x.page.isVisible('[data-test="no-path"]')) {
      await x.page.click('[data-test="lift-all"]');
      await x.page.waitForSelector('[data-test="path-list"] li');
    }
    await expectAllInside(x.page, 'opening the paths list');

    await x.page.setViewportSize({ width: 390, height: 844 });
    await expectAllInside(x.page, 'resizing to 390×844');
    await x.page.setViewportSize({ width: 1280, height: 720 });
    await expectAllInside(x.page, 'resizing back to 1280×720');
    expect(x.errors).toEqual([]);
    await x.page.close();
  }, 300_000);

  it('never draws two agreements with the same label in the underpins view, at 1280×720 or 390×844, in either language', async () => {
    for (const [width, height] of [
      [1280, 720],
      [390, 844],
    ] as const)
      for (const lang of ['en', 'ja']) {
        const x = await ExplorerPage.open(browser, `${url}/#lang=${lang}`, { width, height });
        await x.page.click('#tab-underpins');
        await x.page.waitForSelector('[data-test="underpins-list"]');
        await x.settled();
        // The label as given and as drawn: Cytoscape may cut it again at its end ("text-wrap").
        const labels = await x.page.evaluate(() => {
          const cy = window.kizuna!.cy;
          const renderer = (
            cy as unknown as { renderer(): { getLabelText(ele: unknown, prefix: string): string } }
          ).renderer();
          return cy
            .nodes('[kind = "Agreement"]')
            .filter((n) => !n.hasClass('gone'))
            .map((n) => ({
              given: String(n.style('label')),
              drawn: String(renderer.getLabelText(n, '')).replace(/\s+/g, ' '),
            }));
        });
        const where = `${width}×${height} ${lang}`;
        expect(labels.length, where).toBeGreaterThanOrEqual(8);
        const given = labels.map((l) => l.given);
        expect(new Set(given).size, `${where}: ${given.join(' | ')}`).toBe(given.length);
        const drawn = labels.map((l) => l.drawn);
        expect(new Set(drawn).size, `${where}: ${drawn.join(' | ')}`).toBe(drawn.length);
        await x.page.close();
      }
  }, 120_000);

  it('works on a phone: graph visible, panel as a bottom sheet, underpins view', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 390, height: 844 });
    await expectAllInside(x.page, 'first load at 390×844');
    await x.searchAndChoose('EPA', 'jp-mn-epa');
    const panel = await x.page.locator('#side-panel').boundingBox();
    const canvas = await x.page.locator('#cy').boundingBox();
    expect(panel!.y).toBeGreaterThan(canvas!.y + canvas!.height - 2);
    expect(canvas!.height).toBeGreaterThan(150);
    // The panel opens scrolled to, its heading and actions on screen, below the chosen node framed.
    const heading = (await x.page.locator('#panel-title').boundingBox())!;
    expect(heading.y).toBeGreaterThanOrEqual(0);
    const expand = (await x.page.locator('[data-test="expand"]').boundingBox())!;
    expect(expand.y + expand.height).toBeLessThanOrEqual(844);
    await x.settled();
    expect(await outsideAround(x.page, 'jp-mn-epa')).toEqual([]);
    // Expanding what brings nothing new says so.
    await x.page.click('[data-test="expand"]');
    await x.page.waitForFunction(() =>
      document.querySelector('[data-test="announcer"]')?.textContent?.startsWith('Nothing new'),
    );
    await x.page.click('[data-test="expand"]');
    await x.page.waitForFunction(() => !location.hash.includes('exp='));
    await x.page.click('#tab-underpins');
    await x.page.waitForSelector('[data-test="underpins-list"]');
    await expectAllInside(x.page, 'underpins view on a phone');
    expect(await smallestLabelPx(x.page)).toBeGreaterThanOrEqual(9);
    await x.screenshot('phone-underpins');
    await x.page.close();
  });
});

describe('the explorer remembers and undoes', () => {
  it('makes every view change a history entry: Back restores each earlier view in turn', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 1280, height: 720 });
    const start = x.page.url();
    await x.page.click('[data-test="pillar-II"]');
    const afterPillar = x.page.url();
    await x.page.click('#tab-underpins');
    await x.page.waitForSelector('[data-test="underpins-list"]');
    const afterTab = x.page.url();
    await x.page.click('#tab-table');
    await x.page.waitForSelector('[data-test="node-table"]');
    expect(new Set([start, afterPillar, afterTab, x.page.url()]).size).toBe(4);

    await x.page.goBack();
    expect(x.page.url()).toBe(afterTab);
    await x.page.waitForSelector('[data-test="underpins-list"]');
    await x.page.goBack();
    expect(x.page.url()).toBe(afterPillar);
    await x.page.waitForFunction(() => document.body.dataset.tab === 'graph');
    expect(await x.page.isChecked('[data-test="pillar-II"]')).toBe(false);
    await x.page.goBack();
    expect(x.page.url()).toBe(start);
    expect(await x.page.isChecked('[data-test="pillar-II"]')).toBe(true);
    // Undo and redo by keyboard, within the app's own history.
    await x.page.locator('#cy').focus();
    await x.page.keyboard.press('Control+Shift+Z');
    await x.page.waitForFunction((u) => location.href === u, afterPillar);
    await x.page.keyboard.press('Control+Z');
    await x.page.waitForFunction((u) => location.href === u, start);
    expect(await x.page.evaluate(() => document.body.dataset.state)).toBe('ready');
    await x.page.close();
  }, 240_000);

  it('keeps named views in the browser, each a link', async () => {
    const context = await browser.newContext();
    const x = await ExplorerPage.open(context, `${url}/#lang=en&pillars=I`);
    await x.page.click('[data-group="saved"] summary');
    await x.page.fill('#saved-view-name', 'Politics only');
    await x.page.click('[data-test="save-view"]');
    const link = await x.page.getAttribute('[data-test="saved-views"] a', 'href');
    expect(link).toContain('pillars=I');
    const again = await ExplorerPage.open(context, `${url}/#lang=en`);
    await again.page.click('[data-group="saved"] summary');
    await again.page.click('[data-test="saved-views"] a');
    await again.page.waitForFunction(() => location.hash.includes('pillars=I'));
    await again.page.waitForFunction(
      () => !(document.querySelector('[data-test="pillar-II"]') as HTMLInputElement).checked,
    );
    await context.close();
  });
});

describe('the explorer speaks the reader’s language', () => {
  it('opens in English for an en-US browser, and in Japanese for ja-JP', async () => {
    for (const [locale, lang, toggle] of [
      ['en-US', 'en', '日本語'],
      ['ja-JP', 'ja', 'English'],
    ] as const) {
      const context = await browser.newContext({ locale });
      const x = await ExplorerPage.open(context, url);
      expect(await x.page.getAttribute('html', 'lang')).toBe(lang);
      expect(await x.page.textContent('#lang-toggle')).toBe(toggle);
      const counts = await x.page.textContent('[data-test="counts"]');
      expect(counts).toMatch(lang === 'en' ? /nodes/ : /ノード/);
      // The header's link is static HTML, translated once the script runs.
      expect(await x.page.textContent('#workbench-link')).toBe(
        lang === 'en' ? 'Cypher workbench' : 'Cypher ワークベンチ',
      );
      await context.close();
    }
  });

  it('translates property names, coded values and roles in the panel', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`);
    await x.searchAndChoose('EPA', 'jp-mn-epa');
    const props = await x.page.textContent('[data-test="props"]');
    expect(props).toContain('Status');
    expect(props).toContain('in force');
    expect(props).not.toContain('in_force');
    // No Mongolian name is on record for the EPA: the panel says so rather than invent one.
    expect(await x.page.textContent('[data-test="name-mn"]')).toContain('not recorded');
    // Its dates as a strip, oldest first: signed, in force, the plan's day, the last check.
    const dates = await x.page.locator('[data-test="milestones"] li').allTextContents();
    expect(dates[0]).toMatch(/2015-02\s*Signed/);
    expect(dates[1]).toMatch(/2016-06-07\s*In force/);
    expect(dates[2]).toMatch(/2022-11-29\s*In the plan\s*in force/);
    await x.page.click('#lang-toggle');
    await x.page.waitForFunction(() =>
      document.querySelector('[data-test="props"]')?.textContent?.includes('発効済み'),
    );
    expect(await x.page.textContent('[data-test="counts"]')).toMatch(/ノード/);
    // Where a Mongolian name is on record, it is shown with its source.
    await x.searchAndChoose('国家大会議', 'state-great-khural');
    const mn = x.page.locator('[data-test="name-mn"]');
    expect(await mn.locator('[lang="mn"]').textContent()).toBe('Улсын Их Хурал');
    expect(await mn.locator('a').getAttribute('rel')).toBe('noopener noreferrer');
    await x.page.close();
  });

  it("says who acts: a commitment quotes the preamble's parties once, a country folds its 86, a renewal says the plan does not name it", async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`);
    await x.searchAndChoose('III.1.1', 'jp-mn-2022/III.1.1');
    const parties = x.page.locator('.rel-group', { hasText: 'undertaken by (preamble)' });
    expect(await parties.locator('li').allTextContents()).toEqual([
      expect.stringContaining('Japan'),
      expect.stringContaining('Mongolia'),
    ]);
    // One quote of the preamble's sentence for the group, not one per country.
    expect(await parties.locator('q').allTextContents()).toEqual([
      '両国は以下の分野における個別の協力を推進していくことを確認する',
    ]);
    await x.searchAndChoose('Mongolia', 'mongolia');
    const folded = x.page.locator('details.rel-group', {
      hasText: 'undertaken by (preamble) (86)',
    });
    expect(await folded.getAttribute('open')).toBeNull();
    // The 31 commitments that involve Mongolia stay open: they are what its panel is read for.
    expect(await x.page.locator('section.rel-group', { hasText: 'involves (31)' }).count()).toBe(1);
    await folded.locator('summary').click();
    expect(await folded.locator('li').count()).toBe(86);
    await x.screenshot('panel-country-parties');
    await x.searchAndChoose('2018 renewal', 'environment-moc-2018');
    expect(await x.page.textContent('[data-test="not-in-plan"]')).toContain(
      'Not named in the plan',
    );
    await x.screenshot('panel-renewal');
    expect(x.errors).toEqual([]);
    await x.page.close();
  });
});

describe('the explorer loads cleanly and is accessible', () => {
  it('writes no console warning or error on load', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const messages: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') messages.push(m.text());
    });
    await page.goto(url);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
    // Until the first view's fit has finished and drawn: warnings come from drawing too.
    await page.waitForFunction(() => !window.kizuna!.cy.animated());
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    expect(messages).toEqual([]);
    await page.close();
  });

  it('draws each relationship once per pair and type', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`);
    const duplicates = await x.page.evaluate(() => {
      const seen = new Map<string, number>();
      for (const e of window.kizuna!.cy.edges().filter((e) => !e.hasClass('gone'))) {
        const key = `${e.data('source')}|${e.data('type')}|${e.data('target')}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      return [...seen.entries()].filter(([, n]) => n > 1).map(([k]) => k);
    });
    expect(duplicates).toEqual([]);
    await x.page.close();
  });

  it('can be used by keyboard alone, focus never falling to <body>', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 1280, height: 720 });
    const onBody = () => x.page.evaluate(() => document.activeElement === document.body);
    // Tab to the pillar II checkbox and toggle it with the space bar.
    let guard = 0;
    while (
      !(await x.page.evaluate(
        () => document.activeElement?.getAttribute('data-test') === 'pillar-II',
      ))
    ) {
      await x.page.keyboard.press('Tab');
      expect(await onBody()).toBe(false);
      if (++guard > 40) throw new Error('pillar II not reachable by Tab');
    }
    await x.page.keyboard.press('Space');
    await x.page.waitForFunction(() => location.hash.includes('pillars='));
    expect(await x.page.evaluate(() => document.activeElement?.getAttribute('data-test'))).toBe(
      'pillar-II',
    );
    // Search by keyboard, choose with Enter: the panel takes the focus.
    await x.page.keyboard.press('/');
    await x.page.keyboard.type('EPA');
    await x.page.waitForSelector('#search-results li');
    await x.page.keyboard.press('Enter');
    await x.page.waitForFunction(() => document.activeElement?.id === 'panel-title');
    // Escape closes the panel and puts the keyboard on the canvas, not back in the search box.
    await x.page.keyboard.press('Escape');
    await x.page.waitForFunction(() => document.getElementById('side-panel')!.hidden);
    await x.page.waitForFunction(() => document.activeElement !== document.body);
    expect(await x.page.evaluate(() => document.activeElement?.id)).toBe('cy');
    // From the search box, Escape closes the suggestions, then clears the stale text and leaves.
    await x.page.keyboard.press('/');
    await x.page.keyboard.press('Control+A');
    await x.page.keyboard.type('UN');
    await x.page.waitForSelector('#search-results li');
    await x.page.keyboard.press('Escape');
    expect(await x.page.isHidden('#search-results')).toBe(true);
    expect(await x.page.inputValue('#search')).not.toBe('');
    await x.page.keyboard.press('Escape');
    expect(await x.page.inputValue('#search')).toBe('');
    expect(await x.page.evaluate(() => document.activeElement?.id)).toBe('cy');
    // The language toggle keeps the focus too.
    await x.page.focus('#lang-toggle');
    await x.page.keyboard.press('Enter');
    await x.page.waitForFunction(() => document.documentElement.lang === 'ja');
    expect(await x.page.evaluate(() => document.activeElement?.id)).toBe('lang-toggle');
    await x.page.close();
  });

  it('chooses a node on the canvas by keyboard alone: skip link, arrows, Enter, Escape back, Ctrl+Z there', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 1280, height: 720 });
    const page = x.page;
    const active = () => page.evaluate(() => document.activeElement?.id ?? '');
    const live = () => page.textContent('[data-test="canvas-live"]').then((t) => t ?? '');
    // The first Tab reaches the skip links, shown when focused; past the header and filters.
    await page.keyboard.press('Tab');
    expect(await active()).toBe('skip-canvas');
    const skip = (await page.locator('#skip-canvas').boundingBox())!;
    expect(skip.y).toBeGreaterThanOrEqual(0);
    expect(await page.textContent('#skip-canvas')).toBe('Skip to the diagram');
    await page.keyboard.press('Enter');
    expect(await active()).toBe('cy');
    // Arrows move a ring from node to node, each named in the live region.
    const said: string[] = [];
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft']) {
      await page.keyboard.press(key);
      await page.waitForFunction((last) => {
        const text = document.querySelector('[data-test="canvas-live"]')?.textContent ?? '';
        return text !== '' && text !== last;
      }, said.at(-1) ?? '');
      said.push(await live());
    }
    expect(said.every((s) => s.includes('Enter opens its details'))).toBe(true);
    expect(await page.isVisible('#key-ring')).toBe(true);
    // Zoomed out on purpose (the - key), the user stays at least that far out when a node is framed.
    await page.keyboard.press('-');
    await x.settled();
    const zoom = () => page.evaluate(() => window.kizuna!.cy.zoom());
    const chosenZoom = await zoom();
    // Enter opens the ringed node's panel; its neighbourhood is framed on the canvas.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'panel-title');
    const chosen = decodeURIComponent(new URL(page.url()).hash).match(/sel=([^&]+)/)![1]!;
    expect(said.at(-1)).toContain(await x.panelTitle());
    await x.settled();
    expect(await outsideAround(page, chosen)).toEqual([]);
    expect(await zoom()).toBeLessThanOrEqual(chosenZoom * 1.001);
    // Escape comes back to the canvas, the ring on the same node.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.getElementById('side-panel')!.hidden);
    expect(await active()).toBe('cy');
    expect(await ringOn(page, chosen)).toBe(true);
    // Hide it from its panel by keyboard: the keyboard comes back to the canvas, where Ctrl+Z undoes it.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'panel-title');
    for (
      let guard = 0;
      (await page.evaluate(() => document.activeElement?.getAttribute('data-test'))) !== 'hide';
      guard++
    ) {
      if (guard > 6) throw new Error('Hide not reachable by Tab from the panel title');
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('hidden='));
    await page.waitForFunction(() => document.activeElement?.id === 'cy');
    expect(await x.visibleNodes()).not.toContain(chosen);
    expect(await page.textContent('[data-test="hidden-count"]')).toBe('1 hidden');
    await page.keyboard.press('Control+Z');
    await page.waitForFunction(() => !location.hash.includes('hidden='));
    await page.waitForFunction(
      (id) => !window.kizuna!.cy.getElementById(id).hasClass('gone'),
      chosen,
    );
    expect(x.errors).toEqual([]);
    await page.close();
  });

  it("offers a relationship's tooltip on keyboard focus, from the panel's list of connections", async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 1280, height: 720 });
    await x.searchAndChoose('EPA', 'jp-mn-epa');
    const first = x.page.locator('#side-panel button[data-rel]').first();
    await first.focus();
    const tooltip = x.page.locator('#tooltip');
    await tooltip.waitFor({ state: 'visible' });
    const text = (await tooltip.textContent()) ?? '';
    expect(text).toContain('Economic Partnership');
    expect(text).toContain('Evidence');
    expect(await first.getAttribute('aria-describedby')).toBe('tooltip');
    // Tab moves on to the next connection, which brings its own relationship.
    await x.page.keyboard.press('Tab');
    const next = await x.page.evaluate(() => document.activeElement?.getAttribute('data-rel'));
    if (next) await tooltip.waitFor({ state: 'visible' });
    // Leaving the list takes the tooltip away.
    await x.page.locator('#panel-title').focus();
    await tooltip.waitFor({ state: 'hidden' });
    await x.page.close();
  });

  it('has no axe-core violation on the explorer', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 1280, height: 720 });
    expect(await axeViolations(x.page)).toEqual([]);
    await x.searchAndChoose('EPA', 'jp-mn-epa');
    await x.page.click('#tab-underpins');
    await x.page.waitForSelector('[data-test="underpins-list"]');
    expect(await axeViolations(x.page)).toEqual([]);
    await x.page.close();
  });

  it('has no axe-core violation on the workbench', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${url}/workbench.html`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
    await page.waitForLoadState('load', { timeout: 90_000 });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
