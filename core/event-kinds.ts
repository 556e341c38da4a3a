/**
 * The kinds of event and the precisions of their dates: one list for the seed's schema
 * (seed/events-model.ts) and the explorer's form (client/timeline), which must agree.
 */
export const EVENT_KINDS = [
  'visit',
  'meeting',
  'signing',
  'dialogue',
  'exercise',
  'exchange',
  'milestone',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
