import type { Connection } from '../../graph/connection';
import { type Graph, openGraph } from '../../graph/graph';
import { loadGraph } from '../../graph/load-graph';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { freePort } from '../integration/global-setup';

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

/** A closed port on this machine, for the connection details of a database that is down. */
export async function unreachableConnection(): Promise<Connection> {
  return {
    uri: `bolt://127.0.0.1:${await freePort()}`,
    user: 'neo4j',
    password: 'x',
    database: 'neo4j',
  };
}

/** A Graph whose database is down: every call fails as an unreachable database does. */
export async function openUnreachableGraph(): Promise<Graph> {
  return openGraph(await unreachableConnection());
}
