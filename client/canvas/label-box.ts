import type cytoscape from 'cytoscape';
import type { LabelBox } from '../model/label-declutter';
import type { LabelFont, LabelSize } from './label-measure';

/** Classes whose node's label is kept before any other (canvas-render.ts sets them). */
const IMPORTANT = ['chosen', 'hit', 'path-end', 'on-path'];

/**
 * Where a node's label is drawn, in model units, from the node's computed style and a
 * measure of its text; its priority for label-declutter.ts: the chosen, searched or
 * on-path node and the plan first, then the bigger font, then more connections.
 */
export function nodeLabelBox(
  node: cytoscape.NodeSingular,
  measure: (text: string, font: LabelFont) => LabelSize,
): LabelBox | null {
  const text = String(node.data('label') ?? '');
  if (!text) return null;
  const px = (property: string) => Number(node.numericStyle(property)) || 0;
  const size = measure(text, {
    size: px('font-size'),
    bold: String(node.style('font-weight')) === 'bold',
    maxWidth: px('text-max-width'),
    wrap: node.style('text-wrap') as 'wrap' | 'none' | 'ellipsis',
    anywhere: node.style('text-overflow-wrap') === 'anywhere',
  });
  const p = node.position();
  const halfW = node.outerWidth() / 2;
  const halfH = node.outerHeight() / 2;
  const halign = node.style('text-halign');
  const valign = node.style('text-valign');
  const x =
    p.x +
    px('text-margin-x') +
    (halign === 'right' ? halfW + size.width / 2 : halign === 'left' ? -halfW - size.width / 2 : 0);
  const y =
    p.y +
    px('text-margin-y') +
    (valign === 'bottom'
      ? halfH + size.height / 2
      : valign === 'top'
        ? -halfH - size.height / 2
        : 0);
  // The plan's name too: it says what the whole picture is.
  const important = IMPORTANT.some((c) => node.hasClass(c)) || node.data('kind') === 'Plan';
  // Cytoscape's own label box reaches a little further (padding, border, rounding).
  const slack = 3;
  return {
    id: node.id(),
    x1: x - size.width / 2 - slack,
    y1: y - size.height / 2 - slack,
    x2: x + size.width / 2 + slack,
    y2: y + size.height / 2 + slack,
    priority: (important ? 1e6 : 0) + px('font-size') * 1000 + node.degree(false),
  };
}
