import { isNodeKind, isRelType, KIND_STYLES, REL_STYLES } from '../../model/palette';
import { h } from '../../views/dom';
import {
  type Cell,
  cellText,
  kindLabels,
  type NodeCell,
  NULL_TEXT,
  nodeText,
  type RelationshipCell,
  relationshipText,
  stepText,
} from '../model/values';

/** A node as a chip coloured like its kind on the canvas; the text is the same as in the CSV. */
function nodeChip(cell: NodeCell): HTMLElement {
  const kind = kindLabels(cell.labels)[0] ?? '';
  const chip = h(
    'button',
    {
      type: 'button',
      className: 'chip node-chip',
      title: nodeText(cell),
      'data-element-id': cell.elementId ?? '',
    },
    nodeText(cell),
  );
  if (isNodeKind(kind)) chip.style.setProperty('--kind-colour', KIND_STYLES[kind].colour);
  return chip;
}

function relationshipChip(cell: RelationshipCell): HTMLElement {
  const chip = h(
    'button',
    { type: 'button', className: 'chip rel-chip', 'data-element-id': cell.elementId ?? '' },
    relationshipText(cell),
  );
  if (isRelType(cell.type)) chip.style.setProperty('--kind-colour', REL_STYLES[cell.type].colour);
  return chip;
}

/** One value as DOM. Text from the graph goes in as text nodes (h), never as markup. */
export function cellContent(cell: Cell): Node {
  switch (cell.kind) {
    case 'null':
      return h('span', { className: 'null', 'aria-label': 'null' }, NULL_TEXT);
    case 'scalar':
      return document.createTextNode(cell.text);
    case 'node':
      return nodeChip(cell);
    case 'relationship':
      return relationshipChip(cell);
    case 'path':
      return h(
        'span',
        { className: 'path' },
        nodeChip(cell.start),
        ...cell.steps.flatMap((step) => [
          h('span', { className: 'step' }, stepText(step)),
          nodeChip(step.node),
        ]),
      );
    case 'list':
    case 'map': {
      const chips = (cell.kind === 'list' ? cell.items : cell.entries.map(([, v]) => v)).some(
        (c) => c.kind === 'node' || c.kind === 'relationship' || c.kind === 'path',
      );
      // Lists of graph values keep their chips; lists of plain values read best as plain text.
      if (!chips) return document.createTextNode(cellText(cell));
      const inner = (c: Cell): Node =>
        c.kind === 'list' || c.kind === 'map'
          ? document.createTextNode(cellText(c, true))
          : cellContent(c);
      const parts: Node[] = [];
      if (cell.kind === 'list')
        cell.items.forEach((item, i) => {
          if (i > 0) parts.push(document.createTextNode(', '));
          parts.push(inner(item));
        });
      else
        cell.entries.forEach(([key, value], i) => {
          parts.push(document.createTextNode(`${i > 0 ? ', ' : ''}${key}: `), inner(value));
        });
      return h('span', { className: 'list' }, ...parts);
    }
  }
}
