import { linkedCommitments } from './commitment-links';
import { NODE_KINDS } from './palette';
import { PILLARS } from './state';
import type { VEdge, VNode } from './visibility';

export type Positions = Record<string, { x: number; y: number }>;

/** Heights of a title wrapped at `width` pixels in a font of `font` pixels (bold or not), in pixels. */
export type MeasureTitle = (id: string, font: number, width: number, bold: boolean) => number;

/** The smallest size, in screen pixels, a label is drawn at (cy-style.ts hides smaller ones). */
const READABLE = 9;
/** Pillar and area titles, in screen pixels at the zoom the picture is laid out for. */
export const PILLAR_FONT = 13;
export const AREA_FONT = 11;
/** Markers of pillars and areas, and the gap between a marker and its title, in screen pixels. */
const MARKER = 12;
const TITLE_GAP = 6;
/** Room a label needs beyond its measured height (its background padding), in pixels. */
const TITLE_SLACK = 4;
/** Commitments and actors sit in a grid of model units: wide enough for a ref or a short name. */
const COMMITMENT_X = 42;
const ACTOR_X = 40;
const ROW = 22;
export const COMMITMENT_SIZE = 12;
/** The largest label fonts the grid has room for, in model units: a ref like "IV.1.11.d" within its cell. */
const REF_FONT_MAX = 8.5;
const NAME_FONT_MAX = 7;
export const ACTOR_SIZE = 14;
/** Gaps in screen pixels: between columns, after a pillar title, after an area, above the actors. */
const COLUMN_GAP = 14;
const AFTER_PILLAR = 6;
const AFTER_AREA = 8;
const ABOVE_ACTORS = 12;
/** The canvas keeps this many pixels free around the picture (canvas.ts PADDING) and a little more. */
const MARGIN = 24 + 6;
/** In compact mode (a phone) each area is a marker and its ref in a gutter left of its commitments. */
const GUTTER = 52;
/** Zooms tried: never blown up beyond this, never drawn smaller than that. */
const MAX_ZOOM = 1.25;
const MIN_ZOOM = 0.05;
/** A width no title reaches: measures a title on one line. */
const ONE_LINE = 100_000;

export type ClusterMode = 'full' | 'compact' | 'tight';

/** How the clustered picture is drawn: its places, the zoom it is laid out for and label sizes in model units. */
export interface ClusterLayout {
  positions: Positions;
  /** The zoom at which the picture fills the canvas: titles are then PILLAR_FONT and AREA_FONT pixels. */
  zoom: number;
  columns: number;
  /**
   * full: pillar and area titles wrapped in their columns; compact (a phone): areas shown by
   * their ref in a gutter beside their commitments; tight (a canvas smaller still): the
   * pillars' titles on one line, cut with an ellipsis.
   */
  mode: ClusterMode;
  /** Areas shown by their ref (compact and tight). */
  compact: boolean;
  /** Label styles in model units: font sizes, wrapping widths and node sizes by role. */
  labels: {
    pillarFont: number;
    pillarWidth: number;
    areaFont: number;
    areaWidth: number;
    markerSize: number;
    /**
     * Commitments (by ref) and actors (by name) read from one zoom-in, resp. two, onwards,
     * or later when their grid cell is too small for them until then (a phone).
     */
    commitmentFont: number;
    actorFont: number;
    actorWidth: number;
  };
}

const byRef = (a: VNode, b: VNode) =>
  String(a.ref ?? a.id).localeCompare(String(b.ref ?? b.id), 'en', { numeric: true });

/**
 * The plan's own structure as the first picture, laid out for a canvas of `box` pixels
 * so that it fills it at one zoom with its pillar and area titles readable at that zoom:
 * one column per pillar (or two, or one, whichever gives the largest picture on a narrow
 * canvas), its areas one under another with their commitments in rows, and under each
 * column the actors and instruments its commitments involve most. Titles are sized in
 * screen pixels (measured wrapped by `measure`), the nodes in model units. On a canvas
 * too small for every area's name (a phone), areas are shown by their ref beside their
 * commitments. Pure and deterministic for the same graph, canvas and measures.
 */
