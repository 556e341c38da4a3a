import { Router } from 'express';
import type { Graph } from '../../../graph/graph';
import { readSchema } from '../../../graph/queries/schema-query';
import { seedEtag } from '../../http/seed-etag';
import { seedCached } from '../seed-cache';

export function schemaRouter(graph: Graph): Router {
  const router = Router();
  router.get(
    '/',
    seedEtag(graph),
    seedCached(graph, async () => ({
      type: 'application/json',
      body: JSON.stringify(await readSchema(graph)),
    })),
  );
  return router;
}
