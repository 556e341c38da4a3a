import type { KizunaEvent } from './events-api';

/**
 * The timeline's pure part: which events a date range holds, which commitments they
 * advance, the activity per pillar in each month or quarter, and how a range narrows the
 * graph. Dates are ISO strings (YYYY-MM-DD), which sort as they read.
 */

export interface DateRange {
  from: string;
  to: string;
}

export const PILLAR_REFS = ['I', 'II', 'III', 'IV'] as const;

/** Colour-blind-safe (Okabe–Ito) colours for the four pillars, on screen and in exports. */
export const PILLAR_COLOURS: Record<string, string> = {
  I: '#0072B2',
  II: '#E69F00',
  III: '#009E73',
  IV: '#CC79A7',
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day: 2024-02-30 and 2024-13-01 are not (a link may say anything). */
function realDay(d: string): boolean {
  if (!DAY.test(d)) return false;
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, day));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === day;
}

/** "2024-01-01~2024-12-31" from a link; null when it is not two real days in order. */
export function parseRange(text: string): DateRange | null {
  const [from = '', to = ''] = text.split('~');
  return realDay(from) && realDay(to) && from <= to ? { from, to } : null;
}

export const encodeRange = (r: DateRange) => `${r.from}~${r.to}`;

/** "2024-01-01" from a link or a date input; null when it is not a real day. */
export const parseDay = (text: string): string | null => (realDay(text) ? text : null);

/** An event overlaps the range when any day it can mean is inside it (2024-09 overlaps September). */
export const overlaps = (e: Pick<KizunaEvent, 'date_start' | 'date_end'>, r: DateRange) =>
  e.date_start <= r.to && e.date_end >= r.from;

export function eventsIn(events: KizunaEvent[], range: DateRange | null): KizunaEvent[] {
  return events.filter((e) => !range || overlaps(e, range));
}

/** The commitment refs that live (not deleted) events in the range advance. */
export function advancedRefs(events: KizunaEvent[], range: DateRange | null): Set<string> {
  const refs = new Set<string>();
  for (const e of events)
    if (!e.deleted && (!range || overlaps(e, range))) for (const a of e.advances) refs.add(a.ref);
  return refs;
}

export const toDay = (d: string) =>
  Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;
export const fromDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

/** From the month the plan was adopted (or the first event) to the end of the last event's year. */
export function domainOf(events: KizunaEvent[], today: string): DateRange {
  let from = '2022-11-01';
  let to = `${today.slice(0, 4)}-12-31`;
  for (const e of events) {
    if (e.date_start < from) from = `${e.date_start.slice(0, 7)}-01`;
    if (e.date_end > to) to = `${e.date_end.slice(0, 4)}-12-31`;
  }
  return { from, to };
}

export interface Bin {
  from: string;
  to: string;
  counts: Record<(typeof PILLAR_REFS)[number], number>;
  total: number;
}

const lastDayOf = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/**
 * Live events per month (or quarter) per pillar; an event is counted in the bin its first
 * day falls in, once per pillar it advances.
 */
export function activityBins(events: KizunaEvent[], domain: DateRange, months: 1 | 3): Bin[] {
  const bins: Bin[] = [];
  let y = +domain.from.slice(0, 4);
  let m = +domain.from.slice(5, 7);
  if (months === 3) m = m - ((m - 1) % 3);
  while (`${y}-${String(m).padStart(2, '0')}-01` <= domain.to) {
    const endMonth = m + months - 1;
    bins.push({
      from: `${y}-${String(m).padStart(2, '0')}-01`,
      to: lastDayOf(y, endMonth),
      counts: { I: 0, II: 0, III: 0, IV: 0 },
      total: 0,
    });
    m += months;
    if (m > 12) {
      m -= 12;
      y += 1;
    }
  }
  for (const e of events) {
    if (e.deleted) continue;
    const bin = bins.find((b) => e.date_start >= b.from && e.date_start <= b.to);
    if (!bin) continue;
    bin.total += 1;
    for (const p of e.pillars) if (p in bin.counts) bin.counts[p as keyof Bin['counts']] += 1;
  }
  return bins;
}

interface GraphNode {
  id: string;
  kind: string;
  ref?: unknown;
}
interface GraphEdge {
  id: string;
  source: string;
  target: string;
}

const STRUCTURE = new Set(['Plan', 'Pillar', 'Area']);

/**
 * Narrows what the graph shows to the commitments advanced in the range: other commitments
 * go, and so do the agencies, agreements and places that touched only them. The plan's
 * structure and the selected node stay.
 */
export function restrictToRange<V extends { nodes: Set<string>; edges: Set<string> }>(
  visible: V,
  nodes: GraphNode[],
  edges: GraphEdge[],
  refs: Set<string>,
  keep: string | null,
): V {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const isCommitment = (id: string) => byId.get(id)?.kind === 'Commitment';
  const kept = new Set<string>();
  for (const id of visible.nodes)
    if (isCommitment(id) && refs.has(String(byId.get(id)!.ref))) kept.add(id);
  const touched = new Set<string>();
  for (const e of edges) {
    if (kept.has(e.source)) touched.add(e.target);
    if (kept.has(e.target)) touched.add(e.source);
  }
  const shown = new Set(
    [...visible.nodes].filter((id) => {
      const kind = byId.get(id)?.kind ?? '';
      if (id === keep || STRUCTURE.has(kind)) return true;
      return kind === 'Commitment' ? kept.has(id) : touched.has(id);
    }),
  );
  const shownEdges = new Set(
    edges
      .filter((e) => visible.edges.has(e.id) && shown.has(e.source) && shown.has(e.target))
      .map((e) => e.id),
  );
  return { ...visible, nodes: shown, edges: shownEdges };
}

/**
 * Commitments no live event has advanced on or after `since` (at all, when null): the quiet
 * ones. An event known only to its month or year counts when any day it can mean is that late.
 */
export function quietCommitments(
  nodes: GraphNode[],
  events: KizunaEvent[],
  since: string | null,
): Set<string> {
  const active = new Set<string>();
  for (const e of events)
    if (!e.deleted && (!since || e.date_end >= since))
      for (const a of e.advances) active.add(a.ref);
  return new Set(
    nodes.filter((n) => n.kind === 'Commitment' && !active.has(String(n.ref))).map((n) => n.id),
  );
}

/**
 * The latest live event that advanced each commitment (by ref): the one whose first day is
 * latest, so a side panel can say when a quiet commitment last moved.
 */
export function lastEvents(events: KizunaEvent[]): Map<string, KizunaEvent> {
  const last = new Map<string, KizunaEvent>();
  for (const e of events) {
    if (e.deleted) continue;
    for (const a of e.advances) {
      const seen = last.get(a.ref);
      if (!seen || e.date_start > seen.date_start) last.set(a.ref, e);
    }
  }
  return last;
}

/** Events whose title (in the language shown), summary or publisher hold every word typed. */
export function searchEvents(
  events: KizunaEvent[],
  query: string,
  lang: 'ja' | 'en',
): KizunaEvent[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  return events.filter((e) => {
    if (e.deleted) return false;
    const text = [
      lang === 'ja' ? e.title_ja : e.title_en,
      e.title_en,
      e.summary_en,
      e.source_publisher,
      e.date,
    ]
      .join(' ')
      .toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
