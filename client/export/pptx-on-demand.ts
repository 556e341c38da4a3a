import type { BriefPage } from './brief-model';

/**
 * The PowerPoint writer (pptxgenjs and JSZip, about 370 kB minified) is fetched the first time a
 * deck is made, not with every page: most visits never export one.
 */
export async function pptxOf(pages: BriefPage[], title: string): Promise<Uint8Array> {
  const { pagesToPptx } = await import('./brief-pptx');
  return pagesToPptx(pages, title);
}
