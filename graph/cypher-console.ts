import { type ManagedTransaction, Neo4jError, type Result } from 'neo4j-driver';
import type {
  ConsoleNotification,
  ConsoleResult,
  PlanMode,
  PlanNode,
} from '../core/api/console-result';
import { CONSOLE_LIMITS, type ConsoleLimits, DOWNLOAD_LIMITS } from '../core/model/console-limits';
import { refusalForFailure } from './cypher-errors';
import { codeText, planPrefix, splitStatements } from './cypher-lexer';
import { planRefusal } from './cypher-plan-guards';
import { profileTotals, toNotification, toPlanNode } from './cypher-plan-summary';
import { type Refusal, refuse } from './cypher-policy';
import { type ResearchRequest, requestRefusal } from './cypher-request-guards';
import { RUN_TAG_KEY } from './cypher-transactions';
import { type Graph, isUnavailable, type Params, type Row, toParams } from './graph';
import { type Plain, toPlain } from './to-plain';

export type ConsoleOutcome =
  | { ok: true; results: ConsoleResult[] }
  | { ok: false; refusal: Refusal; statement?: number };

/** What the caller of a run controls: the tag its transactions carry, and a stop signal. */
export interface RunControl {
  tag: string;
  signal?: AbortSignal;
}

const EXPLAIN = 'EXPLAIN ';

/**
 * One console read, through the graph's console door: streamed in batches just over the row
 * cap, tagged with the run (so the app can find and end it), and never retried.
 */
function readOnce<T>(
  graph: Graph,
  limits: ConsoleLimits,
  work: (tx: ManagedTransaction) => Promise<T>,
  timeoutMs: number,
  tag: string,
): Promise<T> {
  return graph.consoleRead(work, {
    timeoutMs,
    metadata: { [RUN_TAG_KEY]: tag },
    fetchSize: Math.min(limits.maxRows + 1, 5_000),
  });
}

export interface RowSink {
  columns(columns: string[]): void;
  /** Returns false to stop reading (the size cap); the rest is discarded on the server. */
  row(row: Row, chars: number): boolean | undefined;
}

