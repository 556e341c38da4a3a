import { compactForSearch } from '../../core/search-terms';
import type { Graph } from '../graph';
import { FULLTEXT_INDEXES } from '../schema-setup';
import type { Plain } from '../to-plain';
import { ENTITY, kindOf } from './entity';

export interface SearchCandidate {
  id: string;
  kind: string;
  props: Record<string, Plain>;
  score: number;
}

const TIMEOUT = { timeoutMs: 5000 };

/**
 * Candidates for a search: full-text hits from both indexes, and, only when those are
 * fewer than `enough`, substring matches on names, aliases, refs and titles (which the
 * bigram cjk analyzer misses for one-character or mixed-script queries, and カーンクエスト
 * typed without its middle dot) through the one TEXT index on `search_key`, their folded
 * and compacted form (core/search-terms.ts). Every step is an index lookup, so a query
 * that finds nothing costs about what one that finds something does. Ranking and
 * snippets are the caller's.
 */
export async function searchCandidates(
  graph: Graph,
  query: { fulltext: string; variants: string[]; limit: number; enough: number },
): Promise<SearchCandidate[]> {
  const byId = new Map<string, SearchCandidate>();
  for (const index of [FULLTEXT_INDEXES.ja, FULLTEXT_INDEXES.en]) {
    const rows = await graph.read(
      `CALL db.index.fulltext.queryNodes($index, $q, { limit: $limit }) YIELD node, score
       RETURN node.id AS id, ${kindOf('node')} AS kind, properties(node) AS props, score`,
      { index, q: query.fulltext, limit: query.limit },
      TIMEOUT,
    );
    for (const r of rows) {
      const existing = byId.get(String(r.id));
      const score = Number(r.score);
      if (!existing || existing.score < score) {
        byId.set(String(r.id), {
          id: String(r.id),
          kind: String(r.kind),
          props: r.props as Record<string, Plain>,
          score,
        });
      }
    }
  }
  if (byId.size >= query.enough) return [...byId.values()];
  const keys = [...new Set(query.variants.map(compactForSearch))].filter((v) => v !== '');
  const rows =
    keys.length === 0
      ? []
      : await graph.read(
          `UNWIND $keys AS key
           MATCH (n:${ENTITY}) WHERE n.search_key CONTAINS key
           WITH DISTINCT n LIMIT $limit
           RETURN n.id AS id, ${kindOf('n')} AS kind, properties(n) AS props`,
          { keys, limit: query.limit },
          TIMEOUT,
        );
  for (const r of rows) {
    if (!byId.has(String(r.id))) {
      byId.set(String(r.id), {
        id: String(r.id),
        kind: String(r.kind),
        props: r.props as Record<string, Plain>,
        score: 0,
      });
    }
  }
  return [...byId.values()];
}
