import type { VEdge, VNode } from './visibility';

/**
 * The height of a node label as the canvas wraps it (140 px wide at 11 px: about 22
 * Latin or 12 Japanese characters a line, 14 px a line).
 */
function labelHeight(name: string): number {
  const perLine = /[\u3040-\u30ff\u4e00-\u9fff]/.test(name) ? 12 : 22;
  return Math.ceil(name.length / perLine) * 14;
}

export interface UnderpinsRow {
  agreement: string;
  commitments: string[];
}

/**
 * "What underpins what": agreements in a column on the left, each followed on the
 * right by the commitments it underpins (or works towards), in document order. A
 * commitment resting on two agreements sits beside the first and is linked to both.
 */
export function underpinsLayout(nodes: VNode[], edges: VEdge[], nameOf: (id: string) => string) {
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

  const positions: Record<string, { x: number; y: number }> = {};
  const ROW = 70;
  let y = 0;
  for (const row of rows) {
    const fresh = row.commitments.filter((c) => !positions[c]);
    const span = Math.max(1, fresh.length) * ROW;
    // An agreement's wrapped label hangs below it; the next row starts clear of it.
    const label = labelHeight(nameOf(row.agreement));
    positions[row.agreement] = { x: 0, y: y + (span - ROW) / 2 };
    fresh.forEach((c, i) => {
      positions[c] = { x: 520, y: y + i * ROW };
    });
    y += Math.max(span, (span - ROW) / 2 + 40 + label) + 30;
  }
  return { rows, positions };
}
