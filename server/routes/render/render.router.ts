import express, { Router } from 'express';
import { HttpProblem } from '../../http/problem';
import { validate } from '../../http/validate';
import { type PdfPrinter, PdfUnavailable } from './pdf-printer';
import { type PdfBody, pdfBody } from './render.schema';

/**
 * POST /api/render/pdf: a diagram the client composed (SVG) printed to a vector PDF.
 * Mounted before the app's 256 kB JSON limit, with its own: a whole-plan SVG is larger.
 */
export function renderRouter(printer: PdfPrinter): Router {
  const router = Router();
  router.post(
    '/pdf',
    express.json({ limit: '16mb' }),
    validate('body', pdfBody),
    async (_req, res) => {
      const body = res.locals.body as PdfBody;
      try {
        const pdf = await printer.print(body.svg, body.page, body.orientation);
        res
          .type('application/pdf')
          .set(
            'Content-Disposition',
            `attachment; filename="kizuna-diagram-${new Date().toISOString().slice(0, 10)}.pdf"`,
          )
          .send(pdf);
      } catch (error) {
        if (error instanceof PdfUnavailable)
          throw new HttpProblem(501, 'PDF export unavailable', error.message);
        throw error;
      }
    },
  );
  return router;
}
