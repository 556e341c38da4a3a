import { createHash } from 'node:crypto';
import type { Graph } from '../../graph/graph';
import { loadGraph } from '../../graph/load-graph';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { removeAnalystsData } from './analysts-data';
import { dbFingerprint } from './db-fingerprint';

/**
 * The state every file that shares the run's one Neo4j starts from: the plan freshly seeded,
 * no analysts' data (events, users, sessions, audit) and none of their constraints or indexes.
 * `seeded` is databaseState() of that state, taken once at set-up; returns the state reached.
 */
export async function resetToSeededPlan(graph: Graph, seeded?: string): Promise<string> {
  await removeAnalystsData(graph);
  // Usually that is all a file changed; the state says whether the plan needs loading again
  // (a file may have reloaded it, changed plan nodes or the stored layout, or left a load
  // half-done), which costs seconds rather than milliseconds.
  if (seeded !== undefined && (await databaseState(graph)) === seeded) return seeded;
  const inputs = readSeedInputs();
  await loadGraph(graph, inputs.model, {
    sourceSha256: inputs.sourceSha256,
    fingerprint: inputs.fingerprint,
  });
  const state = await databaseState(graph);
  if (seeded !== undefined && state !== seeded) {
    throw new Error(
      'The shared test database could not be put back to the seeded plan: a file before this one ' +
        'left something behind that neither removing analysts’ data nor reloading the plan removes ' +
        '(a constraint or index of its own?). It should remove what it made.',
    );
  }
  return state;
}

/** Every node, relationship, property, constraint and index: equal states, equal strings. */
export async function databaseState(graph: Graph): Promise<string> {
  const constraints = await graph.read('SHOW CONSTRAINTS YIELD name RETURN name AS s');
  const indexes = await graph.read("SHOW INDEXES YIELD name, type RETURN name + ' ' + type AS s");
  const names = [...constraints, ...indexes].map((row) => String(row.s)).sort();
  return createHash('sha256')
    .update(JSON.stringify([await dbFingerprint(graph), names]))
    .digest('hex');
}
