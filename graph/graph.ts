import { AsyncLocalStorage } from 'node:async_hooks';
import neo4j, { type ManagedTransaction, Neo4jError, type Session } from 'neo4j-driver';
import { type Connection, createDriver } from './connection';
import { type Plain, toPlain } from './to-plain';

export type Row = Record<string, Plain>;
export type Params = Record<string, unknown>;
export interface Statement {
  cypher: string;
  params?: Params;
}

export interface RunOptions {
  /** Server-side transaction timeout in milliseconds. */
  timeoutMs?: number;
  /** Stops the call (and its transaction) when aborted; defaults to the cancellation scope's. */
  signal?: AbortSignal;
  /**
   * This call's deadline instead of the graph's: background work that is no one's request
   * (copying the public data to the console's database) may take longer than a request may.
   */
  deadlineMs?: number;
}

export interface GraphOptions {
  /**
   * How long any call may take before it is given up with DatabaseDeadlineError, whatever
   * the database does (a frozen server answers nothing, not even its own timeout). It also
   * caps each call's transaction timeout. Unset: no deadline (seeding, whose index build
   * may take a minute).
   */
  deadlineMs?: number;
}

/** The database did not answer within the app's deadline (frozen, overloaded or cut off). */
export class DatabaseDeadlineError extends Error {
  override name = 'DatabaseDeadlineError';
  constructor(readonly deadlineMs: number) {
    super(`The graph database did not answer within ${deadlineMs / 1000} s.`);
  }
}

/**
 * Neo4j was asked to stop the transaction at its timeout and had not answered a grace period
 * later: a tight loop that checks for termination rarely (UNWIND over a huge range() on a slow
 * machine) must not hold the request. The session is closed, which terminates it in Neo4j.
 */
export class DatabaseTimeoutError extends Error {
  override name = 'DatabaseTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`The graph database did not stop its ${timeoutMs / 1000} s transaction in time.`);
  }
}

/** How long past its own transaction timeout Neo4j may take to answer before the app stops waiting. */
const TIMEOUT_GRACE_MS = 2_000;

/** The caller gave up (the HTTP client went away): the transaction was rolled back. */
export class QueryCancelledError extends Error {
  override name = 'QueryCancelledError';
  constructor() {
    super('The query was cancelled because its caller went away.');
  }
}

/**
 * The abort signal of the work in progress (one HTTP request, say), so every database call
 * made on its behalf is cancelled with it without each caller passing it down.
 */
const cancellationScope = new AsyncLocalStorage<AbortSignal>();

export function withCancellation<T>(signal: AbortSignal, work: () => T): T {
  return cancellationScope.run(signal, work);
}

/** One statement inside a transaction that Graph runs, answered as plain rows. */
export interface GraphTx {
  run(cypher: string, params?: Params): Promise<Row[]>;
}

/** How the research console reads: streamed, tagged, once (see consoleRead). */
export interface ConsoleReadOptions {
  /** The transaction's timeout in Neo4j. */
  timeoutMs: number;
  /** Transaction metadata, by which the app finds the run in SHOW TRANSACTIONS. */
  metadata: Record<string, string>;
  /** Records fetched per batch: a result cut at a row cap streams no further. */
  fetchSize: number;
}

/**
 * The one door to Neo4j: nothing else opens a session. Every read and write goes through
 * here, in managed transactions whose session is always closed, within the graph's deadline
 * and the request's cancellation, and comes back as plain rows.
 */
export interface Graph {
  readonly database: string;
  read(cypher: string, params?: Params, options?: RunOptions): Promise<Row[]>;
  write(cypher: string, params?: Params, options?: RunOptions): Promise<Row[]>;
  /** Runs the statements in order in one write transaction: all of them take effect, or none. */
  writeAll(statements: Statement[], options?: RunOptions): Promise<void>;
  /**
   * Statements that depend on each other's answers, in one transaction (all or none for a
   * write). `work` may be run again when Neo4j reports a transient failure, so it must only
   * talk to the database through `tx`.
   */
  transaction<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: GraphTx) => Promise<T>,
    options?: RunOptions,
  ): Promise<T>;
  /**
   * An administration command (SHOW or TERMINATE TRANSACTIONS) in a transaction of its own,
   * as Neo4j requires of them.
   */
  command(cypher: string, params?: Params, options?: RunOptions): Promise<Row[]>;
  /**
   * The research console's one read: Neo4j's own result objects (the console reports plans,
   * notifications and summaries), streamed, tagged and run once: a query that ran out of
   * time or memory would only do so again if retried, holding the database meanwhile.
   */
  consoleRead<T>(
    work: (tx: ManagedTransaction) => Promise<T>,
    options: ConsoleReadOptions,
  ): Promise<T>;
  close(): Promise<void>;
}

/** A signal that never aborts, for work that must outlive the request that asked for it. */
const NEVER_CANCELLED = new AbortController().signal;

/**
 * Carries a failure out of the driver's retrying transaction function as it is (consoleRead
 * does not retry).
 */
class FinalFailure extends Error {
  constructor(readonly failure: unknown) {
    super('A query failed and is not retried.');
  }
}

/**
 * JavaScript has one number type; Cypher has INTEGER and FLOAT, and LIMIT or SKIP refuse
 * a float. Whole numbers go to Neo4j as integers, so stored counts and line numbers are
 * INTEGER too.
 */
export function toParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toParams);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toParams(v)]));
  }
  return value;
}

