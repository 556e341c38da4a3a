import { z } from 'zod';
import { PAPER_NAMES } from '../model/paper';

/**
 * The biggest diagram Kizuna draws (the whole plan, every label shown) composes to about
 * 1 MB of SVG; a deck is a few dozen pages of much less. The caps leave room for that and
 * refuse anything near what made the print compositor busy for minutes.
 */
export const MAX_PAGE_SVG = 3_000_000;
export const MAX_PAGES = 60;
export const MAX_BODY = '8mb';

const svgPage = z
  .string({ error: 'must be the diagram as SVG text' })
  .min(1, 'must not be empty')
  .max(MAX_PAGE_SVG, `must be under ${MAX_PAGE_SVG / 1_000_000} MB`)
  .refine(
    (s) => /^\s*<svg[\s>]/.test(s) && /<\/svg>\s*$/.test(s),
    'must be a single <svg> element',
  );

export const pdfBody = z
  .object({
    /** One page. */
    svg: svgPage.optional(),
    /** Several pages, in order (a deck, or a view split by pillar). */
    pages: z
      .array(svgPage, { error: 'must be a list of SVG pages' })
      .min(1, 'must hold at least one page')
      .max(MAX_PAGES, `must hold at most ${MAX_PAGES} pages`)
      .optional(),
    title: z.string().max(300, 'must be under 300 characters').optional(),
    page: z
      .enum(PAPER_NAMES, {
        error: `must be ${PAPER_NAMES.slice(0, -1).join(', ')} or ${PAPER_NAMES.at(-1)}`,
      })
      .default('a4'),
    orientation: z
      .enum(['landscape', 'portrait'], { error: 'must be landscape or portrait' })
      .default('landscape'),
    width: z.number().positive().optional(),
    height: z.number().positive().optional(),
  })
  .strict()
  .refine((b) => (b.svg === undefined) !== (b.pages === undefined), {
    message: 'give either svg (one page) or pages (several), not both or neither',
    path: ['svg'],
  });

export type PdfBody = z.infer<typeof pdfBody>;
