import { html, nothing, type TemplateResult } from 'lit-html';
import { styleMap } from 'lit-html/directives/style-map.js';
import { isNodeKind, isRelType, KIND_STYLES, REL_STYLES } from '../../model/palette';
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

/** The chip's colour, as a custom property the stylesheet reads; none for an unknown kind. */
const colour = (value: string | undefined) =>
  value ? styleMap({ '--kind-colour': value }) : nothing;

/** A node as a chip coloured like its kind on the canvas; the text is the same as in the CSV. */
function nodeChip(cell: NodeCell): TemplateResult {
  const kind = kindLabels(cell.labels)[0] ?? '';
  return html`<button
    type="button"
    class="chip node-chip"
    title=${nodeText(cell)}
    data-element-id=${cell.elementId ?? ''}
    style=${colour(isNodeKind(kind) ? KIND_STYLES[kind].colour : undefined)}
  >${nodeText(cell)}</button>`;
}

function relationshipChip(cell: RelationshipCell): TemplateResult {
  return html`<button
    type="button"
    class="chip rel-chip"
    data-element-id=${cell.elementId ?? ''}
    style=${colour(isRelType(cell.type) ? REL_STYLES[cell.type].colour : undefined)}
  >${relationshipText(cell)}</button>`;
}

/** One value as a template. Text from the graph goes in through text bindings, never as markup. */
export function cellContent(cell: Cell): TemplateResult | string {
  switch (cell.kind) {
    case 'null':
      return html`<span class="null" aria-label="null">${NULL_TEXT}</span>`;
    case 'scalar':
      return cell.text;
    case 'node':
      return nodeChip(cell);
    case 'relationship':
      return relationshipChip(cell);
    case 'path':
      return html`<span class="path">${nodeChip(cell.start)}${cell.steps.map(
        (step) => html`<span class="step">${stepText(step)}</span>${nodeChip(step.node)}`,
      )}</span>`;
    case 'list':
    case 'map': {
      const chips = (cell.kind === 'list' ? cell.items : cell.entries.map(([, v]) => v)).some(
        (c) => c.kind === 'node' || c.kind === 'relationship' || c.kind === 'path',
      );
      // Lists of graph values keep their chips; lists of plain values read best as plain text.
      if (!chips) return cellText(cell);
      const inner = (c: Cell) =>
        c.kind === 'list' || c.kind === 'map' ? cellText(c, true) : cellContent(c);
      const parts =
        cell.kind === 'list'
          ? cell.items.map((item, i) => html`${i > 0 ? ', ' : ''}${inner(item)}`)
          : cell.entries.map(
              ([key, value], i) => html`${`${i > 0 ? ', ' : ''}${key}: `}${inner(value)}`,
            );
      return html`<span class="list">${parts}</span>`;
    }
  }
}
