import { Router } from 'express';
import type { Graph } from '../../../graph/graph';
import { readSchema } from '../../../graph/queries/schema-query';
import { seedEtag } from '../../http/seed-etag';

export function schemaRouter(graph: Graph): Router {
  const router = Router();
  router.get('/', seedEtag(graph), async (_req, res) => {
    res.json(await readSchema(graph));
  });
  return router;
}
