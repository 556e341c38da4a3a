import type { Graph } from './graph';

export interface DatabaseIdentity {
  version: string;
  edition: string;
}

export interface PlanHealth {
  planLoaded: boolean;
  nodes: number;
}

export type DatabaseHealth = DatabaseIdentity & PlanHealth;

const TIMEOUT = { timeoutMs: 3000 };

/** Who answers: the first thing /api/health asks, and what tells "down" from "slow". */
export async function readDatabaseIdentity(graph: Graph): Promise<DatabaseIdentity> {
  const [components] = await graph.read(
    `CALL dbms.components() YIELD name, versions, edition
     WHERE name = 'Neo4j Kernel'
     RETURN versions[0] AS version, edition`,
    {},
    TIMEOUT,
  );
  return {
    version: String(components?.version ?? 'unknown'),
    edition: String(components?.edition ?? 'unknown'),
  };
}

/**
 * Whether the plan is in the database. The last query reads the plan's nodes and their
 * properties as the data endpoints do, so a cold page cache (just after a start) shows
 * here as it does there.
 */
export async function readPlanHealth(graph: Graph): Promise<PlanHealth> {
  // One query, one round trip: health is polled, and each trip waits its turn on a busy box.
  const [counts] = await graph.read(
    `OPTIONAL MATCH (p:Plan) WITH count(p) AS plans
     CALL () { MATCH (n) RETURN count(n) AS nodes }
     CALL () {
       MATCH (:Plan)-[r]-(n)
       RETURN count(DISTINCT n) AS linked, sum(size(keys(n))) AS properties, count(r.evidence) AS evidence
     }
     RETURN plans, nodes, linked`,
    {},
    TIMEOUT,
  );
  return {
    planLoaded: Number(counts?.plans ?? 0) > 0,
    nodes: Number(counts?.nodes ?? 0),
  };
}

/** What /api/health reports about the database: who answers, and whether the plan is in it. */
export async function readDatabaseHealth(graph: Graph): Promise<DatabaseHealth> {
  return { ...(await readDatabaseIdentity(graph)), ...(await readPlanHealth(graph)) };
}
