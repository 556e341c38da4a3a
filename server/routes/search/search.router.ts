import { Router } from 'express';
import { searchQuery } from '../../../core/api/search';
import type { Graph } from '../../../graph/graph';
import { seedEtag } from '../../http/seed-etag';
import { validate, validated } from '../../http/validate';
import { json, seedCached } from '../seed-cache';
import { search } from './search.service';

export function searchRouter(graph: Graph): Router {
  const router = Router();
  router.get(
    '/',
    validate('query', searchQuery),
    seedEtag(graph),
    // Answers change only with the data: each query is run once per data version and URL.
    seedCached(
      graph,
      async (_req, res) => json(await search(graph, validated(res, 'query', searchQuery))),
      {
        size: 512,
      },
    ),
  );
  return router;
}
