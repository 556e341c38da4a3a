import { z } from 'zod';

/**
 * How far a commitment has got: the Open Government Partnership's Independent Reporting
 * Mechanism completion levels (not started, limited, substantial, complete), plus
 * `no_evidence` where nothing is recorded, which is never shown as "not started": the
 * record's silence is not a finding. One list for the seed, the store, the API, the
 * explorer and the exports. docs/implementation.md cites the scale's definition.
 */
export const IMPLEMENTATION_STATUSES = [
  'no_evidence',
  'not_started',
  'limited',
  'substantial',
  'complete',
] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

/** Who made the seeded readings: the curators, not an editor's account. */
export const CURATION_ASSESSOR = 'curation';

const isControl = (c: string) => {
  const code = c.codePointAt(0)!;
  return (code < 0x20 && c !== '\n') || code === 0x7f;
};

export const assessmentDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a full date such as 2024-06-30')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return y >= 1990 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'must be a real calendar date between 1990 and 2100');

/** What an editor (or the curated file) says of one commitment on one day: the editable fields. */
export const assessmentFields = z
  .object({
    status: z.enum(IMPLEMENTATION_STATUSES),
    as_of: assessmentDate,
    evidence: z
      .array(z.string().regex(/^ev-[a-z0-9-]{1,80}$/, 'must be an event id (ev-…)'))
      .max(30, 'must cite at most 30 events'),
    note: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(600, 'must be at most 600 characters')
      .refine((v) => ![...v].some(isControl), 'must not contain control characters'),
  })
  .strict()
  .refine((a) => a.status === 'no_evidence' || a.evidence.length > 0, {
    message: 'must cite at least one event for any status but no_evidence',
    path: ['evidence'],
  })
  .refine((a) => a.status !== 'no_evidence' || a.evidence.length === 0, {
    message: 'must be empty when the status is no_evidence',
    path: ['evidence'],
  });
export type AssessmentFields = z.infer<typeof assessmentFields>;

/** An assessment as stored and answered: the fields, whose they are, and when they were made. */
export interface Assessment extends AssessmentFields {
  id: string;
  ref: string;
  origin: 'curated' | 'analyst';
  /** `curation` for the seeded readings, otherwise the editor's account name. */
  assessed_by: string;
  /** ISO timestamp of when the assessment was recorded. */
  assessed_at: string;
}

/**
 * Where a commitment stood on a day: the assessment with the latest `as_of` on or before it
 * (the later-recorded one when two share a day), or none. History is kept, never rewritten,
 * so any past day can be answered.
 */
export function assessmentOn<A extends Pick<Assessment, 'as_of' | 'assessed_at'>>(
  history: readonly A[],
  day: string,
): A | undefined {
  let best: A | undefined;
  for (const a of history) {
    if (a.as_of > day) continue;
    if (
      !best ||
      a.as_of > best.as_of ||
      (a.as_of === best.as_of && a.assessed_at > best.assessed_at)
    )
      best = a;
  }
  return best;
}

/**
 * A curated reading (seed/data/assessments.json) as the seed hands it to the store: its
 * fields, its id and commitment, the day the curators made it, and its entry's hash (a
 * changed entry is replaced at the next seeding; an unchanged one is left alone).
 */
export interface CuratedAssessment extends AssessmentFields {
  id: string;
  ref: string;
  assessed_at: string;
  curated_sha256: string;
}
