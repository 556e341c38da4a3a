import type { Connection } from '../../graph/connection';
import { type Graph, openGraph } from '../../graph/graph';
import { loadedFingerprint, loadGraph } from '../../graph/load-graph';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { freePort } from './throwaway-neo4j';

/**
 * The test database with the plan loaded. The run's set-up seeds it and each file starts from
 * that (tests/support/serial-file.ts), so this loads only when the plan is not current, as when
 * a file runs against a database of its own.
 */
export async function openSeededGraph(connection: Connection): Promise<Graph> {
  const graph = openGraph(connection);
  const inputs = readSeedInputs();
  if ((await loadedFingerprint(graph, inputs.plan.id)) === inputs.fingerprint) return graph;
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
