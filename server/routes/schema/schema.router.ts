import { Router } from 'express';
import { readSchema } from '../../../graph/queries/schema-query';
import { seedEtag } from '../../http/seed-etag';
import { type ConsoleSandbox, freshConsole } from '../cypher/console-sandbox';
import { seedCached } from '../seed-cache';

/** The schema researchers query: the console's database's, which holds the public data only. */
export function schemaRouter(sandbox: ConsoleSandbox | undefined): Router {
  const router = Router();
  router.use(async (_req, _res, next) => {
    await freshConsole(sandbox);
    next();
  });
  if (!sandbox) return router;
  const graph = sandbox.graph;
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