export function openGraph(connection: Connection, options: GraphOptions = {}): Graph {
  const driver = createDriver(connection);
  const database = connection.database;

  /**
   * `work` in a session of its own, given up at the deadline or when the caller goes away
   * (the session closed, so Neo4j rolls the transaction back).
   */
  async function within<T>(
    mode: 'READ' | 'WRITE',
    call: RunOptions,
    work: (session: Session, timeout: number | undefined) => Promise<T>,
  ): Promise<T> {
    const signal = call.signal ?? cancellationScope.getStore();
    if (signal?.aborted) throw new QueryCancelledError();
    const deadlineMs = call.deadlineMs ?? options.deadlineMs;
    // Neo4j stops the transaction itself by then too, so its work ends with the answer.
    const timeout =
      call.timeoutMs !== undefined && deadlineMs !== undefined
        ? Math.min(call.timeoutMs, deadlineMs)
        : (call.timeoutMs ?? deadlineMs);
    const session = driver.session({ database, defaultAccessMode: mode });
    const done = work(session, timeout).finally(() => session.close());
    // The loser of the race below must not become an unhandled rejection.
    done.catch(() => {});
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stopped = new Promise<never>((_, reject) => {
      if (
        deadlineMs !== undefined &&
        (timeout === undefined || deadlineMs <= timeout + TIMEOUT_GRACE_MS)
      ) {
        timer = setTimeout(() => reject(new DatabaseDeadlineError(deadlineMs)), deadlineMs);
      } else if (timeout !== undefined) {
        timer = setTimeout(
          () => reject(new DatabaseTimeoutError(timeout)),
          timeout + TIMEOUT_GRACE_MS,
        );
      }
      onAbort = () => reject(new QueryCancelledError());
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([done, stopped]);
    } catch (error) {
      // Closing the session resets its connection, which makes Neo4j roll the transaction
      // back; not awaited, since a frozen server answers the reset only when it thaws.
      if (
        error instanceof DatabaseDeadlineError ||
        error instanceof DatabaseTimeoutError ||
        error instanceof QueryCancelledError
      ) {
        session.close().catch(() => {});
      }
      throw error;
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  const plainTx = (tx: ManagedTransaction): GraphTx => ({
    async run(cypher, params = {}) {
      const result = await tx.run(cypher, toParams(params) as Params);
      return result.records.map((record) => toPlain(record.toObject()) as Row);
    },
  });

  function transaction<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: GraphTx) => Promise<T>,
    call: RunOptions = {},
  ): Promise<T> {
    return within(mode, call, (session, timeout) => {
      const config = timeout ? { timeout } : undefined;
      return mode === 'READ'
        ? session.executeRead((tx) => work(plainTx(tx)), config)
        : session.executeWrite((tx) => work(plainTx(tx)), config);
    });
  }

  async function statements(mode: 'READ' | 'WRITE', list: Statement[], call: RunOptions) {
    return transaction(
      mode,
      async (tx) => {
        let rows: Row[] = [];
        for (const { cypher, params = {} } of list) rows = await tx.run(cypher, params);
        return rows;
      },
      call,
    );
  }

  return {
    database,
    read: (cypher, params = {}, options = {}) => statements('READ', [{ cypher, params }], options),
    write: (cypher, params = {}, options = {}) =>
      statements('WRITE', [{ cypher, params }], options),
    writeAll: async (list, options = {}) => {
      await statements('WRITE', list, options);
    },
    transaction,
    // Not cancelled with the request in whose scope it runs: ending a gone client's console
    // run is exactly what happens there.
    command: (cypher, params = {}, options = {}) =>
      within('WRITE', { signal: NEVER_CANCELLED, ...options }, async (session, timeout) => {
        const result = await session.run(
          cypher,
          toParams(params) as Params,
          timeout ? { timeout } : undefined,
        );
        return result.records.map((record) => toPlain(record.toObject()) as Row);
      }),
    // Not held to the graph's deadline nor the request's scope: the console sets its own
    // timeout (up to a minute) and ends its runs itself (cypher-transactions.ts).
    consoleRead: async (work, { timeoutMs, metadata, fetchSize }) => {
      const session = driver.session({ database, defaultAccessMode: 'READ', fetchSize });
      try {
        return await session.executeRead(
          async (tx) => {
            try {
              return await work(tx);
            } catch (error) {
              throw new FinalFailure(error);
            }
          },
          { timeout: Math.max(1, Math.round(timeoutMs)), metadata },
        );
      } catch (error) {
        throw error instanceof FinalFailure ? error.failure : error;
      } finally {
        await session.close();
      }
    },
    close: () => driver.close(),
  };
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** True when the error means "the database cannot be reached now" (→ 503), not a bad query. */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseDeadlineError) return true;
  if (error instanceof Neo4jError) {
    return (
      UNAVAILABLE_CODES.has(error.code) ||
      error.code.startsWith('Neo.TransientError.General.DatabaseUnavailable') ||
      /connection acquisition timed out|Failed to connect|ECONNREFUSED/i.test(error.message)
    );
  }
  return false;
}

/**
 * True when the database answered but could not finish in time or asked to be retried: its
 * own transaction timeout (a cold page cache after a start, or a busy server) and every
 * Neo.TransientError. The request was fine; trying again later may work (→ 503).
 */
export function isTooSlow(error: unknown): boolean {
  if (error instanceof DatabaseTimeoutError) return true;
  return (
    error instanceof Neo4jError &&
    (error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
      error.code.startsWith('Neo.TransientError.'))
  );
}
