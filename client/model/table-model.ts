import type { KizunaEvent } from '../timeline/events-api';
import { PLAN_ADOPTED } from './agreement-milestones';
import { linkedCommitments } from './commitment-links';

/**
 * The table's pure part: its columns, what each row says in them (a node's status, its
 * events, how long it has been quiet, the pillars it serves), the filters a column takes
 * and how they are written in a link, and the order rows sort in. No DOM.
 */

export const TABLE_COLUMNS = [
  'kind',
  'name',
  'ref',
  'status',
  'inForce',
  'lastEvent',
  'daysQuiet',
  'events',
  'pillar',
  'country',
  'degree',
  'betweenness',
  'pagerank',
] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

export const isTableColumn = (v: string): v is TableColumn =>
  (TABLE_COLUMNS as readonly string[]).includes(v);

/** How a column is filtered: a choice among the values present, words typed, or a range (min..max). */
export type FilterKind = 'select' | 'text' | 'range';
export const FILTER_KINDS: Record<TableColumn, FilterKind> = {
  kind: 'select',
  name: 'text',
  ref: 'text',
  status: 'select',
  inForce: 'range',
  lastEvent: 'range',
  daysQuiet: 'range',
  events: 'range',
  pillar: 'select',
  country: 'select',
  degree: 'range',
  betweenness: 'range',
  pagerank: 'range',
};

/** Columns whose values are numbers: sorted as numbers, biggest first at the first click. */
export const NUMERIC_COLUMNS = new Set<TableColumn>([
  'daysQuiet',
  'events',
  'degree',
  'betweenness',
  'pagerank',
]);
/** Columns of ISO dates, which sort and compare as text (2024 < 2024-05 < 2024-05-02). */
export const DATE_COLUMNS = new Set<TableColumn>(['inForce', 'lastEvent']);

export interface TableSort {
  column: TableColumn;
  descending: boolean;
}

export interface TableView {
  sort: TableSort;
  /** A filter per column, as written in a link: a value, words, or "min..max". */
  filters: Partial<Record<TableColumn, string>>;
}

export const DEFAULT_TABLE: TableView = {
  sort: { column: 'degree', descending: true },
  filters: {},
};

/** A commitment's status, from the events recorded (the plan gives commitments none). */
export type CommitmentStatus = 'quiet' | 'advanced' | 'no_event';

/** What a row says beyond the node's own data: from the events and the relationships. */
export interface RowFacts {
  /** The node's status: an instrument's coded status, or a commitment's from its events. */
  status: string | null;
  inForce: string | null;
  /** The date of the latest event that advanced, involved or came under this node (as precise as known). */
  lastEvent: string | null;
  /** Whole days from the end of the last event (or the plan's adoption, for a commitment never advanced) to today. */
  daysQuiet: number | null;
  events: number;
  /** Pillar or area refs: a commitment's area (I.3), an actor's pillars through its commitments (I, III). */
  pillar: string[];
}

interface FactNode {
  id: string;
  kind: string;
  ref?: unknown;
  area_ref?: unknown;
  pillar_ref?: unknown;
  status?: unknown;
  in_force?: unknown;
}
interface FactEdge {
  source: string;
  target: string;
}

const dayNumber = (d: string) =>
  Date.UTC(+d.slice(0, 4), +(d.slice(5, 7) || 1) - 1, +(d.slice(8, 10) || 1)) / 86_400_000;

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/** The pillar of a ref: I of I.3.2, IV of IV. */
export const pillarOfRef = (ref: string) => ref.split('.')[0]!;

/**
 * Each node's row facts. `quiet` holds the commitments quiet since the chosen day (none when
 * no day is chosen), `today` is an ISO day.
 */
export function rowFacts(
  nodes: FactNode[],
  edges: FactEdge[],
  events: KizunaEvent[],
  quiet: Set<string>,
  today: string,
): Map<string, RowFacts> {
  const byRef = new Map<string, string>();
  const byId = new Map<string, FactNode>();
  for (const n of nodes) {
    byId.set(n.id, n);
    if (n.kind === 'Commitment' && typeof n.ref === 'string') byRef.set(n.ref, n.id);
  }
  const activity = new Map<string, { count: number; last: KizunaEvent }>();
  for (const e of events) {
    if (e.deleted) continue;
    const touched = new Set<string>();
    for (const a of e.advances) {
      const id = byRef.get(a.ref);
      if (id) touched.add(id);
    }
    for (const id of [...e.involves, ...e.under, ...e.part_of]) touched.add(id);
    for (const id of touched) {
      const seen = activity.get(id);
      if (!seen) activity.set(id, { count: 1, last: e });
      else {
        seen.count += 1;
        if (e.date_start > seen.last.date_start) seen.last = e;
      }
    }
  }
  // An actor or instrument serves the pillars of the commitments it is linked to.
  const pillarsOf = new Map<string, Set<string>>();
  for (const { self, commitment } of linkedCommitments(edges, byId)) {
    if (typeof commitment.ref !== 'string') continue;
    const set = pillarsOf.get(self) ?? new Set<string>();
    set.add(pillarOfRef(commitment.ref));
    pillarsOf.set(self, set);
  }
  const todayNumber = dayNumber(today);
  const facts = new Map<string, RowFacts>();
  for (const n of nodes) {
    const seen = activity.get(n.id);
    const commitment = n.kind === 'Commitment';
    const ref = text(n.ref);
    const status = commitment
      ? quiet.has(n.id)
        ? 'quiet'
        : seen
          ? 'advanced'
          : 'no_event'
      : text(n.status);
    const quietFrom = seen ? seen.last.date_end : commitment ? PLAN_ADOPTED : null;
    const pillar =
      n.kind === 'Pillar' || n.kind === 'Area'
        ? ref
          ? [ref]
          : []
        : commitment
          ? [text(n.area_ref) ?? (ref ? ref.split('.').slice(0, 2).join('.') : '')].filter(Boolean)
          : [...(pillarsOf.get(n.id) ?? [])].sort(compareRefs);
    facts.set(n.id, {
      status,
      inForce: text(n.in_force),
      lastEvent: seen ? seen.last.date : null,
      daysQuiet:
        quietFrom === null ? null : Math.max(0, Math.floor(todayNumber - dayNumber(quietFrom))),
      events: seen?.count ?? 0,
      pillar,
    });
  }
  return facts;
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5 };
/** Refs in the plan's order: II.10 after II.9, pillar numerals by value. */
export function compareRefs(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = i === 0 ? (ROMAN[x] ?? 99) : Number(x);
    const ny = i === 0 ? (ROMAN[y] ?? 99) : Number(y);
    if (!Number.isNaN(nx) && !Number.isNaN(ny) && nx !== ny) return nx - ny;
    if (x !== y) return x.localeCompare(y);
  }
  return 0;
}

