import type { RequestHandler } from 'express';
import { withCancellation } from '../../graph/graph';

/**
 * When a client goes away before its answer is sent, the database work done on its behalf
 * is cancelled (graph/ rolls the transaction back) instead of running on for nobody.
 */
export const cancelOnClose: RequestHandler = (_req, res, next) => {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  withCancellation(controller.signal, next);
};
