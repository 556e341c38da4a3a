import { z } from 'zod';
import { EVENT_RELATIONSHIP_TYPES } from '../model/event-fields';
import { RELATIONSHIP_TYPES } from '../model/graph-model';
import { LAYERS } from '../model/layers';
import { boolParam, intParam, listOf, nodeId } from './params';
import { elements } from './shared';

export const pathsQuery = z
  .object({
    from: nodeId.meta({ description: 'Id of the first node' }),
    to: nodeId.meta({ description: 'Id of the second node' }),
    maxHops: intParam(1, 6, 6).meta({ description: 'Longest path considered (1–6)' }),
    avoidHierarchy: boolParam.default(false).meta({
      description:
        'Do not go through PART_OF (the plan → pillar → area → commitment tree), TAGGED (themes) or UNDERTAKEN_BY (the preamble’s parties, on every commitment), so paths run through actors and instruments',
    }),
    layers: z
      .enum(LAYERS, { error: `must be one of ${LAYERS.join(', ')}` })
      .default('plan')
      .meta({
        description: `plan (default): paths through what the plan says only; all: also through the analysts' records (Event nodes and their ${EVENT_RELATIONSHIP_TYPES.join(', ')} relationships)`,
      }),
    exclude: listOf([...RELATIONSHIP_TYPES, ...EVENT_RELATIONSHIP_TYPES], 'relationship type').meta(
      {
        description: 'Further relationship types a path may not use',
      },
    ),
    limit: intParam(1, 50, 10).meta({ description: 'Most paths (all are shortest)' }),
  })
  .strict();

export type PathsQuery = z.infer<typeof pathsQuery>;

export const pathsResponse = z
  .object({
    paths: z.array(
      z.object({ nodes: z.array(z.string()), edges: z.array(z.string()), hops: z.number().int() }),
    ),
    elements,
    truncated: z.boolean(),
  })
  .meta({ id: 'Paths' });

export type Paths = z.infer<typeof pathsResponse>;
