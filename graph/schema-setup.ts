import { FULLTEXT, GRAPH_SCHEMA, SHARED_LABEL, schemaCommand } from '../core/formats/graph-schema';
import type { Graph } from './graph';

/** Full-text indexes: names, aliases and texts; Japanese through the cjk analyzer. */
export const FULLTEXT_INDEXES = FULLTEXT;

/**
 * The plan's constraints and indexes, as core/formats/graph-schema.ts declares them once
 * (the Cypher-script export and the console's copy make the same), and the loader's own
 * staging index. Schema commands cannot share a transaction with data writes, so this runs
 * before the load; every command is IF NOT EXISTS and so idempotent.
 */
export async function ensureSchema(graph: Graph): Promise<void> {
  // The kind labels' constraints before the shared label's: labels(n) lists labels in the
  // order the database first saw them, so in a fresh database labels(n)[0] stays the kind
  // (Agency, not Entity).
  const sharedLast = [...GRAPH_SCHEMA].sort(
    (a, b) =>
      Number(a.kind === 'unique' && a.label === SHARED_LABEL) -
      Number(b.kind === 'unique' && b.label === SHARED_LABEL),
  );
  for (const item of sharedLast) await graph.write(schemaCommand(item));
  // The loader finds its staging nodes by load token and id (see load-graph.ts).
  await graph.write(
    'CREATE INDEX kizuna_staging_load_id IF NOT EXISTS FOR (n:KizunaStaging) ON (n.load, n.id)',
  );
  await graph.write('CALL db.awaitIndexes(60)');
}
