/**
 * npm run export -- --view underpins --format pdf --lang en --out underpins.pdf
 * npm run export -- --deck --lang en --out plan-brief.pdf      (or plan-brief.pptx)
 *
 * Renders a view headlessly through the same client code, in Debian's Chromium, so a
 * weekly briefing needs no click. Views: plan, underpins, hierarchy, concentric, force;
 * --hash adds any state a shared link can hold (e.g. "pillars=I,II&themes=theme/defence").
 * Formats: svg, png (--scale 1-4), pdf and pptx, all laid out for --page slide|a4|letter
 * and --orientation landscape|portrait and split over pages where a view needs it (the
 * split is printed first; pictures of several pages are written as <out>-p01, -p02 …);
 * --page screen gives svg or png of the drawing as on screen, in one picture. And the data
 * of the view: graphml, gexf, csv-nodes, csv-relationships, cypher, cyjs. --deck makes the
 * briefing deck (title page, what underpins what, each pillar, index of commitments) as
 * pdf, pptx, or svg/png pages, the format taken from --out's extension unless --format
 * says otherwise; --hash filters apply to it as to the views.
 *
 * npm run export -- --view implementation --format pdf|pptx|csv --lang en --out review.pdf
 * writes the implementation review (where each commitment stands, with the events it cites
 * and their sources) as of today, or as of the day --hash "asof=2024-06-30" gives; its
 * pages are A4 portrait unless --page and --orientation say otherwise.
 *
 * npm run export -- --batch exports.json   makes several exports with one app and one browser:
 * the file is a JSON array of option objects, e.g.
 * [{"deck": true, "lang": "en", "out": "brief.pdf"}, {"deck": true, "lang": "en", "out": "brief.pptx"}];
 * every entry is checked before the first is made.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { z } from 'zod';
import { EXPORT_FORMAT_NAMES, type ExportFormatName } from '../core/formats/export-formats';
import { launchChromium } from '../server/chromium';
import { PdfPrinter } from '../server/routes/render/pdf-printer';
import { sanitiseSvg } from '../server/routes/render/sanitise-svg';
import { type LocalApp, startLocalApp } from './local-app';

const VIEWS = {
  plan: 'preset',
  // Not a layout: the review is made from the API's answers; the app opens on the default view.
  implementation: 'preset',
  underpins: 'underpins',
  hierarchy: 'hierarchy',
  concentric: 'concentric',
  force: 'fcose',
} as const;

const argsSchema = z.object({
  view: z.enum(Object.keys(VIEWS) as [keyof typeof VIEWS], {
    error: `--view must be one of ${Object.keys(VIEWS).join(', ')}`,
  }),
  format: z.enum(['svg', 'png', 'pdf', 'pptx', 'csv', ...EXPORT_FORMAT_NAMES], {
    error: `--format must be svg, png, pdf, pptx, csv (the implementation review) or one of ${EXPORT_FORMAT_NAMES.join(', ')}`,
  }),
  deck: z.boolean(),
  lang: z.enum(['ja', 'en'], { error: '--lang must be ja or en' }),
  out: z.string({ error: '--out FILE is required' }).min(1, '--out FILE is required'),
  scale: z.coerce
    .number({ error: '--scale must be 1, 2, 3 or 4' })
    .int()
    .min(1, '--scale must be 1-4')
    .max(4, '--scale must be 1-4'),
  page: z.enum(['a4', 'letter', 'slide', 'screen'], {
    error: '--page must be slide, a4, letter or screen',
  }),
  orientation: z.enum(['landscape', 'portrait'], {
    error: '--orientation must be landscape or portrait',
  }),
  title: z.string().optional(),
  hash: z
    .string()
    .regex(
      /^[\w.,~=&/%-]*$/,
      "--hash may only hold a link's fragment (letters, digits, = & , . ~ / -)",
    ),
});

/** One export's options, as the command line or a --batch file gives them (unknown ones refused). */
const jobOptions = z
  .object({
    view: z.string(),
    format: z.string(),
    deck: z.boolean(),
    lang: z.string(),
    out: z.string(),
    scale: z.union([z.string(), z.number()]).transform(String),
    page: z.string(),
    orientation: z.string(),
    title: z.string(),
    hash: z.string(),
  })
  .partial()
  .strict();
type JobOptions = z.input<typeof jobOptions>;

const DEFAULTS = { view: 'plan', deck: false, lang: 'ja', scale: '2', hash: '' };

