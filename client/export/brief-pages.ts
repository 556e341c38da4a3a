import { t } from '../views/labels';
import {
  type BriefBox,
  type BriefGraph,
  type BriefLink,
  type BriefNode,
  type BriefPage,
  type BriefText,
  type PageSetup,
  paperSize,
} from './brief-model';
import { type BriefLang, textWidth, wrapText } from './brief-text';

/**
 * Briefing pages laid out for the sheet they print on: everything in points (1 SVG unit
 * = 1 pt on paper), labels never under MIN_FONT, the diagram spread over the space left
 * by the title, legend and footer. A view that does not fit one sheet at that size is
 * split (the underpins view by agreement, the others by pillar), each page with its own
 * title, legend and footer; what runs on is shared evenly over its pages (11 rows go
 * 6 + 5, not 9 + 2), the pages after the first say "continued", and every page of a
 * document of several carries its number ("3 / 7"). Pure: the same pages become SVG
 * (then PDF) and PowerPoint.
 */

/** The smallest text on any page, in points. */
export const MIN_FONT = 9;
const LABEL_FONT = 10;
const MARGIN = 28;
const TITLE_FONT = 18;
const FOOTER_FONT = 9;
/** Line height, as a multiple of the font size. */
export const LINE = 1.22;
const BOX_PAD = 5;
const NUMBER_FONT = 10;
/** The room the page number takes at the top right, beside the title. */
const NUMBER_W = 64;

/** Where the footer's two lines start on a sheet of this height; what sits above ends 6 pt higher. */
const footerTop = (height: number) => height - MARGIN - FOOTER_FONT * LINE * 2;

/** The room a strip takes above the footer, with the gap between it and the diagram. */
const stripSpace = (setup: Pick<PageSetup, 'strip'>) => (setup.strip ? setup.strip.height + 8 : 0);

/**
 * The footer as it sits on a sheet of this width: at most two lines of FOOTER_FONT (the
 * room usableArea leaves). A citation that needed more would be cut, so it is refused.
 */
export function footerLines(footer: string, width: number, lang: BriefLang): string[] {
  const lines = wrapText(footer, width - 2 * MARGIN, FOOTER_FONT, lang);
  if (lines.length > 2)
    throw new Error(
      `The footer needs ${lines.length} lines at ${FOOTER_FONT} pt; pages have room for 2.`,
    );
  return lines;
}

/** The area a page's diagram may use, after title, legend and footer. */
export function usableArea(setup: PageSetup, legendRows: number) {
  const { width, height } = paperSize(setup.paper, setup.orientation);
  const top = MARGIN + TITLE_FONT * LINE * 2 + 6;
  const bottom = footerTop(height) - 6 - stripSpace(setup);
  const landscape = width > height;
  // A legend sits at the right of a landscape sheet, under the diagram on a portrait one.
  const legendW = landscape && legendRows ? 150 : 0;
  const legendH = !landscape && legendRows ? Math.ceil(legendRows / 2) * 14 + 18 : 0;
  return {
    x: MARGIN,
    y: top,
    width: width - 2 * MARGIN - (legendW ? legendW + 16 : 0),
    height: bottom - top - legendH,
    legend: landscape
      ? { x: width - MARGIN - legendW, y: top, columns: 1 }
      : { x: MARGIN, y: bottom - legendH + 14, columns: 2 },
  };
}

function box(node: BriefNode, x: number, y: number, w: number, lang: BriefLang): BriefBox {
  const lines = wrapText(node.label, w - 2 * BOX_PAD, LABEL_FONT, lang);
  return {
    id: node.id,
    kind: node.kind,
    x,
    y,
    w,
    h: lines.length * LABEL_FONT * LINE + 2 * BOX_PAD,
    label: node.label,
    lines,
    fontSize: LABEL_FONT,
  };
}

