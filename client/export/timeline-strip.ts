import { xmlAttr, xmlText } from '../../core/formats/xml';
import type { KizunaEvent } from '../timeline/events-api';
import {
  activityBins,
  type DateRange,
  domainOf,
  PILLAR_COLOURS,
  PILLAR_REFS,
  toDay,
} from '../timeline/timeline-model';
import { type BriefLang, textWidth } from './brief-text';

/**
 * The timeline strip a briefing export can carry under its diagram: the events that
 * advanced the diagram's commitments, stacked by pillar per month (per quarter when a
 * month would be narrower than 9 units), year ticks, and the chosen period if there is
 * one. Pure string building, like the pages: units are points on a sheet and pixels in
 * a picture, every text is an SVG <text> of at least 9 units, escaped.
 */

export type StripEvent = Pick<
  KizunaEvent,
  'date_start' | 'date_end' | 'pillars' | 'advances' | 'deleted'
>;

export interface StripData {
  /** Every event the explorer knows; the strip keeps the live ones advancing `refs`. */
  events: StripEvent[];
  /** The refs of the commitments the diagram shows. */
  refs: ReadonlySet<string>;
  /** The period chosen on the timeline, drawn as a band. */
  range: DateRange | null;
  /** Today (YYYY-MM-DD): the axis runs to the end of its year, as on screen. */
  today: string;
  lang: BriefLang;
}

/** The strip's height, whatever its width: two lines of words, the bars, the years. */
export const STRIP_HEIGHT = 86;
const FONT_SIZE = 9.5;
const YEAR_FONT = 9;
const BARS_TOP = 30;
const BARS_BOTTOM = 68;

/** The live events a strip counts: those advancing at least one of the diagram's commitments. */
export function stripEvents(data: Pick<StripData, 'events' | 'refs'>): StripEvent[] {
  return data.events.filter((e) => !e.deleted && e.advances.some((a) => data.refs.has(a.ref)));
}

function caption(data: StripData, events: number, months: 1 | 3, from: string, to: string) {
  const n = data.refs.size;
  if (data.lang === 'ja')
    return `表示中の取組${n}件を進めた出来事：${events}件（${from}～${to}、${months === 1 ? '月' : '四半期'}・柱ごと）`;
  return `${events} events advanced the ${n} commitments shown (${from} – ${to}, per ${months === 1 ? 'month' : 'quarter'} and pillar)`;
}

/** The strip as an SVG <g> at (x, y), `width` wide and STRIP_HEIGHT high. */
export function timelineStripSvg(
  data: StripData,
  box: { x: number; y: number; width: number },
  font: string,
): string {
  const events = stripEvents(data);
  // The axis is the explorer's: from the plan's adoption to the end of this year.
  const domain = domainOf(data.events as KizunaEvent[], data.today);
  const d0 = toDay(domain.from);
  const d1 = toDay(domain.to) + 1;
  const x = (day: number) => box.x + ((day - d0) / (d1 - d0)) * box.width;
  const monthCount = (d1 - d0) / 30.44;
  const months: 1 | 3 = box.width / monthCount >= 9 ? 1 : 3;
  const bins = activityBins(events as KizunaEvent[], domain, months);
  const stack = (b: (typeof bins)[number]) => PILLAR_REFS.reduce((s, p) => s + b.counts[p], 0);
  const max = Math.max(1, ...bins.map(stack));
  const y = (v: number) => box.y + v;
  const text = (tx: number, ty: number, words: string, size = FONT_SIZE, extra = '') =>
    `<text x="${tx.toFixed(1)}" y="${ty.toFixed(1)}" font-family="${xmlAttr(font)}" font-size="${size}" fill="#1b1f24"${extra}>${xmlText(words)}</text>`;
  const parts: string[] = [
    `<g class="timeline-strip">`,
    `<line x1="${box.x}" y1="${y(0).toFixed(1)}" x2="${(box.x + box.width).toFixed(1)}" y2="${y(0).toFixed(1)}" stroke="#c4c9cf" stroke-width="0.75"/>`,
    text(
      box.x,
      y(12),
      caption(data, events.length, months, domain.from.slice(0, 7), domain.to.slice(0, 7)),
    ),
  ];
  // Second line: the pillars' colours, then the period if one was chosen.
  let kx = box.x;
  for (const p of PILLAR_REFS) {
    const label = data.lang === 'ja' ? `柱${p}` : `Pillar ${p}`;
    parts.push(
      `<rect x="${kx.toFixed(1)}" y="${y(17).toFixed(1)}" width="9" height="9" fill="${PILLAR_COLOURS[p]}"/>`,
      text(kx + 12, y(25), label),
    );
    kx += 12 + textWidth(label, FONT_SIZE) + 12;
  }
  const range = data.range;
  if (range) {
    const words =
      data.lang === 'ja'
        ? `選択した期間：${range.from}～${range.to}`
        : `Period chosen: ${range.from} – ${range.to}`;
    parts.push(text(kx + 6, y(25), words));
    const from = Math.max(d0, toDay(range.from));
    const to = Math.min(d1, toDay(range.to) + 1);
    if (to > from)
      parts.push(
        `<rect class="timeline-period" x="${x(from).toFixed(1)}" y="${y(BARS_TOP - 2).toFixed(1)}" width="${(x(to) - x(from)).toFixed(1)}" height="${BARS_BOTTOM - BARS_TOP + 4}" fill="#12263a" fill-opacity="0.08" stroke="#12263a" stroke-width="1" stroke-dasharray="3 2"/>`,
      );
  }
  for (const b of bins) {
    const x0 = x(toDay(b.from));
    const w = Math.max(1, x(toDay(b.to) + 1) - x0 - 1);
    let top = BARS_BOTTOM;
    for (const p of PILLAR_REFS) {
      if (!b.counts[p]) continue;
      const h = (b.counts[p] / max) * (BARS_BOTTOM - BARS_TOP);
      top -= h;
      parts.push(
        `<rect x="${x0.toFixed(1)}" y="${y(top).toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${PILLAR_COLOURS[p]}"/>`,
      );
    }
  }
  parts.push(
    `<line x1="${box.x}" y1="${y(BARS_BOTTOM).toFixed(1)}" x2="${(box.x + box.width).toFixed(1)}" y2="${y(BARS_BOTTOM).toFixed(1)}" stroke="#8a939e" stroke-width="0.75"/>`,
  );
  const first = +domain.from.slice(0, 4);
  const last = +domain.to.slice(0, 4);
  for (let year = first; year <= last; year++) {
    const px = x(Math.max(d0, toDay(`${year}-01-01`)));
    const next = year < last ? x(toDay(`${year + 1}-01-01`)) : box.x + box.width;
    parts.push(
      `<line x1="${px.toFixed(1)}" y1="${y(BARS_TOP).toFixed(1)}" x2="${px.toFixed(1)}" y2="${y(BARS_BOTTOM + 4).toFixed(1)}" stroke="#8a939e" stroke-width="0.75"/>`,
    );
    // A year whose stretch is too short for its number (the plan began in November) goes unlabelled.
    if (next - px >= textWidth('2000', YEAR_FONT) + 4)
      parts.push(
        text(px + 2, y(BARS_BOTTOM + 14), String(year), YEAR_FONT, ' class="timeline-year"'),
      );
  }
  parts.push('</g>');
  return parts.join('');
}
