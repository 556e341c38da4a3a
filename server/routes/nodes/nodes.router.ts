import { Router } from 'express';
import { neighboursQuery, nodeParams } from '../../../core/api/nodes';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../../core/model/graph-model';
import type { Graph } from '../../../graph/graph';
import { readNeighbours } from '../../../graph/queries/neighbours-query';
import { readNodeDetails } from '../../../graph/queries/node-query';
import { HttpProblem } from '../../http/problem';
import { seedEtag } from '../../http/seed-etag';
import { validate, validated } from '../../http/validate';
import { json, seedCached } from '../seed-cache';

const unknownNode = (id: string) =>
  new HttpProblem(404, 'Unknown node', `No node has the id "${id}".`, { field: 'id' });

export function nodesRouter(graph: Graph): Router {
  const router = Router();
  // Details and neighbourhoods change only with the data: each is read once per data
  // version and URL (an unknown id's 404 is not kept).
  router.get(
    '/:id',
    validate('params', nodeParams),
    seedEtag(graph),
    seedCached(
      graph,
      async (_req, res) => {
        const { id } = validated(res, 'params', nodeParams);
        const details = await readNodeDetails(graph, id);
        if (!details) throw unknownNode(id);
        const { relationships, ...node } = details;
        const p = node.properties;
        return json({
          ...node,
          provenance: {
            text_ja: typeof p.text_ja === 'string' ? p.text_ja : null,
            line_start: typeof p.line_start === 'number' ? p.line_start : null,
            line_end: typeof p.line_end === 'number' ? p.line_end : null,
            relationships,
          },
        });
      },
      { size: 512 },
    ),
  );
  router.get(
    '/:id/neighbours',
    validate('params', nodeParams),
    validate('query', neighboursQuery),
    seedEtag(graph),
    seedCached(
      graph,
      async (_req, res) => {
        const { id } = validated(res, 'params', nodeParams);
        const q = validated(res, 'query', neighboursQuery);
        const found = await readNeighbours(graph, id, {
          depth: q.depth,
          types: q.rel ?? [...RELATIONSHIP_TYPES],
          kinds: q.kinds ?? [...NODE_LABELS],
          limit: q.limit,
        });
        if (!found) throw unknownNode(id);
        return json(found);
      },
      { size: 512 },
    ),
  );
  return router;
}
