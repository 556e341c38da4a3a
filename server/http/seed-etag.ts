import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Graph } from '../../graph/graph';
import { seedVersionOf } from './data-version';

/**
 * The graph changes only when it is seeded, so a view's ETag is the seeding's fingerprint
 * plus the request URL. A client that sends it back gets a 304 without the view being
 * queried again. The version is re-read at most once a second, by one reader that every
 * ETag and cache of the graph shares.
 */
export function seedEtag(graph: Graph): RequestHandler {
  const version = seedVersionOf(graph);
  return async (req, res, next) => {
    const etag = `"${createHash('sha1')
      .update(`${await version()}|${req.originalUrl}`)
      .digest('base64url')}"`;
    res.set({ ETag: etag, 'Cache-Control': 'no-cache' });
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    next();
  };
}
