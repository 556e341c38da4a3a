import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { xmlText } from '../../../core/formats/xml';
import { type Orientation, type PaperName, paperSizeMm } from '../../../core/model/paper';
import { launchOfflineChromium } from '../../chromium';

export type PageSize = PaperName;
export type { Orientation };

/** Chromium is missing or cannot start: a 501, SVG and PNG still work. */
export class PdfUnavailable extends Error {
  override name = 'PdfUnavailable';
}

/** Every render slot and queue place is taken: a 503 with Retry-After. */
export class PdfBusy extends Error {
  override name = 'PdfBusy';
}

/** The render ran past its deadline and was stopped: a 503. */
export class PdfTimedOut extends Error {
  override name = 'PdfTimedOut';
}

/** The client went away; nothing is sent. */
export class PdfCancelled extends Error {
  override name = 'PdfCancelled';
}

export interface PrinterLimits {
  /** Renders running at once; each holds a print compositor busy. */
  concurrent: number;
  /** Renders waiting for a slot; beyond that requests are refused with 503. */
  queued: number;
  /** A render's whole time (waiting excluded) before its browser context is closed. */
  deadlineMs: number;
}

export const DEFAULT_LIMITS: PrinterLimits = { concurrent: 2, queued: 4, deadlineMs: 30_000 };

/** What the page may do: show the inline SVG and its inline styles, nothing else. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'";

/**
 * Prints sanitised SVG pages to one vector PDF with Chromium's print engine, so text stays
 * text and fonts are embedded. Debian's Chromium, started on first use with no network
 * (server/chromium.ts OFFLINE_FLAGS), relaunched when it dies. At most `concurrent`
 * renders at once and `queued` waiting; each render gets its own context, closed at
 * its deadline or when the caller's signal aborts (the client left).
 */
/** A fresh browser context with its one blank page, made ready before a render needs it. */
interface Sheet {
  context: BrowserContext;
  page: Page;
}

export class PdfPrinter {
  private browser: Promise<Browser> | undefined;
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /**
   * The next render's context and page, made while nobody waits: opening a page starts a
   * renderer process, which took 1–3 s of a 3–9 s slide PDF on a loaded machine. Each
   * render still gets a context of its own, never one a render used before.
   */
  private spare: Promise<Sheet> | undefined;
  private spareContext: BrowserContext | undefined;
  private closed = false;

  constructor(
    private readonly executablePath: string,
    readonly limits: PrinterLimits = DEFAULT_LIMITS,
  ) {}

  private launch(): Promise<Browser> {
    if (!existsSync(this.executablePath)) {
      throw new PdfUnavailable(
        `PDF export needs Chromium on the server (${this.executablePath} was not found; Debian: apt-get install chromium). SVG and PNG exports work without it.`,
      );
    }
    if (!this.browser) {
      const launched = launchOfflineChromium(this.executablePath).then(
        (browser) => {
          // A crashed or killed browser is forgotten, so the next render starts a new one.
          browser.on('disconnected', () => {
            if (this.browser === launched) this.browser = undefined;
          });
          return browser;
        },
        (error: unknown) => {
          if (this.browser === launched) this.browser = undefined;
          throw new PdfUnavailable(
            `Chromium could not be started for PDF export: ${(error as Error).message.split('\n')[0]}`,
          );
        },
      );
      this.browser = launched;
    }
    return this.browser;
  }

