import type cytoscape from 'cytoscape';
import type { NodeData } from '../api';
import type { ClusterLayout } from '../model/cluster-layout';
import { declutter, type LabelBox } from '../model/label-declutter';
import type { ThresholdBox } from '../model/label-fit';
import { type RoomFont, readableLabels } from '../model/node-labels';
import type { CanvasContext } from './canvas-context';
import { MIN_ZOOMED_FONT_SIZE } from './cy-style';
import { nodeLabelBox } from './label-box';
import { createLabelMeasurer } from './label-measure';

/** Kana, kanji and full-width forms: such text may wrap between any two characters. */
export const CJK = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;

export type { RoomFont };

/** The stylesheet's room for each kind's label (cy-style.ts), where no arrangement sets its own. */
const STYLESHEET_ROOMS: Record<string, RoomFont> = {
  Commitment: { font: 9, width: 110, lines: 3, bold: false },
  Plan: { font: 30, width: 900, lines: 2, bold: true },
  Pillar: { font: 40, width: 520, lines: 3, bold: true },
  Area: { font: 28, width: 540, lines: 3, bold: false },
};
const STYLESHEET_ROOM: RoomFont = { font: 11, width: 140, lines: 3, bold: false };
export const stylesheetRoom = (kind: string): RoomFont => STYLESHEET_ROOMS[kind] ?? STYLESHEET_ROOM;

/**
 * The room of a label in the overview when only a few nodes are shown (a focus, a path):
 * about 11 pixels at the zoom such a view is framed at, three lines (five in a single grid
 * cell), as wide as the shown
 * nodes beside it leave free (a grid cell at least); widths come in a few steps, so that
 * labels of one width are told apart together.
 */
export const READABLE_FONT = 7;
const READABLE_WIDTHS = [34, 56, 80, 110];
export function readableRoom(free: number): RoomFont {
  const width = [...READABLE_WIDTHS].reverse().find((w) => w <= free) ?? READABLE_WIDTHS[0]!;
  return { font: READABLE_FONT, width, lines: width === READABLE_WIDTHS[0] ? 5 : 3, bold: false };
}

/** The overview's room for a kind's label, from the sizes it was laid out with (cluster-style.ts); null where it shows the whole title or a ref. */
export function overviewRoom(kind: string, cluster: ClusterLayout): RoomFont | null {
  const l = cluster.labels;
  if (kind === 'Plan')
    return { font: l.areaFont, width: l.pillarWidth * cluster.columns, lines: 1, bold: true };
  if (kind === 'Pillar' || kind === 'Area' || kind === 'Commitment') return null;
  return { font: l.actorFont, width: l.actorWidth, lines: 1, bold: false };
}

export interface CanvasLabels {
  /**
   * Nodes' labels in the rooms `roomOf` gives them: the full name where it fits, else a
   * short form, no two nodes of a room alike (node-labels.ts). Worked out once per language,
   * room and set of nodes in it, then looked up; a node without a room keeps its name.
   */
  labeller(lang: string, roomOf: (d: NodeData) => RoomFont | null): (d: NodeData) => string;
  /** A title's (the node's whole name's) height when drawn at `font` pixels wrapped at `width`, without restyling the node. */
  measureTitle(id: string, font: number, width: number, bold: boolean): number;
  /** Whether the arrangement shown is one computed without regard to labels, whose labels are decluttered. */
  decluttered(): boolean;
  /** Leaves out the labels that would cover a bigger or more connected one (`cluttered`). */
  declutter(): void;
  /** The labels these nodes may draw (not left out as clutter), each with the zoom it shows from. */
  thresholdLabels(nodes: cytoscape.NodeCollection): ThresholdBox[];
}

/** Measuring and decluttering the nodes' labels. */
export function createCanvasLabels(ctx: CanvasContext): CanvasLabels {
  const { cy } = ctx;
  const measureLabel = createLabelMeasurer();

  /** Labels by language and room, with the nodes they were told apart among. */
  const texts = new Map<string, { among: string; labels: Map<string, string> }>();
  const roomKey = (r: RoomFont) => `${r.font}|${r.width}|${r.lines}|${r.bold}`;

  function labeller(lang: string, roomOf: (d: NodeData) => RoomFont | null) {
    // The nodes of each room: the ones no two of which may read alike.
    const groups = new Map<string, { room: RoomFont; nodes: NodeData[]; checked: boolean }>();
    cy.nodes().forEach((n) => {
      const d = n.data() as NodeData;
      const room = roomOf(d);
      if (!room) return;
      const key = roomKey(room);
      const group = groups.get(key);
      if (group) group.nodes.push(d);
      else groups.set(key, { room, nodes: [d], checked: false });
    });
    return (d: NodeData): string => {
      const name = String(lang === 'ja' ? d.name_ja : d.name_en);
      const room = roomOf(d);
      const group = room && groups.get(roomKey(room));
      if (!room || !group) return name;
      const key = `${lang}|${roomKey(room)}`;
      let known = texts.get(key);
      if (!group.checked) {
        group.checked = true;
        const among = group.nodes.map((n) => n.id).join('|');
        if (known?.among !== among) {
          const measure = (t: string) =>
            measureLabel(t, {
              size: room.font,
              bold: room.bold,
              maxWidth: 1e6,
              wrap: 'none',
              anywhere: false,
            }).width - 2;
          const source = (n: NodeData) => ({
            id: n.id,
            kind: n.kind,
            name: String(lang === 'ja' ? n.name_ja : n.name_en),
            ref: typeof n.ref === 'string' ? n.ref : undefined,
          });
          known = {
            among,
            labels: readableLabels(
              group.nodes.map(source),
              room,
              measure,
              cy.nodes('[kind = "Agreement"]').map((n) => source(n.data() as NodeData)),
            ),
          };
          texts.set(key, known);
        }
      }
      return known?.labels.get(d.id) ?? name;
    };
  }

  function decluttered(): boolean {
    const name = ctx.lastLayout?.name;
    // The overview places its own titles apart, except the readable names of a focus or path.
    if (name === 'clusters') return ctx.readable.size > 0;
    return !!name && name !== 'underpins';
  }

  return {
    labeller,
    measureTitle(id, font, width, bold) {
      // The overview draws titles whole (overviewRoom): the name, not a label cut for another room.
      const n = cy.getElementById(id);
      const text = String((ctx.lang === 'ja' ? n.data('name_ja') : n.data('name_en')) ?? '');
      if (!text) return 0;
      return measureLabel(text, {
        size: font,
        bold,
        maxWidth: width,
        wrap: 'wrap',
        anywhere: CJK.test(text),
      }).height;
    },
    decluttered,
    declutter() {
      if (!decluttered()) {
        ctx.cluttered = new Set();
        return;
      }
      const boxes: LabelBox[] = [];
      cy.nodes().forEach((node) => {
        if (node.hasClass('gone')) return;
        const box = nodeLabelBox(node, measureLabel);
        if (box) boxes.push(box);
      });
      ctx.cluttered = declutter(boxes);
    },
    thresholdLabels(nodes) {
      const labels: ThresholdBox[] = [];
      nodes.forEach((node) => {
        if (node.hasClass('gone') || ctx.cluttered.has(node.id())) return;
        const font = node.numericStyle('font-size');
        const box = font > 0 ? nodeLabelBox(node, measureLabel) : null;
        if (box) labels.push({ ...box, threshold: MIN_ZOOMED_FONT_SIZE / font });
      });
      return labels;
    },
  };
}
