import { Router } from 'express';
import { type PathsQuery, pathsQuery } from '../../../core/api/paths';
import { HIERARCHY_TYPES, type PathVia, VIA_TYPES } from '../../../core/model/path-options';
import type { Graph } from '../../../graph/graph';
import { readPaths } from '../../../graph/queries/paths-query';
import { HttpProblem } from '../../http/problem';
import { seedEtag } from '../../http/seed-etag';
import { validate, validated } from '../../http/validate';
import { json, seedCached } from '../seed-cache';

/** What the request leaves out: the kinds of connection, then every plan type not walked. */
function exclusionsOf(q: PathsQuery): { via: PathVia[]; types: string[] } {
  const via: PathVia[] = [];
  if (!q.structure) via.push('structure');
  if (!q.themes) via.push('themes');
  if (q.layers === 'plan') via.push('events');
  const types = [
    ...(q.structure ? [] : VIA_TYPES.structure),
    ...(q.themes ? [] : VIA_TYPES.themes),
    ...(q.avoidHierarchy ? HIERARCHY_TYPES : []),
    ...(q.exclude ?? []),
  ];
  return { via, types: [...new Set(types)] };
}

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
        const { via, types } = exclusionsOf(q);
        const outcome = await readPaths(graph, {
          from: q.from,
          to: q.to,
          maxHops: q.maxHops,
          layers: q.layers,
          excludeTypes: types,
          avoid: q.avoid ?? [],
          k: q.k,
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
        if ('unknown' in outcome) {
          throw new HttpProblem(
            400,
            'Invalid request',
            `Parameter 'avoid': no node has the id ${outcome.unknown.map((id) => `"${id}"`).join(', ')}.`,
            { field: 'avoid' },
          );
        }
        const { avoided, ...found } = outcome;
        return json({ ...found, exclusions: { via, nodes: avoided, types } });
      },
      { size: 256 },
    ),
  );
  return router;
}
