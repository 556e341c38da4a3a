import {
  CONSOLE_LIMITS,
  type ConsoleOutcome,
  type ConsoleResult,
  runResearchQuery,
} from '../../../graph/cypher-console';
import { type Refusal, type RefusalCode, timeoutRefused } from '../../../graph/cypher-policy';
import type { Graph } from '../../../graph/graph';
import { HttpProblem } from '../../http/problem';
import type { CypherBody } from './cypher.schema';

/** Console queries running at once; one more is told to come back (503). */
const MAX_RUNNING = 4;
/** How long past Neo4j's own timeout the answer waits for Neo4j to say it stopped. */
const GRACE_MS = 2_500;

const TITLES: Partial<Record<RefusalCode, string>> = {
  timeout: 'Query stopped',
  memory: 'Query stopped',
  failed: 'Query failed',
};

function refusalProblem(refusal: Refusal): HttpProblem {
  return new HttpProblem(422, TITLES[refusal.code] ?? 'Query refused', refusal.detail, {
    code: refusal.code,
    ...(refusal.position && { position: refusal.position }),
  });
}

/**
 * The console's HTTP side. Neo4j checks its timeout between rows, so one long expression
 * (a quadratic reduce()) runs past it. The answer does not wait for that: after the timeout
 * and a grace period it says the query was stopped, while the query keeps its slot until Neo4j
 * is really done, so no more than MAX_RUNNING of them hold the database's CPU at once.
 */
export function cypherService(graph: Graph) {
  let running = 0;
  return async function runQuery(body: CypherBody): Promise<ConsoleResult> {
    if (running >= MAX_RUNNING) {
      throw new HttpProblem(
        503,
        'Console busy',
        `The console is already running ${MAX_RUNNING} queries; try again in a few seconds.`,
      );
    }
    running++;
    const work = runResearchQuery(graph, body).finally(() => {
      running--;
    });
    // When the deadline wins, nobody awaits the query any more; a late failure must not go unhandled.
    work.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<ConsoleOutcome>((resolve) => {
      timer = setTimeout(
        () => resolve({ ok: false, refusal: timeoutRefused(CONSOLE_LIMITS.timeoutMs) }),
        CONSOLE_LIMITS.timeoutMs + GRACE_MS,
      );
    });
    try {
      const outcome = await Promise.race([work, deadline]);
      if (!outcome.ok) throw refusalProblem(outcome.refusal);
      return outcome.result;
    } finally {
      clearTimeout(timer);
    }
  };
}