/** A sheet with its title, texts and footer; boxes and links make its diagram and legend. */
export function briefPage(
  setup: PageSetup,
  title: string,
  boxes: BriefBox[],
  links: BriefLink[],
  texts: BriefText[] = [],
): BriefPage {
  const { width, height } = paperSize(setup.paper, setup.orientation);
  const kinds = new Set(boxes.map((b) => b.kind));
  const types = new Set(links.map((l) => l.type));
  const titleLines = wrapText(title, width - 2 * MARGIN - NUMBER_W, TITLE_FONT, setup.lang).slice(
    0,
    2,
  );
  return {
    width,
    height,
    title,
    boxes,
    links,
    texts: [
      {
        x: MARGIN,
        y: MARGIN,
        lines: titleLines,
        fontSize: TITLE_FONT,
        bold: true,
        colour: '#12263a',
        width: width - 2 * MARGIN - NUMBER_W,
      },
      ...texts,
      {
        x: MARGIN,
        y: footerTop(height),
        lines: footerLines(setup.footer, width, setup.lang),
        fontSize: FOOTER_FONT,
        colour: '#4a525c',
        width: width - 2 * MARGIN,
      },
    ],
    legend: boxes.length ? setup.legendFor(kinds, types) : [],
    footer: setup.footer,
    lang: setup.lang,
    ...(setup.strip
      ? {
          strip: {
            svg: setup.strip.draw({
              x: MARGIN,
              y: footerTop(height) - 6 - setup.strip.height,
              width: width - 2 * MARGIN,
            }),
            space: stripSpace(setup),
          },
        }
      : {}),
  };
}

/**
 * Spreads stacked groups down the usable height: the groups keep their order, and the
 * slack between them is shared out, so the diagram fills the page rather than its top.
 */
function spread(groups: BriefBox[][], top: number, height: number): void {
  const used = groups.reduce(
    (sum, g) => sum + Math.max(...g.map((b) => b.y + b.h)) - Math.min(...g.map((b) => b.y)),
    0,
  );
  const gap = groups.length > 1 ? Math.min(60, (height - used) / (groups.length - 1)) : 0;
  let y = top;
  for (const group of groups) {
    const start = Math.min(...group.map((b) => b.y));
    for (const b of group) b.y += y - start;
    y += Math.max(...group.map((b) => b.y + b.h)) - y + gap;
  }
}

/** The runs `heights` (`gap` apart) make when each page is filled in turn up to `limit`. */
function fillRuns(heights: number[], limit: number, gap: number): number[] {
  const runs: number[] = [];
  let used = 0;
  let count = 0;
  for (const h of heights) {
    if (count && used + gap + h > limit) {
      runs.push(count);
      used = 0;
      count = 0;
    }
    used += (count ? gap : 0) + h;
    count++;
  }
  if (count) runs.push(count);
  return runs;
}

/**
 * Cuts a list (its items' heights, `gap` apart) into consecutive runs, one a page of
 * `capacity`: into `pages` runs at most, by default as few as filling each page in turn
 * takes, shared evenly (11 rows of a page that holds 9 go 6 + 5, not 9 + 2; 22 go 8, 7, 7).
 * No run is taller than it must be for that many pages; an item taller than a page has a
 * page to itself. Returns how many items each run holds.
 */