/** One export's options checked and completed, or an Error naming what is wrong. */
function parseJob(given: JobOptions) {
  const values = { ...DEFAULTS, ...jobOptions.parse(given) };
  const fromOut = /\.(pdf|pptx|svg|png|csv)$/i.exec(values.out ?? '')?.[1]?.toLowerCase();
  const review = values.view === 'implementation';
  const parsed = argsSchema.safeParse({
    ...values,
    format: values.format ?? fromOut ?? (values.deck || review ? 'pdf' : 'png'),
    // The review is a document of tables: A4 portrait, unless asked otherwise.
    page: values.page ?? (review ? 'a4' : 'slide'),
    orientation: values.orientation ?? (review ? 'portrait' : 'landscape'),
  });
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  const args = parsed.data;
  if (review && (args.deck || !['pdf', 'pptx', 'csv'].includes(args.format)))
    throw new Error('--view implementation writes the review as --format pdf, pptx or csv');
  if (review && args.page === 'screen')
    throw new Error('--view implementation needs a page: slide, a4 or letter');
  if (!review && args.format === 'csv')
    throw new Error(
      "--format csv is the implementation review (--view implementation); a view's data is csv-nodes or csv-relationships",
    );
  const pictures = args.format === 'svg' || args.format === 'png';
  if (args.deck && !['pdf', 'pptx', 'svg', 'png'].includes(args.format))
    throw new Error('--deck makes pages: give --format pdf|pptx|svg|png or an --out ending in one');
  if (args.page === 'screen' && (!pictures || args.deck))
    throw new Error('--page screen (the drawing as on screen) is for one svg or png only');
  return args;
}

type Job = ReturnType<typeof parseJob>;

interface Renderer {
  app: LocalApp;
  browser: Browser;
  printer: PdfPrinter;
  log: (message: string) => void;
}

/** Opens the job's view in a page of its own and writes what it asks for. */
async function runJob(args: Job, { app, browser, printer, log }: Renderer): Promise<void> {
  const started = Date.now();
  const review = args.view === 'implementation';
  const pictures = args.format === 'svg' || args.format === 'png';
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  try {
    const layout = args.deck ? 'preset' : VIEWS[args.view];
    const hash = `lang=${args.lang}&layout=${layout}${args.hash ? `&${args.hash}` : ''}`;
    await page.goto(`${app.url}/#${hash}`);
    await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', {
      timeout: 60_000,
    });
    if ((await page.getAttribute('body', 'data-state')) === 'error') {
      throw new Error(
        `The app could not load the view: ${await page.textContent('[data-test="error"]')}`,
      );
    }
    if (review) {
      const paper = args.page as Exclude<typeof args.page, 'screen'>;
      const output = await page.evaluate((request) => window.kizuna!.review!(request), {
        format: args.format as 'pdf' | 'pptx' | 'csv',
        paper,
        orientation: args.orientation,
      });
      if (output.csv !== undefined) writeFileSync(args.out, output.csv);
      else if (output.pptx) writeFileSync(args.out, Buffer.from(output.pptx, 'base64'));
      else
        writeFileSync(
          args.out,
          await printer.print(
            output.svgs.map(sanitiseSvg),
            paper,
            args.orientation,
            args.title ?? output.title,
          ),
        );
      log(
        `Wrote ${args.out}: ${args.format.toUpperCase()} of the implementation review${output.svgs.length ? `, ${output.svgs.length} page(s)` : ''}, in ${Date.now() - started} ms.`,
      );
    } else if (
      args.page !== 'screen' &&
      (pictures || args.format === 'pdf' || args.format === 'pptx')
    ) {
      const paper = args.page;
      const brief = await page.evaluate((request) => window.kizuna!.brief!(request), {
        deck: args.deck,
        paper,
        orientation: args.orientation,
        pptx: args.format === 'pptx',
      });
      // Said before the files are written, as the export dialog says it before exporting.
      if (brief.notice) log(brief.notice);
      if (pictures) {
        // One file per page: <out> for one page, <out>-p01, -p02 … beside it for several.
        const written: string[] = [];
        for (const [i, svg] of brief.svgs.entries()) {
          const file =
            brief.svgs.length > 1
              ? args.out.replace(/(\.\w+)?$/, (ext) => `-p${String(i + 1).padStart(2, '0')}${ext}`)
              : args.out;
          if (args.format === 'svg') writeFileSync(file, svg);
          else {
            const base64 = await page.evaluate(({ d, s }) => window.kizuna!.png!(d, s, 'white'), {
              d: { svg, width: brief.width, height: brief.height },
              s: args.scale,
            });
            writeFileSync(file, Buffer.from(base64, 'base64'));
          }
          written.push(file);
        }
        log(
          `Wrote ${written.join(', ')}: ${args.format.toUpperCase()} of ${args.deck ? 'the briefing deck' : `the ${args.view} view`} laid out for the ${paper} ${args.orientation}, ${written.length} page(s), in ${Date.now() - started} ms.`,
        );
      } else if (args.format === 'pptx')
        writeFileSync(args.out, Buffer.from(brief.pptx!, 'base64'));
      else
        writeFileSync(
          args.out,
          await printer.print(
            brief.svgs.map(sanitiseSvg),
            paper,
            args.orientation,
            args.title ?? brief.title,
          ),
        );
      if (!pictures)
        log(
          `Wrote ${args.out}: ${args.format.toUpperCase()} of ${args.deck ? 'the briefing deck' : `the ${args.view} view`}, ${brief.svgs.length} page(s), in ${Date.now() - started} ms.`,
        );
    } else if (pictures) {
      const diagram = await page.evaluate(
        (title) => window.kizuna!.diagram!(title ? { title } : {}),
        args.title,
      );
      if (args.format === 'svg') writeFileSync(args.out, diagram.svg);
      if (args.format === 'png') {
        const base64 = await page.evaluate(({ d, s }) => window.kizuna!.png!(d, s, 'white'), {
          d: diagram,
          s: args.scale,
        });
        writeFileSync(args.out, Buffer.from(base64, 'base64'));
      }
      log(
        `Wrote ${args.out}: ${args.format.toUpperCase()} of the ${args.view} view (${diagram.width}×${diagram.height} px drawing) in ${Date.now() - started} ms.`,
      );
    } else {
      const text = await page.evaluate(
        (f) => window.kizuna!.data!(f),
        args.format as ExportFormatName,
      );
      writeFileSync(args.out, text);
      log(
        `Wrote ${args.out}: ${args.format} of the ${args.view} view in ${Date.now() - started} ms.`,
      );
    }
  } finally {
    await page.close();
  }
}

