import { compactForSearch } from '../../core/search-terms';
import type { Graph } from '../graph';
import { FULLTEXT_INDEXES, TEXT_INDEXED_KEYS } from '../schema-setup';
import type { Plain } from '../to-plain';
import { ENTITY, kindOf } from './entity';

export interface SearchCandidate {
  id: string;
  kind: string;
  props: Record<string, Plain>;
  score: number;
}

const TIMEOUT = { timeoutMs: 5000 };

/** Case forms of a variant: a TEXT index matches CONTAINS exactly, so "epa" must also try "EPA". */
function caseForms(variants: string[]): string[] {
  const forms = new Set<string>();
  for (const v of variants) {
    forms.add(v);
    forms.add(v.toLowerCase());
    forms.add(v.toUpperCase());
    forms.add(
      v.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep, ch) => sep + ch.toUpperCase()),
    );
  }
  return [...forms];
}

/** One index-backed CONTAINS per text-indexed key, as UNION branches. */
const SUBSTRING_BRANCHES = TEXT_INDEXED_KEYS.map(
  (key) => `MATCH (n:${ENTITY}) WHERE n.${key} CONTAINS v RETURN n`,
).join(' UNION ');

/**
 * Candidates for a search: full-text hits from both indexes, and, only when those are
 * fewer than `enough`, substring matches on names, aliases, refs and titles (which the
 * bigram cjk analyzer misses for one-character or mixed-script queries) through the
 * TEXT indexes. Ranking and snippets are the caller's.
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
  const substring = await graph.read(
    `UNWIND $forms AS v
     CALL (v) { ${SUBSTRING_BRANCHES} }
     WITH DISTINCT n LIMIT $limit
     RETURN n.id AS id, ${kindOf('n')} AS kind, properties(n) AS props`,
    { forms: caseForms(query.variants), limit: query.limit },
    TIMEOUT,
  );
  const rows =
    substring.length > 0 || byId.size > 0 ? substring : await compactMatches(graph, query);
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

/**
 * The last resort, when neither index found anything: names and aliases compared without
 * middle dots and spaces, so カーンクエスト finds カーン・クエスト. No index holds that
 * form, so this reads every Entity node's names; it runs only for a query that would
 * otherwise answer nothing.
 */
async function compactMatches(graph: Graph, query: { variants: string[]; limit: number }) {
  const compact = [...new Set(query.variants.map(compactForSearch))].filter((v) => v.length > 1);
  if (compact.length === 0) return [];
  return graph.read(
    `MATCH (n:${ENTITY})
     WITH n, [f IN [n.name_ja, n.name_en, n.aliases_text] WHERE f IS NOT NULL |
              replace(replace(replace(toLower(f), '・', ''), '･', ''), ' ', '')] AS fields
     WHERE any(f IN fields WHERE any(v IN $compact WHERE f CONTAINS v))
     RETURN n.id AS id, ${kindOf('n')} AS kind, properties(n) AS props
     LIMIT $limit`,
    { compact, limit: query.limit },
    TIMEOUT,
  );
}
