import type cytoscape from 'cytoscape';
import { frameWithLabels } from '../model/label-fit';
import type { CanvasContext } from './canvas-context';
import type { CanvasLabels } from './canvas-labels';

export interface Viewport {
  zoomBy(factor: number): void;
  /** Frames everything shown, and forgets that the user had zoomed. */
  fitView(animate: boolean): void;
  /** Frames these nodes (a selection, say). */
  fitTo(ids: string[]): void;
  /** Brings a node into view if it is outside it, without changing the zoom. */
  reveal(id: string): void;
  /** Frames a chosen node and its shown neighbours, never closer than the user chose to be. */
  frameAround(id: string): void;
}

/** Fits never zoom in further than this, so a handful of nodes is not blown up. */
const MAX_FIT_ZOOM = 1.6;
const PADDING = 24;

/** Zoom, pan and framing, by pointer, keyboard or the page's buttons. */
export function createViewport(ctx: CanvasContext, labels: CanvasLabels): Viewport {
  const { cy, container } = ctx;

  /** The zoom the user chose (wheel, pinch, buttons, keys, or a drag at it); null after a fit. */
  let userZoom: number | null = null;
  cy.on('scrollzoom pinchzoom dragpan', () => {
    ctx.userMoved = true;
    userZoom = cy.zoom();
  });

  /** Where the zoom animation under way is heading: a click during it steps on from there. */
  let zoomGoal: number | null = null;
  function zoomBy(factor: number): void {
    ctx.userMoved = true;
    // Three quick clicks zoom three steps, not three steps from wherever the animation was.
    const from = cy.animated() && zoomGoal !== null ? zoomGoal : cy.zoom();
    const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), from * factor));
    cy.stop();
    zoomGoal = level;
    userZoom = level;
    cy.animate(
      { zoom: { level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } } },
      { duration: 150 },
    );
  }

  /** The pan that puts `centre` (in the graph's coordinates) in the middle of the canvas at `zoom`, below its top inset. */
  const panFor = (zoom: number, centre: { x: number; y: number }) => ({
    x: cy.width() / 2 - zoom * centre.x,
    y: (cy.height() + ctx.insetTop) / 2 - zoom * centre.y,
  });

  const inView = (eles: cytoscape.Collection) => {
    const box = eles.renderedBoundingBox({ includeLabels: false });
    return box.x1 >= 0 && box.y1 >= 0 && box.x2 <= cy.width() && box.y2 <= cy.height();
  };

  /**
   * The zoom and pan that frame these elements, never zoomed in beyond MAX_FIT_ZOOM. In the
   * decluttered layouts, the labels drawn at the chosen zoom are framed too (label-fit.ts).
   */
  function framing(eles: cytoscape.Collection) {
    ctx.settleLabels();
    const w = cy.width();
    const h = cy.height();
    const zoomFor = (bw: number, bh: number) =>
      Math.max(
        cy.minZoom(),
        Math.min(
          MAX_FIT_ZOOM,
          (w - 2 * PADDING) / Math.max(bw, 1),
          (h - 2 * PADDING - ctx.insetTop) / Math.max(bh, 1),
        ),
      );
    let zoom: number;
    let bb: { x1: number; y1: number; x2: number; y2: number };
    if (labels.decluttered()) {
      ({ zoom, box: bb } = frameWithLabels(
        eles.boundingBox({ includeLabels: false }),
        labels.thresholdLabels(eles.nodes()),
        zoomFor,
      ));
    } else {
      bb = eles.boundingBox({});
      zoom = zoomFor(bb.x2 - bb.x1, bb.y2 - bb.y1);
    }
    const centre = { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
    return { zoom, pan: panFor(zoom, centre), centre };
  }

  function frame(
    eles: cytoscape.Collection,
    animate: boolean,
    goal?: { zoom: number; pan: { x: number; y: number } },
  ): void {
    if (eles.empty() || !cy.width() || !cy.height()) return;
    cy.stop();
    const target = goal ?? framing(eles);
    // Already framed so: no animation, whose every frame would redraw the whole picture.
    const pan = cy.pan();
    if (
      Math.abs(target.zoom - cy.zoom()) < 1e-3 * target.zoom &&
      Math.abs(target.pan.x - pan.x) < 0.5 &&
      Math.abs(target.pan.y - pan.y) < 0.5
    )
      return;
    if (animate) cy.animate(target, { duration: 250, easing: 'ease-out-cubic' });
    else cy.viewport(target);
  }

  function fitView(animate: boolean): void {
    // A newer framing than one still waiting for the canvas's new size: that one is dropped,
    // or the resize would frame the node chosen before, leaving the rest outside.
    ctx.afterResize = null;
    ctx.userMoved = false;
    userZoom = null;
    frame(cy.nodes().not('.gone'), animate);
  }

  /**
   * A chosen node is framed with its shown neighbours, so what it connects to is in sight.
   * The rule for the zoom: the one that fits them (never above MAX_FIT_ZOOM), but never closer
   * than the user's own zoom when they zoomed or panned on purpose since the last fit; they
   * zoomed out to see more, and choosing a node does not take that away. It does zoom out
   * when the neighbourhood would not fit otherwise. When the user's view already shows the
   * whole neighbourhood at that zoom, the view is left alone rather than moved for nothing.
   */
  function frameAround(id: string): void {
    const node = cy.getElementById(id);
    if (node.empty() || node.hasClass('gone')) return;
    // The view is the app's choice now, not a fit of everything: a resize keeps it in the middle.
    ctx.userMoved = true;
    // The panel beside or below the canvas may have just opened: frame for the size it leaves.
    if (container.clientWidth !== cy.width() || container.clientHeight !== cy.height()) {
      ctx.afterResize = () => frameAround(id);
      return;
    }
    if (!cy.width() || !cy.height()) return;
    const around = node.closedNeighborhood().filter((e) => !e.hasClass('gone'));
    const fit = framing(around);
    const zoom = userZoom === null ? fit.zoom : Math.min(fit.zoom, userZoom);
    if (userZoom !== null && Math.abs(zoom - cy.zoom()) < 1e-3 * zoom && inView(around)) return;
    frame(around, true, { zoom, pan: panFor(zoom, fit.centre) });
  }

  // Keyboard: Shift and an arrow pan (plain arrows move between nodes: client/app/canvas-keys.ts),
  // + and - zoom, 0 fits.
  container.tabIndex = 0;
  container.addEventListener('keydown', (e) => {
    const step = 60;
    const pans: Record<string, { x: number; y: number }> = {
      ArrowLeft: { x: step, y: 0 },
      ArrowRight: { x: -step, y: 0 },
      ArrowUp: { x: 0, y: step },
      ArrowDown: { x: 0, y: -step },
    };
    const pan = e.shiftKey ? pans[e.key] : undefined;
    if (pan) {
      ctx.userMoved = true;
      userZoom = cy.zoom();
      cy.panBy(pan);
    } else if (e.key === '+' || e.key === '=') zoomBy(1.25);
    else if (e.key === '-' || e.key === '_') zoomBy(0.8);
    else if (e.key === '0') fitView(true);
    else return;
    e.preventDefault();
  });

  return {
    zoomBy,
    fitView,
    frameAround,
    fitTo(ids) {
      const nodes = cy.nodes().filter((n) => ids.includes(n.id()));
      ctx.userMoved = true;
      frame(nodes, true);
    },
    reveal(id) {
      const node = cy.getElementById(id);
      if (node.empty() || node.hasClass('gone')) return;
      ctx.settleLabels();
      const box = node.renderedBoundingBox({});
      if (box.x1 >= 0 && box.y1 >= 0 && box.x2 <= cy.width() && box.y2 <= cy.height()) return;
      cy.stop();
      cy.animate({ center: { eles: node } }, { duration: 250 });
    },
  };
}
