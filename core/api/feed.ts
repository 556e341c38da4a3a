import { z } from 'zod';
import { intParam } from './params';

/** GET /api/feed.atom: what changed in the record, for feed readers (core/formats/activity-feed.ts). */
export const feedQuery = z
  .object({
    pillar: z
      .enum(['I', 'II', 'III', 'IV'], { error: 'must be one of I, II, III, IV' })
      .optional()
      .meta({ description: 'Only events and assessments of this pillar' }),
    commitment: z
      .string()
      .regex(/^[IVX]+(\.\d+){1,2}(\.[a-z])?$/, 'must be a plan ref such as I.3.2')
      .optional()
      .meta({ description: 'Only events and assessments of this commitment (ref)' }),
    limit: intParam(1, 200, 50),
  })
  .strict();
export type FeedQuery = z.infer<typeof feedQuery>;
