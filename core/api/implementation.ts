import { z } from 'zod';
import { assessmentDate, assessmentFields, IMPLEMENTATION_STATUSES } from '../model/implementation';

/**
 * The implementation monitor's contract (issue 27): where each commitment stands on a day,
 * and the writes that add an assessment. Server routes validate with these; the client and
 * the exports read the same types.
 */

const commitmentRef = z
  .string()
  .regex(/^[IVX]+(\.\d+){1,2}(\.[a-z])?$/, 'must be a plan ref such as I.3.2');

export const implementationQuery = z
  .object({
    as_of: assessmentDate
      .optional()
      .meta({ description: 'The day to answer for (YYYY-MM-DD); today when absent' }),
    pillar: z
      .enum(['I', 'II', 'III', 'IV'], { error: 'must be one of I, II, III, IV' })
      .optional()
      .meta({ description: 'Only commitments of this pillar' }),
    status: z
      .enum(IMPLEMENTATION_STATUSES, {
        error: `must be one of ${IMPLEMENTATION_STATUSES.join(', ')}`,
      })
      .optional()
      .meta({ description: 'Only commitments with this status on that day' }),
  })
  .strict();
export type ImplementationQuery = z.infer<typeof implementationQuery>;

export const implementationParams = z.object({ ref: commitmentRef });

/** The body of a new assessment: the fields; who and when come from the session and the clock. */
export const assessmentBody = assessmentFields;

const assessment = z
  .object({
    id: z.string(),
    ref: z.string(),
    origin: z.enum(['curated', 'analyst']),
    status: z.enum(IMPLEMENTATION_STATUSES),
    as_of: z.string(),
    evidence: z.array(z.string()),
    note: z.string(),
    assessed_by: z.string(),
    assessed_at: z.string(),
  })
  .meta({ id: 'Assessment' });

/**
 * One commitment's row: its standing on the day asked (status `no_evidence` with empty
 * evidence, note '' and null assessor when nothing is recorded by then).
 */
export const commitmentStanding = z
  .object({
    ref: z.string(),
    pillar: z.string(),
    status: z.enum(IMPLEMENTATION_STATUSES),
    as_of: z.string().nullable(),
    evidence: z.array(z.string()),
    note: z.string(),
    assessed_by: z.string().nullable(),
    assessed_at: z.string().nullable(),
    /** The assessment's id, null when none. */
    assessment_id: z.string().nullable(),
  })
  .meta({ id: 'CommitmentStanding' });
export type CommitmentStanding = z.infer<typeof commitmentStanding>;

export const implementationResponse = z
  .object({
    as_of: z.string(),
    scale: z.array(
      z.object({
        status: z.enum(IMPLEMENTATION_STATUSES),
        label_en: z.string(),
        definition_en: z.string(),
      }),
    ),
    scale_source: z.string().meta({ description: 'URL of the scale definition' }),
    commitments: z.array(commitmentStanding),
  })
  .meta({ id: 'Implementation' });
export type ImplementationResponse = z.infer<typeof implementationResponse>;

/** GET /api/implementation/{ref}: the whole dated history, newest first, and its revision. */
export const assessmentHistoryResponse = z
  .object({
    ref: z.string(),
    revision: z.number().int().meta({
      description: 'How many assessments are recorded; the ETag, and If-Match for writes',
    }),
    history: z.array(assessment),
  })
  .meta({ id: 'AssessmentHistory' });
export type AssessmentHistoryResponse = z.infer<typeof assessmentHistoryResponse>;
