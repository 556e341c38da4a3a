import { xmlAttr, xmlText } from '../../core/formats/xml';
import type { LegendEntry } from '../model/compose-diagram';
import { isNodeKind, KIND_STYLES, relStyleOf } from '../model/palette';
import type { BriefBox, BriefPage, BriefText } from './brief-model';
import { BRIEF_FONTS } from './brief-text';

/**
 * A briefing page as one SVG in points, for the PDF printer (one sheet per page) and for
 * download. Each box's lines are consecutive <text> elements, so a PDF's text copies in
 * reading order; every string is escaped, never spliced in as markup.
 */

const LINE = 1.22;

/** A kind's colour mixed with white, for box fills light enough to read dark text on. */
export function tint(hex: string, amount = 0.82): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
  return `#${((1 << 24) | (r! << 16) | (g! << 8) | b!).toString(16).slice(1)}`;
}

export const kindColour = (kind: string) =>
  isNodeKind(kind) ? KIND_STYLES[kind].colour : '#777777';

export function relStyle(type: string) {
  return (
    relStyleOf(type) ?? { colour: '#888888', line: 'solid' as const, width: 1, en: type, ja: type }
  );
}

const DASH = { solid: '', dashed: ' stroke-dasharray="6 4"', dotted: ' stroke-dasharray="1.5 3"' };

/**
 * Bold only where the font has a real bold: IPAGothic has none, and Chromium prints a
 * synthesised bold as Type 3 glyphs, so Japanese pages set headings by size and colour.
 */
const boldIn = (lang: BriefPage['lang']) => (lang === 'en' ? ' font-weight="700"' : '');

function textLines(t: BriefText, font: string, lang: BriefPage['lang']): string {
  const x = t.align === 'end' ? t.x + t.width : t.x;
  const anchor = t.align === 'end' ? ' text-anchor="end"' : '';
  return t.lines
    .map(
      (line, i) =>
        `<text x="${x.toFixed(1)}" y="${(t.y + t.fontSize * (0.9 + i * LINE)).toFixed(1)}"${anchor} font-family="${xmlAttr(font)}" font-size="${t.fontSize}"${t.bold ? boldIn(lang) : ''} fill="${t.colour ?? '#1b1f24'}">${xmlText(line)}</text>`,
    )
    .join('');
}

function boxSvg(b: BriefBox, font: string): string {
  const colour = kindColour(b.kind);
  const lines = b.lines
    .map(
      (line, i) =>
        `<text x="${(b.x + 5).toFixed(1)}" y="${(b.y + 5 + b.fontSize * (0.9 + i * LINE)).toFixed(1)}" font-family="${xmlAttr(font)}" font-size="${b.fontSize}" fill="#1b1f24">${xmlText(line)}</text>`,
    )
    .join('');
  return `<g><rect x="${b.x.toFixed(1)}" y="${b.y.toFixed(1)}" width="${b.w.toFixed(1)}" height="${b.h.toFixed(1)}" rx="4" fill="${tint(colour)}" stroke="${colour}" stroke-width="1.2"/>${lines}</g>`;
}

/** The point on a box's left or right edge a link leaves from or arrives at. */
export function anchors(from: BriefBox, to: BriefBox) {
  const forward = from.x + from.w <= to.x;
  return {
    x1: forward ? from.x + from.w : from.x,
    y1: from.y + from.h / 2,
    x2: forward ? to.x : to.x + to.w,
    y2: to.y + to.h / 2,
    forward,
  };
}

