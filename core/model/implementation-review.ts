import type { ImplementationStatus } from './implementation';

/**
 * The implementation review's rows: each commitment's standing on the day (GET
 * /api/implementation) joined with its name and the events it cites, each with its date,
 * title and source. The PDF and PowerPoint pages (client/export/implementation-review.ts,
 * which also makes the rows) and the CSV (core/formats/implementation-csv.ts) read them.
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
