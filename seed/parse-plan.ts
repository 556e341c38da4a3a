import type { Area, Commitment, Pillar, Plan } from './plan-model';

/**
 * Parses the Japanese text of the Action Plan into its structure.
 *
 * The text is a PDF extraction, and its artefacts shape this code:
 * - a bullet may continue on a later line, sometimes after a blank line
 *   (「(以下」 / 「「国連PKO」という)…」), so blank lines do not end an item;
 * - a word may be split across lines (「セミナ」 / 「ー・フォーラム」): a line that starts
 *   with the long-vowel mark ー right after an item ending in katakana continues that word;
 * - sub-items are marked ー (katakana long-vowel mark) or － (full-width hyphen-minus),
 *   indented under a "- " bullet or standing alone, even after a blank line.
 * Split lines are joined with nothing between them; nothing else in the text is changed.
 */

export class PlanParseError extends Error {
  override name = 'PlanParseError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export interface ParseOptions {
  /** Prefix for every id in the plan; defaults to jp-mn-2022. */
  planId?: string;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const PILLAR_HEADING = /^(X|IX|VIII|VII|VI|V|IV|III|II|I)[ \u3000]+(\S.*)$/;
const AREA_HEADING = /^(\d{1,2})[ \u3000]+(\S.*)$/;
const BULLET = /^- (.*)$/;
/** An indented bullet is a sub-item; its ー/－ marker is optional. */
const INDENTED_BULLET = /^[ \u3000\t]+- [ー－]?(.*)$/;
/** A sub-item standing alone on its line, marked ー or －. */
const BARE_SUB_ITEM = /^([ー－])(.*)$/;
const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const PERIOD = /[(（](\d{4})年[～〜~-](\d{4})年[)）]/;
const KATAKANA_END = /[\u30A1-\u30FA]$/;

const SUB_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function parsePlan(text: string, options: ParseOptions = {}): Plan {
  const planId = options.planId ?? 'jp-mn-2022';
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);

  const header: { line: number; text: string }[] = [];
  const pillars: Pillar[] = [];
  let pillar: Pillar | undefined;
  let area: Area | undefined;
  /** The item that a continuation line belongs to: the last bullet or sub-item. */
  let open: Commitment | undefined;

  const startCommitment = (lineNo: number, body: string, parent?: Commitment): Commitment => {
    if (!area || !pillar)
      throw new PlanParseError(lineNo, 'a commitment appears before any area heading.');
    let ref: string;
    if (parent) {
      const letter = SUB_LETTERS[parent.subcommitments.length];
      if (!letter)
        throw new PlanParseError(
          lineNo,
          `more than ${SUB_LETTERS.length} sub-items under ${parent.ref}.`,
        );
      ref = `${parent.ref}.${letter}`;
    } else {
      ref = `${area.ref}.${area.commitments.length + 1}`;
    }
    const commitment: Commitment = {
      id: `${planId}/${ref}`,
      ref,
      text_ja: body.trimEnd(),
      line_start: lineNo,
      line_end: lineNo,
      parent_ref: parent?.ref ?? null,
      area_ref: area.ref,
      subcommitments: [],
    };
    if (parent) parent.subcommitments.push(commitment);
    else area.commitments.push(commitment);
    open = commitment;
    return commitment;
  };

