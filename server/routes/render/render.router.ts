import express, { Router } from 'express';
import { MAX_BODY, pdfBody } from '../../../core/api/render';
import { HttpProblem } from '../../http/problem';
import { validate, validated } from '../../http/validate';
import { PdfBusy, PdfCancelled, type PdfPrinter, PdfTimedOut, PdfUnavailable } from './pdf-printer';
import { sanitiseSvg, UnsafeSvg } from './sanitise-svg';

/** The diagram's own <title>, as text (the sanitiser has already rebuilt it). */
function titleOf(svg: string): string | undefined {
  const raw = /<title>([^<]*)<\/title>/.exec(svg)?.[1];
  return raw
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#13;/g, '\r')
    .replace(/&amp;/g, '&');
}

/**
 * POST /api/render/pdf: a diagram the client composed (one SVG page, or several) printed
 * to a vector PDF. Mounted before the app's 256 kB JSON limit, with its own. Each page is
 * rebuilt from an allow-list before Chromium sees it; a render that outlives its deadline
 * or its client is stopped; beyond the printer's slots and queue the answer is 503.
 */
export function renderRouter(printer: PdfPrinter): Router {
  const router = Router();
  router.post(
    '/pdf',
    express.json({ limit: MAX_BODY }),
    validate('body', pdfBody),
    async (req, res) => {
      const body = validated(res, 'body', pdfBody);
      const given = body.pages ?? [body.svg ?? ''];
      const pages = given.map((svg, i) => {
        try {
          return sanitiseSvg(svg);
        } catch (error) {
          if (!(error instanceof UnsafeSvg)) throw error;
          const field = body.pages ? `pages.${i}` : 'svg';
          throw new HttpProblem(400, 'Invalid request', `Body field '${field}': ${error.message}`, {
            field,
          });
        }
      });
      const left = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) left.abort();
      });
      const title = body.title ?? titleOf(pages[0]!) ?? 'Kizuna diagram';
      try {
        const pdf = await printer.print(pages, body.page, body.orientation, title, left.signal);
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
        if (error instanceof PdfBusy)
          throw new HttpProblem(503, 'PDF renderer busy', error.message);
        if (error instanceof PdfTimedOut)
          throw new HttpProblem(503, 'PDF render timed out', error.message);
        if (error instanceof PdfCancelled) {
          req.log?.info('PDF render cancelled: the client left');
          return;
        }
        throw error;
      }
    },
  );
  return router;
}
