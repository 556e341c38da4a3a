import type cytoscape from 'cytoscape';
import type { NodeData } from '../api';
import type { ClusterLayout } from '../model/cluster-layout';
import { clusterSize } from '../model/node-sizes';
import type { CanvasContext } from './canvas-context';
import {
  type CanvasLabels,
  CJK,
  overviewRoom,
  READABLE_FONT,
  type RoomFont,
  readableRoom,
} from './canvas-labels';

export interface ClusterStyle {
  /** Sizes and label styles of the clustered overview, in model units for the zoom it is laid out for. */
  apply(nodes: cytoscape.NodeCollection, result: ClusterLayout): void;
  /** Takes the overview's sizes and label styles off again, for another arrangement. */
  clear(): void;
  /**
   * Gives these nodes readable labels (readableRoom, in ctx.readable) instead of the grid's,
   * and the others the grid's again: a focus or a path shows few nodes, each with its name.
   */
  readable(ids: Set<string>): void;
}

/** A readable label in the overview: wrapped, not cut, under its node. */
const readableStyle = (room: RoomFont) => ({
  'font-size': READABLE_FONT,
  'text-max-width': `${room.width}px`,
  'text-wrap': 'wrap',
  'text-valign': 'bottom',
  'text-halign': 'center',
  'text-margin-x': 0,
  'text-margin-y': 1,
});

/** Rows of the grid closer than this (model units) share the room beside a label. */
const SAME_BAND = 36;

/** Each node's room: as wide as the nearest shown node beside it leaves free. */
function roomsOf(ids: Set<string>, at: (id: string) => { x: number; y: number }) {
  const places = [...ids].map((id) => ({ id, ...at(id) }));
  const rooms = new Map<string, RoomFont>();
  for (const a of places) {
    let free = Number.POSITIVE_INFINITY;
    for (const b of places)
      if (b.id !== a.id && Math.abs(b.y - a.y) < SAME_BAND)
        free = Math.min(free, Math.abs(b.x - a.x));
    rooms.set(a.id, readableRoom(free - 8));
  }
  return rooms;
}

const CLUSTER_STYLE_KEYS =
  'font-size text-max-width text-wrap text-overflow-wrap font-weight text-margin-x text-margin-y text-valign text-halign width height';

export function createClusterStyle(ctx: CanvasContext, labels: CanvasLabels): ClusterStyle {
  const { cy } = ctx;
  /** Nodes given the clustered overview's sizes and label styles (bypasses, removed on another layout). */
  const clusterStyled = new Set<string>();
  /** The overview's own label style of each node, to give back when a focus ends. */
  const gridStyles = new Map<string, Record<string, string | number>>();

  return {
    apply(nodes, result) {
      const l = result.labels;
      // A focus or path keeps its readable names, in the room the new places leave.
      if (ctx.readable.size)
        ctx.readable = roomsOf(
          new Set(ctx.readable.keys()),
          (id) => result.positions[id] ?? cy.getElementById(id).position(),
        );
      const labelOf = labels.labeller(
        ctx.lang,
        (n) => ctx.readable.get(n.id) ?? overviewRoom(n.kind, result),
      );
      cy.batch(() => {
        nodes.forEach((n) => {
          const d = n.data() as NodeData;
          // Refs for commitments (and areas on a phone); names fitted to the grid's room for the rest.
          const readable = ctx.readable.get(n.id());
          const text = String(
            !readable && d.ref && (d.kind === 'Commitment' || (d.kind === 'Area' && result.compact))
              ? d.ref
              : labelOf(d),
          );
          if (text !== n.data('label')) n.data('label', text);
          const wrap = CJK.test(text) ? 'anywhere' : 'whitespace';
          // The plan, pillars and areas: a marker with its title beside it.
          const besideMarker = (font: number, width: number, textWrap: string) => ({
            'font-size': font,
            'text-max-width': `${width}px`,
            'text-wrap': textWrap,
            'text-overflow-wrap': wrap,
            'text-margin-x': l.markerSize / 2,
            width: l.markerSize,
            height: l.markerSize,
          });
          let style: Record<string, string | number>;
          if (d.kind === 'Pillar' || d.kind === 'Area') {
            const pillar = d.kind === 'Pillar';
            style = {
              ...besideMarker(
                pillar ? l.pillarFont : l.areaFont,
                pillar ? l.pillarWidth : l.areaWidth,
                pillar
                  ? result.mode === 'tight'
                    ? 'ellipsis'
                    : 'wrap'
                  : result.compact
                    ? 'none'
                    : 'wrap',
              ),
              'font-weight': pillar ? 'bold' : 'normal',
            };
          } else if (d.kind === 'Plan') {
            // The plan's name (its short form where the whole does not fit) above the pillars,
            // as big as an area's title: the commitments' size left it unreadable.
            style = {
              ...besideMarker(l.areaFont, l.pillarWidth * result.columns, 'ellipsis'),
              'font-weight': 'bold',
            };
          } else if (d.kind === 'Commitment') {
            style = {
              'font-size': l.commitmentFont,
              'text-max-width': '60px',
              'text-wrap': 'none',
              'text-margin-y': 1,
            };
          } else {
            style = {
              'font-size': l.actorFont,
              'text-max-width': `${l.actorWidth}px`,
              'text-wrap': 'ellipsis',
              'text-overflow-wrap': wrap,
              'text-margin-y': 1,
            };
          }
          clusterStyled.add(n.id());
          gridStyles.set(n.id(), style);
          n.style(readable ? { ...style, ...readableStyle(readable) } : style);
          // Sized by a measure, a node keeps that size; else it takes the overview's.
          if (!ctx.metricSized && !style.width) n.data('size', clusterSize(d.kind));
        });
      });
    },
    clear() {
      if (!clusterStyled.size) return;
      // One call on the collection: Cytoscape updates style hints once, not once per node.
      const styled = cy.nodes().filter((n) => clusterStyled.has(n.id()));
      cy.batch(() => styled.removeStyle(CLUSTER_STYLE_KEYS));
      clusterStyled.clear();
      gridStyles.clear();
    },
    readable(ids) {
      const before = ctx.readable;
      const rooms = roomsOf(ids, (id) => cy.getElementById(id).position());
      ctx.readable = rooms;
      const changed = [...new Set([...rooms.keys(), ...before.keys()])].filter(
        (id) => rooms.get(id)?.width !== before.get(id)?.width,
      );
      if (!changed.length) return;
      cy.batch(() => {
        for (const id of changed) {
          const style = gridStyles.get(id);
          const n = cy.getElementById(id);
          if (!style || n.empty()) continue;
          const room = rooms.get(id);
          if (room) n.style({ ...style, ...readableStyle(room) });
          else {
            n.removeStyle('text-valign text-halign text-margin-x');
            n.style(style);
          }
        }
      });
    },
  };
}
