import neo4j, {
  type ManagedTransaction,
  Neo4jError,
  type Notification,
  type Result,
  type Session,
} from 'neo4j-driver';
import { refusalForFailure } from './cypher-errors';
import { planRefusal } from './cypher-plan-guards';
import type { Refusal, SourcePosition } from './cypher-policy';
import { type RequestLimits, type ResearchRequest, requestRefusal } from './cypher-request-guards';
import { type Graph, isUnavailable, type Params, type Row, toParams } from './graph';
import { toPlain } from './to-plain';

export interface ConsoleLimits extends RequestLimits {
  /** Server-side: Neo4j stops the transaction after this long (the transaction config's timeout). */
  timeoutMs: number;
  maxRows: number;
  /** Rows stop being read once their JSON passes this many characters. */
  maxResultChars: number;
}

export const CONSOLE_LIMITS: ConsoleLimits = {
  maxQueryChars: 20_000,
  maxParamsChars: 65_536,
  maxParamsDepth: 16,
  timeoutMs: 10_000,
  maxRows: 1_000,
  maxResultChars: 5_000_000,
};

export interface ConsoleNotification {
  code: string;
  title: string;
  description: string;
  severity: string;
  position?: SourcePosition;
}

export interface ConsoleResult {
  columns: string[];
  /** One object per row; nodes, relationships and paths keep elementIds, labels or type, and properties. */
  rows: Row[];
  truncated: boolean;
  truncatedBy: 'rows' | 'size' | null;
  limits: { maxRows: number; maxResultChars: number; timeoutMs: number };
  elapsedMs: number;
  notifications: ConsoleNotification[];
}

export type ConsoleOutcome = { ok: true; result: ConsoleResult } | { ok: false; refusal: Refusal };

const EXPLAIN = 'EXPLAIN ';

/**
 * Carries a failure out of executeRead as it is. The driver retries transient errors, and a
 * query that ran out of memory or time would only do so again, holding the database meanwhile.
 */
class FinalFailure extends Error {
  constructor(readonly failure: unknown) {
    super('A console query failed.');
  }
}

async function readOnce<T>(
  session: Session,
  work: (tx: ManagedTransaction) => Promise<T>,
  timeoutMs: number,
): Promise<T> {
  try {
    return await session.executeRead(
      async (tx) => {
        try {
          return await work(tx);
        } catch (error) {
          throw new FinalFailure(error);
        }
      },
      { timeout: timeoutMs },
    );
  } catch (error) {
    throw error instanceof FinalFailure ? error.failure : error;
  }
}

function toNotification(notification: Notification): ConsoleNotification {
  const { code, title, description, rawSeverityLevel, position } = notification;
  const at =
    'line' in position && position.line !== undefined
      ? { line: position.line, column: position.column ?? 0, offset: position.offset ?? 0 }
      : undefined;
  return { code, title, description, severity: rawSeverityLevel, ...(at && { position: at }) };
}

/** Reads at most maxRows + 1 records (the session's fetch size), then lets the rest go. */
async function readRows(result: Result, limits: ConsoleLimits) {
  const columns = await result.keys();
  const rows: Row[] = [];
  let chars = 0;
  let truncatedBy: ConsoleResult['truncatedBy'] = null;
  for await (const record of result) {
    if (rows.length === limits.maxRows) {
      truncatedBy = 'rows';
      break;
    }
    const row = toPlain(record.toObject()) as Row;
    chars += JSON.stringify(row).length;
    if (chars > limits.maxResultChars) {
      truncatedBy = 'size';
      break;
    }
    rows.push(row);
  }
  // After a break this discards the remaining records on the server instead of streaming them.
  const summary = await result.summary();
  return { columns, rows, truncatedBy, notifications: summary.notifications.map(toNotification) };
}

async function inReadSession<T>(
  graph: Graph,
  limits: ConsoleLimits,
  work: (session: Session) => Promise<T>,
): Promise<T> {
  const session = graph.driver.session({
    database: graph.database,
    defaultAccessMode: neo4j.session.READ,
    fetchSize: limits.maxRows + 1,
  });
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}

/** The refusal for a failure that is the query's doing; anything else (a database that is down) is thrown on. */
function refusalFor(
  error: unknown,
  query: string,
  prefixLength: number,
  limits: ConsoleLimits,
): Refusal {
  if (!(error instanceof Neo4jError) || isUnavailable(error)) throw error;
  const refusal = refusalForFailure(error, { query, prefixLength, timeoutMs: limits.timeoutMs });
  if (!refusal) throw error;
  return refusal;
}

/**
 * The plan layer on its own: EXPLAIN the query (which runs nothing) in a read session and
 * check Neo4j's own plan. runResearchQuery calls it after the textual checks; tests call it
 * alone to show that it refuses, without them, what they refuse.
 */
export async function explainRefusal(
  graph: Graph,
  request: ResearchRequest,
  limits: ConsoleLimits = CONSOLE_LIMITS,
): Promise<Refusal | undefined> {
  const params = toParams(request.params ?? {}) as Params;
  return inReadSession(graph, limits, async (session) => {
    try {
      const planned = await readOnce(
        session,
        (tx) => tx.run(EXPLAIN + request.query, params).summary(),
        limits.timeoutMs,
      );
      return planRefusal(planned.queryType, planned.plan);
    } catch (error) {
      return refusalFor(error, request.query, EXPLAIN.length, limits);
    }
  });
}

/**
 * Runs a researcher's Cypher, which may be anything anyone typed, so it is checked in layers:
 * the request's size and text (cypher-request-guards), then Neo4j's own EXPLAIN plan
 * (cypher-plan-guards), then the query itself in a READ transaction with a server-side
 * timeout and a row cap. Whatever Neo4j still refuses comes back in plain words
 * (cypher-errors); a database that cannot be reached is thrown, for a 503.
 */
export async function runResearchQuery(
  graph: Graph,
  request: ResearchRequest,
  limits: ConsoleLimits = CONSOLE_LIMITS,
): Promise<ConsoleOutcome> {
  const started = performance.now();
  const refused = requestRefusal(request, limits) ?? (await explainRefusal(graph, request, limits));
  if (refused) return { ok: false, refusal: refused };
  const params = toParams(request.params ?? {}) as Params;
  return inReadSession(graph, limits, async (session): Promise<ConsoleOutcome> => {
    try {
      const read = await readOnce(
        session,
        (tx) => readRows(tx.run(request.query, params), limits),
        limits.timeoutMs,
      );
      return {
        ok: true,
        result: {
          ...read,
          truncated: read.truncatedBy !== null,
          limits: {
            maxRows: limits.maxRows,
            maxResultChars: limits.maxResultChars,
            timeoutMs: limits.timeoutMs,
          },
          elapsedMs: Math.round(performance.now() - started),
        },
      };
    } catch (error) {
      return { ok: false, refusal: refusalFor(error, request.query, 0, limits) };
    }
  });
}
