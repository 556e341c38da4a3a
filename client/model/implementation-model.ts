import type { CommitmentStanding } from '../../core/api/implementation';
import {
  IMPLEMENTATION_STATUSES,
  type ImplementationStatus,
} from '../../core/model/implementation';
import { daysBetween, happenedBy } from '../../core/model/suggested-status';

/**
 * The implementation monitor's pure part, shared by the explorer's Implementation view and
 * the implementation review export (client/export): the pillar × status counts, the list's
 * rows (commitment, status, last event, days since, evidence count) and their order, and the
 * status over time from standings taken on successive days. Plain data in, plain data out.
 */

export const IMPLEMENTATION_PILLARS = ['I', 'II', 'III', 'IV'] as const;
export type ImplementationPillar = (typeof IMPLEMENTATION_PILLARS)[number];

/** What the model needs of a commitment's standing (the API's CommitmentStanding). */
export type Standing = Pick<CommitmentStanding, 'ref' | 'pillar' | 'status' | 'evidence'> &
  Partial<Pick<CommitmentStanding, 'as_of' | 'note' | 'assessed_by' | 'assessed_at'>>;

/** What the model needs of an event (the API's StoredEvent). */
export interface AdvancingEvent {
  id: string;
  kind: string;
  date_start: string;
  date_end: string;
  deleted?: boolean;
  advances: readonly { ref: string }[];
}

export type StatusCounts = Record<ImplementationStatus, number>;

const zeroCounts = (): StatusCounts =>
  Object.fromEntries(IMPLEMENTATION_STATUSES.map((s) => [s, 0])) as StatusCounts;

/** The pillar of a plan ref: "II.2.1" → "II". */
export const pillarOfRef = (ref: string): string => ref.split('.')[0] ?? ref;

export interface StatusTableRow {
  pillar: ImplementationPillar;
  counts: StatusCounts;
  total: number;
}

export interface StatusTable {
  rows: StatusTableRow[];
  /** Per status over every pillar, and everything: the table's last row. */
  totals: StatusCounts;
  total: number;
}

/** The pillar × status table: how many commitments of each pillar stand at each level. */
export function statusTable(
  standings: readonly Pick<Standing, 'pillar' | 'status'>[],
): StatusTable {
  const rows: StatusTableRow[] = IMPLEMENTATION_PILLARS.map((pillar) => ({
    pillar,
    counts: zeroCounts(),
    total: 0,
  }));
  const totals = zeroCounts();
  let total = 0;
  for (const s of standings) {
    const row = rows.find((r) => r.pillar === s.pillar);
    if (!row) continue;
    row.counts[s.status] += 1;
    row.total += 1;
    totals[s.status] += 1;
    total += 1;
  }
  return { rows, totals, total };
}

export { daysBetween, happenedBy };

/** The live events that advance each commitment by `day`, oldest first, keyed by ref. */
export function eventsByRef<E extends AdvancingEvent>(
  events: readonly E[],
  day: string,
): Map<string, E[]> {
  const byRef = new Map<string, E[]>();
  for (const e of events) {
    if (e.deleted || !happenedBy(e, day)) continue;
    for (const a of e.advances) {
      const list = byRef.get(a.ref) ?? [];
      if (!list.includes(e)) list.push(e);
      byRef.set(a.ref, list);
    }
  }
  for (const list of byRef.values())
    list.sort((a, b) => a.date_end.localeCompare(b.date_end) || a.id.localeCompare(b.id));
  return byRef;
}

/** One line of the sortable list. */
export interface ImplementationRow {
  ref: string;
  pillar: string;
  status: ImplementationStatus;
  /** The day the standing was assessed as of, null when nothing is recorded. */
  assessedAsOf: string | null;
  /** The latest live event advancing it by the day: its id and last day. */
  lastEventId: string | null;
  lastEvent: string | null;
  /** Days from the last event to the day asked for; null when it has none. */
  daysSince: number | null;
  /** How many events the standing cites. */
  evidence: number;
  /** How many live events advance it by the day (cited or not). */
  events: number;
}