export function balancedRuns(
  heights: number[],
  capacity: number,
  gap: number,
  pages = fillRuns(heights, capacity, gap).length,
): number[] {
  let low = 0;
  let high = Math.max(capacity, ...heights);
  if (fillRuns(heights, high, gap).length > pages) {
    // Fewer pages than the sheet allows were asked for: the runs grow past a page.
    high = heights.reduce((sum, h) => sum + h + gap, 0);
  }
  // The shortest limit that still takes no more pages than that.
  while (high - low > 0.5) {
    const mid = (low + high) / 2;
    if (fillRuns(heights, mid, gap).length <= pages) high = mid;
    else low = mid;
  }
  // Each page then takes the fewest items that reach its share of what is left, or more
  // when the rest would not fit the pages after it.
  const runs: number[] = [];
  let at = 0;
  for (let left = pages; at < heights.length; left--) {
    const rest = heights.slice(at);
    const most = fillRuns(rest, high, gap)[0]!;
    const share = rest.reduce((sum, h) => sum + h + gap, 0) / Math.max(1, left);
    let take = 1;
    let reached = rest[0]! + gap;
    while (take < most && reached < share - 1e-6) reached += rest[take++]! + gap;
    while (take < most && fillRuns(rest.slice(take), high, gap).length > left - 1) take++;
    runs.push(take);
    at += take;
  }
  return runs;
}

/** The items of `list`, cut into runs of the given lengths. */
export function cut<T>(list: T[], runs: number[]): T[][] {
  const starts = runs.map((_, i) => runs.slice(0, i).reduce((sum, n) => sum + n, 0));
  return runs.map((n, i) => list.slice(starts[i], starts[i]! + n));
}

/** A title as the pages after the first of its part say it: "… (continued)", "…（続き）". */
export function continuedTitle(title: string, lang: BriefLang): string {
  const word = t(lang, 'briefContinued');
  return lang === 'ja' ? `${title}（${word}）` : `${title} (${word})`;
}

/**
 * Numbers the pages of a document of several at their top right, "3 / 7" (a single page
 * needs none). Done once the document is whole, since only then is the count known.
 */
export function numberPages(pages: BriefPage[]): BriefPage[] {
  if (pages.length < 2) return pages;
  // Before the footer, which stays the page's last text.
  return pages.map((p, i) => ({
    ...p,
    texts: [
      ...p.texts.slice(0, -1),
      {
        x: p.width - MARGIN - NUMBER_W,
        // On the title's first baseline.
        y: MARGIN + (TITLE_FONT - NUMBER_FONT) * 0.9,
        lines: [`${i + 1} / ${pages.length}`],
        fontSize: NUMBER_FONT,
        colour: '#4a525c',
        width: NUMBER_W,
        align: 'end',
      },
      ...p.texts.slice(-1),
    ],
  }));
}

/**
 * "What underpins what": each agreement on the left, the commitments it underpins (or
 * that work towards it) on the right, as many agreements to a page as fit.
 */
