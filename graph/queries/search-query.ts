import { SEARCH_DOC_FIELDS, type SearchDoc } from '../../core/search/plan-search';
import type { Graph } from '../graph';
import { ENTITY, kindOf } from './entity';

const TIMEOUT = { timeoutMs: 10_000 };

/** Far above the plan's few hundred nodes: a bound on what one read brings into memory. */
export const MAX_SEARCH_DOCS = 20_000;

/**
 * Every plan node with the fields search reads (names, aliases, ref, titles, texts), for
 * the search index that core/search/plan-search.ts builds and ranks in memory: read once
 * per data version, so each query costs no database round trip at all.
 */
export async function readSearchDocs(graph: Graph): Promise<SearchDoc[]> {
  // The projection's keys are the fixed list in core, never user input.
  const projection = SEARCH_DOC_FIELDS.map((field) => `.${field}`).join(', ');
  const rows = await graph.read(
    `MATCH (n:${ENTITY})
     RETURN n.id AS id, ${kindOf('n')} AS kind, n { ${projection} } AS props
     LIMIT $limit`,
    { limit: MAX_SEARCH_DOCS },
    TIMEOUT,
  );
  return rows.map((r) => ({
    id: String(r.id),
    kind: String(r.kind),
    props: r.props as SearchDoc['props'],
  }));
}
