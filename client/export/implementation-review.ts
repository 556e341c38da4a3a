import type { CommitmentStanding } from '../../core/api/implementation';
import {
  CURATION_ASSESSOR,
  IMPLEMENTATION_STATUSES,
  type ImplementationStatus,
} from '../../core/model/implementation';
import type { CitableEvent, ReviewRow } from '../../core/model/implementation-review';
import { compareRefs, type StatusCounts, statusTable } from '../model/implementation-model';
import { fill, propertyValue, t } from '../views/labels';
import { titleAsOf } from '../views/status-words';
import type { BriefPage, BriefRule, BriefText, PageSetup } from './brief-model';
import {
  balancedRuns,
  briefPage,
  continuedTitle,
  cut,
  LINE,
  MIN_FONT,
  numberPages,
  usableArea,
} from './brief-pages';
import { wrapText } from './brief-text';

/**
 * The implementation review as pages (then SVG → PDF, or PowerPoint): a first page with the
 * pillar × status counts and what the statuses are; then, pillar by pillar, the pillar's
 * status counts and the list of its commitments with their status, as-of, note and the
 * events they cite, each with its date, title and source (publisher and address). A list
 * that runs on is shared evenly over its pages (balancedRuns), its header repeated and the
 * title marked "continued"; every page is numbered and ends with the dataset's footer.
 */

const BODY = MIN_FONT;
const HEAD = 10;
const HEADING = 12;
const PAD = 3;
const GAP = 8;
/** Wide enough for III.10.10 and for "(continued)" under a ref that runs on. */
const REF_W = 50;
const STATUS_W = 86;

export interface ReviewInput {
  rows: ReviewRow[];
  /** Each pillar's name in the review's language, by ref. */
  pillarNames: Map<string, string>;
  /** The day in words ("as of 2026-12-07"), for the titles. */
  asOfText: string;
  /** Where the completion scale is defined (the API's scale_source). */
  scaleSource: string;
}

const lineHeight = (fontSize: number) => fontSize * LINE;

const statusWord = (status: ImplementationStatus, lang: PageSetup['lang']) =>
  propertyValue('implementation_status', status, lang);

/**
 * The review's rows, in the plan's order: each standing with the commitment's name and the
 * cited events the record holds (one it no longer holds keeps its id in `evidence` only).
 */
export function reviewRows(
  commitments: readonly CommitmentStanding[],
  events: readonly CitableEvent[],
  nameOf: (ref: string) => string | undefined,
  lang: PageSetup['lang'],
): ReviewRow[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  return [...commitments]
    .sort((a, b) => compareRefs(a.ref, b.ref))
    .map((c) => ({
      ref: c.ref,
      pillar: c.pillar,
      name: nameOf(c.ref) ?? '',
      status: c.status,
      as_of: c.as_of,
      note: c.note,
      assessed_by: c.assessed_by,
      evidence: c.evidence,
      events: c.evidence.flatMap((id) => {
        const e = byId.get(id);
        return e
          ? [
              {
                id,
                date: e.date,
                title: (lang === 'ja' ? e.title_ja : e.title_en) || e.title_en,
                publisher: e.source_publisher,
                url: e.source_url,
              },
            ]
          : [];
      }),
    }));
}

/** A status in words, with its as-of and whose reading it is, as the list's status cell says it. */
function statusCell(row: ReviewRow, setup: PageSetup): string[] {
  const lang = setup.lang;
  const words = [statusWord(row.status, lang)];
  if (row.as_of) words.push(row.as_of);
  if (row.assessed_by === CURATION_ASSESSOR) words.push(`(${t(lang, 'implCurated')})`);
  else if (row.assessed_by)
    words.push(`(${fill(t(lang, 'reviewAssessedBy'), { name: row.assessed_by })})`);
  return words.flatMap((w) => wrapText(w, STATUS_W, BODY, lang));
}

/** Each cited event: its date and title, then its source, wrapped to the column. */
function evidenceCell(row: ReviewRow, width: number, setup: PageSetup): string[] {
  const lang = setup.lang;
  return row.evidence.flatMap((id) => {
    const e = row.events.find((x) => x.id === id);
    if (!e) return wrapText(fill(t(lang, 'reviewMissingEvent'), { id }), width, BODY, lang);
    return [
      ...wrapText(`${e.date} ${e.title}`, width, BODY, lang),
      ...wrapText(`${e.publisher}: ${e.url}`, width, BODY, lang),
    ];
  });
}

interface Column {
  x: number;
  width: number;
}

/** The list's five columns across the usable width: ref, commitment, status, note, evidence. */
function columns(x0: number, width: number): Column[] {
  const rest = width - REF_W - STATUS_W - 4 * GAP;
  const widths = [REF_W, rest * 0.24, STATUS_W, rest * 0.28, rest * 0.48];
  let x = x0;
  return widths.map((w) => {
    const col = { x, width: w };
    x += w + GAP;
    return col;
  });
}

