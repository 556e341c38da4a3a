import type { Graph } from './graph';

export interface DatabaseHealth {
  version: string;
  edition: string;
  planLoaded: boolean;
  nodes: number;
}

const TIMEOUT = { timeoutMs: 3000 };

/**
 * What /api/health reports about the database: who answers, and whether the plan is in it.
 * The last query reads the plan's nodes and their properties as the data endpoints do, so
 * a cold page cache (just after a start) shows here as it does there.
 */
export async function readDatabaseHealth(graph: Graph): Promise<DatabaseHealth> {
  const [components] = await graph.read(
    `CALL dbms.components() YIELD name, versions, edition
     WHERE name = 'Neo4j Kernel'
     RETURN versions[0] AS version, edition`,
    {},
    TIMEOUT,
  );
  const [counts] = await graph.read(
    `OPTIONAL MATCH (p:Plan) WITH count(p) AS plans
     MATCH (n) RETURN plans, count(n) AS nodes`,
    {},
    TIMEOUT,
  );
  await graph.read(
    `MATCH (p:Plan)-[r]-(n)
     RETURN count(DISTINCT n) AS linked, sum(size(keys(n))) AS properties, count(r.evidence) AS evidence`,
    {},
    TIMEOUT,
  );
  return {
    version: String(components?.version ?? 'unknown'),
    edition: String(components?.edition ?? 'unknown'),
    planLoaded: Number(counts?.plans ?? 0) > 0,
    nodes: Number(counts?.nodes ?? 0),
  };
}
