import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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

async function search(q: string): Promise<{ id: string }[]> {
  const response = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}&limit=12`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: { id: string }[] }).results;
}

describe('search finds what people type', () => {
  it.each([
    ['renewable', 'jp-mn-2022/II.3.2.a'],
    ['再生可能', 'jp-mn-2022/II.3.2.a'],
    ['clean energy', 'jp-mn-2022/II.3.2.a'],
    ['ビザ', 'jp-mn-2022/III.2.8'],
    ['カーンクエスト', 'khaan-quest'],
    ['カーン クエスト', 'khaan-quest'],
    ['Japan International Cooperation Agency', 'senior-volunteers'],
    ['MOU', 'jp-mn-defence-mou'],
  ])('"%s" finds %s', async (q, id) => {
    const ids = (await search(q)).map((r) => r.id);
    expect(ids).toContain(id);
  });

  it('puts the United Nations first for "UN"', async () => {
    expect((await search('UN'))[0]?.id).toBe('un');
  });

  it('says so when nothing is found, and what was tried', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`);
    await x.page.fill('#search', 'MOU zzqx');
    await x.page.waitForSelector('[data-test="no-results"]:not([hidden])');
    expect(await x.page.textContent('[data-test="no-results"]')).toContain('MOU zzqx');
    await x.page.close();
  });
});