interface Block {
  height: number;
  /** Texts and rules at y = 0; placed by adding the block's top. */
  texts: BriefText[];
  rules: BriefRule[];
}

const moved = (block: Block, y: number, x = 0): Block => ({
  ...block,
  texts: block.texts.map((t) => ({ ...t, y: t.y + y, x: t.x + x })),
  rules: block.rules.map((r) => ({ ...r, y: r.y + y, x: r.x + x })),
});

/** A table of counts: a header row of statuses (and "Total"), one row per label given. */
function countsTable(
  rows: Array<{ label: string; counts: StatusCounts; total: number }>,
  x0: number,
  width: number,
  setup: PageSetup,
): Block {
  const lang = setup.lang;
  const labelW = rows.length > 1 ? Math.min(160, width * 0.28) : 0;
  const cellW = (width - labelW) / (IMPLEMENTATION_STATUSES.length + 1);
  const heads = [
    ...IMPLEMENTATION_STATUSES.map((s) => statusWord(s, lang)),
    t(lang, 'implTotal'),
  ].map((h) => wrapText(h, cellW - GAP, HEAD, lang));
  const headH = Math.max(...heads.map((l) => l.length)) * lineHeight(HEAD) + 2 * PAD;
  const texts: BriefText[] = heads.map((lines, i) => ({
    x: x0 + labelW + i * cellW,
    y: PAD,
    lines,
    fontSize: HEAD,
    bold: true,
    colour: '#12263a',
    width: cellW - GAP,
  }));
  if (labelW)
    texts.push({
      x: x0,
      y: PAD,
      lines: [t(lang, 'reviewPillar')],
      fontSize: HEAD,
      bold: true,
      colour: '#12263a',
      width: labelW,
    });
  const rules: BriefRule[] = [{ x: x0, y: headH, width }];
  let y = headH;
  for (const row of rows) {
    const label = labelW ? wrapText(row.label, labelW - GAP, BODY, lang) : [];
    const h = Math.max(1, label.length) * lineHeight(BODY) + 2 * PAD;
    if (labelW) texts.push({ x: x0, y: y + PAD, lines: label, fontSize: BODY, width: labelW });
    const cells = [...IMPLEMENTATION_STATUSES.map((s) => row.counts[s]), row.total];
    for (const [i, n] of cells.entries())
      texts.push({
        x: x0 + labelW + i * cellW,
        y: y + PAD,
        lines: [String(n)],
        fontSize: BODY,
        bold: i === IMPLEMENTATION_STATUSES.length,
        width: cellW - GAP,
      });
    y += h;
    rules.push({ x: x0, y, width });
  }
  return { height: y, texts, rules };
}

/** The list's header row, repeated at the top of the list on every page. */
function listHeader(cols: Column[], setup: PageSetup): Block {
  const lang = setup.lang;
  const words = [
    'reviewRef',
    'reviewCommitment',
    'reviewStatus',
    'reviewNote',
    'reviewEvidence',
  ] as const;
  const heads = words.map((w, i) => wrapText(t(lang, w), cols[i]!.width, HEAD, lang));
  const height = Math.max(...heads.map((l) => l.length)) * lineHeight(HEAD) + 2 * PAD;
  return {
    height,
    texts: heads.map((lines, i) => ({
      x: cols[i]!.x,
      y: PAD,
      lines,
      fontSize: HEAD,
      bold: true,
      colour: '#12263a',
      width: cols[i]!.width,
    })),
    rules: [{ x: cols[0]!.x, y: height, width: cols.at(-1)!.x + cols.at(-1)!.width - cols[0]!.x }],
  };
}

/**
 * One commitment's row of the list, as one block, or several where it is taller than a page
 * holds (`maxLines` lines): a commitment citing many events runs on to the next page, its
 * ref repeated and marked "continued", rather than over the footer.
 */
function listRows(row: ReviewRow, cols: Column[], setup: PageSetup, maxLines: number): Block[] {
  const lang = setup.lang;
  const cells = [
    [row.ref],
    wrapText(row.name || row.ref, cols[1]!.width, BODY, lang),
    statusCell(row, setup),
    row.note ? wrapText(row.note, cols[3]!.width, BODY, lang) : [],
    evidenceCell(row, cols[4]!.width, setup),
  ];
  const tallest = Math.max(1, ...cells.map((c) => c.length));
  const per = Math.max(1, maxLines);
  const parts = Math.ceil(tallest / per);
  return Array.from({ length: parts }, (_, part) => {
    const slices = cells.map((lines, i) =>
      i === 0 && part
        ? [
            row.ref,
            lang === 'ja' ? `（${t(lang, 'briefContinued')}）` : `(${t(lang, 'briefContinued')})`,
          ]
        : lines.slice(part * per, (part + 1) * per),
    );
    const height = Math.max(1, ...slices.map((c) => c.length)) * lineHeight(BODY) + 2 * PAD;
    return {
      height,
      texts: slices
        .map((lines, i) => ({
          x: cols[i]!.x,
          y: PAD,
          lines,
          fontSize: BODY,
          bold: i === 0,
          width: cols[i]!.width,
        }))
        .filter((text) => text.lines.length),
      rules: [
        { x: cols[0]!.x, y: height, width: cols.at(-1)!.x + cols.at(-1)!.width - cols[0]!.x },
      ],
    };
  });
}

