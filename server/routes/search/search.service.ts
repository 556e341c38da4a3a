import type { SearchQuery, SearchResult } from '../../../core/api/search';
import { matchStrength } from '../../../core/search-terms';
import type { Graph } from '../../../graph/graph';
import { type SearchCandidate, searchCandidates } from '../../../graph/queries/search-query';
import { fulltextQuery, searchVariants, snippetAround } from './search-terms';

/** Fields in the order a match in them matters, with the weight it adds. */
const FIELDS: [field: string, weight: number][] = [
  ['name_ja', 200],
  ['name_en', 200],
  ['aliases_text', 150],
  ['ref', 150],
  ['title_ja', 100],
  ['title_en', 100],
  ['text_ja', 50],
  ['text_en', 50],
  ['preamble_ja', 20],
  ['preamble_en', 20],
];

const NAME_FIELDS = new Set(['name_ja', 'name_en', 'aliases_text']);
/** Actors and instruments are what a name search is usually after; commitments carry titles as names. */
const ENTITY_KINDS = new Set(['Agency', 'Agreement', 'Program', 'Framework', 'Country', 'Place']);

/** Ranks candidates: exact names first, then entities whose names contain the query, then titles and texts. */
export function rankCandidates(candidates: SearchCandidate[], variants: string[]): SearchResult[] {
  const lowered = variants.map((v) => v.toLowerCase());
  const results = candidates.map((c) => {
    let best: { field: string; snippet: string; weight: number } | undefined;
    let exact = false;
    let wholeWord = false;
    for (const [field, weight] of FIELDS) {
      const value = c.props[field];
      if (typeof value !== 'string') continue;
      const normalised = value.normalize('NFKC').toLowerCase();
      const names = field === 'aliases_text' ? value.split(' / ') : [value];
      const strength = NAME_FIELDS.has(field)
        ? Math.max(0, ...names.flatMap((n) => variants.map((v) => matchStrength(n, v))))
        : 0;
      if (
        strength === 3 ||
        lowered.includes(normalised) ||
        (field === 'aliases_text' && normalised.split(' / ').some((a) => lowered.includes(a)))
      ) {
        exact = true;
      }
      if (strength === 2) wholeWord = true;
      const snippet = snippetAround(value, variants);
      if (snippet && (!best || weight > best.weight)) best = { field, snippet, weight };
    }
    const fallbackField =
      FIELDS.find(([f]) => typeof c.props[f] === 'string' && f.startsWith('text'))?.[0] ??
      'name_en';
    const field = best?.field ?? fallbackField;
    const snippet = best?.snippet ?? String(c.props[field] ?? c.props.name_en ?? '').slice(0, 80);
    return {
      id: c.id,
      kind: c.kind,
      name_ja: String(c.props.name_ja ?? c.id),
      name_en: String(c.props.name_en ?? c.id),
      ref: typeof c.props.ref === 'string' ? c.props.ref : null,
      field: field === 'aliases_text' ? 'aliases' : field,
      snippet,
      score:
        Math.round(
          ((exact ? 1000 : 0) +
            (wholeWord ? 300 : 0) +
            (best?.weight ?? 0) +
            (best && NAME_FIELDS.has(best.field) && ENTITY_KINDS.has(c.kind) ? 120 : 0) +
            c.score * 10) *
            100,
        ) / 100,
    };
  });
  return results.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

export async function search(graph: Graph, query: SearchQuery) {
  const variants = searchVariants(query.q);
  const candidates = await searchCandidates(graph, {
    fulltext: fulltextQuery(variants),
    variants,
    limit: 100,
    enough: query.limit,
  });
  const wanted = query.kinds
    ? candidates.filter((c) => query.kinds!.includes(c.kind as never))
    : candidates;
  return {
    query: query.q,
    variants,
    results: rankCandidates(wanted, variants).slice(0, query.limit),
  };
}
