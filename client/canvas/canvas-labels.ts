import type cytoscape from 'cytoscape';
import { declutter, type LabelBox } from '../model/label-declutter';
import type { ThresholdBox } from '../model/label-fit';
import type { CanvasContext } from './canvas-context';
import { MIN_ZOOMED_FONT_SIZE } from './cy-style';
import { nodeLabelBox } from './label-box';
import { createLabelMeasurer } from './label-measure';

/** Kana, kanji and full-width forms: such text may wrap between any two characters. */
export const CJK = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;

export interface CanvasLabels {
  /** A title's height when drawn at `font` pixels wrapped at `width`, without restyling the node. */
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

  function decluttered(): boolean {
    const name = ctx.lastLayout?.name;
    return !!name && name !== 'clusters' && name !== 'underpins';
  }

  return {
    measureTitle(id, font, width, bold) {
      const text = String(cy.getElementById(id).data('label') ?? '');
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
