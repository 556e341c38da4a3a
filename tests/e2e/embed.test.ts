import { mkdirSync } from 'node:fs';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATASET_VERSION } from '../../core/dataset';
import { launchChromium } from '../support/browser';
import { ARTEFACTS } from './explorer-page';

/** Every link the app writes names the dataset version it was made with (model/link-version.ts). */
const DV = `dv=${DATASET_VERSION}`;

const url = inject('appUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** What an embed shows: drawn nodes outside its canvas, overflow, chrome and legend. */
function embedLayout(frame: Frame) {
  return frame.evaluate(() => {
    const cy = window.kizuna!.cy;
    const shown = cy.nodes().filter((n) => !n.hasClass('gone'));
    const outside = shown.filter((n) => {
      const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
      return b.x1 < -1 || b.y1 < -1 || b.x2 > cy.width() + 1 || b.y2 > cy.height() + 1;
    });
    const canvas = document.getElementById('cy')!.getBoundingClientRect();
    const seen = (selector: string) =>
      [...document.querySelectorAll<HTMLElement>(selector)].some((e) => e.checkVisibility());
    const legend = [...document.querySelectorAll<HTMLElement>('[data-test="embed-legend"] li')];
    return {
      shown: shown.length,
      outside: outside.map((n) => n.id()),
      canvas: { right: canvas.right, bottom: canvas.bottom, width: canvas.width },
      frame: { width: window.innerWidth, height: window.innerHeight },
      overflow: {
        x: document.documentElement.scrollWidth > window.innerWidth,
        y: document.documentElement.scrollHeight > window.innerHeight,
      },
      chrome: [
        '#toolbar',
        '#controls',
        '#search-box',
        '[role="tab"]',
        '#timeline',
        '.status',
        '#side-panel',
        '#underpins-pane',
        '#skip-links a',
      ].filter(seen),
      legend: legend.filter((li) => li.checkVisibility()).map((li) => li.textContent?.trim()),
      smallestLegendPx: Math.min(
        ...legend.map((li) => Number.parseFloat(getComputedStyle(li).fontSize)),
      ),
    };
  });
}

/** Waits (up to 15 s) for the canvas to stop moving with every shown node inside it. */
async function settled(frame: Frame): Promise<void> {
  await frame
    .waitForFunction(
      () => {
        const cy = window.kizuna!.cy;
        return (
          !cy.animated() &&
          cy
            .nodes()
            .filter((n) => !n.hasClass('gone'))
            .every((n) => {
              const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
              return b.x1 >= -1 && b.y1 >= -1 && b.x2 <= cy.width() + 1 && b.y2 <= cy.height() + 1;
            })
        );
      },
      undefined,
      { timeout: 15_000 },
    )
    .catch(() => {});
}

describe('an embed of "What underpins what"', () => {
  it('comes from the Export dialog as a snippet, and fits a 600×400 frame on another page with no chrome', async () => {
    const response = await fetch(`${url}/`);
    // The default policy: only the app's own pages may frame it.
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'(;|$)/);

    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    const app = await context.newPage();
    await app.goto(`${url}/#lang=en&tab=underpins`);
    await app.waitForSelector('body[data-state="ready"]', { timeout: 90_000 });
    await app.click('#export');
    await app.click('[data-test="export-embed"]');
    const snippet = await app.inputValue('[data-test="embed-snippet"]');
    const src = `${url}/#${DV}&amp;lang=en&amp;tab=underpins&amp;embed=1`.replace(
      /[.?*+^$()|[\]\\]/g,
      '\\$&',
    );
    expect(snippet).toMatch(
      new RegExp(
        `^<iframe src="${src}" width="600" height="400" title="Kizuna: [^"<>]+" loading="lazy"></iframe>$`,
      ),
    );
    expect(snippet).toMatch(/title="Kizuna: [^"]*[Uu]nderpins/);
    await app.click('[data-test="embed-copy"]');
    await expect
      .poll(() => app.textContent('[data-test="embed-message"]'), { timeout: 10_000 })
      .toBe('Copied.');
    expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

    // A report's page on the app's own origin (the default policy's), holding the snippet as pasted.
    const host = await context.newPage();
    await host.route(`${url}/__host.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><head><title>Report</title></head><body><h1>Report</h1>${snippet}</body></html>`,
      }),
    );
    await host.goto(`${url}/__host.html`);
    const frame = (await (await host.waitForSelector('iframe')).contentFrame())!;
    await frame.waitForSelector('body[data-state="ready"]', { timeout: 90_000 });
    await settled(frame);
    const shown = await embedLayout(frame);
    mkdirSync(ARTEFACTS, { recursive: true });
    await host.screenshot({ path: `${ARTEFACTS}/embed-underpins-600x400.png` });

    expect(shown.frame).toEqual({ width: 600, height: 400 });
    expect(shown.overflow).toEqual({ x: false, y: false });
    expect(shown.chrome).toEqual([]);
    // The whole diagram: every drawn node inside a canvas that is inside the frame.
    expect(shown.shown).toBeGreaterThan(10);
    expect(shown.outside).toEqual([]);
    expect(shown.canvas.right).toBeLessThanOrEqual(600);
    expect(shown.canvas.bottom).toBeLessThanOrEqual(400);
    expect(shown.canvas.width).toBeGreaterThan(300);
    // A legible legend of what is drawn: the agreements and commitments, and the link between them.
    expect(shown.legend).toEqual(expect.arrayContaining(['Agreement', 'Commitment']));
    expect(shown.smallestLegendPx).toBeGreaterThanOrEqual(9);

    const open = frame.locator('[data-test="embed-open"]');
    expect(await open.isVisible()).toBe(true);
    expect(await open.getAttribute('href')).toBe(`${url}/#${DV}&lang=en&tab=underpins`);
    expect(await open.getAttribute('target')).toBe('_blank');
    expect(await open.getAttribute('rel')).toBe('noopener');

    // A click on a node chooses it, and keeps the flag, but opens none of the app's panels.
    const point = await frame.evaluate(() => {
      const node = window
        .kizuna!.cy.nodes('[kind = "Agreement"]')
        .filter((n) => !n.hasClass('gone'))[0]!;
      return { id: node.id(), ...node.renderedPosition() };
    });
    const box = (await frame.locator('#cy').boundingBox())!;
    await host.mouse.click(box.x + point.x, box.y + point.y);
    await frame.waitForFunction(
      (id) => location.hash.includes(`sel=${encodeURIComponent(id)}`),
      point.id,
    );
    expect(await frame.evaluate(() => location.hash)).toContain('embed=1');
    expect((await embedLayout(frame)).chrome).toEqual([]);

    // The diagram tab, in Japanese, in a frame too small for a legend beside it: folded to a toggle.
    const smallFrame = (await (
      await host.evaluateHandle(() => {
        const old = document.querySelector('iframe')!;
        const iframe = document.createElement('iframe');
        iframe.width = '320';
        iframe.height = '240';
        iframe.title = old.title;
        iframe.src = old.src.replace('lang=en&tab=underpins', 'lang=ja');
        old.replaceWith(iframe);
        return iframe;
      })
    )
      .asElement()!
      .contentFrame())!;
    await smallFrame.waitForSelector('body[data-state="ready"]', { timeout: 90_000 });
    await settled(smallFrame);
    const small = await embedLayout(smallFrame);
    await host.screenshot({ path: `${ARTEFACTS}/embed-graph-320x240.png` });
    expect(small.frame).toEqual({ width: 320, height: 240 });
    expect(small.overflow).toEqual({ x: false, y: false });
    expect(small.chrome).toEqual([]);
    // The folded legend floats over the diagram, which keeps the whole frame (the overview in
    // a frame this small is drawn at its readable zoom, so it may need a pan: no check of all nodes).
    expect(small.shown).toBeGreaterThan(10);
    expect(small.canvas.width).toBe(320);
    expect(small.legend).toEqual([]);
    const toggle = smallFrame.locator('[data-test="embed-legend"] > summary');
    expect(await toggle.textContent()).toBe('凡例');
    await toggle.click();
    expect((await embedLayout(smallFrame)).legend).toEqual(
      expect.arrayContaining(['取組', '協定・覚書']),
    );
    expect(await smallFrame.locator('[data-test="embed-open"]').textContent()).toBe(
      'Kizunaで開く ↗',
    );
    await context.close();
  });
});
