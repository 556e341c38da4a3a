import { Router } from 'express';
import type { Graph } from '../../../graph/graph';
import { validate } from '../../http/validate';
import { defaultPositions } from '../graph/default-positions';
import { type ExportQuery, exportQuery } from './export.schema';
import { exportView } from './export.service';

export function exportRouter(graph: Graph): Router {
  const router = Router();
  const positions = defaultPositions(graph);
  router.get('/', validate('query', exportQuery), async (_req, res) => {
    const file = await exportView(graph, res.locals.query as ExportQuery, new Date(), positions);
    // The name is [a-z0-9.+_-] only (the slug, a date, the extension), so it is quoted as it stands.
    res
      .set('Content-Disposition', `attachment; filename="${file.filename}"`)
      .type(file.mediaType)
      .send(file.body);
  });
  return router;
}
