/**
 * The folded key every node stores as `search_key` (with a TEXT index), for Cypher written
 * by hand in the workbench: names, aliases, ref and titles folded for width, case, the
 * middle dot (カーン・クエスト = カーンクエスト) and spaces. The explorer's own search reads
 * the nodes into core/search/plan-search.ts instead.
 */

const MIDDLE_DOTS = /[・･·•‧]/g;

/** Width- and case-folded, with spaces collapsed: how the index and the reader's words are compared. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The same, also without middle dots and spaces: カーン・クエスト, カーンクエスト and カーン クエスト meet. */
export function compactForSearch(text: string): string {
  return foldForSearch(text).replace(MIDDLE_DOTS, '').replace(/\s+/g, '');
}

/** The stored fields a node's search key folds together: what a reader types a name as. */
export const SEARCH_KEY_FIELDS = [
  'name_ja',
  'name_en',
  'aliases_text',
  'ref',
  'title_ja',
  'title_en',
] as const;

/** Between fields in a search key: a line break, which a compacted query never holds, so no match spans two fields. */
const KEY_SEPARATOR = '\n';

/**
 * A node's names, aliases, ref and titles in one compact, folded string (see
 * compactForSearch), stored as `search_key` with one TEXT index: a hand-written
 * `WHERE n.search_key CONTAINS $key` is one index lookup, whatever the width, case, middle
 * dots or spaces of the names.
 */
export function searchKeyOf(properties: Record<string, unknown>): string {
  return SEARCH_KEY_FIELDS.map((field) => properties[field])
    .filter((value): value is string => typeof value === 'string' && value !== '')
    .map(compactForSearch)
    .join(KEY_SEPARATOR);
}
