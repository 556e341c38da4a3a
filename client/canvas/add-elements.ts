import type cytoscape from 'cytoscape';
import type { Elements } from '../api';
import { baseSize } from '../model/node-sizes';
import type { CanvasContext } from './canvas-context';

/** Adds elements not yet on the canvas; new nodes start around `around` (the node expanded) or their neighbours. */
export function addElements(ctx: CanvasContext, elements: Elements, around?: string): void {
  const { cy } = ctx;
  const fresh = elements.nodes.filter((n) => cy.getElementById(n.data.id).empty());
  cy.batch(() => {
    cy.add(
      fresh.map((n) => {
        // Copies: Cytoscape keeps the object it is given as the node's live position, so
        // every later layout wrote its places into the stored default ones (the overview
        // then showed whichever layout ran last, when its worker answered in time).
        if (n.position) ctx.defaultPositions[n.data.id] = { ...n.position };
        return {
          group: 'nodes' as const,
          data: { ...n.data, size: baseSize(n.data.kind), label: n.data.name_en },
          position: n.position && { ...n.position },
        };
      }),
    );
    // One edge per pair and type: a second mention of the same relationship is not drawn again.
    const drawn = new Set(
      cy.edges().map((e) => `${e.data('source')}|${e.data('type')}|${e.data('target')}`),
    );
    cy.add(
      elements.edges
        .filter((e) => {
          const key = `${e.data.source}|${e.data.type}|${e.data.target}`;
          if (drawn.has(key) || cy.getElementById(e.data.id).nonempty()) return false;
          drawn.add(key);
          return true;
        })
        .map((e) => ({ group: 'edges' as const, data: { ...e.data, label: e.data.type } })),
    );
    markParallelEdges(cy);
  });
  // Nodes without a precomputed place go in a ring around the node they were expanded from.
  const unplaced = fresh.filter((n) => !n.position);
  const source = around ? cy.getElementById(around) : null;
  unplaced.forEach((n, i) => {
    const node = cy.getElementById(n.data.id);
    let centre = source?.nonempty() ? source.position() : null;
    if (!centre) {
      const placed = node.neighborhood().nodes().not(node);
      if (placed.empty()) return;
      // The middle of their places, not of their drawn box: that box needed every
      // neighbour's style and label measured, a third of the first load's adding.
      const xs = placed.nodes().map((p) => p.position('x'));
      const ys = placed.nodes().map((p) => p.position('y'));
      centre = {
        x: (Math.min(...xs) + Math.max(...xs)) / 2,
        y: (Math.min(...ys) + Math.max(...ys)) / 2,
      };
    }
    const radius = 90 + unplaced.length * 6;
    const angle = (2 * Math.PI * i) / Math.max(unplaced.length, 1);
    node.position({
      x: centre.x + radius * Math.cos(angle),
      y: centre.y + radius * Math.sin(angle),
    });
  });
}

/** Edges sharing their two ends (either way round, or a loop) are drawn as curves, apart. */
function markParallelEdges(cy: cytoscape.Core): void {
  const pairs = new Map<string, cytoscape.EdgeSingular[]>();
  cy.edges().forEach((edge) => {
    const [a, b] = [edge.data('source') as string, edge.data('target') as string].sort();
    const key = `${a}|${b}`;
    const list = pairs.get(key);
    if (list) list.push(edge);
    else pairs.set(key, [edge]);
  });
  for (const edges of pairs.values()) {
    const parallel = edges.length > 1 || edges[0]!.data('source') === edges[0]!.data('target');
    for (const edge of edges)
      if (Boolean(edge.data('parallel')) !== parallel) edge.data('parallel', parallel);
  }
}
