import type { SearchResponse, SearchResult } from '../api/search';
import {
  compactOf,
  type FoldedText,
  foldChars,
  foldText,
  isCjk,
  WORD_END,
  WORD_START,
} from './fold';
import { SYNONYMS } from './synonyms';

/**
 * Search over the plan's nodes, whole and pure: the server builds the index from the nodes
 * it reads once per data version, and a copy with no server can build it from the same
 * nodes in the browser. A query is cut into words (Japanese at its particles and, where
 * needed, into words the plan uses), each word standing for itself, its other spellings
 * and its synonyms; a node matches when its names and aliases (or its title, or its text)
 * hold the query as a phrase, or hold every word of it in any order. When the query names
 * something (JICA, World Bank, 国際協力機構) that nothing in the plan names, the answer
 * says so and gives the closest matches instead of passing them off as answers.
 */

/** A node as stored: its id, kind and properties (names, aliases, ref, titles, texts). */
export interface SearchDoc {
  id: string;
  kind: string;
  props: Readonly<Record<string, unknown>>;
}

type FieldClass = 'name' | 'title' | 'text';

interface IndexedValue {
  /** The property it comes from, as results report it (aliases for any alias). */
  field: string;
  cls: FieldClass;
  text: string;
  folded: FoldedText;
  /**
   * A curated English name's bracketed gloss, "Senior Volunteers (JICA)": found by search,
   * but not the plan naming JICA (the plan says シニア・ボランティア).
   */
  gloss: boolean;
}

interface IndexedDoc {
  id: string;
  kind: string;
  nameJa: string;
  nameEn: string;
  ref: string | null;
  refKey: string | null;
  values: IndexedValue[];
  /** Every value's compact form, a line each: a quick test of whether a word can be here at all. */
  all: string;
}

export interface SearchIndex {
  docs: IndexedDoc[];
  /** All the index's words run together: where an unspaced Japanese query is cut into words. */
  corpus: string;
}

const NAME_FIELDS = ['name_en', 'name_ja', 'name_mn'] as const;
const TITLE_FIELDS = ['title_en', 'title_ja'] as const;
const TEXT_FIELDS = ['text_en', 'text_ja', 'preamble_en', 'preamble_ja'] as const;

/** The properties the index reads: what a source of nodes need give it. */
export const SEARCH_DOC_FIELDS = [
  ...NAME_FIELDS,
  'name_en_official',
  'aliases',
  'aliases_text',
  'ref',
  ...TITLE_FIELDS,
  ...TEXT_FIELDS,
] as const;

function aliasesOf(props: SearchDoc['props']): string[] {
  if (Array.isArray(props.aliases)) {
    return props.aliases.filter((a): a is string => typeof a === 'string' && a !== '');
  }
  return typeof props.aliases_text === 'string' && props.aliases_text !== ''
    ? props.aliases_text.split(' / ')
    : [];
}

/**
 * A bracket closing a curated (not official) English name, where the Japanese name has
 * none, is Kizuna's gloss: "(JICA)", "(Mongolia)", "(2017)".
 */