export function underpinsPages(graph: BriefGraph, setup: PageSetup, title: string): BriefPage[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const rows = new Map<string, string[]>();
  const linkType = new Map<string, string>();
  for (const e of graph.edges) {
    let agreement: string | undefined;
    let commitment: string | undefined;
    if (e.type === 'UNDERPINS') [agreement, commitment] = [e.source, e.target];
    if (e.type === 'WORKS_TOWARDS' || e.type === 'REFERS_TO')
      [agreement, commitment] = [e.target, e.source];
    if (!agreement || !commitment) continue;
    if (byId.get(agreement)?.kind !== 'Agreement' || byId.get(commitment)?.kind !== 'Commitment')
      continue;
    rows.set(agreement, [...(rows.get(agreement) ?? []), commitment]);
    linkType.set(`${agreement}|${commitment}`, e.type);
  }
  const refOf = (id: string) => byId.get(id)?.ref ?? id;
  const byRef = (a: string, b: string) => refOf(a).localeCompare(refOf(b), 'en', { numeric: true });
  const ordered = [...rows.entries()]
    .map(([agreement, cs]) => ({ agreement, commitments: [...new Set(cs)].sort(byRef) }))
    .sort((a, b) => byRef(a.commitments[0]!, b.commitments[0]!));

  const legendRows = 8;
  const area = usableArea(setup, legendRows);
  const leftW = Math.round(area.width * 0.42);
  const rightW = Math.round(area.width * 0.44);
  const rightX = area.x + area.width - rightW;
  const laid = ordered.map((row) => {
    const left = box(byId.get(row.agreement)!, area.x, 0, leftW, setup.lang);
    const right: BriefBox[] = [];
    let y = 0;
    for (const c of row.commitments) {
      const b = box(byId.get(c)!, rightX, y, rightW, setup.lang);
      right.push(b);
      y += b.h + 6;
    }
    const height = Math.max(left.h, y - 6);
    left.y = (height - left.h) / 2;
    return { ...row, left, right, height };
  });
  const runs = balancedRuns(
    laid.map((r) => r.height),
    area.height,
    14,
  );
  return cut(laid, runs).map((rows, i) => {
    const groups: BriefBox[][] = [];
    const links: BriefLink[] = [];
    for (const row of rows) {
      const placed = new Set(groups.flat().map((b) => b.id));
      groups.push([row.left, ...row.right.filter((b) => !placed.has(b.id))]);
      for (const c of row.commitments)
        links.push({
          from: row.agreement,
          to: c,
          type: linkType.get(`${row.agreement}|${c}`) ?? 'UNDERPINS',
        });
    }
    spread(groups, area.y, area.height);
    const refs = groups
      .flat()
      .filter((b) => b.kind === 'Commitment')
      .map((b) => refOf(b.id))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const agreements = groups.length;
    const range = refs.length > 1 ? `${refs[0]}–${refs.at(-1)}` : (refs[0] ?? '');
    return {
      ...briefPage(setup, i ? continuedTitle(title, setup.lang) : title, groups.flat(), links),
      part:
        setup.lang === 'ja'
          ? `協定${agreements}件（${range}）`
          : `${agreements} agreement${agreements === 1 ? '' : 's'} (${range})`,
    };
  });
}

const PILLAR_COLUMNS = [
  { kind: 'Agreement', en: 'Agreements', ja: '協定・覚書' },
  { kind: 'Area', en: 'Areas', ja: '分野' },
  { kind: 'Agency', en: 'Agencies', ja: '機関' },
  { kind: 'Program', en: 'Programmes', ja: '事業・制度' },
] as const;

/**
 * One pillar: its areas in the second column, the agreements its commitments rest on to
 * their left, the agencies and programmes that carry them out to their right, each linked
 * to the areas it serves. A pillar too large for one sheet continues on more, its columns
 * shared evenly over them and the areas repeated where a page's boxes serve them.
 */
