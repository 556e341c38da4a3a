import type { SearchQuery, SearchResponse } from '../../../core/api/search';
import { buildSearchIndex, type SearchIndex, searchPlan } from '../../../core/search/plan-search';
import type { Graph } from '../../../graph/graph';
import { readSearchDocs } from '../../../graph/queries/search-query';
import { seedVersionOf } from '../../http/data-version';

interface BuiltIndex {
  version: string;
  index: Promise<SearchIndex>;
}

const indexes = new WeakMap<Graph, BuiltIndex>();

/**
 * The search index of the data the database holds now: the plan's nodes read once per data
 * version and indexed in memory (a few tens of milliseconds at plan size), then every query
 * is answered from it by core/search/plan-search.ts, the same code a copy without a server runs.
 */
async function indexOf(graph: Graph): Promise<SearchIndex> {
  const version = await seedVersionOf(graph)();
  const current = indexes.get(graph);
  if (current && current.version === version) return current.index;
  const built: BuiltIndex = {
    version,
    index: readSearchDocs(graph).then(buildSearchIndex),
  };
  // A failure is not kept: the next query tries again.
  built.index.catch(() => {
    if (indexes.get(graph) === built) indexes.delete(graph);
  });
  indexes.set(graph, built);
  return built.index;
}

export async function search(graph: Graph, query: SearchQuery): Promise<SearchResponse> {
  return searchPlan(await indexOf(graph), query.q, { kinds: query.kinds, limit: query.limit });
}