  /** A new context (JavaScript off, every request refused) and its page. */
  private async sheet(made?: (context: BrowserContext) => void): Promise<Sheet> {
    let browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false }).catch(async () => {
      // The browser died between renders: start a new one once.
      this.browser = undefined;
      browser = await this.launch();
      return browser.newContext({ javaScriptEnabled: false });
    });
    made?.(context);
    try {
      // Nothing but the inline document is ever loaded; the browser flags hold if this misses.
      await context.route('**/*', (route) => route.abort('blockedbyclient'));
      return { context, page: await context.newPage() };
    } catch (error) {
      await context.close().catch(() => {});
      throw error;
    }
  }

  /**
   * Starts the browser and readies the next render's page in the background (server start,
   * and after each render), so a user's export does not wait for either.
   */
  warm(): void {
    if (this.spare || this.closed || !existsSync(this.executablePath)) return;
    const made = this.sheet((context) => {
      this.spareContext = context;
    });
    made.catch(() => {
      if (this.spare === made) this.spare = undefined;
    });
    this.spare = made;
  }

  /** The spare sheet if it is still good, else a new one. */
  private async take(): Promise<Sheet> {
    const spare = this.spare;
    this.spare = undefined;
    this.spareContext = undefined;
    const ready = await spare?.catch(() => undefined);
    if (ready?.context.browser()?.isConnected() && !ready.page.isClosed()) return ready;
    if (ready) await ready.context.close().catch(() => {});
    return this.sheet();
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    if (this.running < this.limits.concurrent) {
      this.running++;
      return;
    }
    if (this.waiting.length >= this.limits.queued) {
      throw new PdfBusy(
        `The PDF renderer is busy (${this.limits.concurrent} renders running, ${this.limits.queued} waiting); try again shortly.`,
      );
    }
    await new Promise<void>((resolve, reject) => {
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const at = this.waiting.indexOf(wake);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(new PdfCancelled('The client left before the render started.'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(wake);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next in line, so the count stays the same.
    if (next) next();
    else this.running--;
  }

  /** Browser contexts renders hold now (each render has one while it runs, the spare aside): 0 when idle. */
  async openContexts(): Promise<number> {
    const browser = await this.browser?.catch(() => undefined);
    return browser?.isConnected()
      ? browser.contexts().filter((c) => c !== this.spareContext).length
      : 0;
  }

  /** Renders running and waiting now. */
  load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * One PDF of the given (already sanitised) SVG pages, each page exactly one sheet of
   * `size`: the SVG is stretched to the sheet with no margin, so a page composed in
   * points at the sheet's size prints 1:1.
   */
  async print(
    pages: string[],
    size: PageSize,
    orientation: Orientation,
    title: string,
    signal?: AbortSignal,
  ): Promise<Buffer> {
    if (signal?.aborted) throw new PdfCancelled('The client left before the render started.');
    await this.acquire(signal);
    let context: BrowserContext | undefined;
    let timer: NodeJS.Timeout | undefined;
    let stop: (() => void) | undefined;
    let closing: Promise<void> | undefined;
    try {
      const sheet = await this.take();
      context = sheet.context;
      const ctx = context;
      const stopped = new Promise<never>((_resolve, reject) => {
        stop = () => {
          reject(
            signal?.aborted
              ? new PdfCancelled('The client left during the render.')
              : new PdfTimedOut(
                  `The PDF render took longer than ${Math.round(this.limits.deadlineMs / 1000)} s and was stopped.`,
                ),
          );
          closing ??= ctx.close().catch(() => {});
        };
        timer = setTimeout(stop, this.limits.deadlineMs);
        signal?.addEventListener('abort', stop, { once: true });
      });
      return await Promise.race([
        stopped,
        this.render(sheet.page, pages, size, orientation, title),
      ]);
    } finally {
      clearTimeout(timer);
      if (stop) signal?.removeEventListener('abort', stop);
      // Closing twice returns at once while the first close is still under way: wait for it.
      closing ??= context?.close().catch(() => {});
      await closing;
      this.release();
      // The next render's page is made now, off its critical path.
      if (this.running === 0 && this.browser) this.warm();
    }
  }

  private async render(
    page: Page,
    pages: string[],
    size: PageSize,
    orientation: Orientation,
    title: string,
  ): Promise<Buffer> {
    const { width, height } = paperSizeMm(size, orientation);
    const sheets = pages.map((svg) => `<div class="sheet">${svg}</div>`).join('');
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>${xmlText(title)}</title><style>
        @page { size: ${width}mm ${height}mm; margin: 0; }
        html, body { margin: 0; padding: 0; }
        .sheet { width: ${width}mm; height: ${height}mm; overflow: hidden; break-after: page; }
        .sheet:last-child { break-after: auto; }
        .sheet > svg { display: block; width: 100%; height: 100%; }
      </style></head><body>${sheets}</body></html>`,
      { waitUntil: 'load' },
    );
    return page.pdf({
      width: `${width}mm`,
      height: `${height}mm`,
      printBackground: true,
      preferCSSPageSize: true,
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = undefined;
    this.spare = undefined;
    this.spareContext = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close();
  }
}
