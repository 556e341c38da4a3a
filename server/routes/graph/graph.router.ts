import { Router } from 'express';
import { graphQuery } from '../../../core/api/graph';
import type { Graph } from '../../../graph/graph';
import { readView } from '../../../graph/queries/view-query';
import { seedEtag } from '../../http/seed-etag';
import { validate, validated } from '../../http/validate';
import { json, seedCached } from '../seed-cache';
import { defaultPositions } from './default-positions';
import { viewFilterOf } from './view-filter';

export function graphRouter(graph: Graph): Router {
  const router = Router();
  const positions = defaultPositions(graph);
  router.get(
    '/',
    validate('query', graphQuery),
    seedEtag(graph),
    // Views change only with a seeding: each is queried once per seeding and URL.
    seedCached(graph, async (_req, res) => {
      const q = validated(res, 'query', graphQuery);
      const view = await readView(graph, viewFilterOf(q));
      if (q.positions === 'default') {
        const placed = await positions();
        view.elements.nodes = view.elements.nodes.map((node) => {
          const position = placed[node.data.id];
          return position ? { ...node, position } : node;
        });
      }
      return json(view);
    }),
  );
  return router;
}
