import type { CanvasContext, LaidOut } from './canvas-context';

/** The canvas follows its box: panes opening or closing, the window resizing. */
export function followResize(
  ctx: CanvasContext,
  actions: {
    layout(name: LaidOut['name'], visible: LaidOut['visible']): void;
    fitView(animate: boolean): void;
  },
): void {
  const { cy, container } = ctx;
  let lastSize = { w: container.clientWidth, h: container.clientHeight };
  let resizeFrame = 0;
  new ResizeObserver(() => {
    window.cancelAnimationFrame(resizeFrame);
    resizeFrame = window.requestAnimationFrame(() => {
      const size = { w: container.clientWidth, h: container.clientHeight };
      const framing = ctx.afterResize;
      ctx.afterResize = null;
      if (!size.w || !size.h || (size.w === lastSize.w && size.h === lastSize.h)) {
        if (framing) {
          // Back to the size it had: Cytoscape may still hold the one in between.
          cy.resize();
          framing();
        }
        return;
      }
      cy.resize();
      if (framing) {
        lastSize = size;
        framing();
        return;
      }
      const last = ctx.lastLayout;
      if ((last?.name === 'underpins' || last?.name === 'clusters') && !ctx.userMoved) {
        // Both are laid out for the canvas's size: a new size, a new arrangement, unless the
        // last one was already laid out (and framed) for this size.
        lastSize = size;
        if (last.size.w !== size.w || last.size.h !== size.h)
          actions.layout(last.name, ctx.shownNow);
        return;
      }
      if (ctx.userMoved) {
        // Keep what the user was looking at in the middle.
        cy.panBy({ x: (size.w - lastSize.w) / 2, y: (size.h - lastSize.h) / 2 });
      } else actions.fitView(false);
      lastSize = size;
    });
  }).observe(container);
}
