import type { Graph } from './graph';

export interface DatabaseHealth {
  version: string;
  edition: string;
  planLoaded: boolean;
  nodes: number;
}

/** What /api/health reports about the database: who answers, and whether the plan is in it. */
export async function readDatabaseHealth(graph: Graph): Promise<DatabaseHealth> {
  const [components] = await graph.read(
    `CALL dbms.components() YIELD name, versions, edition
     WHERE name = 'Neo4j Kernel'
     RETURN versions[0] AS version, edition`,
    {},
    { timeoutMs: 3000 },
  );
  const [counts] = await graph.read(
    `OPTIONAL MATCH (p:Plan) WITH count(p) AS plans
     MATCH (n) RETURN plans, count(n) AS nodes`,
    {},
    { timeoutMs: 3000 },
  );
  return {
    version: String(components?.version ?? 'unknown'),
    edition: String(components?.edition ?? 'unknown'),
    planLoaded: Number(counts?.plans ?? 0) > 0,
    nodes: Number(counts?.nodes ?? 0),
  };
}
