import { NODE_KINDS } from './palette';
import { PILLARS } from './state';
import type { VEdge, VNode } from './visibility';

export type Positions = Record<string, { x: number; y: number }>;

const COLUMN = 640;
const ROW = 78;
const CELL = 124;
const PER_ROW = 4;
const byRef = (a: VNode, b: VNode) =>
  String(a.ref ?? a.id).localeCompare(String(b.ref ?? b.id), 'en', { numeric: true });

/**
 * The plan's own structure as the first picture: one column per pillar, its areas one
 * under another, each area's commitments in rows beside its name; below each column
 * the actors and instruments that column's commitments involve most, grouped by kind.
 * Pure and deterministic: the same graph always gives the same picture.
 */
export function clusterLayout(nodes: VNode[], edges: VEdge[]): Positions {
  const positions: Positions = {};
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const pillarOf = (n: VNode): string | null =>
    n.kind === 'Pillar' ? String(n.ref) : typeof n.pillar_ref === 'string' ? n.pillar_ref : null;
  const columns = PILLARS.filter((p) => nodes.some((n) => pillarOf(n) === p));
  const columnOf = new Map<string, number>(columns.map((p, i) => [p, i]));
  let bottom = 0;

  for (const [i, pillar] of columns.entries()) {
    const x0 = i * COLUMN;
    const inPillar = nodes.filter((n) => pillarOf(n) === pillar);
    const pillarNode = inPillar.find((n) => n.kind === 'Pillar');
    if (pillarNode) positions[pillarNode.id] = { x: x0 + 30, y: 0 };
    const areas = inPillar.filter((n) => n.kind === 'Area').sort(byRef);
    const commitments = inPillar.filter((n) => n.kind === 'Commitment').sort(byRef);
    const areaOf = (c: VNode) =>
      typeof c.area_ref === 'string'
        ? c.area_ref
        : String(c.ref ?? '')
            .split('.')
            .slice(0, 2)
            .join('.');
    let y = 110;
    const place = (area: VNode | null, members: VNode[]) => {
      if (area) positions[area.id] = { x: x0 + 30, y };
      const top = area ? y + 62 : y;
      members.forEach((c, j) => {
        positions[c.id] = {
          x: x0 + 60 + (j % PER_ROW) * CELL,
          y: top + Math.floor(j / PER_ROW) * ROW,
        };
      });
      y = top + Math.max(1, Math.ceil(members.length / PER_ROW)) * ROW + 24;
    };
    for (const area of areas)
      place(
        area,
        commitments.filter((c) => areaOf(c) === area.ref),
      );
    const areaRefs = new Set(areas.map((a) => a.ref));
    const loose = commitments.filter((c) => !areaRefs.has(areaOf(c)));
    if (loose.length) place(null, loose);
    bottom = Math.max(bottom, y);
  }

  // Actors and instruments sit under the pillar whose commitments they serve most.
  const votes = new Map<string, number[]>();
  for (const e of edges) {
    for (const [self, other] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      const o = byId.get(other);
      if (o?.kind !== 'Commitment') continue;
      const column = columnOf.get(pillarOf(o) ?? '');
      if (column === undefined) continue;
      const v = votes.get(self) ?? new Array<number>(columns.length).fill(0);
      v[column]! += 1;
      votes.set(self, v);
    }
  }
  const kindOrder = (n: VNode) => NODE_KINDS.indexOf(n.kind as never);
  const others = nodes
    .filter((n) => !positions[n.id] && n.kind !== 'Plan')
    .sort(
      (a, b) =>
        kindOrder(a) - kindOrder(b) ||
        String(a.name_en ?? a.id).localeCompare(String(b.name_en ?? b.id)),
    );
  const perColumn: VNode[][] = Array.from({ length: columns.length + 1 }, () => []);
  for (const n of others) {
    const v = votes.get(n.id);
    const best = v ? v.indexOf(Math.max(...v)) : -1;
    perColumn[best >= 0 ? best : columns.length]!.push(n);
  }
  const bandTop = bottom + 120;
  perColumn.forEach((members, column) => {
    const x0 = column * COLUMN;
    members.forEach((n, j) => {
      positions[n.id] = {
        x: x0 + 60 + (j % PER_ROW) * CELL,
        y: bandTop + Math.floor(j / PER_ROW) * (ROW + 14),
      };
    });
  });

  const plan = nodes.find((n) => n.kind === 'Plan');
  if (plan) positions[plan.id] = { x: 30, y: -130 };
  return positions;
}
