import { z } from 'zod';
import { EVENT_RELATIONSHIP_TYPES } from '../model/event-fields';
import { RELATIONSHIP_TYPES } from '../model/graph-model';
import { LAYERS } from '../model/layers';
import {
  DEFAULT_PATHS,
  HIERARCHY_TYPES,
  MAX_AVOIDED,
  MAX_PATHS,
  PATH_HUBS,
  PATH_VIA,
} from '../model/path-options';
import { boolParam, intParam, listOf, nodeId } from './params';
import { elements } from './shared';

const nodeIds = z.preprocess((raw) => {
  if (raw === undefined) return undefined;
  const items = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(','));
  return items.map((v) => v.trim()).filter(Boolean);
}, z.array(nodeId).max(MAX_AVOIDED, `must name at most ${MAX_AVOIDED} nodes`).optional());

export const pathsQuery = z
  .object({
    from: nodeId.meta({ description: 'Id of the first node' }),
    to: nodeId.meta({ description: 'Id of the second node' }),
    maxHops: intParam(1, 6, 6).meta({ description: 'Longest path considered (1–6)' }),
    k: intParam(1, MAX_PATHS, DEFAULT_PATHS).meta({
      description: `How many paths (1–${MAX_PATHS}): the shortest first, each a different sequence of nodes, none visiting a node twice`,
    }),
    structure: boolParam.default(true).meta({
      description:
        'false: do not go through the plan’s structure (PART_OF: plan → pillar → area → commitment), which joins any two commitments',
    }),
    themes: boolParam.default(true).meta({
      description: 'false: do not go through themes (TAGGED), which join the commitments they tag',
    }),
    layers: z
      .enum(LAYERS, { error: `must be one of ${LAYERS.join(', ')}` })
      .default('plan')
      .meta({
        description: `plan (default): paths through what the plan says only; all: also through the analysts' records (Event nodes and their ${EVENT_RELATIONSHIP_TYPES.join(', ')} relationships)`,
      }),
    avoid: nodeIds.meta({
      description: `Ids of nodes no path may go through (at most ${MAX_AVOIDED}, comma-separated or repeated), e.g. the hubs ${PATH_HUBS.join(',')}; each must exist; the path's own ends are never avoided`,
    }),
    avoidHierarchy: boolParam.default(false).meta({
      description: `Shorthand kept for older links: also leaves out ${HIERARCHY_TYPES.join(', ')}`,
    }),
    exclude: listOf([...RELATIONSHIP_TYPES, ...EVENT_RELATIONSHIP_TYPES], 'relationship type').meta(
      {
        description: 'Further relationship types a path may not use',
      },
    ),
  })
  .strict();

export type PathsQuery = z.infer<typeof pathsQuery>;

/** A node a request left out, named so that "no path" can say what was avoided. */
const avoidedNode = z.object({
  id: z.string(),
  kind: z.string(),
  name_ja: z.string(),
  name_en: z.string(),
});

export const pathsResponse = z
  .object({
    paths: z.array(
      z.object({ nodes: z.array(z.string()), edges: z.array(z.string()), hops: z.number().int() }),
    ),
    elements,
    /** More than k paths were found within maxHops. */
    truncated: z.boolean(),
    exclusions: z
      .object({
        via: z.array(z.enum(PATH_VIA)),
        nodes: z.array(avoidedNode),
        types: z.array(z.string()),
      })
      .meta({
        description:
          "What this request left out, which \"no path\" is within: the kinds of connection (via; events for analysts' records), the nodes avoided (the path's own ends never are) and the plan's relationship types not walked",
      }),
  })
  .meta({ id: 'Paths' });

export type Paths = z.infer<typeof pathsResponse>;
export type PathExclusions = Paths['exclusions'];
