import { z } from 'zod';
import { type DatePrecision, EVENT_KINDS } from '../event-kinds';

/**
 * An event's fields and their rules: what an analyst types into the form and the curated
 * file holds (seed/events-model.ts reads that file), checked by this one schema, which the
 * API validates requests with and the event store writes from.
 */

/**
 * The analysts' layer's relationship types, one per link field of an event: the type it is
 * drawn as and the labels it may point at. They are the events' own, never a plan type
 * (core/model/graph-model.ts), so "what the plan says" and "what analysts recorded" part by
 * type alone; the store, the exports, the console's copy, the backup and the client name
 * them from here.
 */
export const EVENT_LINKS = {
  advances: { type: 'ADVANCES', targets: ['Commitment'] },
  involves: { type: 'ENGAGES', targets: ['Agency', 'Country'] },
  under: { type: 'UNDER', targets: ['Agreement'] },
  part_of: { type: 'WITHIN', targets: ['Program'] },
} as const;

export type EventLinkField = keyof typeof EVENT_LINKS;
export type EventRelationshipType = (typeof EVENT_LINKS)[EventLinkField]['type'];

export const EVENT_RELATIONSHIP_TYPES = [
  EVENT_LINKS.advances.type,
  EVENT_LINKS.involves.type,
  EVENT_LINKS.under.type,
  EVENT_LINKS.part_of.type,
] as const satisfies readonly EventRelationshipType[];

export const isEventRelationshipType = (type: string): type is EventRelationshipType =>
  (EVENT_RELATIONSHIP_TYPES as readonly string[]).includes(type);

/**
 * The plan's types events were drawn with before they had their own (issue 24 item 6), and
 * the event type each became: what graph/events/event-layer-migration.ts rewrites.
 */
export const FORMER_EVENT_TYPES = {
  INVOLVES: EVENT_LINKS.involves.type,
  PART_OF: EVENT_LINKS.part_of.type,
} as const;

const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

/** YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date; the form says how precise it is. */
export const eventDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date such as 2024-09-22, 2025-01 or 2025')
  .refine((value) => {
    const [y, m = 1, d = 1] = value.split('-').map(Number) as [number, number?, number?];
    if (y < FIRST_YEAR || y > LAST_YEAR) return false;
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, `must be a real calendar date between ${FIRST_YEAR} and ${LAST_YEAR}`);

export function precisionOf(date: string): DatePrecision {
  return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
}

/** The first day the date can mean, for sorting and range filters (2025-01 → 2025-01-01). */
export function dateStart(date: string): string {
  return date.length === 10 ? date : date.length === 7 ? `${date}-01` : `${date}-01-01`;
}

/** The last day the date can mean (2025-02 → 2025-02-28). */
export function dateEnd(date: string): string {
  if (date.length === 10) return date;
  const [y, m] = date.split('-').map(Number) as [number, number?];
  const last = m ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 31;
  return m ? `${date}-${String(last).padStart(2, '0')}` : `${date}-12-31`;
}

const httpUrl = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// address');

/** C0 controls other than tab, line feed and carriage return. */
const isControl = (ch: string) => {
  const code = ch.charCodeAt(0);
  return code < 0x20 && ch !== '\t' && ch !== '\n' && ch !== '\r';
};

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => ![...value].some(isControl), {
      message: 'must not contain control characters',
    });

const entityId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an entity id such as mofa-jp');
const commitmentRef = z
  .string()
  .regex(/^[IVX]+(\.\d+){1,2}(\.[a-z])?$/, 'must be a plan ref such as I.3.2 or I.2.3.a');

export const advancesLink = z
  .object({
    ref: commitmentRef,
    reason: text(400),
  })
  .strict();

/** What an analyst (or the curated file) says about one event: the editable fields. */
export const eventFields = z
  .object({
    date: eventDate,
    kind: z.enum(EVENT_KINDS),
    title_en: text(200),
    title_ja: text(200),
    summary_en: text(600),
    source_url: httpUrl,
    source_publisher: text(200),
    source_accessed: eventDate.refine(
      (d) => d.length === 10,
      'must be a full date such as 2026-11-30',
    ),
    certainty: z.enum(['confirmed', 'uncertain']),
    certainty_note: text(600).optional(),
    advances: z.array(advancesLink).max(20, 'must list at most 20 commitments'),
    involves: z.array(entityId).max(20, 'must list at most 20 agencies or countries'),
    under: z.array(entityId).max(10, 'must list at most 10 agreements'),
    part_of: z.array(entityId).max(10, 'must list at most 10 programmes'),
  })
  .strict()
  .refine((e) => e.certainty === 'confirmed' || e.certainty_note !== undefined, {
    message: 'must explain what is uncertain when certainty is "uncertain"',
    path: ['certainty_note'],
  });
export type EventFields = z.infer<typeof eventFields>;

export interface CuratedEvent extends EventFields {
  id: string;
  /** sha256 of the entry as curated: the seed replaces a curated event only when this changes. */
  curated_sha256: string;
}

/** The plan's pillar of a commitment ref (I.3.2 → I). */
export function pillarOf(ref: string): string {
  return ref.split('.')[0]!;
}

/** An event as the database holds it and the API answers it: the fields and their bookkeeping. */
export interface StoredEvent extends EventFields {
  id: string;
  origin: 'curated' | 'analyst';
  date_precision: DatePrecision;
  date_start: string;
  date_end: string;
  pillars: string[];
  version: number;
  edited: boolean;
  deleted: boolean;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  deleted_at: string | null;
  deleted_by: string | null;
}
