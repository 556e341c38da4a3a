/**
 * What a node's label reads, in the room it has: its full name wrapped on up to `lines`
 * lines where it fits; else a short form (a commitment's ref and short title, an
 * instrument's name without its parties, the plan's name without its purpose); else that
 * short form cut in the middle, start and end kept. Never two different nodes with the same
 * label: where two would read alike, each gets more of what tells it apart (the rest of its
 * parties, its end) until they differ. Pure: widths come from a measure the caller gives.
 */

export interface LabelSource {
  id: string;
  kind: string;
  /** The full name in the language shown. */
  name: string;
  ref?: string;
}

export interface LabelRoom {
  /** The wrapping width, in the units `measure` answers in. */
  width: number;
  lines: number;
}

/** A room with its font, in model units. */
export interface RoomFont extends LabelRoom {
  font: number;
  bold: boolean;
}

/** The width of a text on one line. */
export type Measure = (text: string) => number;

const CJK = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;

/** Roughly how wide a text is, in ems: Latin letters about half an em, kana and kanji a full em. */
export function estimateEms(text: string): number {
  let w = 0;
  for (const ch of text) w += CJK.test(ch) ? 1 : 0.56;
  return w;
}

/**
 * How many lines a text takes wrapped greedily at `width` as Cytoscape wraps it: at spaces,
 * or between any two characters in Japanese; a word longer than the line is a line of its own.
 */
export function lineCount(text: string, width: number, measure: Measure): number {
  const anywhere = CJK.test(text);
  const units = anywhere ? [...text] : text.split(' ');
  const sep = anywhere ? '' : ' ';
  let lines = 1;
  let line = '';
  for (const unit of units) {
    const test = line ? `${line}${sep}${unit}` : unit;
    if (!line || measure(test) <= width) line = test;
    else {
      lines += 1;
      line = unit;
    }
  }
  return lines;
}

export const fits = (text: string, room: LabelRoom, measure: Measure) =>
  room.lines === 1
    ? // One line is cut at its end where it is longer (text-wrap: ellipsis).
      measure(text) < room.width
    : lineCount(text, room.width, measure) <= room.lines &&
      // A word wider than the line overflows it: a little is read, much is not.
      (CJK.test(text) || text.split(' ').every((w) => measure(w) <= room.width * 1.5));

