import type { ImplementationStatus } from './implementation';

/**
 * A suggested status for a commitment, from the events that advance it up to a day: a hint
 * shown beside the editor's assessment form, never stored as an assessment by itself.
 *
 * The rule, kept simple enough to say in one line beside the form:
 * - no event by the day → `no_evidence` (the record is silent; that is not "not started");
 * - an event that delivers (a signing or a milestone) and at least one more event, or at
 *   least `MANY_EVENTS` events the last of them within `RECENT_DAYS` → `substantial`;
 * - any other event → `limited`.
 * `not_started` is never suggested: an event that advances a commitment is a start, and
 * "nothing has begun" is a finding the record's silence cannot make. `complete` is never
 * suggested either: whether a commitment is done is a reading of what it promised, not a
 * count of what happened.
 */

export const MANY_EVENTS = 3;
export const RECENT_DAYS = 730;
/** Kinds of event that deliver something (an instrument signed, a thing opened or handed over). */
export const DELIVERING_KINDS: readonly string[] = ['signing', 'milestone'];

export interface SuggestionEvent {
  kind: string;
  date_start: string;
  date_end: string;
  deleted?: boolean;
}

/** The facts the suggestion rests on: the reasons the hint gives, in any language. */
export interface Suggestion {
  status: Extract<ImplementationStatus, 'no_evidence' | 'limited' | 'substantial'>;
  /** Live events that had happened by the day. */
  count: number;
  /** The last day of the latest of them, and how many days before the day asked that was. */
  last: string | null;
  daysSince: number | null;
  /** How many of them deliver (signings, milestones). */
  delivering: number;
  /** Events per kind, most first. */
  kinds: { kind: string; count: number }[];
}

const dayNumber = (d: string) =>
  Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;

/** Whole days from `from` to `to` (ISO days). */
export const daysBetween = (from: string, to: string) =>
  Math.round(dayNumber(to) - dayNumber(from));

/**
 * An event has happened by a day once every day it can mean is past (an event known to its
 * month counts from the month's end): the record is never read as saying more than it does.
 */
export const happenedBy = (e: Pick<SuggestionEvent, 'date_end'>, day: string) => e.date_end <= day;

/**
 * The suggestion for one commitment on `day`, from the events that advance it (the caller
 * passes that commitment's events). An event counts once every day it can mean is past.
 */
export function suggestStatus(events: readonly SuggestionEvent[], day: string): Suggestion {
  const past = events.filter((e) => !e.deleted && happenedBy(e, day));
  const byKind = new Map<string, number>();
  for (const e of past) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
  const kinds = [...byKind.entries()]
    .map(([kind, count]) => ({ kind, count }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  const last = past.reduce<string | null>((l, e) => (!l || e.date_end > l ? e.date_end : l), null);
  const daysSince = last ? daysBetween(last, day) : null;
  const delivering = past.filter((e) => DELIVERING_KINDS.includes(e.kind)).length;
  const count = past.length;
  const status: Suggestion['status'] =
    count === 0
      ? 'no_evidence'
      : (delivering >= 1 && count >= 2) ||
          (count >= MANY_EVENTS && daysSince !== null && daysSince <= RECENT_DAYS)
        ? 'substantial'
        : 'limited';
  return { status, count, last, daysSince, delivering, kinds };
}
