import { DATASET_ID } from '../dataset';
import type { StoredEvent } from '../model/event-fields';
import { type Assessment, CURATION_ASSESSOR } from '../model/implementation';
import { IMPLEMENTATION_SCALE } from '../model/implementation-scale';
import type { AtomEntry, AtomFeed } from './atom';

/**
 * The Atom feed of what changed in the record (GET /api/feed.atom): events created or
 * changed, and implementation assessments (each one a status reading, since history is
 * only appended to), newest first, each linking to its view in the explorer.
 */

export type FeedEvent = Pick<
  StoredEvent,
  | 'id'
  | 'title_en'
  | 'date'
  | 'summary_en'
  | 'source_publisher'
  | 'advances'
  | 'pillars'
  | 'version'
  | 'updated_at'
  | 'updated_by'
>;

export interface FeedAssessment extends Assessment {
  /** The commitment's node id, for the explorer link, and its English title. */
  commitment_id: string;
  commitment_title_en: string;
}

export interface FeedFilter {
  pillar?: string;
  commitment?: string;
}

/** Who the curators are, in a reader's words, where the store says 'seed' or 'curation'. */
const CURATORS = 'Kizuna curation';
const labelOf = (status: string) =>
  IMPLEMENTATION_SCALE.find((s) => s.status === status)?.label_en ?? status;

/** An explorer link that opens with this node chosen (client/model/url-state.ts's `sel`). */
export const explorerLink = (base: string, nodeId: string) =>
  `${base}/#${new URLSearchParams({ lang: 'en', sel: nodeId })}`;

function eventEntry(event: FeedEvent, base: string): AtomEntry {
  const refs = event.advances.map((a) => a.ref);
  return {
    id: `urn:${DATASET_ID}:event:${event.id}`,
    title: `${event.version > 1 ? 'Event changed' : 'Event'}: ${event.title_en} (${event.date})`,
    updated: event.updated_at,
    link: explorerLink(base, event.id),
    summary: `${event.summary_en} Advances ${refs.join(', ')}. Source: ${event.source_publisher}.`,
    author: event.updated_by === 'seed' ? CURATORS : event.updated_by,
    categories: [...event.pillars, ...refs],
  };
}

function assessmentEntry(a: FeedAssessment, base: string): AtomEntry {
  const curated = a.assessed_by === CURATION_ASSESSOR;
  const cites = a.evidence.length === 1 ? '1 event' : `${a.evidence.length} events`;
  return {
    id: `urn:${DATASET_ID}:assessment:${a.id}`,
    title: `${a.ref} ${a.commitment_title_en}: ${labelOf(a.status)} as of ${a.as_of}`,
    updated: a.assessed_at,
    link: explorerLink(base, a.commitment_id),
    summary: `${curated ? 'Curated reading' : 'Assessment'}: ${a.note}${a.evidence.length ? ` (cites ${cites})` : ''}`,
    author: curated ? CURATORS : a.assessed_by,
    categories: [a.ref.split('.')[0]!, a.ref, a.status],
  };
}

/** The feed, newest first, at most `limit` entries; `self` is the feed's own absolute URL. */
export function activityFeed(
  events: readonly FeedEvent[],
  assessments: readonly FeedAssessment[],
  options: { base: string; self: string; filter: FeedFilter; limit: number },
): AtomFeed {
  const { base, self, filter, limit } = options;
  const entries = [
    ...events.map((e) => eventEntry(e, base)),
    ...assessments.map((a) => assessmentEntry(a, base)),
  ]
    .sort((x, y) =>
      x.updated === y.updated ? (x.id < y.id ? -1 : 1) : x.updated < y.updated ? 1 : -1,
    )
    .slice(0, limit);
  const scope = filter.commitment
    ? ` for commitment ${filter.commitment}`
    : filter.pillar
      ? ` for pillar ${filter.pillar}`
      : '';
  const idScope = filter.commitment
    ? `:commitment:${filter.commitment}`
    : filter.pillar
      ? `:pillar:${filter.pillar}`
      : '';
  return {
    id: `urn:${DATASET_ID}:feed${idScope}`,
    title: `Kizuna: Japan–Mongolia Action Plan, events and implementation${scope}`,
    subtitle:
      'New and changed events, and assessments of how far each commitment has got, newest first.',
    // The latest change shown; the plan's adoption when nothing is recorded yet.
    updated: entries[0]?.updated ?? '2022-11-29T00:00:00.000Z',
    self,
    alternate: `${base}/`,
    entries,
  };
}