export function clusterLayout(
  nodes: VNode[],
  edges: VEdge[],
  box: { width: number; height: number },
  measure: MeasureTitle,
): ClusterLayout {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const pillarOf = (n: VNode): string | null =>
    n.kind === 'Pillar' ? String(n.ref) : typeof n.pillar_ref === 'string' ? n.pillar_ref : null;
  const pillars = PILLARS.filter((p) => nodes.some((n) => pillarOf(n) === p));
  const areaOf = (c: VNode) =>
    typeof c.area_ref === 'string'
      ? c.area_ref
      : String(c.ref ?? '')
          .split('.')
          .slice(0, 2)
          .join('.');
  const groups = pillars.map((pillar) => {
    const inPillar = nodes.filter((n) => pillarOf(n) === pillar);
    const areas = inPillar.filter((n) => n.kind === 'Area').sort(byRef);
    const commitments = inPillar.filter((n) => n.kind === 'Commitment').sort(byRef);
    const areaRefs = new Set(areas.map((a) => a.ref));
    const blocks: { area: VNode | null; members: VNode[] }[] = areas.map((area) => ({
      area,
      members: commitments.filter((c) => areaOf(c) === area.ref),
    }));
    const loose = commitments.filter((c) => !areaRefs.has(areaOf(c)));
    if (loose.length) blocks.push({ area: null, members: loose });
    return { pillar: inPillar.find((n) => n.kind === 'Pillar') ?? null, blocks };
  });

  // Actors and instruments sit under the pillar whose commitments they serve most.
  const votes = new Map<string, number[]>();
  const columnOf = new Map<string, number>(pillars.map((p, i) => [p, i]));
  for (const { self, commitment } of linkedCommitments(edges, byId)) {
    const column = columnOf.get(pillarOf(commitment) ?? '');
    if (column === undefined) continue;
    const v = votes.get(self) ?? new Array<number>(pillars.length).fill(0);
    v[column]! += 1;
    votes.set(self, v);
  }
  const placedInColumns = new Set(
    groups.flatMap((g) => [
      ...(g.pillar ? [g.pillar.id] : []),
      ...g.blocks.flatMap((b) => [...(b.area ? [b.area.id] : []), ...b.members.map((m) => m.id)]),
    ]),
  );
  const kindOrder = (n: VNode) => NODE_KINDS.indexOf(n.kind as never);
  const others = nodes
    .filter((n) => !placedInColumns.has(n.id) && n.kind !== 'Plan')
    .sort(
      (a, b) =>
        kindOrder(a) - kindOrder(b) ||
        String(a.name_en ?? a.id).localeCompare(String(b.name_en ?? b.id)),
    );
  const actorsOf: VNode[][] = pillars.map(() => []);
  const unvoted: VNode[] = [];
  for (const n of others) {
    const v = votes.get(n.id);
    if (!v || !actorsOf.length) unvoted.push(n);
    else actorsOf[v.indexOf(Math.max(...v))]!.push(n);
  }
  const plan = nodes.find((n) => n.kind === 'Plan') ?? null;

  const availW = Math.max(120, box.width - 2 * MARGIN);
  const availH = Math.max(120, box.height - 2 * MARGIN);
  const heights = new Map<string, number>();
  const titleHeight = (id: string, font: number, width: number, bold: boolean) => {
    const key = `${id}|${font}|${Math.round(width)}|${bold}`;
    let h = heights.get(key);
    if (h === undefined) {
      h = measure(id, font, width, bold) + TITLE_SLACK;
      heights.set(key, h);
    }
    return h;
  };

  /** The picture with `columns` pillar columns laid out for zoom `z`: its places and height in pixels. */
  const arrange = (columns: number, mode: ClusterMode, z: number) => {
    const positions: Positions = {};
    const compact = mode !== 'full';
    const colPx = (availW - (columns - 1) * COLUMN_GAP) / columns;
    const titlePx = colPx - MARKER - TITLE_GAP - 4;
    const cw = colPx / z;
    const px = (v: number) => v / z;
    const rowsOf = (n: number, perRow: number) => Math.max(1, Math.ceil(n / perRow));
    // Pillars go left to right, then on to the next band of columns.
    const bands = Math.ceil(groups.length / columns);
    let top = 0;
    if (plan) {
      positions[plan.id] = { x: px(MARKER / 2), y: px(MARKER / 2) };
      top = px(MARKER + AFTER_PILLAR);
    }
    for (let band = 0; band < bands; band++) {
      const inBand = groups.slice(band * columns, (band + 1) * columns);
      let bandBottom = top;
      const ends: { x0: number; y: number; index: number }[] = [];
      inBand.forEach((g, c) => {
        const index = band * columns + c;
        const x0 = c * (cw + px(COLUMN_GAP));
        let y = top;
        if (g.pillar) {
          const width = mode === 'tight' ? ONE_LINE : titlePx;
          const h = Math.max(MARKER, titleHeight(g.pillar.id, PILLAR_FONT, width, true));
          positions[g.pillar.id] = { x: x0 + px(MARKER / 2), y: y + px(h / 2) };
          y += px(h + AFTER_PILLAR);
        }
        const gutter = compact ? px(GUTTER) : 0;
        const perRow = Math.max(1, Math.floor((cw - gutter - px(4)) / COMMITMENT_X));
        for (const block of g.blocks) {
          if (block.area && !compact) {
            const h = Math.max(MARKER, titleHeight(block.area.id, AREA_FONT, titlePx, false));
            positions[block.area.id] = { x: x0 + px(MARKER / 2), y: y + px(h / 2) };
            y += px(h + 2);
          }
          const rows = rowsOf(block.members.length, perRow);
          if (block.area && compact) {
            positions[block.area.id] = { x: x0 + px(MARKER / 2), y: y + ROW / 2 };
          }
          block.members.forEach((m, j) => {
            positions[m.id] = {
              x: x0 + gutter + COMMITMENT_X / 2 + (j % perRow) * COMMITMENT_X,
              y: y + ROW / 2 + Math.floor(j / perRow) * ROW,
            };
          });
          y += Math.max(rows * ROW, compact ? px(MARKER + 4) : 0) + px(AFTER_AREA);
        }
        ends.push({ x0, y: y + px(ABOVE_ACTORS), index });
      });
      // Under each column the actors its commitments involve most; those serving no
      // commitment shown go under the column that ends highest in the last band.
      const perActorRow = Math.max(1, Math.floor(cw / ACTOR_X));
      const actorRows = (n: number) => (n ? rowsOf(n, perActorRow) * ROW : 0);
      const lists = ends.map((e) => [...(actorsOf[e.index] ?? [])]);
      if (band === bands - 1 && unvoted.length && ends.length) {
        const lowest = ends.reduce(
          (best, e, i) =>
            e.y + actorRows(lists[i]!.length) < best.y + actorRows(lists[best.i]!.length)
              ? { y: e.y, i }
              : best,
          { y: ends[0]!.y, i: 0 },
        );
        lists[lowest.i]!.push(...unvoted);
      }
      ends.forEach(({ x0, y }, i) => {
        const actors = lists[i]!;
        actors.forEach((n, j) => {
          positions[n.id] = {
            x: x0 + ACTOR_X / 2 + (j % perActorRow) * ACTOR_X,
            y: y + ROW / 2 + Math.floor(j / perActorRow) * ROW,
          };
        });
        bandBottom = Math.max(bandBottom, y + actorRows(actors.length));
      });
      top = bandBottom + px(AFTER_AREA);
    }
    // Nothing but the plan and unplaced actors shown: a row across the whole width.
    if (unvoted.length && !groups.length) {
      const perRow = Math.max(1, Math.floor(availW / z / ACTOR_X));
      unvoted.forEach((n, j) => {
        positions[n.id] = {
          x: ACTOR_X / 2 + (j % perRow) * ACTOR_X,
          y: top + ROW / 2 + Math.floor(j / perRow) * ROW,
        };
      });
      top += rowsOf(unvoted.length, perRow) * ROW;
    }
    // The last row's labels hang below it (they show only when zoomed in).
    return { positions, heightPx: (top + ROW) * z };
  };

  /** The largest zoom at which this arrangement fits the canvas's height. */
  const bestZoom = (columns: number, mode: ClusterMode) => {
    let lo = MIN_ZOOM;
    let hi = MAX_ZOOM;
    if (arrange(columns, mode, hi).heightPx <= availH) return hi;
    for (let i = 0; i < 24; i++) {
      const mid = (lo + hi) / 2;
      if (arrange(columns, mode, mid).heightPx <= availH) lo = mid;
      else hi = mid;
    }
    return lo;
  };

  // Area names under their pillars when they leave the nodes big enough to see; else refs
  // in a gutter; on a canvas smaller still, the pillars' titles on one line.
  type Candidate = { columns: number; mode: ClusterMode; zoom: number };
  const columnChoices = [...new Set([groups.length, 2, 1])].filter(
    (c) => c >= 1 && c <= Math.max(1, groups.length),
  );
  const all: Candidate[] = [];
  const largest = (cs: Candidate[]) => cs.reduce((a, b) => (b.zoom > a.zoom + 1e-6 ? b : a));
  let chosen: Candidate | null = null;
  for (const [mode, enough] of [
    ['full', 0.5],
    ['compact', 0.35],
    ['tight', 0],
  ] as const) {
    const tried: Candidate[] = [];
    for (const columns of columnChoices) {
      // Columns narrower than a short title do not read.
      if ((availW - (columns - 1) * COLUMN_GAP) / columns < 150 && columns > 1) continue;
      tried.push({ columns, mode, zoom: bestZoom(columns, mode) });
    }
    if (!tried.length) tried.push({ columns: 1, mode, zoom: bestZoom(1, mode) });
    all.push(...tried);
    const best = largest(tried);
    if (best.zoom >= enough) {
      chosen = best;
      break;
    }
  }
  chosen ??= largest(all);
  const z = chosen.zoom;
  const colPx = (availW - (chosen.columns - 1) * COLUMN_GAP) / chosen.columns;
  const titlePx = colPx - MARKER - TITLE_GAP - 4;
  return {
    positions: arrange(chosen.columns, chosen.mode, z).positions,
    zoom: z,
    columns: chosen.columns,
    mode: chosen.mode,
    compact: chosen.mode !== 'full',
    labels: {
      pillarFont: PILLAR_FONT / z,
      pillarWidth: titlePx / z,
      areaFont: AREA_FONT / z,
      areaWidth: chosen.mode !== 'full' ? (GUTTER - MARKER - TITLE_GAP) / z : titlePx / z,
      markerSize: MARKER / z,
      // Never larger than the grid has room for: on a phone they wait for a closer zoom.
      commitmentFont: Math.min((READABLE + 0.5) / 1.3 / z, REF_FONT_MAX),
      actorFont: Math.min((READABLE + 0.5) / 1.9 / z, NAME_FONT_MAX),
      actorWidth: ACTOR_X - 2,
    },
  };
}