function withoutGloss(props: SearchDoc['props']): string | null {
  const en = props.name_en;
  const ja = props.name_ja;
  if (props.name_en_official !== false || typeof en !== 'string') return null;
  if (typeof ja === 'string' && /[()（）]/.test(ja)) return null;
  const bracket = /\s*\([^()]*\)\s*$/.exec(en);
  return bracket && bracket.index > 0 ? en.slice(0, bracket.index) : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function indexDoc(doc: SearchDoc): IndexedDoc {
  const { props } = doc;
  const values: IndexedValue[] = [];
  const seen = new Set<string>();
  const add = (field: string, cls: FieldClass, value: string | null, gloss = false) => {
    if (value === null || seen.has(`${gloss}|${value}`)) return;
    seen.add(`${gloss}|${value}`);
    values.push({ field, cls, text: value, folded: foldText(value), gloss });
  };
  const main = withoutGloss(props);
  for (const field of NAME_FIELDS) {
    if (field === 'name_en' && main !== null) {
      add(field, 'name', main);
      add(field, 'name', text(props[field]), true);
    } else {
      add(field, 'name', text(props[field]));
    }
  }
  for (const alias of aliasesOf(props)) add('aliases', 'name', alias);
  const ref = text(props.ref);
  add('ref', 'name', ref);
  // Commitments carry their titles as names too: a title already seen is not a second value.
  for (const field of TITLE_FIELDS) add(field, 'title', text(props[field]));
  for (const field of TEXT_FIELDS) add(field, 'text', text(props[field]));
  return {
    id: doc.id,
    kind: doc.kind,
    nameJa: text(props.name_ja) ?? text(props.title_ja) ?? doc.id,
    nameEn: text(props.name_en) ?? text(props.title_en) ?? doc.id,
    ref,
    refKey: ref === null ? null : refKey(ref),
    values,
    all: values.map((v) => v.folded.compact).join('\n'),
  };
}

function refKey(ref: string): string {
  return foldChars(ref).replace(/\s+/g, '');
}

/** The index of a list of nodes: built once per data version, read by every query. */
export function buildSearchIndex(docs: readonly SearchDoc[]): SearchIndex {
  const indexed = docs.map(indexDoc);
  return {
    docs: indexed,
    corpus: [...indexed.map((d) => d.all), ...SYNONYM_WORDS.keys()].join('\n'),
  };
}

/** Each synonym's compact form, with the groups it belongs to. */
const SYNONYM_WORDS: Map<string, number[]> = (() => {
  const map = new Map<string, number[]>();
  SYNONYMS.forEach((group, i) => {
    for (const word of group) {
      const key = compactOf(word);
      map.set(key, [...(map.get(key) ?? []), i]);
    }
  });
  return map;
})();

/** The longest run of words a synonym spans ("memorandum of understanding"). */
const LONGEST_SYNONYM = Math.max(...SYNONYMS.flat().map((w) => w.split(/\s+/).length));
/** The first words of synonyms of several words: only these can start one. */
const FIRST_WORDS = new Set(
  SYNONYMS.flat()
    .filter((w) => /\s/.test(w.trim()))
    .map((w) => compactOf(w.trim().split(/\s+/)[0]!)),
);

/** English words that join others: a query needs them in a phrase, not as words on their own. */
const STOPWORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'between',
  'by',
  'for',
  'from',
  'in',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);

/**
 * Japanese particles and joining words, where a query is cut into words: 防衛に関する覚書 is
 * 防衛 and 覚書. Only where no other hiragana touches them, so words spelt in hiragana
 * (かーん, もんごる) stay whole.
 */
const PARTICLES = [
  'に関する',
  'における',
  'に対する',
  'に向けた',
  'を通じた',
  'のための',
  'について',
  'によって',
  'ならびに',
  'による',
  'および',
  'への',
  'との',
  'での',
  'から',
  'まで',
  '並びに',
  '及び',
  'の',
  'と',
  'や',
  'に',
  'を',
  'へ',
  'で',
  'が',
  'は',
  'も',
];
const PARTICLE = new RegExp(
  `(?<![\\p{Script=Hiragana}ー])(?:${PARTICLES.join('|')})(?![\\p{Script=Hiragana}ー])`,
  'gu',
);

/** Endings of Japanese names of organisations: a query ending so names something. */
const ORGANISATION_ENDING =
  /(機構|銀行|基金|機関|庁|省|委員会|協会|財団|大学|大学校|センター|研究所|公社|事務局|連合|組織|公団|局)$/u;

/** One way of reading a query's word: the word itself, another spelling, or a synonym. */
interface Alternative {
  display: string;
  compact: string;
  /** English words and numbers are found only where a word starts ("un" not in "foundation"). */
  anchored: boolean;
  /** The reader's own word (folded), not a synonym. */
  literal: boolean;
}

