import type { ReviewRow } from '../model/implementation-review';
import { csvRecord } from './csv';

/**
 * The implementation review as CSV (RFC 4180, the app's one quoting rule): one record per
 * commitment. A commitment cites several events, so the evidence columns hold one entry per
 * cited event, in the same order in each column, parted by " | " (a spreadsheet keeps one
 * row per commitment, and the columns still line up entry for entry).
 */

export const IMPLEMENTATION_CSV_COLUMNS = [
  'ref',
  'pillar',
  'commitment',
  'status',
  'as_of',
  'assessed_by',
  'note',
  'evidence_ids',
  'evidence_dates',
  'evidence_titles',
  'sources',
] as const;

const SEPARATOR = ' | ';

export function implementationCsv(rows: readonly ReviewRow[]): string {
  return [
    csvRecord(IMPLEMENTATION_CSV_COLUMNS),
    ...rows.map((r) => {
      // Ids as cited (a deleted event keeps its id); dates, titles, sources of those the record holds.
      const cited = r.evidence.map((id) => r.events.find((e) => e.id === id));
      return csvRecord([
        r.ref,
        r.pillar,
        r.name,
        r.status,
        r.as_of ?? '',
        r.assessed_by ?? '',
        r.note,
        r.evidence.join(SEPARATOR),
        cited.map((e) => e?.date ?? '').join(SEPARATOR),
        cited.map((e) => e?.title ?? '').join(SEPARATOR),
        cited.map((e) => (e ? `${e.publisher} ${e.url}` : '')).join(SEPARATOR),
      ]);
    }),
  ].join('');
}
