/**
 * The sheets a briefing or a PDF is made for, declared once: the client lays pages out on
 * them in points, and the server prints PDFs on them in millimetres.
 */
export const PAPER_NAMES = ['a4', 'letter', 'slide'] as const;
export type PaperName = (typeof PAPER_NAMES)[number];
export type Orientation = 'landscape' | 'portrait';

const POINTS_PER_MM = 72 / 25.4;

/** Sheet sizes in points (1/72 in), portrait: a 16:9 slide (7.5 × 13.333 in), A4 (210 × 297 mm), US Letter. */
const PAPERS: Record<PaperName, { width: number; height: number }> = {
  slide: { width: 540, height: 960 },
  a4: { width: 210 * POINTS_PER_MM, height: 297 * POINTS_PER_MM },
  letter: { width: 612, height: 792 },
};

/** A sheet's size in points, turned for the orientation. */
export function paperSize(paper: PaperName, orientation: Orientation) {
  const { width, height } = PAPERS[paper];
  return orientation === 'portrait' ? { width, height } : { width: height, height: width };
}

/** The same in millimetres, to a thousandth (A4 is 210 × 297). */
export function paperSizeMm(paper: PaperName, orientation: Orientation) {
  const mm = (pt: number) => Math.round((pt / POINTS_PER_MM) * 1000) / 1000;
  const { width, height } = paperSize(paper, orientation);
  return { width: mm(width), height: mm(height) };
}
