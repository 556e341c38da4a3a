import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { centrality } from '../../client/model/centrality';

/** A seeded random simple graph: `n` nodes, `m` edges, no pair joined twice. */
function randomGraph(n: number, m: number, seed: number) {
  let x = seed;
  const random = () => {
    x = (x * 16807) % 2147483647;
    return x / 2147483647;
  };
  const ids = Array.from({ length: n }, (_, i) => `n${i}`);
  const edges: { source: string; target: string }[] = [];
  const pairs = new Set<string>();
  while (edges.length < m) {
    const a = ids[Math.floor(random() * n)]!;
    const b = ids[Math.floor(random() * n)]!;
    if (a === b || pairs.has(`${a}|${b}`) || pairs.has(`${b}|${a}`)) continue;
    pairs.add(`${a}|${b}`);
    edges.push({ source: a, target: b });
  }
  return { ids, edges };
}

describe('centrality', () => {
  it('scores a path a–b–c: b lies on the one path between a and c', () => {
    const s = centrality(
      ['a', 'b', 'c'],
      [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
      ],
    );
    expect(s.get('b')).toMatchObject({ degree: 2, betweenness: 1 });
    expect(s.get('a')).toMatchObject({ degree: 1, betweenness: 0 });
    const total = [...s.values()].reduce((sum, v) => sum + v.pagerank, 0);
    expect(total).toBeCloseTo(1, 6);
  });

  it("agrees with Cytoscape's own betweenness and degree on a random graph", () => {
    const { ids, edges } = randomGraph(60, 150, 11);
    const cy = cytoscape({
      headless: true,
      elements: [
        ...ids.map((id) => ({ data: { id } })),
        ...edges.map((e, i) => ({ data: { id: `e${i}`, ...e } })),
      ],
    });
    const reference = cy.elements().betweennessCentrality({ directed: false });
    const ours = centrality(ids, edges);
    for (const id of ids) {
      // Cytoscape counts each undirected pair from both ends; ours counts it once.
      expect(2 * ours.get(id)!.betweenness).toBeCloseTo(reference.betweenness(cy.$id(id)), 6);
      expect(ours.get(id)!.degree).toBe(cy.$id(id).degree(false));
    }
    cy.destroy();
  });
});
