import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATASET_VERSION } from '../../core/dataset';
import type { NodeChangeIndex } from '../../core/dataset-node-changes';
import recorded from '../../core/dataset-node-changes.json';
import { launchChromium } from '../support/browser';
import { ExplorerPage } from './explorer-page';

const url = inject('appUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const NOTICE = '[data-test="version-notice"]';
/** Japan gained relationships in 1.4.0 (events engaging it); the index says so. */
const CHANGED = 'japan';
const since = (recorded as NodeChangeIndex).since['1.3.0']!;

describe('links pinned to a dataset version', () => {
  it('a link made with 1.3.0, opened on the current data, names both versions and its changed node', async () => {
    expect(since.changed).toContain(CHANGED);
    // A node untouched since 1.3.0 (1.0.0's nodes are all still there), expanded by the same link: not listed.
    const index = recorded as NodeChangeIndex;
    const unchanged = index.since['1.0.0']!.changed.find(
      (id) => id.startsWith('jp-mn-2022/') && !since.changed.includes(id),
    )!;
    expect(index.since['1.0.0']!.removed).toEqual([]);
    expect(unchanged).toBeDefined();
    const x = await ExplorerPage.open(
      browser,
      `${url}/#dv=1.3.0&lang=en&sel=${CHANGED}&exp=${encodeURIComponent(unchanged)}`,
    );
    await x.page.waitForSelector(`${NOTICE}:not([hidden])`, { timeout: 30_000 });
    const names = await x.page.evaluate(
      (ids) => ids.map((id) => String(window.kizuna!.cy.getElementById(id).data('name_en'))),
      [CHANGED, unchanged],
    );
    expect(names[0]).toBe('Japan');
    const notice = (await x.page.textContent(NOTICE)) ?? '';
    expect(notice).toContain(`Made with dataset 1.3.0, showing ${DATASET_VERSION}.`);
    const listed = await x.page.$$eval('[data-test="version-changed"] li', (lis) =>
      lis.map((li) => li.textContent),
    );
    expect(listed).toEqual(['Japan']);
    expect(notice).not.toContain(names[1]);
    // The link's own entry keeps its version: Back to it, or a reload, says so again.
    expect(await x.page.evaluate(() => location.hash)).toContain('dv=1.3.0');
    // In Japanese too, the same list.
    await x.page.click('#lang-toggle, [data-test="lang-toggle"]');
    await x.page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent?.includes('で表示しています'),
      NOTICE,
    );
    // It fits a laptop's and a phone's width, whole.
    for (const [width, height] of [
      [1280, 720],
      [390, 844],
    ] as const) {
      await x.page.setViewportSize({ width, height });
      const box = (await x.page.locator(NOTICE).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await x.screenshot(`version-notice-${width}x${height}`);
    }
    await x.page.click('[data-test="dismiss-version-notice"]');
    await x.page.waitForSelector(`${NOTICE}[hidden]`, { state: 'attached' });
    // What the user changed is pinned to the data shown.
    expect(await x.page.evaluate(() => location.hash)).toContain(`dv=${DATASET_VERSION}`);
    expect(x.errors).toEqual([]);
    await x.page.close();
  });

  it('a link of the current version says nothing, a saved view records the version, a link opened in the page is checked', async () => {
    const x = await ExplorerPage.open(
      browser,
      `${url}/#dv=${DATASET_VERSION}&lang=en&sel=${CHANGED}`,
    );
    await x.waitForPanel(CHANGED);
    expect(await x.page.isHidden(NOTICE)).toBe(true);
    await x.page.click('[data-group="saved"] summary');
    await x.page.fill('#saved-view-name', 'Japan');
    await x.page.click('[data-test="save-view"]');
    const saved = await x.page.evaluate(() => localStorage.getItem('kizuna.savedViews'));
    expect(JSON.parse(saved ?? '[]')[0].hash).toContain(`dv=${DATASET_VERSION}`);
    // A link or saved view opened in the page (as a saved view opens) is checked too…
    await x.page.evaluate(() => {
      location.hash = '#dv=1.3.0&lang=en&sel=japan';
    });
    await x.page.waitForSelector(`${NOTICE}:not([hidden])`, { timeout: 30_000 });
    // …and one from before versions says nothing, and is pinned to the data shown.
    await x.page.evaluate(() => {
      location.hash = '#lang=en&sel=mongolia';
    });
    await x.page.waitForSelector(`${NOTICE}[hidden]`, { state: 'attached' });
    await x.page.waitForFunction(
      (dv) => location.hash.includes(`dv=${dv}`) && location.hash.includes('sel=mongolia'),
      DATASET_VERSION,
    );
    expect(x.errors).toEqual([]);
    await x.page.close();
  });
});
