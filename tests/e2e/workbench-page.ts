import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import type { WorkbenchState } from '../../client/workbench/model/state';
import { ARTEFACTS } from './explorer-page';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/**
 * A download's bytes. The browser is the run's shared Chromium, reached over a connection, so
 * the file lives with it, not here (download.path() is refused): saveAs copies it across.
 */
async function saved(file: Download): Promise<Buffer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kizuna-download-'));
  try {
    const copy = path.join(dir, 'file');
    await file.saveAs(copy);
    return readFileSync(copy);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Cypher workbench as a test drives it: through the keyboard and the page's controls. */
export class WorkbenchPage {
  readonly errors: string[] = [];
  /** Queries the page sent to POST /api/cypher. */
  readonly sent: string[] = [];

  private constructor(readonly page: Page) {
    page.on('pageerror', (e) => this.errors.push(String(e)));
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/cypher'))
        this.sent.push(String(JSON.parse(r.postData() ?? '{}').query));
    });
  }

  /** A page of its own (fresh storage), or one in a given context (shared storage). */
  static async open(
    where: Browser | BrowserContext,
    url: string,
    viewport = { width: 1440, height: 900 },
  ): Promise<WorkbenchPage> {
    const page = await where.newPage({ viewport });
    const workbench = new WorkbenchPage(page);
    await page.goto(`${url}/workbench.html`);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
    return workbench;
  }

  state(): Promise<WorkbenchState> {
    return this.page.evaluate(() => window.kizunaWorkbench!.state());
  }

  editorText(): Promise<string> {
    return this.page.evaluate(() => window.kizunaWorkbench!.editor.state.doc.toString());
  }

  /**
   * Types into the editor as a person would, replacing what is there. Before each line
   * break the completion list is closed (Escape), or Enter would pick from it.
   */
  async typeQuery(query: string): Promise<void> {
    await this.page.click('.cm-content');
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Delete');
    const lines = query.split('\n');
    for (const [i, line] of lines.entries()) {
      await this.page.keyboard.type(line);
      await this.page.keyboard.press('Escape');
      if (i < lines.length - 1) await this.page.keyboard.press('Enter');
    }
  }

  /** Runs the editor's query with Ctrl+Enter and waits for the answer. */
  async runWithKeyboard(): Promise<void> {
    await this.page.focus('.cm-content');
    await this.page.keyboard.press('Control+Enter');
    await this.settled();
  }

  /** Waits until no query is on its way. */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => window.kizunaWorkbench!.state().run.status !== 'running');
  }

  /** The text of one column of the result table, top to bottom. */
  column(index: number): Promise<string[]> {
    return this.page.$$eval(
      `[data-test="result-table"] tbody tr td:nth-child(${index + 1})`,
      (tds) => tds.map((td) => td.textContent ?? ''),
    );
  }

  /** Each header button's own text: the sort mark is a span of its own, lit-html's markers comments. */
  headers(): Promise<string[]> {
    return this.page.$$eval('[data-test="result-table"] thead th', (ths) =>
      ths.map((th) =>
        [...(th.querySelector('button')?.childNodes ?? [])]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join(''),
      ),
    );
  }

  alert(): Promise<string> {
    return this.page.textContent('#query-alert').then((t) => t ?? '');
  }

  /** The nodes and edges drawn on the result canvas. */
  drawn(): Promise<{
    nodes: { id: string; kind: string; label: string }[];
    edges: { source: string; target: string; type: string }[];
  }> {
    return this.page.evaluate(() => {
      const cy = window.kizunaWorkbench!.cy;
      return {
        nodes: cy
          .nodes()
          .map((n) => ({ id: n.id(), kind: n.data('kind'), label: n.data('label') })),
        edges: cy.edges().map((e) => ({
          source: e.data('source'),
          target: e.data('target'),
          type: e.data('type'),
        })),
      };
    });
  }

  /** Clicks a control that downloads a file and returns the file's text. */
  async download(selector: string): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.click(selector),
    ]);
    return { name: file.suggestedFilename(), text: (await saved(file)).toString('utf8') };
  }

  /**
   * Waits until the result graph has stopped moving: no animation running and every node where
   * it was a frame before (the layout places nodes over several frames).
   */
  async graphSettled(): Promise<void> {
    // Looped in the page: waitForFunction takes a returned promise as a truthy answer at once.
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const cy = window.kizunaWorkbench!.cy;
          const places = () => JSON.stringify(cy.nodes().map((n) => n.position()));
          const giveUpAt = performance.now() + 15_000;
          let before = places();
          const check = () =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const now = places();
                if (!cy.animated() && now === before) return resolve();
                if (performance.now() > giveUpAt) {
                  return reject(new Error('The result graph was still moving after 15 s.'));
                }
                before = now;
                check();
              }),
            );
          check();
        }),
    );
  }

  /** Clicks a node of the result graph where it is drawn, as a person would. */
  async clickNode(id: string): Promise<void> {
    const at = await this.page.evaluate((nodeId) => {
      const cy = window.kizunaWorkbench!.cy;
      const p = cy.getElementById(nodeId).renderedPosition();
      const box = cy.container()!.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, id);
    await this.page.mouse.click(at.x, at.y);
  }

  /** Clicks a control that downloads a file and returns the file's bytes. */
  async downloadBytes(selector: string): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.click(selector),
    ]);
    return { name: file.suggestedFilename(), bytes: await saved(file) };
  }

  /** axe-core's violations on the page as it is now, as "rule: targets". */
  async axeViolations(): Promise<string[]> {
    // Evaluated rather than injected as a <script>: the page's CSP rightly refuses inline scripts.
    await this.page.evaluate(AXE);
    return this.page.evaluate(async () => {
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

  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTEFACTS, { recursive: true });
    const path = `${ARTEFACTS}/${name}.png`;
    await this.page.screenshot({ path });
    return path;
  }
}
