import type { GraphQuery } from '../../../core/api/graph';
import type { ViewFilter } from '../../../graph/queries/view-query';

/** The view filter a graph (or export) query asks for, in graph/'s terms. */
export function viewFilterOf(q: GraphQuery): ViewFilter {
  return {
    kinds: q.kinds,
    pillars: q.pillar,
    areas: q.area,
    countries: q.country,
    themes: q.theme,
    types: q.rel,
    limit: q.limit,
  };
}
