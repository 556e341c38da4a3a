/** The reader's today as an ISO day (UTC): the day "today" and an export's date stand for. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The last day the record on screen speaks for. The live app's record is kept to date, so it
 * is today; a published copy knows nothing after the day it was written, so its "today" in
 * the as-of switch is that day, and it never shows a record of December as a fact of May.
 */
let recordEnd: string | null = null;

/** Set once at start from a published copy's manifest (null for the live app). */
export function recordEndsOn(day: string | null): void {
  recordEnd = day;
}

/** The day the as-of "today" stands for: the reader's today, or a published copy's day when earlier. */
export const recordDay = (): string => {
  const day = today();
  return recordEnd !== null && recordEnd < day ? recordEnd : day;
};

/** Whether "today" is a published copy's day rather than the reader's. */
export const recordEnded = (): boolean => recordDay() !== today();
