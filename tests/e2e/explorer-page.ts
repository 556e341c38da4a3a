import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const ARTEFACTS = 'test-results/e2e';

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface DrawnLabel {
  id: string;
  /** A node's kind or an edge's type. */
  kind: string;
  node: boolean;
  text: string;
  /** Its size on screen in pixels. */
  px: number;
  box: Box;
}

/** The explorer as a test drives it: through the page's controls, reading the canvas state. */
export class ExplorerPage {
  readonly errors: string[] = [];

  private constructor(readonly page: Page) {
    page.on('pageerror', (e) => this.errors.push(String(e)));
  }

  /** A page of its own (fresh storage), or one in a given context (shared storage). */
  static async open(
    where: Browser | BrowserContext,
    url: string,
    viewport = { width: 1440, height: 900 },
  ): Promise<ExplorerPage> {
    const page = await where.newPage({ viewport });
    const explorer = new ExplorerPage(page);
    await page.goto(url);
    // Generous: the first visit after seeding waits for the server's precomputed layout.
    await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', {
      timeout: 90_000,
    });
    return explorer;
  }

  /** Ids of the nodes the canvas shows, optionally of one kind. */
  visibleNodes(kind?: string): Promise<string[]> {
    return this.page.evaluate((k) => {
      const cy = window.kizuna!.cy;
      return cy
        .nodes()
        .filter((n) => !n.hasClass('gone') && (!k || n.data('kind') === k))
        .map((n) => n.id());
    }, kind);
  }

  nodeClasses(id: string): Promise<string[]> {
    return this.page.evaluate((nodeId) => window.kizuna!.cy.getElementById(nodeId).classes(), id);
  }

  label(id: string): Promise<string> {
    return this.page.evaluate(
      (nodeId) => String(window.kizuna!.cy.getElementById(nodeId).data('label')),
      id,
    );
  }

  /** Types a query into the search box and chooses the suggestion with this id. */
  async searchAndChoose(query: string, id: string): Promise<void> {
    await this.page.fill('#search', query);
    await this.page.waitForSelector(`#search-results li[data-id="${id}"]`, { timeout: 10_000 });
    await this.page.click(`#search-results li[data-id="${id}"]`);
    await this.waitForPanel(id);
  }

  async waitForPanel(id: string): Promise<void> {
    await this.page.waitForFunction(
      (nodeId) =>
        decodeURIComponent(location.hash).includes(`sel=${nodeId}`) &&
        document.querySelector('[data-test="panel-title"]'),
      id,
    );
  }

  panelTitle(): Promise<string> {
    return this.page.textContent('[data-test="panel-title"]').then((t) => t ?? '');
  }

  /**
   * Every label the canvas draws now, as Cytoscape itself decides it (its renderer's own
   * test of the label against the minimum size, on shown elements with text), with its
   * size on screen (font size times the zoom) and its drawn box in canvas pixels.
   */
  drawnLabels(): Promise<DrawnLabel[]> {
    return this.page.evaluate(() => {
      const cy = window.kizuna!.cy;
      const renderer = (
        cy as unknown as {
          renderer(): { eleTextBiggerThanMin(ele: unknown): boolean };
        }
      ).renderer();
      const zoom = cy.zoom();
      return cy
        .elements()
        .filter(
          (e) =>
            !e.hasClass('gone') &&
            e.visible() &&
            e.style('label') !== '' &&
            Number(e.style('text-opacity')) > 0 &&
            renderer.eleTextBiggerThanMin(e),
        )
        .map((e) => {
          const b = e.renderedBoundingBox({
            includeNodes: false,
            includeEdges: false,
            includeLabels: true,
            includeOverlays: false,
          });
          return {
            id: e.id(),
            kind: String(e.data('kind') ?? e.data('type')),
            node: e.isNode(),
            text: String(e.style('label')),
            px: e.numericStyle('font-size') * zoom,
            box: { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 },
          };
        });
    });
  }

  /** Waits until the canvas has stopped moving (fits and zooms are animated) and a frame has passed. */
  /** Every node's place on the canvas, in the graph's order. */
  positions(): Promise<{ id: string; x: number; y: number }[]> {
    return this.page.evaluate(() =>
      window.kizuna!.cy.nodes().map((n) => ({ id: n.id(), ...n.position() })),
    );
  }

  async settled(): Promise<void> {
    await this.page.evaluate(() => window.kizuna!.laidOut?.());
    // Settled means the canvas has caught up with its box (a panel opening on a phone shrinks
    // it, and the app frames again once the resize reaches it: on a loaded machine that can
    // come after the first framing's animation) and nothing is moving.
    await this.page.waitForFunction(
      () => {
        const { cy } = window.kizuna!;
        const box = cy.container()!;
        return (
          !cy.animated() &&
          Math.abs(cy.width() - box.clientWidth) < 1 &&
          Math.abs(cy.height() - box.clientHeight) < 1
        );
      },
      undefined,
      { timeout: 15_000 },
    );
    await this.page.evaluate(() => window.kizuna!.laidOut?.());
    await this.page.waitForFunction(() => !window.kizuna!.cy.animated(), undefined, {
      timeout: 15_000,
    });
    await this.page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTEFACTS, { recursive: true });
    const path = `${ARTEFACTS}/${name}.png`;
    await this.page.screenshot({ path });
    return path;
  }
}
