import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Elements } from './elements';

cytoscape.use(fcose);

export type Positions = Record<string, { x: number; y: number }>;

/** Node sizes as the client draws them, so the precomputed layout leaves room for them. */
const SIZE_BY_KIND: Record<string, number> = { Plan: 70, Pillar: 56, Area: 44, Country: 56 };

/** A small seeded generator (mulberry32): the same layout for the same graph, every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The whole plan's default layout, computed once (the server caches it per seeding)
 * instead of making every visitor wait for a force layout. Headless Cytoscape with
 * fcose. fcose draws its starting points from Math.random and offers no seed, so a
 * seeded generator stands in for Math.random while it runs: the same graph always gets
 * the same picture, and a shared link shows what its author saw.
 */
export function defaultLayout(elements: Elements): Positions {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...elements.nodes.map((node) => ({
        data: { id: node.data.id, size: SIZE_BY_KIND[node.data.kind] ?? 32 },
      })),
      ...elements.edges.map((edge) => ({
        data: { id: edge.data.id, source: edge.data.source, target: edge.data.target },
      })),
    ],
    style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
  });
  const random = Math.random;
  Math.random = seededRandom(20221129);
  try {
    cy.layout({
      name: 'fcose',
      animate: false,
      randomize: true,
      // 'proof' refines longer; past a few hundred nodes it costs minutes for little gain.
      quality: elements.nodes.length > 500 ? 'default' : 'proof',
      nodeSeparation: 90,
      idealEdgeLength: 90,
      nodeRepulsion: 9000,
      packComponents: true,
    } as cytoscape.LayoutOptions).run();
    const positions: Positions = {};
    cy.nodes().forEach((node) => {
      const { x, y } = node.position();
      positions[node.id()] = { x: Math.round(x), y: Math.round(y) };
    });
    return positions;
  } finally {
    Math.random = random;
    // A headless instance keeps a timer alive until destroyed.
    cy.destroy();
  }
}
