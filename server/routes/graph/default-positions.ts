import type { Positions } from '../../../core/default-layout';
import type { Graph } from '../../../graph/graph';
import { readDefaultLayout } from '../../../graph/queries/layout-query';
import { readSeedVersion } from '../../../graph/queries/schema-query';

/**
 * Positions of the default layout, which the seeding computed and stored: read once per
 * seeding and shared by every request. A request never runs a layout; when none was
 * stored (or it failed), nodes come without positions and the client places them.
 */
export function defaultPositions(graph: Graph): () => Promise<Positions> {
  let cached: { version: string; positions: Promise<Positions> } | undefined;
  return async () => {
    const version = await readSeedVersion(graph);
    if (cached?.version !== version) {
      const positions = readDefaultLayout(graph).then((layout) => layout?.positions ?? {});
      cached = { version, positions };
      positions.catch(() => {
        if (cached?.positions === positions) cached = undefined;
      });
    }
    return cached.positions;
  };
}