/** A heading line over a part of a page (the pillar's full name, the scale's note). */
function heading(text: string, x: number, width: number, setup: PageSetup): Block {
  const lines = wrapText(text, width, HEADING, setup.lang);
  return {
    height: lines.length * lineHeight(HEADING) + 6,
    texts: [{ x, y: 0, lines, fontSize: HEADING, bold: true, colour: '#12263a', width }],
    rules: [],
  };
}

function paragraph(text: string, x: number, width: number, setup: PageSetup): Block {
  const lines = wrapText(text, width, BODY, setup.lang);
  return {
    height: lines.length * lineHeight(BODY) + 6,
    texts: [{ x, y: 0, lines, fontSize: BODY, colour: '#4a525c', width }],
    rules: [],
  };
}

/** Blocks one under the other from `top`, `gap` apart, as one page's texts and rules. */
function stack(blocks: Block[], top: number, gap: number): Block {
  let y = top;
  const out: Block = { height: 0, texts: [], rules: [] };
  for (const b of blocks) {
    const placed = moved(b, y);
    out.texts.push(...placed.texts);
    out.rules.push(...placed.rules);
    y += b.height + gap;
  }
  out.height = y - top;
  return out;
}

const pillarLabel = (ref: string, name: string | undefined, lang: PageSetup['lang']) =>
  lang === 'ja' ? `柱${ref}${name ? `：${name}` : ''}` : `Pillar ${ref}${name ? `: ${name}` : ''}`;

/** The review's title: "Implementation review, as of 2026-12-07". */
export const reviewTitle = (asOfText: string, lang: PageSetup['lang']): string =>
  titleAsOf(t(lang, 'reviewTitle'), asOfText, lang);

export function reviewPages(input: ReviewInput, setup: PageSetup): BriefPage[] {
  const lang = setup.lang;
  const area = usableArea(setup, 0);
  const title = reviewTitle(input.asOfText, lang);
  const table = statusTable(input.rows);
  // The pillars the review holds (a review of one pillar has one), in the plan's order.
  const pillars = table.rows.filter((r) => r.total > 0);
  const sheet = (name: string, block: Block): BriefPage => ({
    ...briefPage(setup, name, [], [], block.texts),
    rules: block.rules,
    part: name,
  });

  const summary = stack(
    [
      heading(t(lang, 'reviewSummary'), area.x, area.width, setup),
      countsTable(
        [
          ...pillars.map((p) => ({
            label: pillarLabel(p.pillar, input.pillarNames.get(p.pillar), lang),
            counts: p.counts,
            total: p.total,
          })),
          { label: t(lang, 'implTotal'), counts: table.totals, total: table.total },
        ],
        area.x,
        area.width,
        setup,
      ),
      paragraph(
        fill(t(lang, 'reviewReadings'), { url: input.scaleSource }),
        area.x,
        area.width,
        setup,
      ),
    ],
    area.y,
    12,
  );
  const pages: BriefPage[] = [sheet(title, summary)];

  const cols = columns(area.x, area.width);
  const header = listHeader(cols, setup);
  for (const { pillar, counts, total } of pillars) {
    const name = pillarLabel(pillar, input.pillarNames.get(pillar), lang);
    const pillarTitle = lang === 'ja' ? `${title}：柱${pillar}` : `${title} — Pillar ${pillar}`;
    const top = heading(name, area.x, area.width, setup);
    const counted = countsTable([{ label: name, counts, total }], area.x, area.width, setup);
    // The pillar's name heads every page of it; its counts open the first page, counted in
    // with the first row (never a page of counts alone), so the pages share the list evenly.
    const opening = counted.height + 10;
    const room = area.height - top.height - header.height;
    // A row may fill a page, the first page's counts included, and no more.
    const maxLines = Math.floor((room - opening - 2 * PAD) / lineHeight(BODY));
    const rows = input.rows
      .filter((r) => r.pillar === pillar)
      .flatMap((r) => listRows(r, cols, setup, maxLines));
    const runs = balancedRuns(
      rows.map((b, i) => b.height + (i ? 0 : opening)),
      room,
      0,
    );
    cut(rows, runs).forEach((run, i) => {
      const blocks = i
        ? [top, header, ...run]
        : [top, { ...counted, height: opening }, header, ...run];
      pages.push(
        sheet(i ? continuedTitle(pillarTitle, lang) : pillarTitle, stack(blocks, area.y, 0)),
      );
    });
  }
  return numberPages(pages);
}