interface Term {
  raw: string;
  alternatives: Alternative[];
  /** Reads as a name: an acronym, a capitalised word, 〜機構, a katakana word. */
  nameLike: boolean;
}

interface Query {
  text: string;
  /** The words a node must hold (all of them, joining words only if nothing else). */
  terms: Term[];
  /** The whole query, in each combination of its words' readings (the reader's first). */
  phrases: Alternative[];
  refKey: string;
  /** Japanese names in the query that the plan's text never holds. */
  absentNames: string[];
}

const MAX_PHRASES = 32;
/** The most words a query is read as: enough for any name, a bound on the work a query makes. */
const MAX_TERMS = 12;

function alternative(display: string, literal: boolean): Alternative {
  const compact = compactOf(display);
  return { display, compact, anchored: compact !== '' && !isCjk(compact[0]!), literal };
}

function looksLikeName(raw: string): boolean {
  if (isCjk(raw)) {
    return ORGANISATION_ENDING.test(raw) || /^[\p{Script=Katakana}ー・]{3,}$/u.test(raw);
  }
  return /^\p{Lu}/u.test(raw);
}

function term(raw: string): Term {
  const alternatives = [alternative(raw, true)];
  const seen = new Set([alternatives[0]!.compact]);
  for (const group of SYNONYM_WORDS.get(compactOf(raw)) ?? []) {
    for (const word of SYNONYMS[group]!) {
      const alt = alternative(word, false);
      if (!seen.has(alt.compact)) {
        seen.add(alt.compact);
        alternatives.push(alt);
      }
    }
  }
  return { raw, alternatives, nameLike: looksLikeName(raw) };
}

/** The longest unspaced Japanese a query has cut into words, and the longest word it looks for. */
const MAX_SEGMENTED = 40;
const MAX_PIECE = 16;

/**
 * A Japanese word the plan does not use as typed, cut into words it does, longest first:
 * 防衛覚書 is 防衛 and 覚書. Pieces are two characters or more; a stretch the plan never uses
 * stays one word (and so finds nothing).
 */
function segment(word: string, corpus: string): string[] {
  // Bounded, so that a long string of nonsense costs a few lookups a character, not a scan of
  // the corpus for every stretch of it.
  if (word.length > MAX_SEGMENTED) return [word];
  const pieces: string[] = [];
  let unknown = '';
  let i = 0;
  while (i < word.length) {
    let j = Math.min(word.length, i + MAX_PIECE);
    while (j > i + 1 && !corpus.includes(word.slice(i, j))) j--;
    if (j === i + 1) {
      unknown += word[i];
      i++;
      continue;
    }
    if (unknown) pieces.push(unknown);
    unknown = '';
    pieces.push(word.slice(i, j));
    i = j;
  }
  if (unknown) pieces.push(unknown);
  return pieces;
}

