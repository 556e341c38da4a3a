/**
 * Label text for briefing pages: how wide a line is, and where it may break. Japanese has
 * no spaces, so breaks come from Intl.Segmenter's word boundaries (never inside a word,
 * and never before closing punctuation); English breaks at spaces. Widths are estimates
 * from the fonts the pages use (Liberation Sans for Latin, IPAGothic for Japanese), a
 * little generous so a line never overruns its box.
 */

export type BriefLang = 'ja' | 'en';

/** The fonts pages ask for: TrueType, so the PDF embeds them as CID TrueType, not Type 3. */
export const BRIEF_FONTS: Record<BriefLang, string> = {
  en: "'Liberation Sans', 'IPAGothic', 'IPAPGothic', Arial, sans-serif",
  ja: "'IPAGothic', 'IPAPGothic', 'Liberation Sans', sans-serif",
};

const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const NARROW = /[ il.,:;'|!()[\]{}ftrj\-·]/;

/** A character's advance in em. */
function advance(ch: string): number {
  if (WIDE.test(ch)) return 1;
  if (ch === ' ') return 0.28;
  if (NARROW.test(ch)) return 0.33;
  if (/[A-Z]/.test(ch)) return 0.68;
  if (/[mwMW]/.test(ch)) return 0.85;
  return 0.57;
}

export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return em * fontSize;
}

/** Closing punctuation a Japanese line must not start with. */
const NO_LINE_START = /^[、。，．）」』】〕〉》）・ー!?！？:：;；,.)\]]/;

/** A web address: one unbreakable piece, so a wrapped line never cuts it (a reader types it). */
const URL_RUN = /(https?:\/\/[^\s）」』、。]+)/;

function segments(text: string, lang: BriefLang): string[] {
  const isJa = lang === 'ja' || WIDE.test(text);
  const segmenter = new Intl.Segmenter(isJa ? 'ja' : 'en', { granularity: 'word' });
  const out: string[] = [];
  const pieces = text
    .split(URL_RUN)
    .flatMap((part, i) =>
      i % 2 ? [part] : [...segmenter.segment(part)].map(({ segment }) => segment),
    );
  for (const segment of pieces) {
    if (URL_RUN.test(segment)) {
      out.push(segment);
      continue;
    }
    // Keep closing punctuation (and, in English, spaces) on the segment before it.
    if (out.length && (NO_LINE_START.test(segment) || (!isJa && /^\s+$/.test(segment))))
      out[out.length - 1] += segment;
    else if (!isJa && out.length && !/\s$/.test(out[out.length - 1]!) && !/^\s/.test(segment))
      // English words split by the segmenter at hyphens or apostrophes stay whole.
      out[out.length - 1] += segment;
    else out.push(segment);
  }
  return out;
}

/**
 * Lines of at most `maxWidth` points at `fontSize`. A single word wider than the line is
 * cut by characters (it has no better place to break).
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  lang: BriefLang,
): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  for (const segment of segments(text.replace(/\s+/g, ' ').trim(), lang)) {
    if (textWidth((line + segment).trimEnd(), fontSize) <= maxWidth) {
      line += segment;
      continue;
    }
    push();
    if (textWidth(segment.trimEnd(), fontSize) <= maxWidth) {
      line = segment;
      continue;
    }
    for (const ch of segment) {
      if (textWidth(line + ch, fontSize) > maxWidth) push();
      line += ch;
    }
  }
  push();
  return lines;
}
