import { xmlAttr, xmlText } from '../../core/formats/xml';
import { wrapText } from '../export/brief-text';
import { STRIP_HEIGHT, type StripData, timelineStripSvg } from '../export/timeline-strip';

/**
 * A briefing diagram as one SVG: a title band, the drawing, a legend of what it shows,
 * and a footer with the source line and the export date. Pure string building, so it is
 * the same in the browser, in the export command and in the tests; every text is
 * escaped, never spliced in as markup.
 */

export interface LegendEntry {
  label: string;
  colour: string;
  /** 'node' for a kind (a filled square); a line style for a relationship type. */
  mark: 'node' | 'solid' | 'dashed' | 'dotted';
}

export interface DiagramMeta {
  title: string;
  subtitle?: string;
  legend: LegendEntry[] | null;
  source: string | null;
  date: string | null;
  lang: 'ja' | 'en';
  /** The events of the diagram's commitments over time, as a strip under the drawing. */
  timeline?: StripData | null;
}

export interface Drawing {
  /** A complete <svg> document from cytoscape-svg. */
  svg: string;
  width: number;
  height: number;
}

const FONT = "'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', sans-serif";
const PAD = 24;
const HEADER = 64;
const LEGEND_W = 250;
const LEGEND_ROW = 20;
const FOOTER = 40;
const FOOTER_FONT = 11;

/** The inner drawing without its XML prolog, so it can nest as an <svg> element. */
function innerSvg(svg: string, x: number, y: number): string {
  const body = svg
    .replace(/<\?xml[^>]*\?>/, '')
    .replace(/<!DOCTYPE[^>]*>/i, '')
    .trim();
  return body.replace(/^<svg\b/, `<svg x="${x}" y="${y}"`);
}

const dash = {
  solid: '',
  dashed: ' stroke-dasharray="8 5"',
  dotted: ' stroke-dasharray="2 4"',
} as const;

export function composeDiagram(
  drawing: Drawing,
  meta: DiagramMeta,
): { svg: string; width: number; height: number } {
  const legend = meta.legend ?? [];
  const legendHeight = legend.length ? 30 + legend.length * LEGEND_ROW : 0;
  const width = Math.ceil(PAD + drawing.width + (legend.length ? PAD + LEGEND_W : 0) + PAD);
  const bodyHeight = Math.max(drawing.height, legendHeight);
  // The footer (the dataset's citation and the date) wraps to the picture's width.
  const footer = [meta.source, meta.date].filter(Boolean).join('  ·  ');
  const footerLines = footer ? wrapText(footer, width - 2 * PAD, FOOTER_FONT, meta.lang) : [];
  const footerH = footerLines.length ? FOOTER + (footerLines.length - 1) * FOOTER_FONT * 1.3 : PAD;
  const stripH = meta.timeline ? STRIP_HEIGHT + 16 : 0;
  const height = Math.ceil(HEADER + bodyHeight + stripH + footerH);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" lang="${meta.lang}">`,
    `<title>${xmlText(meta.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${PAD}" y="34" font-family="${xmlAttr(FONT)}" font-size="22" font-weight="700" fill="#12263a">${xmlText(meta.title)}</text>`,
  ];
  if (meta.subtitle) {
    parts.push(
      `<text x="${PAD}" y="54" font-family="${xmlAttr(FONT)}" font-size="12" fill="#5b6470">${xmlText(meta.subtitle)}</text>`,
    );
  }
  parts.push(innerSvg(drawing.svg, PAD, HEADER));
  if (legend.length) {
    const x = PAD + drawing.width + PAD;
    parts.push(`<g class="legend" font-family="${xmlAttr(FONT)}" font-size="12" fill="#1b1f24">`);
    parts.push(
      `<text x="${x}" y="${HEADER + 14}" font-weight="700">${meta.lang === 'ja' ? '凡例' : 'Legend'}</text>`,
    );
    legend.forEach((entry, i) => {
      const y = HEADER + 30 + i * LEGEND_ROW;
      if (entry.mark === 'node') {
        parts.push(
          `<rect x="${x}" y="${y - 10}" width="12" height="12" rx="2" fill="${xmlAttr(entry.colour)}" stroke="#555" stroke-width="0.5"/>`,
        );
      } else {
        parts.push(
          `<line x1="${x}" y1="${y - 4}" x2="${x + 22}" y2="${y - 4}" stroke="${xmlAttr(entry.colour)}" stroke-width="3"${dash[entry.mark]}/>`,
        );
      }
      parts.push(`<text x="${x + 30}" y="${y}">${xmlText(entry.label)}</text>`);
    });
    parts.push('</g>');
  }
  if (meta.timeline)
    parts.push(
      timelineStripSvg(
        meta.timeline,
        { x: PAD, y: HEADER + bodyHeight + 12, width: width - 2 * PAD },
        FONT,
      ),
    );
  footerLines.forEach((line, i) => {
    const y = height - 14 - (footerLines.length - 1 - i) * FOOTER_FONT * 1.3;
    parts.push(
      `<text x="${PAD}" y="${y.toFixed(1)}" font-family="${xmlAttr(FONT)}" font-size="${FOOTER_FONT}" fill="#5b6470">${xmlText(line)}</text>`,
    );
  });
  parts.push('</svg>');
  return { svg: parts.join('\n'), width, height };
}

/** Chromium's canvas limits: a side of 32,767 px and an area of 268,435,456 px (16,384²). */
export const CANVAS_LIMITS = { side: 32_767, area: 268_435_456 };

/** The largest PNG scale (of 1–4) that fits the browser's canvas, or 0 if even 1× does not. */
export function largestPngScale(width: number, height: number): number {
  for (let scale = 4; scale >= 1; scale--) {
    const w = width * scale;
    const h = height * scale;
    if (w <= CANVAS_LIMITS.side && h <= CANVAS_LIMITS.side && w * h <= CANVAS_LIMITS.area)
      return scale;
  }
  return 0;
}
