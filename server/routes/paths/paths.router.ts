import { Router } from 'express';
import { pathsQuery } from '../../../core/api/paths';
import { HUB_RELATIONSHIP_TYPES } from '../../../core/model/graph-model';
import type { Graph } from '../../../graph/graph';
import { readPaths } from '../../../graph/queries/paths-query';
import { HttpProblem } from '../../http/problem';
import { seedEtag } from '../../http/seed-etag';
import { validate, validated } from '../../http/validate';
import { json, seedCached } from '../seed-cache';

/** The plan's own hierarchy and the hub types, each of which would otherwise join any two commitments. */
const HIERARCHY = ['PART_OF', ...HUB_RELATIONSHIP_TYPES];

export function pathsRouter(graph: Graph): Router {
  const router = Router();
  router.get(
    '/',
    validate('query', pathsQuery),
    seedEtag(graph),
    // Paths change only with the data: read once per data version and URL.
    seedCached(
      graph,
      async (_req, res) => {
        const q = validated(res, 'query', pathsQuery);
        const outcome = await readPaths(graph, {
          from: q.from,
          to: q.to,
          maxHops: q.maxHops,
          layers: q.layers,
          excludeTypes: [...(q.avoidHierarchy ? HIERARCHY : []), ...(q.exclude ?? [])],
          limit: q.limit,
        });
        if ('missing' in outcome) {
          throw new HttpProblem(
            404,
            'Unknown node',
            `No node has the id "${q[outcome.missing]}".`,
            {
              field: outcome.missing,
            },
          );
        }
        return json(outcome);
      },
      { size: 256 },
    ),
  );
  return router;
}
