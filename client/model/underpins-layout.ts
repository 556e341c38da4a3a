import type { VEdge, VNode } from './visibility';

/** Label size in the underpins diagram, in model units: at the fitted zoom (about 1) that many pixels. */
export const UNDERPINS_FONT = 11;
const LINE = 14;
/** Vertical room per commitment, and the width kept for a commitment's ref beside it. */
const ROW = 28;
const REF_WIDTH = 64;

/** Roughly how wide a name is at UNDERPINS_FONT: Latin letters about half an em, kana and kanji a full em. */
function textWidth(name: string): number {
  let w = 0;
  for (const ch of name) w += /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.55;
  return w * UNDERPINS_FONT;
}

/** Lines a name takes wrapped at `width`, with slack for breaks at word ends. */
function lines(name: string, width: number): number {
  return Math.max(1, Math.ceil((textWidth(name) * 1.15) / width));
}

export interface UnderpinsRow {
  agreement: string;
  commitments: string[];
}

/** How the agreements' names are drawn: wrapped within `labelWidth`, or one line cut with an ellipsis. */
export interface UnderpinsLabels {
  labelWidth: number;
  wrap: 'wrap' | 'ellipsis';
}

/**
 * `name` cut in the middle to about `width` at UNDERPINS_FONT, `headShare` of the room for its
 * start and the rest for its end, at word ends where it has spaces; the name itself when it
 * fits. Estimated generously (textWidth), so the drawn label needs no second cut.
 */
export function middleEllipsis(
  name: string,
  width: number,
  headShare = 0.45,
  atWords = true,
): string {
  if (textWidth(name) <= width) return name;
  const budget = width - textWidth('…');
  const spaced = atWords && name.includes(' ');
  const units = spaced ? name.split(' ') : [...name];
  const join = (parts: string[]) => parts.join(spaced ? ' ' : '');
  const head: string[] = [];
  for (const unit of units) {
    if (textWidth(join([...head, unit])) > budget * headShare) break;
    head.push(unit);
  }
  const tail: string[] = [];
  for (let i = units.length - 1; i >= head.length; i--) {
    if (textWidth(join([units[i]!, ...tail])) + textWidth(join(head)) > budget) break;
    tail.unshift(units[i]!);
  }
  return `${join(head)}…${join(tail)}`;
}

/**
 * The agreements' labels in the diagram, by id: their names, or with one line each, the names
 * cut in the middle to fit. The start and the end stay, so names that differ only at the end
 * (the two defence memoranda, "…Ministry of Defence of Mongolia" and "…Mongolian Air Force")
 * do not look the same, as an end cut made them; where two cuts still meet, the end gets more
 * of the room until they differ.
 */
export function underpinsLabels(
  names: Record<string, string>,
  labels: UnderpinsLabels,
): Record<string, string> {
  if (labels.wrap === 'wrap') return { ...names };
  const width = labels.labelWidth * 0.92;
  const out: Record<string, string> = {};
  for (const [id, name] of Object.entries(names)) out[id] = middleEllipsis(name, width);
  // Then by letters rather than words, all the room for the end: on a phone's narrow column.
  for (const [share, atWords] of [
    [0.3, true],
    [0.15, true],
    [0, true],
    [0, false],
  ] as const) {
    const count = new Map<string, number>();
    for (const label of Object.values(out)) count.set(label, (count.get(label) ?? 0) + 1);
    const clashing = Object.keys(out).filter((id) => count.get(out[id]!)! > 1);
    if (clashing.length === 0) break;
    for (const id of clashing) out[id] = middleEllipsis(names[id]!, width, share, atWords);
  }
  return out;
}

/**
 * "What underpins what": agreements in a column on the left (names to their left),
 * each followed on the right by the commitments it underpins (or works towards), in
 * document order. A commitment resting on two agreements sits beside the first and is
 * linked to both. Laid out for a canvas of `box` pixels so that it fits at a zoom of
 * about 1 and its labels (UNDERPINS_FONT) read at that size: names wrap when there is
 * room and are cut to one line when there is not (the list beside names them in full).
 */
export function underpinsLayout(
  nodes: VNode[],
  edges: VEdge[],
  nameOf: (id: string) => string,
  box: { width: number; height: number } = { width: 1000, height: 800 },
) {
  const rowsByAgreement = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.type === 'UNDERPINS')
      rowsByAgreement.set(e.source, (rowsByAgreement.get(e.source) ?? new Set()).add(e.target));
    if (e.type === 'WORKS_TOWARDS' || e.type === 'REFERS_TO') {
      rowsByAgreement.set(e.target, (rowsByAgreement.get(e.target) ?? new Set()).add(e.source));
    }
  }
  const present = new Set(nodes.map((n) => n.id));
  const lineOf = new Map(nodes.map((n) => [n.id, String(n.ref ?? n.id)]));
  const byRef = (a: string, b: string) =>
    (lineOf.get(a) ?? a).localeCompare(lineOf.get(b) ?? b, 'en', { numeric: true });
  const rows: UnderpinsRow[] = [...rowsByAgreement.entries()]
    .filter(([agreement]) => present.has(agreement))
    .map(([agreement, commitments]) => ({
      agreement,
      commitments: [...commitments].filter((c) => present.has(c)).sort(byRef),
    }))
    .filter((row) => row.commitments.length > 0)
    .sort(
      (a, b) =>
        byRef(a.commitments[0]!, b.commitments[0]!) ||
        nameOf(a.agreement).localeCompare(nameOf(b.agreement)),
    );

  // Half the width for the names, the rest for the links and the refs.
  const labelWidth = Math.round(Math.min(320, Math.max(120, box.width * 0.5 - 40)));
  const linkSpan = Math.max(60, Math.min(260, box.width - labelWidth - REF_WIDTH - 80));
  const place = (wrap: UnderpinsLabels['wrap']) => {
    const positions: Record<string, { x: number; y: number }> = {};
    let y = 0;
    for (const row of rows) {
      const fresh = row.commitments.filter((c) => !positions[c]);
      const span = Math.max(1, fresh.length) * ROW;
      const label = wrap === 'wrap' ? lines(nameOf(row.agreement), labelWidth) * LINE : LINE;
      const height = Math.max(span, label + 6);
      positions[row.agreement] = { x: 0, y: y + height / 2 };
      fresh.forEach((c, i) => {
        positions[c] = { x: linkSpan, y: y + (height - span) / 2 + (i + 0.5) * ROW };
      });
      y += height + 8;
    }
    return { positions, height: y };
  };
  // Wrapped names when they fit the canvas's height, else one line each.
  let wrap: UnderpinsLabels['wrap'] = 'wrap';
  let placed = place(wrap);
  if (placed.height > box.height - 40) {
    wrap = 'ellipsis';
    placed = place(wrap);
  }
  return {
    rows,
    positions: placed.positions,
    labels: { labelWidth, wrap } as UnderpinsLabels,
  };
}