/** A range filter's two ends ("10..", "..2024-06", "1..5"); either may be empty. */
export function parseRange(value: string): { min: string; max: string } {
  const [min = '', max = ''] = value.includes('..') ? value.split('..') : [value, value];
  return { min: min.trim(), max: max.trim() };
}

export const formatRange = (min: string, max: string) =>
  min || max ? `${min.trim()}..${max.trim()}` : '';

/**
 * Whether a cell's value passes its column's filter. Select: the same value (a list cell,
 * one of them). Text: every word typed is in it, in any case. Range: within both ends,
 * as numbers, or for dates as text, a partial day at the upper end meaning the whole
 * year or month. An empty cell passes no range.
 */
export function passes(
  column: TableColumn,
  filter: string,
  cell: string | number | string[] | null,
): boolean {
  if (!filter) return true;
  const kind = FILTER_KINDS[column];
  if (kind === 'select') {
    if (Array.isArray(cell)) return cell.some((c) => c === filter || pillarOfRef(c) === filter);
    return String(cell ?? '') === filter;
  }
  if (kind === 'text') {
    const hay = String(cell ?? '').toLowerCase();
    return filter
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .every((w) => hay.includes(w));
  }
  if (cell === null || cell === '' || Array.isArray(cell)) return false;
  const { min, max } = parseRange(filter);
  if (DATE_COLUMNS.has(column)) {
    const v = String(cell);
    return (!min || v >= min) && (!max || v.slice(0, max.length) <= max);
  }
  const v = Number(cell);
  const lo = min === '' ? Number.NEGATIVE_INFINITY : Number(min);
  const hi = max === '' ? Number.POSITIVE_INFINITY : Number(max);
  return (Number.isNaN(lo) || v >= lo) && (Number.isNaN(hi) || v <= hi);
}

/** Compares two cells of a column for sorting: numbers as numbers, refs in the plan's order, empty cells last. */
export function compareCells(
  column: TableColumn,
  a: string | number | string[] | null,
  b: string | number | string[] | null,
  lang: string,
): number {
  const empty = (v: typeof a) => v === null || v === '' || (Array.isArray(v) && v.length === 0);
  if (empty(a) || empty(b)) return empty(a) === empty(b) ? 0 : empty(a) ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (DATE_COLUMNS.has(column)) return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  if (column === 'ref' || column === 'pillar') {
    const x = Array.isArray(a) ? (a[0] ?? '') : String(a);
    const y = Array.isArray(b) ? (b[0] ?? '') : String(b);
    return compareRefs(x, y);
  }
  return String(a).localeCompare(String(b), lang, { numeric: true });
}

/** The filters and sort as link parameters (tsort, tf.<column>); only what differs from the default. */
export function encodeTable(view: TableView, p: URLSearchParams): void {
  const { sort } = view;
  if (
    sort.column !== DEFAULT_TABLE.sort.column ||
    sort.descending !== DEFAULT_TABLE.sort.descending
  )
    p.set('tsort', `${sort.column}~${sort.descending ? 'desc' : 'asc'}`);
  for (const column of TABLE_COLUMNS) {
    const f = view.filters[column];
    if (f) p.set(`tf.${column}`, f);
  }
}

export function decodeTable(p: URLSearchParams, problems: string[]): TableView {
  let sort = DEFAULT_TABLE.sort;
  const s = p.get('tsort');
  if (s !== null) {
    const [column = '', order = ''] = s.split('~');
    if (isTableColumn(column) && (order === 'asc' || order === 'desc'))
      sort = { column, descending: order === 'desc' };
    else problems.push(`malformed table sort "${s}"`);
  }
  const filters: TableView['filters'] = {};
  for (const [key, value] of p) {
    if (!key.startsWith('tf.')) continue;
    const column = key.slice(3);
    if (isTableColumn(column) && value.length <= 200) filters[column] = value;
    else problems.push(`unknown table filter "${key}"`);
  }
  return { sort, filters };
}
