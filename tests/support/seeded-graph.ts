import type { Connection } from '../../graph/connection';
import { type Graph, openGraph } from '../../graph/graph';
import { loadGraph } from '../../graph/load-graph';
import { readSeedInputs } from '../../scripts/seed-inputs';

/** The test database with the plan loaded (idempotent: a file that changed nothing reloads nothing). */
export async function openSeededGraph(connection: Connection): Promise<Graph> {
  const graph = openGraph(connection);
  const inputs = readSeedInputs();
  await loadGraph(graph, inputs.model, {
    sourceSha256: inputs.sourceSha256,
    fingerprint: inputs.fingerprint,
  });
  return graph;
}
