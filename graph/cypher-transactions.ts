import type { Graph } from './graph';

/**
 * The console's transactions as Neo4j sees them. Every console transaction carries its run's
 * tag in its metadata (tx.getMetaData), so the app can find it in SHOW TRANSACTIONS, end it
 * with TERMINATE TRANSACTIONS and tell when Neo4j has really let it go. These run in the app's
 * own session (its user administers the database), never through the console.
 */
export const RUN_TAG_KEY = 'kizunaConsoleRun';

export interface ConsoleTransaction {
  transactionId: string;
  status: string;
}

const FIND = `SHOW TRANSACTIONS YIELD transactionId, metaData, status
WHERE metaData.${RUN_TAG_KEY} = $tag
RETURN transactionId, status`;

/** The transactions still open for one console run (its EXPLAIN and its query). */
export async function runTransactions(graph: Graph, tag: string): Promise<ConsoleTransaction[]> {
  const rows = await graph.command(FIND, { tag });
  return rows.map((r) => ({ transactionId: String(r.transactionId), status: String(r.status) }));
}

/** Asks Neo4j to end a run's transactions; returns how many it was asked to end. */
export async function terminateRun(graph: Graph, tag: string): Promise<number> {
  const open = await runTransactions(graph, tag);
  if (open.length === 0) return 0;
  await graph.command('TERMINATE TRANSACTIONS $ids', { ids: open.map((t) => t.transactionId) });
  return open.length;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Terminates a run and waits until SHOW TRANSACTIONS no longer lists it, at most maxWaitMs.
 * True when Neo4j says it is gone; false when it is still running (Neo4j checks termination
 * between rows, so one long expression can outlive the request to stop).
 */
export async function endRun(graph: Graph, tag: string, maxWaitMs: number): Promise<boolean> {
  const until = Date.now() + maxWaitMs;
  for (;;) {
    if ((await terminateRun(graph, tag)) === 0) return true;
    if (Date.now() >= until) return false;
    await pause(100);
  }
}
