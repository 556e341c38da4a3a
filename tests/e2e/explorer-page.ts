import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const ARTEFACTS = 'test-results/e2e';

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

  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTEFACTS, { recursive: true });
    const path = `${ARTEFACTS}/${name}.png`;
    await this.page.screenshot({ path });
    return path;
  }
}