/** English instruments name their parties ("between X and Y") before or after their subject. */
const PARTIES_EN =
  /\s+between\s+(.+?)(?=\s+(?:concerning|for|on|regarding|in the fields?)\s|\s*\(|$)/i;
/** Japanese: "XとYとの間の" before the subject, or a purpose "…のための" before the plan's name. */
const PARTIES_JA = /^(.{2,40}?との間の)/;

/**
 * The name without what a reader can do without at a glance: an instrument's parties, the
 * plan's purpose. The name itself when nothing can go, or when what is left would be a bare
 * word ("Agreement").
 */
export function shortName(name: string, kind: string): string {
  let out = name;
  if (CJK.test(name)) {
    const parties = name.match(PARTIES_JA);
    if (parties && name.length - parties[1]!.length >= 6) out = name.slice(parties[1]!.length);
    if (kind === 'Plan' && out.includes('のための'))
      out = out.slice(out.lastIndexOf('のための') + 'のための'.length);
    return out;
  }
  const withoutParties = out.replace(PARTIES_EN, '');
  if (withoutParties.split(' ').length >= 3) out = withoutParties;
  if (kind === 'Plan') {
    const withoutPurpose = out.replace(/\s+for\s+.*?(?=\s*\(|$)/, '');
    if (withoutPurpose.split(' ').length >= 3) out = withoutPurpose;
  }
  return out;
}

/** A text cut in the middle to fit `room`: `headShare` of it from the start, the rest from the end. */
export function cutToFit(
  text: string,
  room: LabelRoom,
  measure: Measure,
  headShare = 0.5,
  atWords = true,
): string {
  if (fits(text, room, measure)) return text;
  const spaced = atWords && text.includes(' ') && !CJK.test(text);
  const units = spaced ? text.split(' ') : [...text];
  const join = (parts: string[]) => parts.join(spaced ? ' ' : '');
  const total = units.length;
  const candidate = (keep: number): string | null => {
    // All of it from the start: the end is cut off.
    const head =
      headShare >= 1 ? keep : Math.max(headShare > 0 ? 1 : 0, Math.round(keep * headShare));
    const tail = headShare >= 1 ? 0 : Math.max(1, keep - head);
    if (head + tail >= total) return null;
    // Between words the ellipsis stands apart, so that both sides wrap as words.
    const gap = spaced ? ' … ' : '…';
    return (
      tail
        ? `${join(units.slice(0, head))}${gap}${join(units.slice(total - tail))}`
        : `${join(units.slice(0, head))}${spaced ? ' …' : '…'}`
    ).trim();
  };
  // The most of it that fits (the more kept, the more lines: searched by halves).
  let lo = 1;
  let hi = total - 1;
  let best: string | null = null;
  while (lo <= hi) {
    const keep = Math.floor((lo + hi) / 2);
    const text = candidate(keep);
    if (text && fits(text, room, measure)) {
      best = text;
      lo = keep + 1;
    } else hi = keep - 1;
  }
  if (best) return best;
  return `${join(units.slice(0, 1))}…`;
}

/** A node's first choice of label in this room; `ambiguous` short forms name several things. */
function firstChoice(
  n: LabelSource,
  room: LabelRoom,
  measure: Measure,
  ambiguous: Set<string>,
): string {
  if (n.kind === 'Commitment' && n.ref) {
    // A commitment by its ref and short title, as the plan numbers them.
    // Cut, if it must be, with the ref kept at its start.
    return cutToFit(`${n.ref} ${n.name}`, room, measure, 0.6);
  }
  if (fits(n.name, room, measure)) return n.name;
  const short = shortName(n.name, n.kind);
  // A short form another node shares (the two defence memoranda without their parties)
  // says less than the name's own end: then the whole name is cut, its end kept.
  return ambiguous.has(short)
    ? cutToFit(n.name, room, measure, 0.5)
    : cutToFit(short, room, measure, 0.6);
}

/**
 * Labels for these nodes in this room, by id, no two alike. Where two short forms clash,
 * the full names are cut with more and more of their ends, then by characters, until each
 * reads differently (names that are themselves equal stay equal: they are told apart by
 * what is around them, not by a label).
 */
export function readableLabels(
  nodes: LabelSource[],
  room: LabelRoom,
  measure: Measure,
  /** Every node the reader may meet, labelled here or not: short forms they share are avoided. */
  context: LabelSource[] = nodes,
): Map<string, string> {
  const shorts = new Map<string, Set<string>>();
  for (const n of context) {
    const short = shortName(n.name, n.kind);
    if (short !== n.name) shorts.set(short, (shorts.get(short) ?? new Set()).add(n.name));
  }
  const ambiguous = new Set([...shorts].filter(([, names]) => names.size > 1).map(([s]) => s));
  const out = new Map<string, string>();
  for (const n of nodes) out.set(n.id, firstChoice(n, room, measure, ambiguous));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const [share, atWords] of [
    [0.5, true],
    [0.35, true],
    [0.2, true],
    [0, true],
    [0.2, false],
    [0, false],
  ] as const) {
    const holders = new Map<string, string[]>();
    for (const [id, label] of out) holders.set(label, [...(holders.get(label) ?? []), id]);
    const clashing = [...holders.values()].filter(
      (ids) => ids.length > 1 && new Set(ids.map((id) => byId.get(id)!.name)).size > 1,
    );
    if (!clashing.length) break;
    for (const ids of clashing)
      for (const id of ids) {
        const n = byId.get(id)!;
        const whole = n.kind === 'Commitment' && n.ref ? `${n.ref} ${n.name}` : n.name;
        out.set(id, cutToFit(whole, room, measure, share, atWords));
      }
  }
  // Where even the ends read alike (the same words on either side of a year, in a tiny
  // room), each shows what its name alone has: from the first word where it parts from the
  // name most like it.
  const clashes = () => {
    const holders = new Map<string, string[]>();
    for (const [id, label] of out) holders.set(label, [...(holders.get(label) ?? []), id]);
    return [...holders.values()].filter(
      (ids) => ids.length > 1 && new Set(ids.map((id) => byId.get(id)!.name)).size > 1,
    );
  };
  const shared = (a: string, b: string) => {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return i;
  };
  for (let pass = 0; pass < 3; pass++) {
    const groups = clashes();
    if (!groups.length) break;
    for (const ids of groups) {
      const names = ids.map((id) => byId.get(id)!.name);
      ids.forEach((id, i) => {
        const name = names[i]!;
        const common = Math.max(
          ...names.map((other, j) => (j === i || other === name ? 0 : shared(name, other))),
        );
        const spaced = !CJK.test(name);
        const start = spaced ? name.lastIndexOf(' ', common) + 1 : common;
        const lead = start > 0 ? '…' : '';
        out.set(
          id,
          `${lead}${cutToFit(name.slice(start), room, (t) => measure(`${lead}${t}`), 1, spaced)}`,
        );
      });
    }
  }
  // Never two alike: a number tells apart whatever no cut could.
  for (const ids of clashes())
    ids.forEach((id, i) => {
      if (i > 0) out.set(id, `${out.get(id)} (${i + 1})`);
    });
  return out;
}
