/**
 * Labels that would be drawn over one another: the lesser of each overlapping pair is left
 * out, as a map leaves out the smaller place names. Boxes are in model units, where a label
 * scales with the zoom exactly as the distances between nodes do, so the outcome holds at
 * every zoom and is computed once per arrangement, not per zoom step.
 */
export interface LabelBox {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Larger wins: the chosen node first, then bigger type, then more connections. */
  priority: number;
}

const overlaps = (a: LabelBox, b: LabelBox) =>
  a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * Ids of the labels to leave out. Greedy by priority: a label is kept unless it overlaps a
 * label already kept. A label left out does not hide others, so a small label next to a
 * hidden big one still shows. Ties are broken by id, so the same input gives the same answer.
 */
export function declutter(labels: readonly LabelBox[]): Set<string> {
  const order = [...labels].sort(
    (a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const kept: LabelBox[] = [];
  const hidden = new Set<string>();
  for (const label of order) {
    if (kept.some((k) => overlaps(k, label))) hidden.add(label.id);
    else kept.push(label);
  }
  return hidden;
}
