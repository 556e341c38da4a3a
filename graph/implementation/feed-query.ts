import type { FeedAssessment, FeedEvent, FeedFilter } from '../../core/formats/activity-feed';
import { toStoredEvent } from '../events/event-store';
import type { Graph } from '../graph';
import type { Plain } from '../to-plain';
import { toAssessment } from './assessment-store';

/**
 * What the Atom feed lists: the latest-changed events nobody deleted, and the latest
 * assessments, of one pillar or commitment if asked; each bounded to `limit` in Cypher.
 */
export async function readFeedItems(
  graph: Graph,
  filter: FeedFilter,
  limit: number,
): Promise<{ events: FeedEvent[]; assessments: FeedAssessment[] }> {
  const params = {
    pillar: filter.pillar ?? null,
    commitment: filter.commitment ?? null,
    limit,
  };
  const [eventRows, assessmentRows] = await Promise.all([
    graph.read(
      `MATCH (e:Event) WHERE e.deleted = false
         AND ($commitment IS NULL OR $commitment IN e.commitment_refs)
         AND ($pillar IS NULL OR $pillar IN e.pillars)
       RETURN properties(e) AS p ORDER BY e.updated_at DESC, e.id LIMIT $limit`,
      params,
    ),
    graph.read(
      `MATCH (a:Assessment)
       WHERE ($commitment IS NULL OR a.ref = $commitment)
         AND ($pillar IS NULL OR a.ref STARTS WITH $pillar + '.')
       WITH a ORDER BY a.assessed_at DESC, a.id LIMIT $limit
       OPTIONAL MATCH (c:Commitment {ref: a.ref})
       RETURN properties(a) AS p, c.id AS commitment_id, c.title_en AS title`,
      params,
    ),
  ]);
  return {
    events: eventRows.map((r) => toStoredEvent(r.p as Record<string, Plain>)),
    assessments: assessmentRows.map((r) => ({
      ...toAssessment(r.p as Record<string, Plain>),
      commitment_id: String(r.commitment_id ?? ''),
      commitment_title_en: String(r.title ?? ''),
    })),
  };
}