/** The list's rows, in the plan's order: one per standing, with its events as of `day`. */
export function implementationRows(
  standings: readonly Standing[],
  events: readonly AdvancingEvent[],
  day: string,
): ImplementationRow[] {
  const byRef = eventsByRef(events, day);
  return [...standings]
    .sort((a, b) => compareRefs(a.ref, b.ref))
    .map((s) => {
      const mine = byRef.get(s.ref) ?? [];
      const last = mine.at(-1) ?? null;
      return {
        ref: s.ref,
        pillar: s.pillar,
        status: s.status,
        assessedAsOf: s.as_of ?? null,
        lastEventId: last?.id ?? null,
        lastEvent: last?.date_end ?? null,
        daysSince: last ? daysBetween(last.date_end, day) : null,
        evidence: s.evidence.length,
        events: mine.length,
      };
    });
}

/** Plan refs in the plan's order: I.2.10 after I.2.9, II before III (numeric parts as numbers). */
export function compareRefs(a: string, b: string): number {
  const roman: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
  const parts = (r: string) => r.split('.').map((p, i) => (i === 0 ? (roman[p] ?? 99) : p));
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const c =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y), 'en', { numeric: true });
    if (c) return c;
  }
  return 0;
}

export const IMPLEMENTATION_COLUMNS = [
  'ref',
  'status',
  'lastEvent',
  'daysSince',
  'evidence',
] as const;
export type ImplementationColumn = (typeof IMPLEMENTATION_COLUMNS)[number];
export interface ImplementationSort {
  column: ImplementationColumn;
  descending: boolean;
}
export const DEFAULT_IMPLEMENTATION_SORT: ImplementationSort = { column: 'ref', descending: false };

/** The rank of a status on the scale, no_evidence lowest: sorting by status sorts by progress. */
export const statusRank = (s: ImplementationStatus) => IMPLEMENTATION_STATUSES.indexOf(s);

/**
 * The rows in the order asked for; ties (and rows without a value, always last) in the
 * plan's order, so the same sort always gives the same list.
 */
export function sortRows(
  rows: readonly ImplementationRow[],
  sort: ImplementationSort,
): ImplementationRow[] {
  const value = (r: ImplementationRow): number | string | null => {
    switch (sort.column) {
      case 'ref':
        return null;
      case 'status':
        return statusRank(r.status);
      case 'lastEvent':
        return r.lastEvent;
      case 'daysSince':
        return r.daysSince;
      case 'evidence':
        return r.evidence;
    }
  };
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (sort.column === 'ref') return sign * compareRefs(a.ref, b.ref);
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
      return compareRefs(a.ref, b.ref);
    }
    const c =
      typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * c || compareRefs(a.ref, b.ref);
  });
}

/**
 * The last day of every quarter from the one holding `from` to the one holding `to`, the
 * last cut at `to` itself (a quarter still running is shown as it stands that day).
 */
export function quarterEnds(from: string, to: string): { label: string; day: string }[] {
  const out: { label: string; day: string }[] = [];
  let y = +from.slice(0, 4);
  let q = Math.floor((+from.slice(5, 7) - 1) / 3);
  while (true) {
    const end = new Date(Date.UTC(y, q * 3 + 3, 0)).toISOString().slice(0, 10);
    const start = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
    if (start > to) break;
    out.push({ label: `${y} Q${q + 1}`, day: end < to ? end : to });
    q += 1;
    if (q === 4) {
      q = 0;
      y += 1;
    }
  }
  return out;
}

export interface StatusSnapshot {
  day: string;
  label: string;
  /** Per pillar, how many commitments stood at each level that day. */
  pillars: Record<ImplementationPillar, StatusCounts>;
}

/**
 * Status over time: for each day (a quarter's end, say), each pillar's counts per status.
 * `standingsOn` answers "where did each commitment stand that day" from the kept history
 * (GET /api/implementation?as_of=…, or assessmentOn over the histories).
 */
export function statusOverTime(
  days: readonly { label: string; day: string }[],
  standingsOn: (day: string) => readonly Pick<Standing, 'pillar' | 'status'>[],
): StatusSnapshot[] {
  return days.map(({ label, day }) => {
    const table = statusTable(standingsOn(day));
    const pillars = Object.fromEntries(
      table.rows.map((r) => [r.pillar, r.counts]),
    ) as StatusSnapshot['pillars'];
    return { day, label, pillars };
  });
}

/** The commitments (refs) of a table cell: a pillar (or all) at a status (or any). */
export function refsInCell(
  standings: readonly Pick<Standing, 'ref' | 'pillar' | 'status'>[],
  pillar: string | null,
  status: ImplementationStatus | null,
): string[] {
  return standings
    .filter((s) => (!pillar || s.pillar === pillar) && (!status || s.status === status))
    .map((s) => s.ref)
    .sort(compareRefs);
}
