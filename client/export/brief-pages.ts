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
 * title, legend and footer. Pure: the same pages become SVG (then PDF) and PowerPoint.
 */

/** The smallest text on any page, in points. */
export const MIN_FONT = 9;
const LABEL_FONT = 10;
const MARGIN = 28;
const TITLE_FONT = 18;
const FOOTER_FONT = 9;
const LINE = 1.22;
const BOX_PAD = 5;

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

function page(
  setup: PageSetup,
  title: string,
  boxes: BriefBox[],
  links: BriefLink[],
  texts: BriefText[] = [],
): BriefPage {
  const { width, height } = paperSize(setup.paper, setup.orientation);
  const kinds = new Set(boxes.map((b) => b.kind));
  const types = new Set(links.map((l) => l.type));
  const titleLines = wrapText(title, width - 2 * MARGIN, TITLE_FONT, setup.lang).slice(0, 2);
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
        width: width - 2 * MARGIN,
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
  const pages: BriefPage[] = [];
  let groups: BriefBox[][] = [];
  let links: BriefLink[] = [];
  let height = 0;
  const flush = () => {
    if (!groups.length) return;
    spread(groups, area.y, area.height);
    const refs = groups
      .flat()
      .filter((b) => b.kind === 'Commitment')
      .map((b) => refOf(b.id))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const agreements = groups.length;
    const range = refs.length > 1 ? `${refs[0]}–${refs.at(-1)}` : (refs[0] ?? '');
    pages.push({
      ...page(setup, title, groups.flat(), links),
      part:
        setup.lang === 'ja'
          ? `協定${agreements}件（${range}）`
          : `${agreements} agreement${agreements === 1 ? '' : 's'} (${range})`,
    });
    groups = [];
    links = [];
    height = 0;
  };
  for (const row of ordered) {
    const left = box(byId.get(row.agreement)!, area.x, 0, leftW, setup.lang);
    const right: BriefBox[] = [];
    let y = 0;
    for (const c of row.commitments) {
      const b = box(byId.get(c)!, rightX, y, rightW, setup.lang);
      right.push(b);
      y += b.h + 6;
    }
    const rowH = Math.max(left.h, y - 6);
    left.y = (rowH - left.h) / 2;
    if (height && height + rowH > area.height) flush();
    const placed = new Set(groups.flat().map((b) => b.id));
    const fresh = right.filter((b) => !placed.has(b.id));
    groups.push([left, ...fresh]);
    for (const c of row.commitments)
      links.push({
        from: row.agreement,
        to: c,
        type: linkType.get(`${row.agreement}|${c}`) ?? 'UNDERPINS',
      });
    height += rowH + 14;
  }
  flush();
  return pages;
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
 * to the areas it serves. Columns too long for one sheet continue on the next page.
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
  const pages: BriefPage[] = [];
  const queues = columns.map((nodes) => [...nodes]);
  let part = 0;
  while (queues.some((q) => q.length) || part === 0) {
    part++;
    const boxes: BriefBox[] = [];
    const texts: BriefText[] = [];
    queues.forEach((queue, i) => {
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
      const placed: BriefBox[] = [];
      let y = 0;
      while (queue.length) {
        const b = box(queue[0]!, x, y, colW, setup.lang);
        if (y + b.h > area.height - headerH && placed.length) break;
        queue.shift();
        placed.push(b);
        y += b.h + 8;
      }
      // The column's boxes share the height's slack, so it fills the page rather than its top.
      const slack = placed.length > 1 ? (area.height - headerH - (y - 8)) / (placed.length - 1) : 0;
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
    const more =
      part > 1 ? (setup.lang === 'ja' ? `（続き ${part}）` : ` (continued, ${part})`) : '';
    pages.push({ ...page(setup, `${title}${more}`, boxes, links, texts), part: `${title}${more}` });
    if (!queues.some((q) => q.length)) break;
  }
  return pages;
}

/** The deck's first page: what it is, when, from what. */
export function titlePage(setup: PageSetup, lines: { heading: string; rows: string[] }): BriefPage {
  const { width, height } = paperSize(setup.paper, setup.orientation);
  const textW = width - 2 * MARGIN - 40;
  const headingLines = wrapText(lines.heading, textW, 26, setup.lang);
  const texts: BriefText[] = [
    {
      x: MARGIN + 20,
      y: height * 0.28,
      lines: headingLines,
      fontSize: 26,
      bold: true,
      colour: '#12263a',
      width: textW,
    },
  ];
  let y = height * 0.28 + headingLines.length * 26 * LINE + 24;
  for (const row of lines.rows) {
    const wrapped = wrapText(row, textW, 13, setup.lang);
    texts.push({
      x: MARGIN + 20,
      y,
      lines: wrapped,
      fontSize: 13,
      colour: '#1b1f24',
      width: textW,
    });
    y += wrapped.length * 13 * LINE + 8;
  }
  const p = page(setup, lines.heading, [], [], texts);
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
  const pages: BriefPage[] = [];
  let texts: BriefText[] = [];
  let col = 0;
  let y = area.y;
  const flush = () => {
    if (texts.length) pages.push(page(setup, title, [], [], texts));
    texts = [];
    col = 0;
    y = area.y;
  };
  for (const c of commitments) {
    const name = c.ref && c.label.startsWith(c.ref) ? c.label.slice(c.ref.length).trim() : c.label;
    const lines = wrapText(name, colW - refW, LABEL_FONT, setup.lang);
    const h = lines.length * LABEL_FONT * LINE + 4;
    if (y + h > area.y + area.height) {
      col++;
      y = area.y;
      if (col >= columns) flush();
    }
    const x = area.x + col * (colW + gap);
    texts.push({ x, y, lines: [c.ref ?? ''], fontSize: LABEL_FONT, bold: true, width: refW });
    texts.push({ x: x + refW, y, lines, fontSize: LABEL_FONT, width: colW - refW });
    y += h;
  }
  flush();
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
