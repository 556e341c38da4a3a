import { isHiragana, isKatakana, toHiragana, toKatakana } from 'wanakana';
import { phraseVariants, synonymsOf } from '../../../core/search-terms';

/**
 * What a user may type for the same Japanese word: full- or half-width letters and
 * digits (ＥＰＡ, EPA), half-width katakana (ｶｰﾝ), hiragana for katakana (かーん).
 * NFKC folds the widths; the kana variants cover the scripts. Romaji is left alone.
 */
export function searchVariants(input: string): string[] {
  const base = input.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!base) return [];
  const variants = new Set([base]);
  const hasKana = [...base].some((ch) => isHiragana(ch) || isKatakana(ch));
  if (hasKana) {
    variants.add(toKatakana(base, { passRomaji: true }));
    variants.add(toHiragana(base, { passRomaji: true }));
  }
  // The curated synonyms (MOU/覚書, ビザ/査証, JICA/国際協力機構 …), from core/search-terms.
  for (const synonym of synonymsOf(base)) variants.add(synonym.normalize('NFKC'));
  // …and inside a phrase: "defence MoU" is also "defense memorandum".
  for (const phrase of phraseVariants(base)) variants.add(phrase.normalize('NFKC'));
  return [...variants];
}

/** A quoted Lucene phrase: inside quotes only " and \\ are special, so AND/OR/* stay text. */
function phrase(text: string): string {
  return `"${text.replace(/["\\]/g, (ch) => `\\${ch}`)}"`;
}

/** A full-text query that matches any variant as a phrase, or all of its words. */
export function fulltextQuery(variants: string[]): string {
  const parts = variants.flatMap((v) => {
    const words = v.split(' ').filter(Boolean);
    return words.length > 1 ? [phrase(v), `(${words.map(phrase).join(' AND ')})`] : [phrase(v)];
  });
  return parts.join(' OR ');
}

/** The text around the first occurrence of any variant, for showing where the match is. */
export function snippetAround(text: string, variants: string[], radius = 30): string | null {
  const haystack = text.normalize('NFKC').toLowerCase();
  for (const v of variants) {
    const at = haystack.indexOf(v.toLowerCase());
    if (at >= 0) {
      const start = Math.max(0, at - radius);
      const end = Math.min(text.length, at + v.length + radius);
      return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
    }
  }
  return null;
}
