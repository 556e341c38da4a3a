import { type Response, Router } from 'express';
import { bundleQuery, exportQuery } from '../../../core/api/export';
import type { Graph } from '../../../graph/graph';
import { validate, validated } from '../../http/validate';
import { defaultPositions } from '../graph/default-positions';
import { seedCached } from '../seed-cache';
import { type ExportFile, exportBundle, exportView, TRUNCATED_HEADER } from './export.service';

/**
 * The download's headers: its name, and whether the node limit cut it. The name is
 * [a-z0-9.+_-] only (slug, version, date, extension), so it is quoted as it stands.
 */
function fileHeaders(file: ExportFile): Record<string, string> {
  return {
    'Content-Disposition': `attachment; filename="${file.filename}"`,
    ...(file.truncated ? { [TRUNCATED_HEADER]: file.truncated } : {}),
  };
}

function sendFile(res: Response, file: ExportFile): void {
  res
    .set(fileHeaders(file))
    .type(file.mediaType)
    .send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
}

const today = () => new Date().toISOString().slice(0, 10);

export function exportRouter(graph: Graph): Router {
  const router = Router();
  const positions = defaultPositions(graph);
  router.get(
    '/',
    validate('query', exportQuery),
    // A file is built once per seeding, URL and day (its name and metadata carry the date).
    seedCached(
      graph,
      async (_req, res) => {
        const file = await exportView(
          graph,
          validated(res, 'query', exportQuery),
          new Date(),
          positions,
        );
        return { type: file.mediaType, body: file.body, headers: fileHeaders(file) };
      },
      { size: 32, keyOf: (req) => `${today()}|${req.originalUrl}` },
    ),
  );
  router.get('/bundle', validate('query', bundleQuery), async (_req, res) => {
    sendFile(
      res,
      await exportBundle(graph, validated(res, 'query', bundleQuery), new Date(), positions),
    );
  });
  return router;
}