function legendSvg(entries: LegendEntry[], page: BriefPage, font: string): string {
  if (!entries.length) return '';
  const landscape = page.width > page.height;
  const parts: string[] = [];
  const x0 = landscape ? page.width - 28 - 150 : 28;
  // As usableArea leaves room: a column at the right, or rows just above the footer.
  const y0 = landscape
    ? 28 + 18 * LINE * 2 + 6
    : page.height -
      28 -
      9 * LINE * 2 -
      6 -
      (page.strip?.space ?? 0) -
      (Math.ceil(entries.length / 2) * 14 + 18);
  parts.push(
    `<text x="${x0}" y="${y0 + 9}" font-family="${xmlAttr(font)}" font-size="9.5"${boldIn(page.lang)} fill="#1b1f24">${page.lang === 'ja' ? '凡例' : 'Legend'}</text>`,
  );
  entries.forEach((e, i) => {
    const col = landscape ? 0 : i % 2;
    const row = landscape ? i : Math.floor(i / 2);
    const x = x0 + col * 240;
    const y = y0 + 18 + row * 14;
    parts.push(
      e.mark === 'node'
        ? `<rect x="${x}" y="${y}" width="10" height="10" rx="2" fill="${tint(e.colour)}" stroke="${e.colour}" stroke-width="1.2"/>`
        : `<line x1="${x}" y1="${y + 5}" x2="${x + 18}" y2="${y + 5}" stroke="${e.colour}" stroke-width="2"${DASH[e.mark]}/>`,
      `<text x="${x + 24}" y="${y + 8.5}" font-family="${xmlAttr(font)}" font-size="9" fill="#1b1f24">${xmlText(e.label)}</text>`,
    );
  });
  return parts.join('');
}

/** A page's drawing, without the <svg> element around it. */
function pageBody(page: BriefPage): string {
  const font = BRIEF_FONTS[page.lang];
  const byId = new Map(page.boxes.map((b) => [b.id, b]));
  const links = page.links
    .map((l) => {
      const from = byId.get(l.from);
      const to = byId.get(l.to);
      if (!from || !to) return '';
      const { x1, y1, x2, y2 } = anchors(from, to);
      const style = relStyle(l.type);
      const mid = (x1 + x2) / 2;
      return `<path d="M${x1.toFixed(1)} ${y1.toFixed(1)} C${mid.toFixed(1)} ${y1.toFixed(1)} ${mid.toFixed(1)} ${y2.toFixed(1)} ${x2.toFixed(1)} ${y2.toFixed(1)}" fill="none" stroke="${style.colour}" stroke-width="${Math.min(style.width, 2.5)}"${DASH[style.line]}/>`;
    })
    .join('');
  return [
    `<title>${xmlText(page.title)}</title>`,
    `<rect width="${page.width}" height="${page.height}" fill="#ffffff"/>`,
    `<g class="links">${links}</g>`,
    ...(page.rules ?? []).map(
      (r) =>
        `<line x1="${r.x.toFixed(1)}" y1="${r.y.toFixed(1)}" x2="${(r.x + r.width).toFixed(1)}" y2="${r.y.toFixed(1)}" stroke="#c5ccd6" stroke-width="0.6"/>`,
    ),
    ...page.boxes.map((b) => boxSvg(b, font)),
    ...page.texts.map((t) => textLines(t, font, page.lang)),
    legendSvg(page.legend, page, font),
    page.strip?.svg ?? '',
  ].join('');
}

export function pageToSvg(page: BriefPage): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}pt" height="${page.height}pt" viewBox="0 0 ${page.width} ${page.height}" lang="${page.lang}">${pageBody(page)}</svg>`;
}

/** The band between two pages of one tall picture. */
const PAGE_GAP = 16;

/**
 * Pages one under the other as one tall picture (a view of several pages to scroll
 * through or paste whole), each page as it prints, a grey band between them.
 */
export function stackedPagesSvg(pages: BriefPage[]): {
  svg: string;
  width: number;
  height: number;
} {
  const width = Math.max(...pages.map((p) => p.width));
  let y = 0;
  const parts: string[] = [];
  for (const [i, page] of pages.entries()) {
    if (i) {
      parts.push(`<rect y="${y}" width="${width}" height="${PAGE_GAP}" fill="#d5dae1"/>`);
      y += PAGE_GAP;
    }
    parts.push(
      `<svg x="0" y="${y}" width="${page.width}" height="${page.height}" viewBox="0 0 ${page.width} ${page.height}">${pageBody(page)}</svg>`,
    );
    y += page.height;
  }
  const title = pages[0]?.title ?? '';
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}pt" height="${y}pt" viewBox="0 0 ${width} ${y}" lang="${pages[0]?.lang ?? 'en'}"><title>${xmlText(title)}</title>${parts.join('')}</svg>`,
    width,
    height: y,
  };
}
