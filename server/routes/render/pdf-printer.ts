import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../chromium';

export type PageSize = 'a4' | 'slide';
export type Orientation = 'landscape' | 'portrait';

/** Page sizes in millimetres, portrait: A4, and a 16:9 slide (13.333 × 7.5 in). */
const SIZES: Record<PageSize, { width: number; height: number }> = {
  a4: { width: 210, height: 297 },
  slide: { width: 190.5, height: 338.667 },
};

export function pageSize(
  size: PageSize,
  orientation: Orientation,
): { width: number; height: number } {
  const { width, height } = SIZES[size];
  return orientation === 'portrait' ? { width, height } : { width: height, height: width };
}

export class PdfUnavailable extends Error {
  override name = 'PdfUnavailable';
}

/**
 * Prints an SVG diagram to a vector PDF with Chromium's print engine, so text stays text
 * and Japanese fonts are embedded. Debian's Chromium, started once and reused. The page
 * runs no script and may fetch nothing: the SVG is the only content.
 */
export class PdfPrinter {
  private browser: Promise<Browser> | undefined;

  constructor(private readonly executablePath: string) {}

  private launch(): Promise<Browser> {
    if (!existsSync(this.executablePath)) {
      throw new PdfUnavailable(
        `PDF export needs Chromium on the server (${this.executablePath} was not found; Debian: apt-get install chromium). SVG and PNG exports work without it.`,
      );
    }
    this.browser ??= launchChromium(this.executablePath).catch((error: unknown) => {
      this.browser = undefined;
      throw new PdfUnavailable(
        `Chromium could not be started for PDF export: ${(error as Error).message.split('\n')[0]}`,
      );
    });
    return this.browser;
  }

  async print(svg: string, size: PageSize, orientation: Orientation): Promise<Buffer> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) =>
        route.request().url().startsWith('data:') ? route.continue() : route.abort(),
      );
      const { width, height } = pageSize(size, orientation);
      // The diagram's own <title> (already escaped XML text) names the PDF document.
      const title = /<title>([^<]*)<\/title>/.exec(svg)?.[1] ?? 'Kizuna diagram';
      await page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>
          @page { size: ${width}mm ${height}mm; margin: 8mm; }
          html, body { margin: 0; height: 100%; }
          body { display: flex; align-items: center; justify-content: center; }
          body > svg { width: 100%; height: 100%; }
        </style></head><body>${svg}</body></html>`,
        { waitUntil: 'load' },
      );
      return await page.pdf({
        width: `${width}mm`,
        height: `${height}mm`,
        printBackground: true,
        preferCSSPageSize: true,
      });
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close();
  }
}
