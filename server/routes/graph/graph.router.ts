import { Router } from 'express';
import type { Graph } from '../../../graph/graph';
import { readView } from '../../../graph/queries/view-query';
import { seedEtag } from '../../http/seed-etag';
import { validate } from '../../http/validate';
import { type GraphQuery, graphQuery } from './graph.schema';

export function graphRouter(graph: Graph): Router {
  const router = Router();
  router.get('/', validate('query', graphQuery), seedEtag(graph), async (_req, res) => {
    const q = res.locals.query as GraphQuery;
    res.json(
      await readView(graph, {
        kinds: q.kinds,
        pillars: q.pillar,
        areas: q.area,
        countries: q.country,
        themes: q.theme,
        types: q.rel,
        limit: q.limit,
      }),
    );
  });
  return router;
}