/** The jobs a --batch file lists (a JSON array of option objects), each checked before any runs. */
function readBatch(file: string): Job[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`--batch ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(raw) || raw.length === 0)
    throw new Error(
      `--batch ${file} must hold a JSON array of exports, e.g. [{"view":"underpins","out":"u.pdf"}]`,
    );
  return raw.map((options, i) => {
    try {
      return parseJob(options as JobOptions);
    } catch (error) {
      const message =
        error instanceof z.ZodError
          ? `${error.issues[0]!.path.join('.') || 'export'}: ${error.issues[0]!.message}`
          : error instanceof Error
            ? error.message
            : String(error);
      throw new Error(`--batch ${file}, export ${i + 1}: ${message}`);
    }
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      view: { type: 'string' },
      format: { type: 'string' },
      deck: { type: 'boolean' },
      lang: { type: 'string' },
      out: { type: 'string' },
      scale: { type: 'string' },
      page: { type: 'string' },
      orientation: { type: 'string' },
      title: { type: 'string' },
      hash: { type: 'string' },
      batch: { type: 'string' },
    },
  });
  const { batch, ...options } = values;
  const jobs = batch ? readBatch(batch) : [parseJob(options)];
  const log = (m: string) => console.error(m);
  // One app, one browser and one PDF printer for every export: a weekly set of briefs
  // (PDF, PowerPoint, pictures) costs one start, not one each.
  const app = await startLocalApp(log);
  const printer = new PdfPrinter(app.config.chromiumPath);
  // Its browser starts while the app's page loads, not after.
  if (jobs.some((job) => job.format === 'pdf')) printer.warm();
  try {
    const browser = await launchChromium(app.config.chromiumPath);
    try {
      for (const [i, job] of jobs.entries()) {
        // In a batch each line says which export it is about.
        const say = jobs.length > 1 ? (m: string) => log(`[${i + 1}/${jobs.length}] ${m}`) : log;
        await runJob(job, { app, browser, printer, log: say });
      }
    } finally {
      await browser.close();
    }
  } finally {
    await printer.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
