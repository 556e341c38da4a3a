import { z } from 'zod';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../model/graph-model';
import { intParam, listOf, nodeId } from './params';
import { elements, plain } from './shared';

export const nodeParams = z.object({
  id: nodeId.meta({ description: "The node's stable id, URL-encoded (jp-mn-2022%2FI.3.2)" }),
});

export const neighboursQuery = z
  .object({
    depth: intParam(1, 3, 1).meta({ description: 'Hops from the node (1–3)' }),
    rel: listOf(RELATIONSHIP_TYPES, 'relationship type').meta({
      description:
        "The plan's relationship types to follow (default: all). A neighbourhood is the plan's: analysts' records (events) are listed in the node's details and by /api/events",
    }),
    kinds: listOf(NODE_LABELS, 'kind').meta({
      description: 'Kinds of neighbour to include (default: all)',
    }),
    limit: intParam(1, 1000, 100).meta({
      description: 'Most neighbours (default 100, at most 1000)',
    }),
  })
  .strict();

export type NeighboursQuery = z.infer<typeof neighboursQuery>;

const relationshipEvidence = z.object({
  type: z.string(),
  layer: z.enum(['plan', 'analysts']).meta({
    description:
      "plan: what the plan says; analysts: an event's relationship, recorded by analysts",
  }),
  direction: z.enum(['in', 'out']),
  other: z.object({ id: z.string(), kind: z.string(), name_ja: z.string(), name_en: z.string() }),
  properties: z.record(z.string(), plain),
});

export const nodeResponse = z
  .object({
    id: z.string(),
    kind: z.string(),
    labels: z.array(z.string()),
    properties: z
      .record(z.string(), plain)
      .meta({ description: 'Every property, in both languages where the node has them' }),
    provenance: z.object({
      text_ja: z.string().nullable(),
      line_start: z.number().int().nullable(),
      line_end: z.number().int().nullable(),
      relationships: z.array(relationshipEvidence).meta({
        description:
          "Each relationship with its evidence, the plan's and the analysts' records (events) both, told apart by layer",
      }),
    }),
    neighbours: z.array(
      z.object({
        type: z.string(),
        direction: z.enum(['in', 'out']),
        kind: z.string(),
        count: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'NodeDetails' });

export type NodeDetails = z.infer<typeof nodeResponse>;

export const neighboursResponse = z
  .object({ elements, truncated: z.boolean(), total: z.number().int() })
  .meta({ id: 'Neighbourhood' });

export type Neighbourhood = z.infer<typeof neighboursResponse>;
