/**
 * How search reads text: every character folded (width, case, hiragana to katakana, Latin
 * accents), text cut into words, and each English word brought to one spelling (British and
 * American, singular and plural), so that a reader's words and the plan's meet whatever
 * form either is in. Pure: the server and, later, a published copy in the browser run it.
 */

/** A folded text with, for each of its characters, where it came from in the original. */
export interface FoldedText {
  /** The folded words run together, without the spaces and punctuation between them. */
  compact: string;
  /** Per position of `compact` (and one past its end): 1 where a word starts, 2 where one ends. */
  bounds: Uint8Array;
  /** Per character of `compact`: its first and one-past-last offset in the original text. */
  from: Int32Array;
  to: Int32Array;
}

export const WORD_START = 1;
export const WORD_END = 2;

type Script = 'latin' | 'digit' | 'cjk';

const HIRAGANA_FIRST = 0x3041;
const HIRAGANA_LAST = 0x3096;
/** ゝゞ, the hiragana iteration marks, have katakana twins too. */
const HIRAGANA_ITERATION = /[\u309D\u309E]/;
const SMALL_KA = /[ヵヶ]/g;
const COMBINING = /[\u0300-\u036f\u3099\u309a\uff9e\uff9f]/;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆〇]/u;
const WORDISH = /[\p{L}\p{N}\p{M}]/u;

/** One character (with any marks after it) folded: NFKC, lower case, katakana, no accents. */
export function foldChars(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    const code = ch.codePointAt(0)!;
    if ((code >= HIRAGANA_FIRST && code <= HIRAGANA_LAST) || HIRAGANA_ITERATION.test(ch)) {
      out += String.fromCodePoint(code + 0x60);
    } else {
      out += ch;
    }
  }
  return out.replace(SMALL_KA, 'カ');
}

/** The fold of the commonest characters (ASCII, kanji, kana) without Unicode normalisation; else undefined. */
function quickFold(code: number): string | undefined {
  if (code < 0x80) return String.fromCharCode(code >= 0x41 && code <= 0x5a ? code + 0x20 : code);
  if (code >= 0x4e00 && code <= 0x9fff) return String.fromCharCode(code);
  if (code >= HIRAGANA_FIRST && code <= HIRAGANA_LAST) return String.fromCharCode(code + 0x60);
  if (code >= 0x30a1 && code <= 0x30f4) return String.fromCharCode(code);
  return undefined;
}

function scriptOf(ch: string): Script | null {
  const code = ch.charCodeAt(0);
  if (code < 0x80) {
    if (code >= 0x30 && code <= 0x39) return 'digit';
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? 'latin' : null;
  }
  if (!WORDISH.test(ch) && ch !== 'ー') return null;
  if (/\p{N}/u.test(ch)) return 'digit';
  if (CJK.test(ch)) return 'cjk';
  return 'latin';
}

/** Irregular British spellings, by their American form (after the rules below would miss them). */
const SPELLINGS = new Map<string, string>(
  Object.entries({
    defence: 'defense',
    offence: 'offense',
    licence: 'license',
    pretence: 'pretense',
    programme: 'program',
    catalogue: 'catalog',
    dialogue: 'dialog',
    analogue: 'analog',
    grey: 'gray',
    judgement: 'judgment',
    ageing: 'aging',
    fulfil: 'fulfill',
    enrol: 'enroll',
    aluminium: 'aluminum',
    travelling: 'traveling',
    travelled: 'traveled',
    cancelled: 'canceled',
    modelling: 'modeling',
    labelled: 'labeled',
    counselling: 'counseling',
    memoranda: 'memorandum',
    // Plurals of acronyms that end as "us" does in status.
    mous: 'mou',
    mocs: 'moc',
  }),
);

/**
 * One spelling for an English word, used for the plan's words and the reader's alike:
 * British to American (defence → defense, programme → program, organisation → organization,
 * centre → center, labour → labor) and the plural to the singular (MoUs → mou,
 * activities → activity). Both sides are folded the same way, so a word folded too far
 * still meets itself; the length limits keep short words (four, tour, gas) apart.
 */
export function canonicalWord(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const irregular = SPELLINGS.get(w);
  if (irregular) return irregular;
  if (w.length >= 6 && w.endsWith('our')) return `${w.slice(0, -3)}or`;
  if (w.length >= 5 && /[^aeiou]tre$/.test(w)) return `${w.slice(0, -3)}ter`;
  if (w.length >= 6) {
    const ise = /(i|y)s(e|ed|ing|er|ation|ational)$/.exec(w);
    if (ise) return `${w.slice(0, ise.index)}${ise[1]}z${ise[2]}`;
  }
  if (w.endsWith('mme') && w.length > 5) return w.slice(0, -2);
  return w;
}

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * The text folded into words: a word is a run of letters of one script (Latin, digits, or
 * Japanese: kanji, kana and ー together), so "日・モンゴルEPA" is 日 / モンゴル / epa and
 * "EXPO2025" is expo / 2025. English words take their canonical spelling.
 */
export function foldText(text: string): FoldedText {
  const chars: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const bounds: number[] = [];
  let word: {
    script: Script;
    text: string;
    start: number;
    end: number;
    /** Each character's place in the original. */
    spans: [number, number][];
  } | null = null;
  const flush = () => {
    if (!word) return;
    const folded = word.script === 'latin' ? canonicalWord(stripAccents(word.text)) : word.text;
    if (folded === '') {
      word = null;
      return;
    }
    const first = chars.length;
    if (word.script === 'latin' && folded !== word.text) {
      // A respelt word maps as a whole onto the word it came from.
      for (const ch of folded) {
        chars.push(ch);
        from.push(word.start);
        to.push(word.end);
      }
    } else {
      for (const [k, ch] of [...folded].entries()) {
        chars.push(ch);
        from.push(word.spans[k]?.[0] ?? word.start);
        to.push(word.spans[k]?.[1] ?? word.end);
      }
    }
    bounds[first] = (bounds[first] ?? 0) | WORD_START;
    bounds[chars.length] = (bounds[chars.length] ?? 0) | WORD_END;
    word = null;
  };
  // Walk the original a character (with its marks) at a time, folding each alone so that
  // every folded character knows its place in the original.
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    let j = i + (text.codePointAt(i)! > 0xffff ? 2 : 1);
    while (j < text.length && text.charCodeAt(j) >= 0x300 && COMBINING.test(text[j]!)) j++;
    // Plain ASCII, most of the English, needs no Unicode folding.
    const folded =
      j === i + 1 ? (quickFold(code) ?? foldChars(text[i]!)) : foldChars(text.slice(i, j));
    for (const ch of folded) {
      const script = scriptOf(ch);
      if (!script) {
        flush();
        continue;
      }
      if (word && word.script !== script) flush();
      if (!word) word = { script, text: '', start: i, end: j, spans: [] };
      word.text += ch;
      word.end = j;
      word.spans.push([i, j]);
    }
    i = j;
  }
  flush();
  const out = new Uint8Array(chars.length + 1);
  for (let k = 0; k <= chars.length; k++) out[k] = bounds[k] ?? 0;
  return {
    compact: chars.join(''),
    bounds: out,
    from: Int32Array.from(from),
    to: Int32Array.from(to),
  };
}

/** The compact folded form alone: what a query's words are looked for as. */
export function compactOf(text: string): string {
  return foldText(text).compact;
}

/** Whether a folded piece of text is Japanese (so it is found anywhere, not only at word starts). */
export function isCjk(text: string): boolean {
  return CJK.test(text);
}