/** The query's words as typed: cut at spaces, Japanese particles, and where English meets Japanese. */
function tokensOf(q: string): string[] {
  return q
    .normalize('NFKC')
    .replace(PARTICLE, ' ')
    .replace(/(?<=[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー])(?=[A-Za-z0-9])/gu, ' ')
    .replace(/(?<=[A-Za-z0-9])(?=[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}])/gu, ' ')
    .split(/[\s、。，,;；/／|()（）「」『』"“”]+/u)
    .filter((t) => compactOf(t) !== '');
}

/** Reads a query against the index: its words, their readings, and the phrases they make. */
export function readQuery(index: SearchIndex, q: string): Query {
  const tokens = tokensOf(q);
  const terms: Term[] = [];
  const absentNames: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let span = FIRST_WORDS.has(compactOf(tokens[i]!))
      ? Math.min(LONGEST_SYNONYM, tokens.length - i)
      : 1;
    while (span > 1 && !SYNONYM_WORDS.has(compactOf(tokens.slice(i, i + span).join(' ')))) span--;
    const raw = tokens.slice(i, i + span).join(' ');
    i += span;
    const compact = compactOf(raw);
    if (isCjk(compact) && !SYNONYM_WORDS.has(compact) && !index.corpus.includes(compact)) {
      // Nothing in the plan says this as typed: a name (世界銀行, ユニセフ) it does not name.
      if (looksLikeName(raw)) absentNames.push(raw);
      for (const piece of segment(compact, index.corpus)) terms.push(term(piece));
    } else {
      terms.push(term(raw));
    }
  }
  // A word said twice asks for nothing more; the phrases still hold it as typed.
  const distinct = [...new Map(terms.map((t) => [t.alternatives[0]!.compact, t])).values()].slice(
    0,
    MAX_TERMS,
  );
  const content = distinct.filter((t) => !STOPWORDS.has(t.alternatives[0]!.compact));
  let combinations: Alternative[][] = [[]];
  for (const t of terms) {
    combinations = combinations
      .flatMap((start) => t.alternatives.map((a) => [...start, a]))
      .slice(0, MAX_PHRASES);
  }
  const phrases = new Map<string, Alternative>();
  const whole = alternative(q, true);
  if (whole.compact) phrases.set(whole.compact, whole);
  for (const parts of combinations) {
    if (parts.length === 0) continue;
    const compact = parts.map((p) => p.compact).join('');
    if (phrases.has(compact)) continue;
    phrases.set(compact, {
      display: parts.map((p) => p.display).join(' '),
      compact,
      anchored: parts[0]!.anchored,
      literal: parts.every((p) => p.literal),
    });
  }
  return {
    text: q,
    terms: content.length > 0 ? content : distinct,
    phrases: [...phrases.values()],
    refKey: refKey(q),
    absentNames,
  };
}

interface Hit {
  value: IndexedValue;
  at: number;
  end: number;
  /** Starts and ends where words do. */
  whole: boolean;
  exact: boolean;
  literal: boolean;
  /** Found in two halves (findSplit), not as typed. */
  split?: boolean;
}

function find(value: IndexedValue, alt: Alternative): Hit | null {
  const { compact, bounds } = value.folded;
  let first: Hit | null = null;
  for (let at = compact.indexOf(alt.compact); at >= 0; at = compact.indexOf(alt.compact, at + 1)) {
    const starts = (bounds[at]! & WORD_START) !== 0;
    if (alt.anchored && !starts) continue;
    const end = at + alt.compact.length;
    const hit: Hit = {
      value,
      at,
      end,
      whole: starts && (bounds[end]! & WORD_END) !== 0,
      exact: at === 0 && end === compact.length,
      literal: alt.literal,
    };
    if (hit.whole) return hit;
    first ??= hit;
  }
  return first;
}

/** How far apart the two halves of a Japanese word may be found: 「ザム（道路）」訓練 for ザム訓練. */
const MAX_GAP = 12;

/**
 * A Japanese word found in two halves, the second shortly after the first: ザム訓練 in
 * 「ザム（道路）」訓練, チンギスハーン空港 in チンギス・ハーン国際空港. Japanese writes no spaces, so
 * this is its "words in any order" (in the written order, which names keep).
 */
function findSplit(value: IndexedValue, alt: Alternative): Hit | null {
  const word = alt.compact;
  const { compact } = value.folded;
  for (let cut = 2; cut <= word.length - 2; cut++) {
    const head = word.slice(0, cut);
    const tail = word.slice(cut);
    for (let at = compact.indexOf(head); at >= 0; at = compact.indexOf(head, at + 1)) {
      const after = compact.indexOf(tail, at + cut);
      if (after >= 0 && after - (at + cut) <= MAX_GAP) {
        return {
          value,
          at,
          end: after + tail.length,
          whole: false,
          exact: false,
          literal: alt.literal,
          split: true,
        };
      }
    }
  }
  return null;
}

/** What a node must hold for an alternative to be found in it, as typed or in two halves. */
function quickKey(alt: Alternative): string {
  return splittable(alt) ? alt.compact.slice(0, 2) : alt.compact;
}

function splittable(alt: Alternative): boolean {
  return !alt.anchored && alt.compact.length >= 4;
}