  const lastTopLevel = (lineNo: number): Commitment => {
    const parent = area?.commitments.at(-1);
    if (!parent)
      throw new PlanParseError(lineNo, 'a sub-item appears before any commitment in its area.');
    return parent;
  };

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.trimEnd();
    if (line.trim() === '') return;
    if (!pillar) {
      const heading = PILLAR_HEADING.exec(line);
      if (heading && header.some((h) => DATE_LINE.test(h.text))) {
        pillar = addPillar(heading, lineNo);
      } else {
        header.push({ line: lineNo, text: line });
      }
      return;
    }
    const pillarHeading = PILLAR_HEADING.exec(line);
    if (pillarHeading && pillarHeading[1] === ROMAN[pillars.length]) {
      pillar = addPillar(pillarHeading, lineNo);
      area = undefined;
      open = undefined;
      return;
    }
    const areaHeading = AREA_HEADING.exec(line);
    // Only the next number in sequence is a heading: guards against a wrapped line that starts with a digit.
    if (areaHeading && Number(areaHeading[1]) === pillar.areas.length + 1) {
      const ordinal = Number(areaHeading[1]);
      area = {
        id: `${planId}/${pillar.ref}.${ordinal}`,
        ref: `${pillar.ref}.${ordinal}`,
        ordinal,
        title_ja: areaHeading[2]!,
        line: lineNo,
        commitments: [],
      };
      pillar.areas.push(area);
      open = undefined;
      return;
    }
    const indented = INDENTED_BULLET.exec(line);
    if (indented) {
      startCommitment(lineNo, indented[1]!, lastTopLevel(lineNo));
      return;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      startCommitment(lineNo, bullet[1]!);
      return;
    }
    const bare = BARE_SUB_ITEM.exec(line);
    const continuesSplitWord =
      bare?.[1] === 'ー' && open !== undefined && KATAKANA_END.test(open.text_ja);
    if (bare && !continuesSplitWord) {
      startCommitment(lineNo, bare[2]!, lastTopLevel(lineNo));
      return;
    }
    if (!open) {
      throw new PlanParseError(lineNo, `text outside any commitment: "${line.slice(0, 40)}"`);
    }
    open.text_ja += line.trim();
    open.line_end = lineNo;
  });

  if (!pillar) throw new PlanParseError(lines.length, 'no pillar heading (I, II, ...) was found.');
  for (const p of pillars) {
    if (p.areas.length === 0) throw new PlanParseError(p.line, `pillar ${p.ref} has no areas.`);
    for (const a of p.areas) {
      if (a.commitments.length === 0)
        throw new PlanParseError(a.line, `area ${a.ref} has no commitments.`);
    }
  }
  return { id: planId, ...readHeader(header), pillars };

  function addPillar(match: RegExpExecArray, lineNo: number): Pillar {
    const numeral = match[1]!;
    const expected = ROMAN[pillars.length];
    if (numeral !== expected) {
      throw new PlanParseError(
        lineNo,
        `pillar ${numeral} found where pillar ${expected} was expected.`,
      );
    }
    const next: Pillar = {
      id: `${planId}/${numeral}`,
      ref: numeral,
      ordinal: pillars.length + 1,
      title_ja: match[2]!,
      line: lineNo,
      areas: [],
    };
    pillars.push(next);
    return next;
  }
}

/**
 * The lines before the first pillar: the annex label, the title (wrapped over lines
 * until the period in brackets), the adoption date, then the preamble.
 */
function readHeader(header: { line: number; text: string }[]): Omit<Plan, 'id' | 'pillars'> {
  const dateIndex = header.findIndex((h) => DATE_LINE.test(h.text));
  if (dateIndex < 0)
    throw new PlanParseError(1, 'no adoption date line (YYYY年M月D日) before the first pillar.');
  const titleLines = header.slice(0, dateIndex).map((h) => h.text.trim());
  const periodIndex = titleLines.findIndex((t) => PERIOD.test(t));
  if (periodIndex < 0) {
    throw new PlanParseError(
      header[0]?.line ?? 1,
      'no plan period such as (2022年～2031年) in the title.',
    );
  }
  const annexLabel = periodIndex > 0 && /付属文書$/.test(titleLines[0]!) ? titleLines[0]! : '';
  const title = titleLines.slice(annexLabel ? 1 : 0, periodIndex + 1).join('');
  const period = PERIOD.exec(title)!;
  const date = DATE_LINE.exec(header[dateIndex]!.text)!;
  return {
    annex_label_ja: annexLabel,
    title_ja: title,
    period: { start: Number(period[1]), end: Number(period[2]) },
    adopted: `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`,
    preamble_ja: header
      .slice(dateIndex + 1)
      .map((h) => h.text)
      .join('\n'),
  };
}
