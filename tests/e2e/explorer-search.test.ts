import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SEARCH_CASES } from '../fixtures/search-queries';
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

interface Answer {
  notNamedInPlan: boolean;
  results: { id: string }[];
}

/** The answer the search box gets: /api/search with its limit. */
async function answer(q: string): Promise<Answer> {
  const response = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}&limit=12`);
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

async function search(q: string): Promise<{ id: string }[]> {
  return (await answer(q)).results;
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

describe('the analysts’ queries (tests/fixtures/search-queries.ts) through the running app', () => {
  it('put first what the plan names, and say when it names no such thing', async () => {
    const wrong: string[] = [];
    for (const c of SEARCH_CASES) {
      const { notNamedInPlan, results } = await answer(c.q);
      const got = results.map((r) => r.id);
      const right = c.notNamed
        ? notNamedInPlan && (!c.notNamed.closest || got[0] === c.notNamed.closest)
        : !notNamedInPlan &&
          (!c.first || got[0] === c.first) &&
          (!c.top || c.top.every((id) => got.slice(0, c.top!.length).includes(id)));
      if (!right) wrong.push(`${c.q}: ${notNamedInPlan ? 'not named; ' : ''}${got.slice(0, 3)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('a name the plan never uses', () => {
  it('is said to be so above its closest matches, in English and Japanese, on a laptop and a phone', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 1280, height: 720 });
    const noteSays = (text: string) =>
      x.page.waitForFunction(
        (t) => document.querySelector('[data-test="not-named"]')?.textContent === t,
        text,
      );
    await x.page.fill('#search', 'JICA');
    await noteSays('“JICA” is not named in the plan; closest matches:');
    // The note heads the list; the first match to choose is the volunteers the plan names.
    expect(await x.page.getAttribute('#search-results li[role="option"]', 'data-id')).toBe(
      'senior-volunteers',
    );
    await x.screenshot('search-not-named-1280x720');
    // A name the plan uses gets answers, with no such note.
    await x.page.fill('#search', 'Khaan Quest');
    await x.page.waitForSelector('#search-results li[data-id="khaan-quest"]');
    expect(await x.page.locator('[data-test="not-named"]').count()).toBe(0);
    // Nothing close at all: said where "no results" would be.
    await x.page.fill('#search', 'ADB');
    await x.page.waitForFunction(() =>
      document
        .querySelector('[data-test="no-results"]:not([hidden])')
        ?.textContent?.includes('“ADB” is not named in the plan, and nothing in it comes close'),
    );
    await x.page.click('#lang-toggle');
    await x.page.waitForSelector('html[lang="ja"]');
    await x.page.setViewportSize({ width: 390, height: 844 });
    await x.page.fill('#search', '国際協力機構');
    await noteSays('「国際協力機構」は計画に記載がありません。近い候補：');
    const note = await x.page.locator('[data-test="not-named"]').boundingBox();
    expect(note!.x).toBeGreaterThanOrEqual(0);
    expect(note!.x + note!.width).toBeLessThanOrEqual(390);
    await x.screenshot('search-not-named-390x844-ja');
    expect(x.errors).toEqual([]);
    await x.page.close();
  });
});
