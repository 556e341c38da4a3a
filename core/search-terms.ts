/**
 * What a reader may type for the same thing, as plain data and pure functions shared by
 * the server's search and the client: folding that ignores width, case, the middle dot
 * (カーン・クエスト = カーンクエスト) and spaces, and a curated list of synonyms
 * (tests/unit/search-terms.test.ts checks each group finds something in the plan).
 */

/**
 * Groups of words a reader uses for the same thing. Each group names something the plan
 * speaks of, in the words the plan uses (Japanese) and the words a reader may try
 * (English names, acronyms, everyday words). Curated by hand; keep groups small and true.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  [
    'MOU',
    'MoU',
    'MOC',
    'MoC',
    '覚書',
    'memorandum',
    'memorandum of understanding',
    'memorandum of cooperation',
  ],
  ['ビザ', '査証', 'visa'],
  ['renewable', 'renewable energy', '再生可能', '再生可能エネルギー', '風力', 'wind power'],
  ['clean energy', 'クリーンエネルギー', 'クリーン', 'clean coal'],
  ['JICA', '国際協力機構', 'Japan International Cooperation Agency'],
  ['UN', '国連', '国際連合', 'United Nations'],
  ['PKO', 'peacekeeping', '平和維持活動', '国連PKO'],
  ['SDF', '自衛隊', 'Self-Defense Forces', 'Self-Defence Forces'],
  ['defence', 'defense', '防衛'],
  // British and American spellings of words the plan's English names use.
  ['programme', 'program'],
  ['centre', 'center'],
  ['organisation', 'organization'],
  ['North Korea', 'DPRK', '北朝鮮'],
  ['scholarship', '奨学金', '留学'],
];

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
 * compactForSearch), stored as `search_key` with one TEXT index: the substring fallback
 * of search is then one index lookup per variant, whatever the width, case, middle dots
 * or spaces the reader typed, instead of a lookup per field and case form and a scan of
 * every node's names when those missed.
 */
export function searchKeyOf(properties: Record<string, unknown>): string {
  return SEARCH_KEY_FIELDS.map((field) => properties[field])
    .filter((value): value is string => typeof value === 'string' && value !== '')
    .map(compactForSearch)
    .join(KEY_SEPARATOR);
}

/** The synonyms of a query: every other word of each group the query belongs to, whole. */
export function synonymsOf(query: string): string[] {
  const q = compactForSearch(query);
  if (!q) return [];
  const out: string[] = [];
  for (const group of SYNONYMS) {
    if (group.some((word) => compactForSearch(word) === q)) {
      for (const word of group) if (compactForSearch(word) !== q) out.push(word);
    }
  }
  return [...new Set(out)];
}

/** The most variants one query expands to: each is a full-text clause and a lookup. */
export const MAX_PHRASE_VARIANTS = 16;

/**
 * A query of several words with each word that has synonyms or other spellings swapped in
 * turn: "defence MoU" also reads "defense memorandum", so it finds "Memorandum on Defense
 * Cooperation" (whose words a full-text search then matches in any order). Whole-query
 * synonyms come from synonymsOf; single words are left to it. At most MAX_PHRASE_VARIANTS,
 * the query itself first.
 */
export function phraseVariants(query: string): string[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length < 2) return [];
  const choices = words.map((word) => {
    // Single-word alternatives only (a phrase inside a phrase would not be one word), and one
    // of each spelling that folds alike (MOC, MoC).
    const seen = new Set<string>();
    return [word, ...synonymsOf(word).filter((s) => !s.includes(' '))].filter((option) => {
      const key = compactForSearch(option);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });
  let phrases: string[][] = [[]];
  for (const options of choices) {
    phrases = phrases
      .flatMap((start) => options.map((option) => [...start, option]))
      .slice(0, MAX_PHRASE_VARIANTS);
  }
  const out = phrases.map((p) => p.join(' ')).filter((p) => p !== words.join(' '));
  return [...new Set(out)];
}

/** How well a field's value matches the query: 3 exact, 2 a whole word, 1 a substring, 0 none. */
export function matchStrength(value: string, query: string): 0 | 1 | 2 | 3 {
  const v = foldForSearch(value);
  const q = foldForSearch(query);
  if (!q) return 0;
  if (v === q || compactForSearch(value) === compactForSearch(query)) return 3;
  const at = v.indexOf(q);
  const compactAt = compactForSearch(value).indexOf(compactForSearch(query));
  if (at < 0 && compactAt < 0) return 0;
  if (at >= 0 && /[a-z0-9]/.test(q)) {
    // A Latin word stands whole when no letter or digit touches it on either side.
    const before = v[at - 1];
    const after = v[at + q.length];
    const isWordChar = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/.test(ch);
    return !isWordChar(before) && !isWordChar(after) ? 2 : 1;
  }
  return 1;
}
