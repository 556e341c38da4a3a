import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Graph } from '../../graph/graph';
import { readSeedVersion } from '../../graph/queries/schema-query';

/**
 * The graph changes only when it is seeded, so a view's ETag is the seeding's fingerprint
 * plus the request URL. A client that sends it back gets a 304 without the view being
 * queried again. The version is re-read at most once a second.
 */
export function seedEtag(graph: Graph): RequestHandler {
  let cached: { version: string; at: number } | undefined;
  return async (req, res, next) => {
    if (!cached || Date.now() - cached.at > 1000)
      cached = { version: await readSeedVersion(graph), at: Date.now() };
    const etag = `"${createHash('sha1').update(`${cached.version}|${req.originalUrl}`).digest('base64url')}"`;
    res.set({ ETag: etag, 'Cache-Control': 'no-cache' });
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    next();
  };
}
