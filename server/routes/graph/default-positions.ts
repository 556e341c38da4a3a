import { defaultLayout, type Positions } from '../../../core/default-layout';
import type { Graph } from '../../../graph/graph';
import { readSeedVersion } from '../../../graph/queries/schema-query';
import { readView } from '../../../graph/queries/view-query';
import { NODE_LABELS } from '../../../seed/graph-model';

/** The client's first view: everything but the theme tags, which would pull every commitment together. */
export const DEFAULT_VIEW_KINDS = NODE_LABELS.filter((label) => label !== 'Theme');

/**
 * Positions of the whole plan's default layout, computed once per seeding and shared by
 * every request, so no visitor waits for a force layout.
 */
export function defaultPositions(graph: Graph): () => Promise<Positions> {
  let cached: { version: string; positions: Promise<Positions> } | undefined;
  return async () => {
    const version = await readSeedVersion(graph);
    if (cached?.version !== version) {
      const positions = readView(graph, { kinds: [...DEFAULT_VIEW_KINDS], limit: 100_000 }).then(
        (view) => defaultLayout(view.elements),
      );
      cached = { version, positions };
      positions.catch(() => {
        if (cached?.positions === positions) cached = undefined;
      });
    }
    return cached.positions;
  };
}