function hitRank(hit: Hit): number {
  return (
    (hit.split ? 0 : 4) + (hit.whole ? 2 : 0) + (hit.literal ? 1 : 0) + (hit.value.gloss ? 0 : 0.5)
  );
}

function bestTermHit(values: IndexedValue[], t: Term): Hit | null {
  let best: Hit | null = null;
  for (const value of values) {
    for (const alt of t.alternatives) {
      const hit = find(value, alt) ?? (splittable(alt) ? findSplit(value, alt) : null);
      if (hit && (!best || hitRank(hit) > hitRank(best))) best = hit;
    }
  }
  return best;
}

const WEIGHT: Record<FieldClass, number> = { name: 1, title: 0.75, text: 0.3 };
const CLASSES: FieldClass[] = ['name', 'title', 'text'];
/** What search is mostly after: actors and instruments, before the commitments that mention them. */
const ENTITY_KINDS = new Set(['Agency', 'Agreement', 'Program', 'Framework', 'Country', 'Place']);
const ENTITY_BONUS = 200;
const SYNONYM_PENALTY = 40;

interface DocMatch {
  doc: IndexedDoc;
  /** Above 0 when the node holds the whole query (as a phrase or every word of it). */
  score: number;
  /** Below 1 and above 0 when it holds only some of the words: a close match at best. */
  partial: number;
  hit: Hit | null;
  /** Holds the query in the plan's own words (names, titles, or a phrase of its text), not a gloss. */
  named: boolean;
  /** Per word: found here outside glosses, and found in a gloss. */
  found: boolean[];
  inGloss: boolean[];
}

function matchDoc(doc: IndexedDoc, query: Query): DocMatch {
  const match: DocMatch = {
    doc,
    score: 0,
    partial: 0,
    hit: null,
    named: false,
    found: query.terms.map(() => false),
    inGloss: query.terms.map(() => false),
  };
  // Most nodes hold none of the words: one look at all their text says so.
  if (!query.terms.some((t) => t.alternatives.some((a) => doc.all.includes(quickKey(a))))) {
    return match;
  }
  const consider = (score: number, hit: Hit) => {
    const value = hit.value.folded.compact;
    const coverage = value.length > 0 ? (hit.end - hit.at) / value.length : 0;
    const total =
      score +
      60 * Math.min(1, coverage) +
      (hit.value.cls === 'name' && ENTITY_KINDS.has(doc.kind) ? ENTITY_BONUS : 0);
    if (total > match.score) {
      match.score = total;
      match.hit = hit;
    }
  };
  if (doc.refKey !== null && doc.refKey === query.refKey) {
    const value = doc.values.find((v) => v.field === 'ref')!;
    consider(1300, {
      value,
      at: 0,
      end: value.folded.compact.length,
      whole: true,
      exact: true,
      literal: true,
    });
    match.named = true;
  }
  for (const cls of CLASSES) {
    const values = doc.values.filter((v) => v.cls === cls);
    if (values.length === 0) continue;
    const weight = WEIGHT[cls];
    for (const value of values) {
      for (const phrase of query.phrases) {
        const hit = find(value, phrase);
        if (!hit) continue;
        const base = hit.exact ? 1000 : 700 + (hit.at === 0 ? 100 : 0) + (hit.whole ? 100 : 0);
        consider(weight * (base - (phrase.literal ? 0 : SYNONYM_PENALTY)), hit);
        if (!value.gloss) match.named = true;
      }
    }
    const hits = query.terms.map((t) => bestTermHit(values, t));
    hits.forEach((hit, i) => {
      if (!hit) return;
      if (hit.value.gloss) match.inGloss[i] = true;
      else match.found[i] = true;
    });
    const held = hits.filter((h): h is Hit => h !== null);
    if (held.length === hits.length && (hits.length > 1 || held.some((h) => h.split))) {
      // Every word, in any order, across the names and aliases (or titles, or texts).
      const whole = held.filter((h) => h.whole).length / held.length;
      const literal = held.every((h) => h.literal);
      const first = held[0]!;
      const sameValue = held.filter((h) => h.value === first.value);
      consider(weight * (650 + 100 * whole - (literal ? 0 : SYNONYM_PENALTY)), {
        ...first,
        end: first.at + sameValue.reduce((n, h) => n + (h.end - h.at), 0),
      });
      const outsideGloss = query.terms.every((t) =>
        bestTermHit(
          values.filter((v) => !v.gloss),
          t,
        ),
      );
      if (cls !== 'text' && outsideGloss) match.named = true;
    } else if (held.length > 0) {
      const partial = (weight * held.length) / hits.length;
      if (partial > match.partial) {
        match.partial = partial;
        match.hit ??= held[0]!;
      }
    }
  }
  if (match.score > 0) match.partial = 0;
  return match;
}

