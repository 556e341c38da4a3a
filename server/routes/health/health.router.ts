import { Router } from 'express';
import type { Graph } from '../../../graph/graph';
import type { ConsoleSandbox } from '../cypher/console-sandbox';
import { checkHealth } from './health.service';

export function healthRouter(graph: Graph, sandbox?: ConsoleSandbox): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await checkHealth(graph, sandbox));
  });
  return router;
}
