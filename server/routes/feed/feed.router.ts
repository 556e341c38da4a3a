import { Router } from 'express';
import { feedQuery } from '../../../core/api/feed';
import { activityFeed } from '../../../core/formats/activity-feed';
import { toAtom } from '../../../core/formats/atom';
import type { Graph } from '../../../graph/graph';
import { readFeedItems } from '../../../graph/implementation/feed-query';
import { validate, validated } from '../../http/validate';

/**
 * GET /api/feed.atom: new and changed events and implementation assessments as an Atom feed,
 * so readers subscribe instead of checking. Links are absolute, on the host the request came
 * to (the host allow-list has vetted it; behind a proxy, TRUST_PROXY gives the scheme).
 */
export function feedRouter(graph: Graph): Router {
  const router = Router();
  router.get('/', validate('query', feedQuery), async (req, res) => {
    const q = validated(res, 'query', feedQuery);
    const filter = { pillar: q.pillar, commitment: q.commitment };
    const { events, assessments } = await readFeedItems(graph, filter, q.limit);
    const base = `${req.protocol}://${req.get('host')}`;
    const search = new URLSearchParams(
      Object.entries(filter).filter((kv): kv is [string, string] => kv[1] !== undefined),
    ).toString();
    const feed = activityFeed(events, assessments, {
      base,
      self: `${base}/api/feed.atom${search ? `?${search}` : ''}`,
      filter,
      limit: q.limit,
    });
    res
      .type('application/atom+xml; charset=utf-8')
      .set('Cache-Control', 'no-cache')
      // The links are on the request's host: a cache must not hand one host's feed to another.
      .set('Vary', 'Host')
      .send(toAtom(feed));
  });
  return router;
}
