import { z } from 'zod';

export const pdfBody = z
  .object({
    svg: z
      .string({ error: 'must be the diagram as SVG text' })
      .min(1, 'must not be empty')
      .max(16_000_000, 'must be under 16 MB')
      .refine(
        (s) => /^\s*<svg[\s>]/.test(s) && /<\/svg>\s*$/.test(s),
        'must be a single <svg> element',
      ),
    page: z.enum(['a4', 'slide'], { error: 'must be a4 or slide' }).default('a4'),
    orientation: z
      .enum(['landscape', 'portrait'], { error: 'must be landscape or portrait' })
      .default('landscape'),
    width: z.number().positive().optional(),
    height: z.number().positive().optional(),
  })
  .strict();

export type PdfBody = z.infer<typeof pdfBody>;
