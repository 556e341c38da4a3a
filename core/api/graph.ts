import { z } from 'zod';
import { THEMES } from '../model/curation-vocabulary';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../model/graph-model';
import { intParam, listOf } from './params';
import { elements } from './shared';

const themeIds = Object.keys(THEMES).map((t) => `theme/${t}`) as [string, ...string[]];

export const graphQuery = z
  .object({
    kinds: listOf(NODE_LABELS, 'kind').meta({
      description: 'Node labels to include (default: all)',
    }),
    pillar: listOf(['I', 'II', 'III', 'IV'], 'pillar').meta({
      description: 'Only commitments of these pillars, and what they touch',
    }),
    area: z
      .preprocess(
        (raw) =>
          raw === undefined || raw === ''
            ? undefined
            : (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(',')),
        z
          .array(z.string().regex(/^(I|II|III|IV)\.\d{1,2}$/, 'must be an area ref such as I.3'))
          .max(50)
          .optional(),
      )
      .meta({ description: 'Only commitments of these areas (I.3, II.1 …), and what they touch' }),
    country: listOf(['JP', 'MN', 'US', 'KP', 'bilateral', 'multilateral'], 'country').meta({
      description: 'Only entities of these countries (commitments and structure stay)',
    }),
    theme: listOf(themeIds, 'theme').meta({
      description: 'Only commitments tagged with these themes (theme/defence …)',
    }),
    rel: listOf(RELATIONSHIP_TYPES, 'relationship type').meta({
      description:
        "The plan's relationship types to include (default: all). A view is the plan's: analysts' records (events) are served by /api/events",
    }),
    limit: intParam(1, 5000, 2000).meta({
      description: 'Most nodes to return; truncated says whether more matched',
    }),
    positions: z
      .enum(['none', 'default'], { error: 'must be none or default' })
      .default('none')
      .meta({
        description:
          'default: give each node its position in the precomputed layout of the whole plan',
      }),
  })
  .strict();

export type GraphQuery = z.infer<typeof graphQuery>;

export const graphResponse = z
  .object({ elements, truncated: z.boolean(), total: z.number().int() })
  .meta({ id: 'GraphView' });

export type GraphView = z.infer<typeof graphResponse>;
