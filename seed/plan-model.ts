/** The Action Plan as parsed from its text: plain data, no I/O. */

export interface Plan {
  /** Scopes every part's id, so a second plan can sit beside this one. */
  id: string;
  /** The heading line that calls the plan an annex (共同声明付属文書). */
  annex_label_ja: string;
  title_ja: string;
  period: { start: number; end: number };
  /** ISO date (YYYY-MM-DD) of adoption, from the date line under the title. */
  adopted: string;
  /** The paragraphs between the date and the first pillar, one per line. */
  preamble_ja: string;
  pillars: Pillar[];
}

export interface Pillar {
  id: string;
  /** Roman numeral, as the document writes it: I, II, III, IV. */
  ref: string;
  ordinal: number;
  title_ja: string;
  line: number;
  areas: Area[];
}

export interface Area {
  id: string;
  /** Pillar numeral and area number: I.3 */
  ref: string;
  ordinal: number;
  title_ja: string;
  line: number;
  commitments: Commitment[];
}

export interface Commitment {
  id: string;
  /** Position in the plan: I.3.2 for a bullet, I.2.3.a for its first sub-item. */
  ref: string;
  /** The item's text exactly as in the source, its marker removed and split lines re-joined. */
  text_ja: string;
  line_start: number;
  line_end: number;
  /** The enclosing commitment's ref, for sub-items. */
  parent_ref: string | null;
  area_ref: string;
  subcommitments: Commitment[];
}

/** Every commitment, sub-items after their parent, in document order. */
export function allCommitments(plan: Plan): Commitment[] {
  return plan.pillars.flatMap((pillar) =>
    pillar.areas.flatMap((area) => area.commitments.flatMap((c) => [c, ...c.subcommitments])),
  );
}
