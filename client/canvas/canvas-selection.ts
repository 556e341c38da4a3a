import type { CanvasContext } from './canvas-context';

export interface CanvasSelection {
  /** Ids of the nodes selected on the canvas. */
  selection(): string[];
  clearSelection(): void;
}

/** Choosing nodes: a tap chooses one, shift-click or a shift-drawn box selects several, a double tap expands. */
export function createCanvasSelection(ctx: CanvasContext): CanvasSelection {
  const { cy, events } = ctx;
  cy.on('tap', 'node', (e) => {
    const shift = (e.originalEvent as MouseEvent | undefined)?.shiftKey;
    if (shift) return;
    cy.nodes(':selected').not(e.target).unselect();
    events.select(e.target.id());
  });
  cy.on('tap', (e) => {
    if (e.target === cy) {
      cy.nodes(':selected').unselect();
      events.select(null);
    }
  });
  let selectionTimer = 0;
  cy.on('select unselect', 'node', () => {
    window.cancelAnimationFrame(selectionTimer);
    selectionTimer = window.requestAnimationFrame(() => events.selectionChanged());
  });
  cy.on('dbltap', 'node', (e) => events.expand(e.target.id()));

  return {
    selection: () => cy.nodes(':selected').map((n) => n.id()),
    clearSelection: () => {
      cy.nodes(':selected').unselect();
    },
  };
}