export function pillarPages(
  graph: BriefGraph,
  setup: PageSetup,
  pillar: BriefNode,
  title: string,
  order: 'barycentre' | 'alphabetical' = 'barycentre',
): BriefPage[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const areaOf = (commitmentId: string) => {
    const c = byId.get(commitmentId);
    if (!c || c.pillar !== pillar.ref || !c.area) return undefined;
    const areaRef = c.area;
    return graph.nodes.find((n) => n.kind === 'Area' && n.ref === areaRef)?.id;
  };
  const linked = new Map<string, Set<string>>();
  const link = (other: string, area: string | undefined) => {
    if (!area) return;
    linked.set(other, (linked.get(other) ?? new Set()).add(area));
  };
  for (const e of graph.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    if (e.type === 'UNDERPINS' && s.kind === 'Agreement') link(s.id, areaOf(t.id));
    if (e.type === 'WORKS_TOWARDS' && t.kind === 'Agreement') link(t.id, areaOf(s.id));
    if (e.type === 'INVOLVES' && t.kind === 'Agency') link(t.id, areaOf(s.id));
    if (e.type === 'IMPLEMENTED_VIA' && t.kind === 'Program') link(t.id, areaOf(s.id));
  }
  const areas = graph.nodes
    .filter((n) => n.kind === 'Area' && n.pillar === pillar.ref)
    .sort((a, b) => (a.ref ?? '').localeCompare(b.ref ?? '', 'en', { numeric: true }));
  // Areas keep the plan's order (a reader finds II.3 after II.2); each other column is
  // ordered by the barycentre of the areas it links to, so its lines run roughly level
  // and cross far less than in alphabetical order. Ties keep alphabetical order.
  const areaIndex = new Map(areas.map((a, i) => [a.id, i]));
  const barycentre = (id: string) => {
    const at = [...(linked.get(id) ?? [])].map((a) => areaIndex.get(a) ?? 0);
    return at.length ? at.reduce((x, y) => x + y, 0) / at.length : 0;
  };
  const columns = PILLAR_COLUMNS.map((col) =>
    col.kind === 'Area'
      ? areas
      : graph.nodes
          .filter((n) => n.kind === col.kind && linked.has(n.id))
          .sort((a, b) =>
            order === 'barycentre'
              ? barycentre(a.id) - barycentre(b.id) || a.label.localeCompare(b.label, setup.lang)
              : a.label.localeCompare(b.label, setup.lang),
          ),
  );

  const area = usableArea(setup, 8);
  const gap = 24;
  const colW = (area.width - gap * 3) / 4;
  const headerH = LABEL_FONT * LINE + 8;
  const room = area.height - headerH;
  const heights = columns.map((nodes) => nodes.map((n) => box(n, 0, 0, colW, setup.lang).h));
  const others = PILLAR_COLUMNS.flatMap((col, i) => (col.kind === 'Area' ? [] : [i]));
  // The agreements, agencies and programmes are shared evenly over as many pages as the
  // longest column needs; each page repeats the areas its boxes serve, so every line is
  // drawn on every page. Should those areas not fit beside them, one more page is taken.
  const fewest = Math.max(1, ...others.map((i) => fillRuns(heights[i]!, room, 8).length));
  const most = Math.max(fewest, ...others.map((i) => columns[i]!.length));
  const served = new Set([...linked.values()].flatMap((ids) => [...ids]));
  let sheets: BriefNode[][][] = [];
  for (let count = fewest; count <= most; count++) {
    const parts = columns.map((nodes, i) =>
      others.includes(i) ? cut(nodes, balancedRuns(heights[i]!, room, 8, count)) : [],
    );
    sheets = Array.from({ length: count }, (_, p) =>
      columns.map((_nodes, i) => {
        if (others.includes(i)) return parts[i]![p] ?? [];
        const needed = new Set(
          others.flatMap((o) => (parts[o]![p] ?? []).flatMap((n) => [...(linked.get(n.id) ?? [])])),
        );
        // An area nothing links to is still the pillar's: it stands on the first page.
        return areas.filter((a) => needed.has(a.id) || (p === 0 && !served.has(a.id)));
      }),
    );
    const areaColumn = PILLAR_COLUMNS.findIndex((col) => col.kind === 'Area');
    const fits = sheets.every(
      (sheet) =>
        fillRuns(
          sheet[areaColumn]!.map((a) => box(a, 0, 0, colW, setup.lang).h),
          room,
          8,
        ).length <= 1,
    );
    if (fits) break;
  }
  return sheets.map((sheet, p) => {
    const boxes: BriefBox[] = [];
    const texts: BriefText[] = [];
    sheet.forEach((nodes, i) => {
      const x = area.x + i * (colW + gap);
      const col = PILLAR_COLUMNS[i]!;
      texts.push({
        x,
        y: area.y,
        lines: [col[setup.lang]],
        fontSize: LABEL_FONT,
        bold: true,
        colour: '#12263a',
        width: colW,
      });
      const placed = nodes.map((n) => box(n, x, 0, colW, setup.lang));
      const used = placed.reduce((sum, b) => sum + b.h + 8, 0) - 8;
      // The column's boxes share the height's slack, so it fills the page rather than its top.
      const slack = placed.length > 1 ? (room - used) / (placed.length - 1) : 0;
      let top = area.y + headerH;
      for (const b of placed) {
        b.y = top;
        top += b.h + 8 + Math.min(slack, 40);
      }
      boxes.push(...placed);
    });
    const here = new Set(boxes.map((b) => b.id));
    const links: BriefLink[] = [];
    for (const [other, areaIds] of linked) {
      if (!here.has(other)) continue;
      const kind = byId.get(other)?.kind;
      for (const a of areaIds) {
        if (!here.has(a)) continue;
        if (kind === 'Agreement') links.push({ from: other, to: a, type: 'UNDERPINS' });
        if (kind === 'Agency') links.push({ from: a, to: other, type: 'INVOLVES' });
        if (kind === 'Program') links.push({ from: a, to: other, type: 'IMPLEMENTED_VIA' });
      }
    }
    const named = p ? continuedTitle(title, setup.lang) : title;
    return { ...briefPage(setup, named, boxes, links, texts), part: named };
  });
}

