import type { Graph } from '../graph';
import { FULLTEXT_INDEXES } from '../schema-setup';
import type { Plain } from '../to-plain';

export interface SearchCandidate {
  id: string;
  kind: string;
  props: Record<string, Plain>;
  score: number;
}

const TIMEOUT = { timeoutMs: 5000 };

/**
 * Candidates for a search: full-text hits from both indexes, plus substring matches on
 * names, aliases and refs (which the bigram cjk analyzer misses for one-character or
 * mixed-script queries). Ranking and snippets are the caller's.
 */
export async function searchCandidates(
  graph: Graph,
  query: { fulltext: string; variants: string[]; limit: number },
): Promise<SearchCandidate[]> {
  const byId = new Map<string, SearchCandidate>();
  for (const index of [FULLTEXT_INDEXES.ja, FULLTEXT_INDEXES.en]) {
    const rows = await graph.read(
      `CALL db.index.fulltext.queryNodes($index, $q, { limit: $limit }) YIELD node, score
       RETURN node.id AS id, labels(node)[0] AS kind, properties(node) AS props, score`,
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
  const substring = await graph.read(
    `MATCH (n)
     WHERE n.id IS NOT NULL AND any(v IN $variants WHERE any(f IN [n.name_ja, n.name_en, n.aliases_text, n.ref, n.title_ja, n.title_en]
           WHERE f IS NOT NULL AND (toLower(f) CONTAINS toLower(v)
             OR replace(replace(toLower(f), '・', ''), ' ', '') CONTAINS replace(replace(toLower(v), '・', ''), ' ', ''))))
     RETURN n.id AS id, labels(n)[0] AS kind, properties(n) AS props
     LIMIT $limit`,
    { variants: query.variants, limit: query.limit },
    TIMEOUT,
  );
  for (const r of substring) {
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
