import type { Graph } from '../../graph/graph';
import { loadGraph } from '../../graph/load-graph';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { removeAnalystsData } from './analysts-data';
import { dbFingerprint } from './db-fingerprint';

/** What a database holds, told apart well enough to say what differs. */
interface State {
  /** Every node, relationship and property (tests/support/db-fingerprint.ts). */
  fingerprint: string;
  /** Constraints and indexes, by name (and type, for indexes). */
  schema: string[];
  /** Nodes per label combination. */
  labels: Record<string, number>;
}

/** The database's whole state, as a string (it is handed from the set-up to the files). */
export async function databaseState(graph: Graph): Promise<string> {
  const constraints = await graph.read('SHOW CONSTRAINTS YIELD name RETURN name AS s');
  const indexes = await graph.read("SHOW INDEXES YIELD name, type RETURN name + ' ' + type AS s");
  const labels = await graph.read(
    `MATCH (n) WITH reduce(s = '', l IN labels(n) | s + ':' + l) AS labels
     RETURN labels, count(*) AS n ORDER BY labels`,
  );
  const state: State = {
    // When the default layout was computed: a file that removed it has it computed again.
    fingerprint: await dbFingerprint(graph, ['computed_at']),
    schema: [...constraints, ...indexes].map((row) => String(row.s)).sort(),
    labels: Object.fromEntries(labels.map((row) => [String(row.labels), Number(row.n)])),
  };
  return JSON.stringify(state);
}

/** What `now` has that `then` lacks and the other way round, in words. */
export function stateDifference(then: string, now: string): string {
  const a = JSON.parse(then) as State;
  const b = JSON.parse(now) as State;
  const lines: string[] = [];
  for (const name of b.schema.filter((s) => !a.schema.includes(s))) lines.push(`+ ${name}`);
  for (const name of a.schema.filter((s) => !b.schema.includes(s))) lines.push(`- ${name}`);
  for (const label of new Set([...Object.keys(a.labels), ...Object.keys(b.labels)])) {
    const [x, y] = [a.labels[label] ?? 0, b.labels[label] ?? 0];
    if (x !== y) lines.push(`${label}: ${x} nodes, now ${y}`);
  }
  if (lines.length === 0 && a.fingerprint !== b.fingerprint) {
    lines.push('the same nodes by label, with other properties or relationships');
  }
  return lines.join('; ');
}

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
  if (seeded !== undefined) {
    const left = await databaseState(graph);
    if (left === seeded) return seeded;
    console.log(`[reset] reloading the plan: ${stateDifference(seeded, left)}`);
  }
  const inputs = readSeedInputs();
  await loadGraph(graph, inputs.model, {
    sourceSha256: inputs.sourceSha256,
    fingerprint: inputs.fingerprint,
  });
  const state = await databaseState(graph);
  if (seeded !== undefined && state !== seeded) {
    throw new Error(
      'The shared test database could not be put back to the seeded plan: the file before this one ' +
        'left something that neither removing analysts’ data nor reloading the plan removes. It should ' +
        `remove what it made. Compared with the seeded plan: ${stateDifference(seeded, state)}`,
    );
  }
  return state;
}

/**
 * Removes everything: every node and relationship, every constraint and index but the token
 * lookups Neo4j keeps. For a file that recreates a database from an export in the shared one;
 * resetToSeededPlan() seeds the plan again after it.
 */
export async function emptyDatabase(graph: Graph): Promise<void> {
  const quoted = (name: unknown) => `\`${String(name).replaceAll('`', '``')}\``;
  for (const row of await graph.read('SHOW CONSTRAINTS YIELD name RETURN name'))
    await graph.write(`DROP CONSTRAINT ${quoted(row.name)} IF EXISTS`);
  for (const row of await graph.read(
    "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name",
  ))
    await graph.write(`DROP INDEX ${quoted(row.name)} IF EXISTS`);
  await graph.write('MATCH (n) DETACH DELETE n');
}
