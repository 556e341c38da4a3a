import { RUN_TAG_KEY } from '../../graph/cypher-transactions';
import type { Graph } from '../../graph/graph';

/**
 * The console's transactions still open in Neo4j, told apart by the tag in their metadata.
 * A run opens two in turn: the plan check (EXPLAIN, open for some tens of milliseconds) and then
 * the query itself; each is listed with an empty query before and after its statement. A test
 * that waits for a query to be running must not take the first for the second, so `running`
 * keeps only transactions whose statement is under way and is not a plan check.
 */
export async function consoleTransactions(
  graph: Graph,
  { running = false }: { running?: boolean } = {},
): Promise<string[]> {
  const rows = await graph.read(
    `SHOW TRANSACTIONS YIELD transactionId, metaData, currentQuery
     WHERE metaData[$tagKey] IS NOT NULL
       AND (NOT $running OR (trim(currentQuery) <> '' AND NOT trim(currentQuery) STARTS WITH 'EXPLAIN'))
     RETURN transactionId`,
    { tagKey: RUN_TAG_KEY, running },
  );
  return rows.map((r) => String(r.transactionId));
}

/** Waits (up to 10 s) until at least `count` console queries are past their plan check and running. */
export async function waitForRunningConsoleQueries(graph: Graph, count: number): Promise<number> {
  let seen = 0;
  for (let i = 0; i < 100; i++) {
    seen = (await consoleTransactions(graph, { running: true })).length;
    if (seen >= count) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return seen;
}
