import type { CanvasContext } from './canvas-context';

/** Tells the page what is under the pointer, where on the canvas, for its tooltip. */
export function reportHover(ctx: CanvasContext): void {
  const { cy, events } = ctx;
  cy.on('mouseover', 'node', (e) => {
    const p = e.target.renderedPosition();
    events.hover({ kind: 'node', id: e.target.id(), x: p.x, y: p.y });
  });
  cy.on('mouseover', 'edge', (e) => {
    const p = e.target.renderedMidpoint();
    events.hover({ kind: 'edge', id: e.target.id(), x: p.x, y: p.y });
  });
  cy.on('mouseout', 'node, edge', () => events.hover(null));
}