/** One line of a deck's contents: a part's name and the pages it takes ("pp. 2–3"). */
export interface ContentsEntry {
  name: string;
  pages: string;
}

/**
 * The deck's first page: what it is, its contents (each part and its pages, made from the
 * pages themselves, so it lists what the deck holds and nothing else), when, from what.
 * On a landscape sheet the contents stand left of the details; on a portrait one, above.
 */
export function titlePage(
  setup: PageSetup,
  lines: { heading: string; rows: string[]; contents?: ContentsEntry[] },
): BriefPage {
  const { width, height } = paperSize(setup.paper, setup.orientation);
  const textW = width - 2 * MARGIN - 40;
  const x0 = MARGIN + 20;
  const headingLines = wrapText(lines.heading, textW, 26, setup.lang);
  const contents = lines.contents ?? [];
  const sideBySide = width > height && contents.length > 0;
  const colGap = 32;
  const colW = sideBySide ? (textW - colGap) / 2 : textW;
  const rowFont = 13;
  const step = (n: number) => n * rowFont * LINE + 8;
  // The contents: a heading, then each part with its pages set against the right edge.
  const pagesW = 80;
  const contentsTexts = (x: number, y0: number): BriefText[] => {
    if (!contents.length) return [];
    const out: BriefText[] = [
      {
        x,
        y: y0,
        lines: [t(setup.lang, 'briefContents')],
        fontSize: rowFont,
        bold: true,
        colour: '#12263a',
        width: colW,
      },
    ];
    let y = y0 + step(1);
    for (const entry of contents) {
      const wrapped = wrapText(entry.name, colW - pagesW - 8, rowFont, setup.lang);
      out.push({
        x,
        y,
        lines: wrapped,
        fontSize: rowFont,
        colour: '#1b1f24',
        width: colW - pagesW - 8,
      });
      out.push({
        x: x + colW - pagesW,
        y,
        lines: [entry.pages],
        fontSize: rowFont,
        colour: '#1b1f24',
        width: pagesW,
        align: 'end',
      });
      y += step(wrapped.length);
    }
    return out;
  };
  const rowTexts = (x: number, y0: number): BriefText[] => {
    let y = y0;
    return lines.rows.map((row) => {
      const wrapped = wrapText(row, colW, rowFont, setup.lang);
      const text = { x, y, lines: wrapped, fontSize: rowFont, colour: '#1b1f24', width: colW };
      y += step(wrapped.length);
      return text;
    });
  };
  const blockHeight = (texts: BriefText[]) =>
    texts.length ? Math.max(...texts.map((t) => t.y + step(t.lines.length))) : 0;
  const contentsH = blockHeight(contentsTexts(x0, 0));
  const rowsH = blockHeight(rowTexts(x0, 0));
  const headingH = headingLines.length * 26 * LINE + 24;
  // Stacked, the contents and the details are parted by a blank line's worth.
  const parting = contentsH && !sideBySide ? rowFont * LINE : 0;
  const bodyH = sideBySide ? Math.max(contentsH, rowsH) : contentsH + parting + rowsH;
  // As high as a third of the way down, but never so low that the last line meets the footer.
  const top = Math.max(MARGIN, Math.min(height * 0.28, footerTop(height) - 12 - headingH - bodyH));
  const bodyTop = top + headingH;
  const texts: BriefText[] = [
    {
      x: x0,
      y: top,
      lines: headingLines,
      fontSize: 26,
      bold: true,
      colour: '#12263a',
      width: textW,
    },
    ...contentsTexts(x0, bodyTop),
    ...(sideBySide
      ? rowTexts(x0 + colW + colGap, bodyTop)
      : rowTexts(x0, bodyTop + contentsH + parting)),
  ];
  const p = briefPage(setup, lines.heading, [], [], texts);
  // The title page carries its heading large in the middle, not also as a page title,
  // and no timeline strip: its lines run down the page.
  p.texts = p.texts.slice(1);
  delete p.strip;
  return p;
}

