import { centrality, type Scores } from '../model/centrality';
import type { Metric } from '../model/state';
import type { Visible } from '../model/visibility';
import type { CanvasContext } from './canvas-context';

export interface CanvasScores {
  /** Notes what is shown; the scores are computed again only when that changed. */
  show(visible: Visible): void;
  /** Degree, betweenness and PageRank of every shown node, computed once per change of what is shown. */
  scores(): Map<string, Scores>;
  /** Node sizes by a measure (none for 'none'): the highest-scoring node the biggest. */
  sizes(metric: Metric): Map<string, number>;
}

export function createCanvasScores(ctx: CanvasContext): CanvasScores {
  const { cy } = ctx;
  let shownKey = '';
  let cachedScores: Map<string, Scores> | null = null;

  function scores(): Map<string, Scores> {
    if (cachedScores) return cachedScores;
    const edges: { source: string; target: string }[] = [];
    for (const id of ctx.shownNow.edges) {
      const e = cy.getElementById(id);
      if (e.nonempty()) edges.push({ source: e.data('source'), target: e.data('target') });
    }
    cachedScores = centrality(
      [...ctx.shownNow.nodes].filter((id) => cy.getElementById(id).nonempty()),
      edges,
    );
    return cachedScores;
  }

  return {
    show(visible) {
      const key = `${[...visible.nodes].sort().join(',')}|${[...visible.edges].sort().join(',')}`;
      if (key !== shownKey) {
        shownKey = key;
        ctx.shownNow = visible;
        cachedScores = null;
      }
    },
    scores,
    sizes(metric) {
      const out = new Map<string, number>();
      if (metric === 'none') return out;
      const all = scores();
      const values = [...all.values()].map((s) => s[metric]);
      const max = Math.max(...values, 1e-9);
      for (const [id, s] of all) out.set(id, 18 + 62 * Math.sqrt(s[metric] / max));
      return out;
    },
  };
}