/** The text around a hit, whole when short. */
function snippetOf(hit: Hit): string {
  const { text: full, folded } = hit.value;
  if (full.length <= 90) return full;
  const start = folded.from[hit.at] ?? 0;
  const end = folded.to[Math.max(hit.at, hit.end - 1)] ?? start;
  const from = Math.max(0, start - 30);
  const to = Math.min(full.length, end + 30);
  return `${from > 0 ? '…' : ''}${full.slice(from, to)}${to < full.length ? '…' : ''}`;
}

function resultOf(m: DocMatch, score: number): SearchResult {
  const hit = m.hit!;
  return {
    id: m.doc.id,
    kind: m.doc.kind,
    name_ja: m.doc.nameJa,
    name_en: m.doc.nameEn,
    ref: m.doc.ref,
    field: hit.value.field,
    snippet: snippetOf(hit),
    score: Math.round(score * 100) / 100,
  };
}

function byRank(a: { rank: number; m: DocMatch }, b: { rank: number; m: DocMatch }): number {
  return (
    b.rank - a.rank ||
    a.m.doc.nameEn.length - b.m.doc.nameEn.length ||
    a.m.doc.id.localeCompare(b.m.doc.id)
  );
}

/** How many closest matches a query the plan does not name gets: a few, not a page of weak hits. */
export const CLOSEST_MATCHES = 5;

export interface SearchOptions {
  kinds?: readonly string[];
  limit: number;
}

/**
 * Answers a query from the index: nodes that hold it, best first; or, for a name the plan
 * never uses, `notNamedInPlan` and the few closest matches.
 */
export function searchPlan(index: SearchIndex, q: string, options: SearchOptions): SearchResponse {
  const query = readQuery(index, q);
  const matches = index.docs.map((doc) => matchDoc(doc, query));
  const named = matches.some((m) => m.named);
  const found = query.terms.map((_, i) => matches.some((m) => m.found[i]));
  const inGloss = query.terms.map((_, i) => matches.some((m) => m.inGloss[i]));
  const notNamedInPlan =
    query.terms.length > 0 &&
    !named &&
    (query.absentNames.length > 0 ||
      query.terms.every((t) => t.nameLike) ||
      query.terms.some((t, i) => !found[i] && (t.nameLike || inGloss[i])));
  const wanted = (m: DocMatch) => !options.kinds || options.kinds.includes(m.doc.kind);
  const full = matches
    .filter((m) => m.score > 0 && wanted(m))
    .map((m) => ({ rank: m.score, m }))
    .sort(byRank);
  let ranked = full;
  if (notNamedInPlan) {
    const close = matches
      .filter((m) => m.partial > 0 && wanted(m))
      .map((m) => ({ rank: m.partial, m }))
      .sort(byRank);
    ranked = [...full, ...close].slice(0, CLOSEST_MATCHES);
  }
  const variants = new Set<string>();
  for (const t of query.terms) {
    for (const a of t.alternatives) if (!a.literal) variants.add(a.display);
  }
  return {
    query: q,
    variants: [...variants],
    notNamedInPlan,
    results: ranked.slice(0, options.limit).map(({ rank, m }) => resultOf(m, rank)),
  };
}
