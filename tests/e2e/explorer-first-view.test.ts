import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { KIND_STYLES, type NodeKind } from '../../client/model/palette';
import { launchChromium } from '../support/browser';
import { type Box, type DrawnLabel, ExplorerPage } from './explorer-page';

const url = inject('appUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const overlap = (a: Box, b: Box) =>
  Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.5 &&
  Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.5;

/** Labels drawn smaller than 9 px on screen, as "text (px)". */
const tooSmall = (labels: DrawnLabel[]) =>
  labels.filter((l) => l.px < 9).map((l) => `${l.text} (${l.px.toFixed(1)} px)`);

/** Shown nodes whose drawn body, or pillar and area titles whose drawn text, leave the canvas. */
async function outsideCanvas(x: ExplorerPage, labels: DrawnLabel[]): Promise<string[]> {
  const { w, h, nodes } = await x.page.evaluate(() => {
    const cy = window.kizuna!.cy;
    return {
      w: cy.width(),
      h: cy.height(),
      nodes: cy
        .nodes()
        .filter((n) => !n.hasClass('gone'))
        .map((n) => ({
          id: n.id(),
          box: n.renderedBoundingBox({ includeLabels: false, includeOverlays: false }),
        })),
    };
  });
  const out = leavesCanvas(w, h);
  return [
    ...nodes.filter((n) => out(n.box)).map((n) => n.id),
    ...labels.filter((l) => isHeading(l) && out(l.box)).map((l) => `title of ${l.id}`),
  ];
}

/** Whether a drawn box reaches past a canvas of this size (by more than a pixel of rounding). */
const leavesCanvas = (w: number, h: number) => (b: Box) =>
  b.x1 < -1 || b.y1 < -1 || b.x2 > w + 1 || b.y2 > h + 1;

/** Node labels drawn (partly) outside the canvas, as their text. */
async function labelsOutsideCanvas(x: ExplorerPage): Promise<string[]> {
  const { w, h } = await x.page.evaluate(() => ({
    w: window.kizuna!.cy.width(),
    h: window.kizuna!.cy.height(),
  }));
  const out = leavesCanvas(w, h);
  return (await x.drawnLabels()).filter((l) => l.node && out(l.box)).map((l) => l.text);
}

const isHeading = (l: DrawnLabel) => l.kind === 'Pillar' || l.kind === 'Area';

/** Pairs of pillar and area titles whose drawn boxes overlap, and titles drawn over another node. */
async function crowdedTitles(x: ExplorerPage, labels: DrawnLabel[]): Promise<string[]> {
  const headings = labels.filter(isHeading);
  const bodies = await x.page.evaluate(() =>
    window
      .kizuna!.cy.nodes()
      .filter((n) => !n.hasClass('gone'))
      .map((n) => ({
        id: n.id(),
        box: n.renderedBoundingBox({ includeLabels: false, includeOverlays: false }),
      })),
  );
  const found: string[] = [];
  headings.forEach((a, i) => {
    for (const b of headings.slice(i + 1))
      if (overlap(a.box, b.box)) found.push(`"${a.text}" overlaps "${b.text}"`);
    for (const n of bodies)
      if (n.id !== a.id && overlap(a.box, n.box)) found.push(`"${a.text}" covers ${n.id}`);
  });
  return found;
}

/** The search box's placeholder, and whether the box shows it whole (measured by laying it out in a span). */
async function searchPlaceholder(x: ExplorerPage): Promise<{ text: string; whole: boolean }> {
  return x.page.$eval('#search', (el) => {
    const input = el as HTMLInputElement;
    const style = getComputedStyle(input);
    const span = document.createElement('span');
    span.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${style.font}`;
    span.textContent = input.placeholder;
    document.body.append(span);
    const width = span.getBoundingClientRect().width;
    span.remove();
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text: input.placeholder, whole: width <= room };
  });
}

describe('the first view reads without zooming', () => {
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    const size = `${viewport.width}×${viewport.height}`;
    it(`draws pillar and area titles of at least 9 px, apart and inside the canvas, at ${size}`, async () => {
      const x = await ExplorerPage.open(browser, `${url}/#lang=en`, viewport);
      await x.settled();
      const labels = await x.drawnLabels();
      // Every pillar and every area is named (by name, or on a phone by its ref).
      const titled = labels.filter(isHeading);
      expect(titled.filter((l) => l.kind === 'Pillar')).toHaveLength(4);
      expect(titled.filter((l) => l.kind === 'Area')).toHaveLength(11);
      expect(tooSmall(labels), `labels under 9 px at ${size}`).toEqual([]);
      expect(await outsideCanvas(x, labels), `outside the canvas at ${size}`).toEqual([]);
      expect(await crowdedTitles(x, labels), `crowded titles at ${size}`).toEqual([]);
      await x.screenshot(`first-view-${viewport.width}x${viewport.height}`);
      // The search box's hint is shown whole: the long one on a laptop, a short one on a phone.
      const hint = await searchPlaceholder(x);
      expect(hint.whole, `search placeholder "${hint.text}" cut at ${size}`).toBe(true);
      expect(hint.text).toBe(
        viewport.width > 900 ? 'Search names, agreements, commitments…' : 'Search the plan…',
      );

      // Zooming in brings the commitments' refs, none under 9 px, none over another.
      let refs: DrawnLabel[] = [];
      for (let step = 1; step <= 4 && !refs.length; step++) {
        await x.page.click('#zoom-in');
        await x.settled();
        const zoomed = await x.drawnLabels();
        expect(tooSmall(zoomed), `labels under 9 px zoomed in ${step}× at ${size}`).toEqual([]);
        refs = zoomed.filter((l) => l.kind === 'Commitment');
      }
      expect(refs.length, `commitment refs after zooming in at ${size}`).toBeGreaterThan(0);
      const clashes = refs.flatMap((a, i) =>
        refs.slice(i + 1).flatMap((b) => (overlap(a.box, b.box) ? [`${a.text}/${b.text}`] : [])),
      );
      expect(clashes, `refs drawn over each other at ${size}`).toEqual([]);

      // In Japanese too, the titles read and keep apart.
      await x.page.click('#zoom-fit');
      await x.page.click('#lang-toggle');
      await x.page.waitForFunction(() => document.documentElement.lang === 'ja');
      await x.settled();
      const ja = await x.drawnLabels();
      expect(ja.filter(isHeading).length).toBe(15);
      const jaHint = await searchPlaceholder(x);
      expect(jaHint.whole, `search placeholder "${jaHint.text}" cut in Japanese at ${size}`).toBe(
        true,
      );
      expect(tooSmall(ja), `labels under 9 px in Japanese at ${size}`).toEqual([]);
      expect(await outsideCanvas(x, ja)).toEqual([]);
      expect(await crowdedTitles(x, ja), `crowded Japanese titles at ${size}`).toEqual([]);
      expect(x.errors).toEqual([]);
      await x.page.close();
    }, 180_000);
  }

  /** Each agreement's label as given and as Cytoscape draws it (lines joined), at a zoom where it draws them. */
  async function agreementLabels(x: ExplorerPage): Promise<{ given: string; drawn: string }[]> {
    await x.page.evaluate(() => {
      const cy = window.kizuna!.cy;
      const fonts = cy.nodes('[kind = "Agreement"]').map((n) => n.numericStyle('font-size'));
      // Just past the size from which labels are drawn (level of detail: 9 px on screen).
      cy.zoom({ level: 9.5 / Math.min(...fonts), renderedPosition: { x: 0, y: 0 } });
    });
    await x.settled();
    return x.page.evaluate(() => {
      const cy = window.kizuna!.cy;
      const renderer = (
        cy as unknown as { renderer(): { getLabelText(ele: unknown, prefix: string): string } }
      ).renderer();
      return cy.nodes('[kind = "Agreement"]').map((n) => ({
        given: String(n.data('label')),
        drawn: String(renderer.getLabelText(n, '')).replace(/\s+/g, ' ').trim(),
      }));
    });
  }

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    const size = `${viewport.width}×${viewport.height}`;
    it(`names the plan, tells every agreement apart and labels a focus, at ${size}`, async () => {
      const x = await ExplorerPage.open(browser, `${url}/#lang=en`, viewport);
      await x.settled();
      // The plan's root is named, readable and within the canvas, at the first view.
      const plan = (await x.drawnLabels()).filter((l) => l.kind === 'Plan');
      expect(plan.map((l) => l.text)).toHaveLength(1);
      expect(plan[0]!.text).toMatch(/^Japan-Mongolia Action Plan/);
      expect(plan[0]!.px).toBeGreaterThanOrEqual(9);
      expect(await labelsOutsideCanvas(x)).not.toContain(plan[0]!.text);
      // Every agreement's label is its own: in the overview and in a layout with room for
      // names, in both languages.
      for (const [lang, layout] of [
        ['en', 'clusters'],
        ['ja', 'clusters'],
        ['en', 'fcose'],
        ['ja', 'fcose'],
      ] as const) {
        await x.page.evaluate(
          ([l, y]) => {
            location.hash = `lang=${l}${y === 'clusters' ? '' : `&layout=${y}`}`;
          },
          [lang, layout],
        );
        await x.page.waitForFunction((l) => document.documentElement.lang === l, lang);
        await x.settled();
        const labels = await agreementLabels(x);
        const where = `${lang} ${layout} at ${size}`;
        expect(labels, where).toHaveLength(14);
        const given = labels.map((l) => l.given);
        expect(new Set(given).size, `${where}: ${given.join(' | ')}`).toBe(14);
        // Drawn as given: the overview draws all of them; a force layout leaves out a label
        // that would cover a bigger one (label-declutter.ts), and draws the rest apart.
        const drawn = labels.map((l) => l.drawn).filter(Boolean);
        if (layout === 'clusters') expect(drawn, `${where}: unlabelled`).toHaveLength(14);
        expect(
          drawn.every((d) => given.includes(d)),
          `${where}: ${drawn.join(' | ')}`,
        ).toBe(true);
        expect(new Set(drawn).size, `${where}: ${drawn.join(' | ')}`).toBe(drawn.length);
      }
      // A focus in the overview names the nodes it shows, readable.
      await x.page.evaluate(() => {
        location.hash = 'lang=en&focus=jp-mn-defence-mou~1&sel=jp-mn-defence-mou';
      });
      await x.waitForPanel('jp-mn-defence-mou');
      await x.page.click('#zoom-fit');
      await x.settled();
      const shown = (await x.visibleNodes()).sort();
      const drawn = (await x.drawnLabels()).filter((l) => l.node);
      expect(shown.length).toBeGreaterThanOrEqual(4);
      // Each with its name, the focused one first; of two nodes side by side in the grid,
      // one may leave its label out rather than draw it over the other's.
      const named = drawn.map((l) => l.id);
      expect(named, `labels of the focus at ${size}`).toContain('jp-mn-defence-mou');
      expect(named).toContain('jp-mn-2022/I.3.2');
      expect(named.length, `labels of the focus at ${size}`).toBeGreaterThanOrEqual(
        shown.length - 1,
      );
      expect(tooSmall(drawn)).toEqual([]);
      expect(drawn.find((l) => l.id === 'jp-mn-2022/I.3.2')!.text).toMatch(/^I\.3\.2 Defence/);
      await x.screenshot(`labelled-focus-${viewport.width}x${viewport.height}`);
      expect(x.errors).toEqual([]);
      await x.page.close();
    }, 180_000);
  }

  it('gives commitments their names and usual size as soon as the overview is left', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 1280, height: 720 });
    await x.settled();
    const look = () =>
      x.page.evaluate(() => {
        const n = window.kizuna!.cy.getElementById('jp-mn-2022/I.3.2');
        return { label: n.data('label') as string, width: n.width() };
      });
    const overview = await look();
    expect(overview.label).toBe('I.3.2');
    await x.page.selectOption('#layout', 'fcose');
    await x.settled();
    const force = await look();
    // Its ref and its short title, as the plan numbers it.
    expect(force.label).toBe('I.3.2 Defence visits and exchanges under the defence MoUs');
    expect(force.width).toBeGreaterThan(overview.width);
    await x.page.close();
  }, 120_000);

  it('draws a worker-computed layout once, at its new places, and the last one asked for wins', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 1280, height: 720 });
    await x.settled();
    // Every drawing from the switch on: was I.3.2 drawn with its name (the new look) while
    // still at its place in the overview?
    await x.page.evaluate(() => {
      const cy = window.kizuna!.cy;
      const node = cy.getElementById('jp-mn-2022/I.3.2');
      const before = { ...node.position() };
      const w = window as unknown as { drawings: { named: boolean; moved: boolean }[] };
      w.drawings = [];
      cy.on('render', () => {
        const p = node.position();
        w.drawings.push({
          named: node.data('label') !== 'I.3.2',
          moved: p.x !== before.x || p.y !== before.y,
        });
      });
    });
    await x.page.selectOption('#layout', 'fcose');
    await x.settled();
    const drawings = await x.page.evaluate(
      () => (window as unknown as { drawings: { named: boolean; moved: boolean }[] }).drawings,
    );
    expect(drawings.some((d) => d.named && d.moved)).toBe(true);
    expect(drawings.filter((d) => d.named && !d.moved)).toEqual([]);

    // Hierarchy asked for, then the network overview before the worker answers: the
    // overview's stored places stay, the worker's late answer is not applied over them.
    await x.page.selectOption('#layout', 'preset');
    await x.settled();
    const preset = await x.positions();
    await x.page.selectOption('#layout', 'hierarchy');
    await x.page.selectOption('#layout', 'preset');
    // settled() waits for the worker's answer to the hierarchy too (laidOut awaits it).
    await x.settled();
    const after = await x.positions();
    expect(after).toEqual(preset);

    // Force-directed, then the overview before the worker answers: the overview is drawn
    // and framed as usual, its titles apart and inside the canvas.
    await x.page.selectOption('#layout', 'fcose');
    await x.page.selectOption('#layout', 'clusters');
    await x.settled();
    const labels = await x.drawnLabels();
    expect(labels.filter(isHeading).length).toBe(15);
    expect(await outsideCanvas(x, labels)).toEqual([]);
    expect(await crowdedTitles(x, labels)).toEqual([]);
    await x.page.close();
  }, 120_000);

  it('keeps the network overview at its stored places after other layouts have run', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en&layout=preset`, {
      width: 1280,
      height: 720,
    });
    await x.settled();
    const stored = await x.positions();
    // Each layout, then the overview again: its places are the stored ones, not the last
    // layout's (Cytoscape kept the stored objects as live positions, and layouts wrote into them).
    for (const other of ['fcose', 'hierarchy', 'clusters']) {
      await x.page.selectOption('#layout', other);
      await x.settled();
      expect(await x.positions(), other).not.toEqual(stored);
      await x.page.selectOption('#layout', 'preset');
      await x.settled();
      expect(await x.positions(), `preset after ${other}`).toEqual(stored);
    }
    await x.page.close();
  }, 120_000);

  for (const layout of ['fcose', 'hierarchy', 'concentric', 'preset']) {
    it(`draws no node label over another in the ${layout} layout, fitted or zoomed in, in English and Japanese`, async () => {
      const x = await ExplorerPage.open(browser, `${url}/#lang=en&layout=${layout}`, {
        width: 1280,
        height: 720,
      });
      await x.settled();
      const clashes = async () => {
        const nodes = (await x.drawnLabels()).filter((l) => l.node);
        return nodes.flatMap((a, i) =>
          nodes
            .slice(i + 1)
            .flatMap((b) => (overlap(a.box, b.box) ? [`"${a.text}" / "${b.text}"`] : [])),
        );
      };
      expect(await clashes(), 'fitted').toEqual([]);
      expect(await labelsOutsideCanvas(x), 'labels cut by the canvas edge, fitted').toEqual([]);
      for (let step = 1; step <= 3; step++) {
        await x.page.click('#zoom-in');
        await x.settled();
        expect(await clashes(), `zoomed in ${step}×`).toEqual([]);
      }
      // Not a test passed by drawing nothing: zoomed in, names are drawn.
      expect((await x.drawnLabels()).filter((l) => l.node).length).toBeGreaterThan(5);
      await x.page.click('#lang-toggle');
      await x.page.waitForFunction(() => document.documentElement.lang === 'ja');
      await x.settled();
      expect(await clashes(), 'in Japanese').toEqual([]);
      expect(x.errors).toEqual([]);
      await x.page.close();
    }, 120_000);
  }

  /**
   * Pixels inside each pillar and area title, on the canvas Cytoscape draws nodes on, that
   * have the colour of another kind of node: a node drawn over the title. The box is taken in
   * by 3 px, away from the antialiased rim of the label's background.
   */
  async function nodesOverTitles(x: ExplorerPage): Promise<string[]> {
    const others = (Object.keys(KIND_STYLES) as NodeKind[])
      .filter((k) => !['Plan', 'Pillar', 'Area', 'Target', 'Theme'].includes(k))
      .map((k) => KIND_STYLES[k].colour);
    const titles = (await x.drawnLabels()).filter(isHeading);
    expect(titles.length).toBeGreaterThanOrEqual(2);
    return x.page.evaluate(
      ({ titles, others }) => {
        const layer = document.querySelector<HTMLCanvasElement>('canvas[data-id="layer2-node"]')!;
        const scale = layer.width / layer.clientWidth;
        const context = layer.getContext('2d')!;
        const rgb = others.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
        const found: string[] = [];
        for (const t of titles) {
          const x1 = Math.max(0, Math.ceil((t.box.x1 + 3) * scale));
          const y1 = Math.max(0, Math.ceil((t.box.y1 + 3) * scale));
          const x2 = Math.min(layer.width, Math.floor((t.box.x2 - 3) * scale));
          const y2 = Math.min(layer.height, Math.floor((t.box.y2 - 3) * scale));
          if (x2 <= x1 || y2 <= y1) continue;
          const { data } = context.getImageData(x1, y1, x2 - x1, y2 - y1);
          let hits = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3]! < 250) continue;
            const near = rgb.some(
              ([r, g, b]) =>
                Math.abs(data[i]! - r!) < 24 &&
                Math.abs(data[i + 1]! - g!) < 24 &&
                Math.abs(data[i + 2]! - b!) < 24,
            );
            if (near) hits++;
          }
          if (hits) found.push(`"${t.text}": ${hits} px of a node's colour`);
        }
        return found;
      },
      { titles, others },
    );
  }

  for (const layout of ['fcose', 'preset']) {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 390, height: 844 },
    ]) {
      it(`draws pillar and area titles above the nodes they cross, and every label inside the canvas, in the ${layout} layout at ${viewport.width}×${viewport.height}`, async () => {
        const x = await ExplorerPage.open(browser, `${url}/#lang=en&layout=${layout}`, viewport);
        await x.settled();
        expect(await nodesOverTitles(x)).toEqual([]);
        expect(await labelsOutsideCanvas(x), 'labels cut by the canvas edge').toEqual([]);
        expect(x.errors).toEqual([]);
        await x.page.close();
      }, 120_000);
    }
  }

  it('frames the names that Fit brings out, not only the nodes: a long name dragged to the edge is not cut', async () => {
    // A canvas taller than wide: the picture's width decides the zoom.
    const x = await ExplorerPage.open(browser, `${url}/#lang=en&layout=preset`, {
      width: 600,
      height: 1000,
    });
    await x.settled();
    // The plan's long name goes to the right edge of the picture...
    const { from, to } = await x.page.evaluate(() => {
      const cy = window.kizuna!.cy;
      const shown = cy.nodes().filter((n) => !n.hasClass('gone'));
      const box = shown.renderedBoundingBox({ includeLabels: false });
      const plan = cy.nodes('[kind = "Plan"]').first().renderedPosition();
      return { from: plan, to: { x: box.x2 - 2, y: plan.y } };
    });
    const canvas = (await x.page.locator('#cy').boundingBox())!;
    await x.page.mouse.move(canvas.x + from.x, canvas.y + from.y);
    await x.page.mouse.down();
    await x.page.mouse.move(canvas.x + to.x, canvas.y + to.y, { steps: 8 });
    await x.page.mouse.up();
    // ...then, zoomed out until no name is drawn, Fit zooms in and names come back. Three quick
    // clicks are three steps, also when each comes during the last one's animation.
    const zoom = () => x.page.evaluate(() => window.kizuna!.cy.zoom());
    const before = await zoom();
    for (let i = 0; i < 3; i++) await x.page.click('#zoom-out', { delay: 0 });
    await x.settled();
    expect(await zoom()).toBeCloseTo(before / 1.4 ** 3, 3);
    expect(await x.drawnLabels()).toEqual([]);
    await x.page.click('#zoom-fit');
    await x.settled();
    expect((await x.drawnLabels()).length).toBeGreaterThan(0);
    expect(await labelsOutsideCanvas(x)).toEqual([]);
    expect(x.errors).toEqual([]);
    await x.page.close();
  }, 120_000);

  it('keeps labels of at least 9 px in the underpins view, also after an export', async () => {
    const x = await ExplorerPage.open(browser, `${url}/#lang=en`, { width: 1280, height: 720 });
    await x.page.click('#tab-underpins');
    await x.page.waitForSelector('[data-test="underpins-list"]');
    await x.settled();
    const before = await x.drawnLabels();
    expect(before.length).toBeGreaterThan(10);
    expect(tooSmall(before)).toEqual([]);
    const rules = () =>
      x.page.evaluate(
        () => (window.kizuna!.cy.style() as unknown as { json(): unknown[] }).json().length,
      );
    const rulesBefore = await rules();
    // The export shows every name whatever the zoom; afterwards the screen is as it was.
    const svg = await x.page.evaluate(() => window.kizuna!.diagram!({}).svg);
    expect(svg).toContain('<svg');
    await x.settled();
    expect(await rules()).toBe(rulesBefore);
    const after = await x.drawnLabels();
    expect(tooSmall(after)).toEqual([]);
    expect(after.map((l) => l.id).sort()).toEqual(before.map((l) => l.id).sort());
    await x.page.close();
  }, 120_000);
});