/** Reads rows into the sink until maxRows (then one more tells that there were more). */
async function readRows(result: Result, limits: ConsoleLimits, sink: RowSink) {
  sink.columns(await result.keys());
  let count = 0;
  let chars = 0;
  let truncatedBy: ConsoleResult['truncatedBy'] = null;
  for await (const record of result) {
    if (count === limits.maxRows) {
      truncatedBy = 'rows';
      break;
    }
    const row = toPlain(record.toObject()) as Row;
    const size = JSON.stringify(row).length;
    chars += size;
    if (chars > limits.maxResultChars) {
      truncatedBy = 'size';
      break;
    }
    count++;
    if (sink.row(row, size) === false) {
      truncatedBy = 'size';
      break;
    }
  }
  // After a break this discards the remaining records on the server instead of streaming them.
  const summary = await result.summary();
  return { truncatedBy, summary };
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
 * SHOW CURRENT USER is an administration command that Neo4j plans exactly as SHOW USERS
 * (AdministrationCommand, no details), so the plan cannot tell them apart. On its own it is
 * run as the procedure that answers the same question, for the console's own user only.
 */
const SHOW_CURRENT_USER = /^SHOW\s+CURRENT\s+USERS?$/i;
const asRead = (body: string) =>
  SHOW_CURRENT_USER.test(codeText(body).trim()) ? 'CALL dbms.showCurrentUser()' : body;

interface Planned {
  statement: string;
  /** Where the statement starts in the script. */
  start: number;
  mode: PlanMode | undefined;
  /** The statement with its EXPLAIN or PROFILE blanked out (offsets unchanged). */
  body: string;
  plan: PlanNode | null;
  notifications: ConsoleNotification[];
}

type Checked = { ok: true; planned: Planned } | { ok: false; refusal: Refusal };

/**
 * The plan layer on its own: EXPLAIN the statement (which runs nothing) in a read session and
 * check Neo4j's own plan. The console calls it after the textual checks; tests call it alone
 * to show that it refuses, without them, what they refuse.
 */
async function explainStatement(
  graph: Graph,
  script: string,
  statement: { text: string; start: number },
  params: Params,
  limits: ConsoleLimits,
  tag: string,
): Promise<Checked> {
  const { mode, body: written } = planPrefix(statement.text);
  const body = asRead(written);
  return (async (): Promise<Checked> => {
    try {
      const summary = await readOnce(
        graph,
        limits,
        (tx) => tx.run(EXPLAIN + body, params).summary(),
        limits.timeoutMs,
        tag,
      );
      const refused = planRefusal(summary.queryType, summary.plan, mode);
      if (refused) return { ok: false, refusal: refused };
      return {
        ok: true,
        planned: {
          statement: statement.text,
          start: statement.start,
          mode,
          body,
          plan: summary.plan ? toPlanNode(summary.plan) : null,
          notifications: summary.notifications.map(toNotification),
        },
      };
    } catch (error) {
      return {
        ok: false,
        refusal: refusalFor(error, script, EXPLAIN.length - statement.start, limits),
      };
    }
  })();
}

/** Only the plan layer, for one statement (the hostile tests call it on its own). */
export async function explainRefusal(
  graph: Graph,
  request: ResearchRequest,
  limits: ConsoleLimits = CONSOLE_LIMITS,
): Promise<Refusal | undefined> {
  const params = toParams(request.params ?? {}) as Params;
  const checked = await explainStatement(
    graph,
    request.query,
    { text: request.query, start: 0 },
    params,
    limits,
    'explain-only',
  );
  return checked.ok ? undefined : checked.refusal;
}

const inScript = (refusal: Refusal, index: number, count: number): Refusal =>
  count === 1
    ? refusal
    : { ...refusal, detail: `Statement ${index + 1} of ${count}: ${refusal.detail}` };

/**
 * Checks every statement of a script (its text, then Neo4j's EXPLAIN plan) before any runs:
 * one refused statement refuses the whole script.
 */
async function checkScript(
  graph: Graph,
  request: ResearchRequest,
  limits: ConsoleLimits,
  control: RunControl,
): Promise<{ ok: true; planned: Planned[] } | { ok: false; refusal: Refusal; statement?: number }> {
  const whole = requestRefusal(request, limits);
  if (whole) return { ok: false, refusal: whole };
  const statements = splitStatements(request.query);
  if (statements.length === 0)
    return { ok: false, refusal: refuse('syntax', 'The query is empty.') };
  if (statements.length > limits.maxStatements) {
    return {
      ok: false,
      refusal: refuse(
        'script',
        limits.maxStatements === 1
          ? 'Only one statement can be downloaded at a time; remove the others (separated by ;).'
          : `The script has ${statements.length} statements; the console runs up to ${limits.maxStatements} at once.`,
      ),
    };
  }
  const params = toParams(request.params ?? {}) as Params;
  const planned: Planned[] = [];
  for (const [index, statement] of statements.entries()) {
    const body = planPrefix(statement.text).body;
    const refused = requestRefusal({ query: body, params: request.params }, limits);
    if (refused) {
      return { ok: false, refusal: inScript(refused, index, statements.length), statement: index };
    }
    if (control.signal?.aborted) throw control.signal.reason;
    const checked = await explainStatement(
      graph,
      request.query,
      statement,
      params,
      limits,
      control.tag,
    );
    if (!checked.ok) {
      return {
        ok: false,
        refusal: inScript(checked.refusal, index, statements.length),
        statement: index,
      };
    }
    planned.push(checked.planned);
  }
  return { ok: true, planned };
}

export interface ScriptCheck {
  statements: number;
}

/**
 * Runs a researcher's Cypher, which may be anything anyone typed, so it is checked in layers:
 * the request's size and text (cypher-request-guards), then Neo4j's own EXPLAIN plan of every
 * statement (cypher-plan-guards), then each statement in its own READ transaction, in order,
 * with a server-side timeout shared by the script and a row cap. EXPLAIN answers with the plan
 * alone and runs nothing, so it may plan a write too; PROFILE runs under the same guards as a
 * plain query and returns the profiled plan and its totals with the rows.
 * Whatever Neo4j still refuses comes back in plain words (cypher-errors); a database that
 * cannot be reached is thrown, for a 503. Every transaction carries control.tag, so the caller
 * can terminate it and see it gone (cypher-transactions).
 */
export async function runResearchQuery(
  graph: Graph,
  request: ResearchRequest,
  control: RunControl,
  limits: ConsoleLimits = CONSOLE_LIMITS,
): Promise<ConsoleOutcome> {
  const started = performance.now();
  const checked = await checkScript(graph, request, limits, control);
  if (!checked.ok) return checked;
  const params = toParams(request.params ?? {}) as Params;
  const results: ConsoleResult[] = [];
  const resultLimits = {
    maxRows: limits.maxRows,
    maxResultChars: limits.maxResultChars,
    timeoutMs: limits.timeoutMs,
  };
  for (const [index, planned] of checked.planned.entries()) {
    const statementStarted = performance.now();
    if (planned.mode === 'EXPLAIN') {
      results.push({
        statement: planned.statement,
        mode: 'EXPLAIN',
        columns: [],
        rows: [],
        truncated: false,
        truncatedBy: null,
        limits: resultLimits,
        elapsedMs: 0,
        notifications: planned.notifications,
        plan: planned.plan,
        profileTotals: null,
      });
      continue;
    }
    if (control.signal?.aborted) throw control.signal.reason;
    const prefix = planned.mode === 'PROFILE' ? 'PROFILE' : '';
    const remaining = limits.timeoutMs - (performance.now() - started);
    const rows: Row[] = [];
    let columns: string[] = [];
    const outcome = await (async () => {
      try {
        const read = await readOnce(
          graph,
          limits,
          (tx) =>
            readRows(tx.run(prefix + planned.body, params), limits, {
              columns: (c) => {
                columns = c;
              },
              row: (row) => {
                rows.push(row);
                return true;
              },
            }),
          remaining,
          control.tag,
        );
        return { ok: true as const, read };
      } catch (error) {
        return {
          ok: false as const,
          refusal: refusalFor(error, request.query, prefix.length - planned.start, limits),
        };
      }
    })();
    if (!outcome.ok) {
      return {
        ok: false,
        refusal: inScript(outcome.refusal, index, checked.planned.length),
        statement: index,
      };
    }
    const { summary, truncatedBy } = outcome.read;
    const profile = planned.mode === 'PROFILE' && summary.profile ? summary.profile : null;
    results.push({
      statement: planned.statement,
      mode: planned.mode ?? null,
      columns,
      rows,
      truncated: truncatedBy !== null,
      truncatedBy,
      limits: resultLimits,
      elapsedMs: Math.round(performance.now() - statementStarted),
      notifications: summary.notifications.map(toNotification),
      plan: profile ? toPlanNode(profile) : null,
      profileTotals: profile ? profileTotals(profile, summary) : null,
    });
  }
  return { ok: true, results };
}

export type StreamOutcome =
  | { ok: true; rows: number; truncatedBy: ConsoleResult['truncatedBy'] }
  | { ok: false; refusal: Refusal };

/**
 * A download: one statement, checked exactly as the console checks it, its rows handed to
 * the sink as Neo4j streams them (nothing is held in memory), up to limits.maxRows.
 */
export async function streamResearchQuery(
  graph: Graph,
  request: ResearchRequest,
  control: RunControl,
  sink: RowSink,
  limits: ConsoleLimits = DOWNLOAD_LIMITS,
): Promise<StreamOutcome> {
  const checked = await checkScript(graph, request, limits, control);
  if (!checked.ok) return checked;
  const planned = checked.planned[0]!;
  if (planned.mode) {
    return {
      ok: false,
      refusal: refuse(
        'script',
        `A download holds rows; run ${planned.mode} in the console instead.`,
      ),
    };
  }
  const params = toParams(request.params ?? {}) as Params;
  let rows = 0;
  return (async (): Promise<StreamOutcome> => {
    try {
      const read = await readOnce(
        graph,
        limits,
        (tx) =>
          readRows(tx.run(planned.body, params), limits, {
            columns: (c) => sink.columns(c),
            row: (row, chars) => {
              rows++;
              return sink.row(row, chars);
            },
          }),
        limits.timeoutMs,
        control.tag,
      );
      return { ok: true, rows, truncatedBy: read.truncatedBy };
    } catch (error) {
      return { ok: false, refusal: refusalFor(error, request.query, -planned.start, limits) };
    }
  })();
}

export type {
  ConsoleNotification,
  ConsoleResult,
  PlanMode,
  PlanNode,
} from '../core/api/console-result';
export type { Plain };
