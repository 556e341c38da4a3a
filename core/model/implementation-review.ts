import type { CommitmentStanding } from '../api/implementation';
import type { ImplementationStatus } from './implementation';

/**
 * The implementation review's rows: each commitment's standing on the day (GET
 * /api/implementation) joined with its name and the events it cites, each with its date,
 * title and source. Pure: the PDF and PowerPoint pages (client/export/implementation-review.ts)
 * and the CSV (core/formats/implementation-csv.ts) are both made from these rows.
 */

/** An event as the review cites it: what a reader needs to open its source. */
export interface ReviewEvent {
  id: string;
  date: string;
  title: string;
  publisher: string;
  url: string;
}

export interface ReviewRow {
  ref: string;
  pillar: string;
  /** The commitment's name in the review's language ('' when the graph has none). */
  name: string;
  status: ImplementationStatus;
  /** The day the assessment is as of; null when none is recorded by the day asked. */
  as_of: string | null;
  note: string;
  assessed_by: string | null;
  /** The cited event ids, as the assessment lists them. */
  evidence: string[];
  /** The cited events the record holds, in the assessment's order (a deleted one is left out). */
  events: ReviewEvent[];
}

/** The fields of a stored event the review reads (core/api/events.ts's eventResponse). */
export interface CitableEvent {
  id: string;
  date: string;
  title_en: string;
  title_ja: string;
  source_publisher: string;
  source_url: string;
}

/** Sorts plan refs as the plan orders them: I.2 before I.10, II after I. */
export const byPlanRef = (a: string, b: string): number =>
  a.localeCompare(b, 'en', { numeric: true });

const PILLAR_ORDER = ['I', 'II', 'III', 'IV'];

/** The rows in plan order, pillar by pillar. */
export function reviewRows(
  commitments: readonly CommitmentStanding[],
  events: readonly CitableEvent[],
  nameOf: (ref: string) => string | undefined,
  lang: 'en' | 'ja',
): ReviewRow[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  return [...commitments]
    .sort(
      (a, b) =>
        PILLAR_ORDER.indexOf(a.pillar) - PILLAR_ORDER.indexOf(b.pillar) || byPlanRef(a.ref, b.ref),
    )
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
        if (!e) return [];
        return [
          {
            id,
            date: e.date,
            title: (lang === 'ja' ? e.title_ja : e.title_en) || e.title_en,
            publisher: e.source_publisher,
            url: e.source_url,
          },
        ];
      }),
    }));
}

/** How many commitments of each pillar stand at each status: the review's tables. */
export function statusCounts(
  rows: readonly Pick<ReviewRow, 'pillar' | 'status'>[],
): Map<string, Map<ImplementationStatus, number>> {
  const counts = new Map<string, Map<ImplementationStatus, number>>();
  for (const r of rows) {
    const pillar = counts.get(r.pillar) ?? new Map<ImplementationStatus, number>();
    pillar.set(r.status, (pillar.get(r.status) ?? 0) + 1);
    counts.set(r.pillar, pillar);
  }
  return counts;
}