/** The index of commitments: ref and name, in document order, in columns, as many pages as needed. */
export function indexPages(graph: BriefGraph, setup: PageSetup, title: string): BriefPage[] {
  const commitments = graph.nodes
    .filter((n) => n.kind === 'Commitment')
    .sort((a, b) => (a.ref ?? '').localeCompare(b.ref ?? '', 'en', { numeric: true }));
  const area = usableArea(setup, 0);
  const columns = area.width > 600 ? 2 : 1;
  const gap = 24;
  const colW = (area.width - gap * (columns - 1)) / columns;
  const refW = textWidth('III.10.10', LABEL_FONT) + 8;
  const entries = commitments.map((c) => {
    const name = c.ref && c.label.startsWith(c.ref) ? c.label.slice(c.ref.length).trim() : c.label;
    const lines = wrapText(name, colW - refW, LABEL_FONT, setup.lang);
    return { ref: c.ref ?? '', lines, h: lines.length * LABEL_FONT * LINE + 4 };
  });
  // As many pages as filling the columns in turn takes, the entries shared evenly over
  // all their columns: the last page is not left with a few lines at its top.
  const heights = entries.map((e) => e.h);
  const pageCount = Math.ceil(fillRuns(heights, area.height, 0).length / columns);
  const filled = cut(entries, balancedRuns(heights, area.height, 0, pageCount * columns));
  const pages: BriefPage[] = [];
  for (let at = 0; at < filled.length; at += columns) {
    const texts: BriefText[] = [];
    filled.slice(at, at + columns).forEach((run, col) => {
      const x = area.x + col * (colW + gap);
      let y = area.y;
      for (const e of run) {
        texts.push({ x, y, lines: [e.ref], fontSize: LABEL_FONT, bold: true, width: refW });
        texts.push({ x: x + refW, y, lines: e.lines, fontSize: LABEL_FONT, width: colW - refW });
        y += e.h;
      }
    });
    pages.push(
      briefPage(setup, pages.length ? continuedTitle(title, setup.lang) : title, [], [], texts),
    );
  }
  return pages;
}

/**
 * How many pairs of a page's links cross: two links between the same two columns cross
 * when their ends are in opposite vertical order (a straight-line count; the curves the
 * pages draw cross exactly when their ends do).
 */
export function crossings(page: BriefPage): number {
  const byId = new Map(page.boxes.map((b) => [b.id, b]));
  const ends = page.links.flatMap((l) => {
    const a = byId.get(l.from);
    const b = byId.get(l.to);
    return a && b ? [{ a: a.y + a.h / 2, b: b.y + b.h / 2, cols: `${a.x}|${b.x}` }] : [];
  });
  let count = 0;
  for (let i = 0; i < ends.length; i++)
    for (let j = i + 1; j < ends.length; j++) {
      const p = ends[i]!;
      const q = ends[j]!;
      if (p.cols === q.cols && (p.a - q.a) * (p.b - q.b) < 0) count++;
    }
  return count;
}
