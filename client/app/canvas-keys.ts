import type cytoscape from 'cytoscape';
import type { Canvas } from '../canvas/canvas';
import {
  ARROW_DIRECTIONS,
  type Direction,
  nearestTo,
  nextInDirection,
} from '../model/keyboard-nav';
import { kindName, t, tf } from '../views/labels';
import { announce } from '../views/live-region';
import type { Explorer } from './explorer';
import { byId } from './page-elements';
import { choose } from './panel-focus';
import { nameOf } from './store';
import { showTooltip } from './tooltip';

export interface CanvasKeys {
  /** Puts the keyboard on the canvas, on node `id` if it is shown (else where it was). */
  focusNode(id: string | null): void;
  /** Follows a new render: the ring moves with its node, or goes when the node does. */
  refresh(): void;
}

const DIRECTION_WORDS = {
  left: 'dirLeft',
  right: 'dirRight',
  up: 'dirUp',
  down: 'dirDown',
} as const satisfies Record<Direction, string>;

/**
 * The canvas by keyboard: the arrow keys move a ring from node to node (the neighbour the
 * arrow points at, by where the nodes are drawn: model/keyboard-nav.ts), Enter opens the ringed
 * node's panel. The ring is drawn over the canvas, like the page's own focus ring, and the
 * node is named in a live region and in its tooltip. Shift and an arrow still pan (viewport.ts).
 */
export function mountCanvasKeys(canvas: Canvas, appOf: () => Explorer): CanvasKeys {
  const { cy } = canvas;
  const container = byId('cy');
  const ring = byId('key-ring');
  const live = byId('canvas-live');
  let current: string | null = null;
  let lastSelected: string | null = null;

  const shownNode = (id: string | null): cytoscape.NodeSingular | null => {
    if (!id) return null;
    const node = cy.getElementById(id);
    return node.nonempty() && !node.hasClass('gone') ? node : null;
  };
  const placed = (n: cytoscape.NodeSingular) => ({ id: n.id(), ...n.position() });
  // A ring for the keyboard only: a click on the canvas focuses it too, but shows no ring.
  const keyboardOnCanvas = () =>
    document.activeElement === container && container.matches(':focus-visible');

  function drawRing(): void {
    const node = shownNode(current);
    if (!node || !keyboardOnCanvas()) {
      ring.hidden = true;
      return;
    }
    const b = node.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
    ring.style.left = `${b.x1 - 5}px`;
    ring.style.top = `${b.y1 - 5}px`;
    ring.style.width = `${b.w + 10}px`;
    ring.style.height = `${b.h + 10}px`;
    ring.hidden = false;
  }

  function tell(id: string): void {
    const app = appOf();
    const { store } = app;
    const lang = store.state.lang;
    const node = shownNode(id);
    if (!node) return;
    const data = store.nodeIndex.get(id);
    const ref = typeof data?.ref === 'string' ? ` ${data.ref}` : '';
    const connections = node.connectedEdges().filter((e) => !e.hasClass('gone')).length;
    announce(
      tf(lang, 'keyNode', {
        kind: `${kindName(data?.kind ?? String(node.data('kind')), lang)}${ref}`,
        name: nameOf(store, id),
        n: connections,
      }),
      live,
    );
    const at = node.renderedPosition();
    showTooltip(app, { kind: 'node', id, x: at.x, y: at.y });
  }

  function moveTo(id: string): void {
    current = id;
    canvas.reveal(id);
    drawRing();
    tell(id);
  }

  /** Where the keyboard starts: the chosen node if shown, else the node nearest the middle of the view. */
  function start(): string | null {
    const selected = appOf().store.state.selected;
    if (shownNode(selected)) return selected;
    const box = cy.extent();
    const shown = cy.nodes().filter((n) => !n.hasClass('gone'));
    return nearestTo({ x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 }, shown.map(placed));
  }

  function step(dir: Direction): void {
    const lang = appOf().store.state.lang;
    const from = shownNode(current);
    if (!from) {
      const first = start();
      if (first) moveTo(first);
      else announce(t(lang, 'keyNothingShown'), live);
      return;
    }
    const neighbours = from
      .connectedEdges()
      .filter((e) => !e.hasClass('gone'))
      .connectedNodes()
      .not(from);
    const shown = cy.nodes().filter((n) => !n.hasClass('gone'));
    const next = nextInDirection(placed(from), neighbours.map(placed), shown.map(placed), dir);
    if (next) moveTo(next);
    else announce(tf(lang, 'keyNoneThatWay', { dir: t(lang, DIRECTION_WORDS[dir]) }), live);
  }

  container.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const dir = ARROW_DIRECTIONS[e.key];
    if (dir) {
      e.preventDefault();
      step(dir);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (shownNode(current) && current) choose(appOf(), current);
      else {
        const first = start();
        if (first) moveTo(first);
      }
    }
  });
  container.addEventListener('focus', () => {
    if (!shownNode(current)) {
      const selected = appOf().store.state.selected;
      current = shownNode(selected) ? selected : null;
    }
    drawRing();
    if (current && keyboardOnCanvas()) tell(current);
  });
  container.addEventListener('blur', () => {
    ring.hidden = true;
    showTooltip(appOf(), null);
  });
  // Every frame drawn (a pan, a zoom, a layout's move) takes the ring along; nothing to do unfocused.
  cy.on('render', drawRing);

  return {
    focusNode(id) {
      if (shownNode(id)) current = id;
      if (document.activeElement === container) {
        drawRing();
        if (current) tell(current);
      } else container.focus();
    },
    refresh() {
      // A node chosen by any means (a click, the search box, a list) is where the arrows go on from.
      const selected = appOf().store.state.selected;
      if (selected !== lastSelected) {
        lastSelected = selected;
        if (shownNode(selected)) current = selected;
      }
      drawRing();
    },
  };
}
