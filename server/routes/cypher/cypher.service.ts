import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { CypherResponse } from '../../../core/api/console-result';
import type { CypherBody } from '../../../core/api/cypher';
import { CONSOLE_LIMITS, type ConsoleLimits } from '../../../core/model/console-limits';
import type { RefusalCode } from '../../../core/model/refusal-codes';
import {
  type ConsoleOutcome,
  type RowSink,
  runResearchQuery,
  type StreamOutcome,
  streamResearchQuery,
} from '../../../graph/cypher-console';
import { type Refusal, timeoutRefused } from '../../../graph/cypher-policy';
import { endRun } from '../../../graph/cypher-transactions';
import type { Graph } from '../../../graph/graph';
import { HttpProblem } from '../../http/problem';
import { ConsoleSlots } from './console-slots';

/** How long past Neo4j's own timeout the console waits before it ends the run itself. */
const GRACE_MS = 1_000;
/** How long an answer waits for Neo4j to confirm that an ended run is gone. */
const CONFIRM_MS = 2_000;
/** A run Neo4j has not let go of yet is asked again this often; its slot stays taken meanwhile. */
const WATCH_MS = 1_000;
/** After this long a slot is given back whatever Neo4j says, so the console cannot lock up for good. */
const WATCH_LIMIT_MS = 10 * 60_000;

const TITLES: Partial<Record<RefusalCode, string>> = {
  timeout: 'Query stopped',
  memory: 'Query stopped',
  failed: 'Query failed',
};

export function refusalProblem(refusal: Refusal, statement?: number): HttpProblem {
  return new HttpProblem(422, TITLES[refusal.code] ?? 'Query refused', refusal.detail, {
    code: refusal.code,
    ...(refusal.position && { position: refusal.position }),
    ...(statement !== undefined && { statement: statement + 1 }),
  });
}

export type RunEnd = 'done' | 'deadline' | 'stopped';

/**
 * The console's run discipline. Every run takes a slot (at most SLOT_LIMITS.total at once,
 * perClient from one client); its transactions carry a tag. When a run ends early (its
 * deadline, the client gone, Stop) or fails, the app terminates the tagged transactions
 * (TERMINATE TRANSACTIONS, through its own session) and gives the slot back only when SHOW
 * TRANSACTIONS no longer lists them. Neo4j checks termination between rows, so one long
 * expression can outlive the request to stop; such a run keeps its slot until it is gone,
 * and the answer says "stopped" without waiting for it.
 */
export class ConsoleRunner {
  readonly slots: ConsoleSlots;

  constructor(
    private readonly graph: Graph,
    private readonly logger?: Logger,
    slots = new ConsoleSlots(),
  ) {
    this.slots = slots;
  }

  /** A 503 for a client that cannot have a slot now, or undefined. */
  busy(client: string): HttpProblem | undefined {
    const why = this.slots.refusal(client);
    if (!why) return undefined;
    const { total, perClient } = this.slots.limits;
    return new HttpProblem(
      503,
      'Console busy',
      why === 'client'
        ? `You already have ${perClient} console queries running; wait for one to finish or stop it, then try again.`
        : `The console is already running ${total} queries; try again in a few seconds.`,
      { reason: why },
    );
  }

  /**
   * Runs work with a slot, a tag, a deadline and a stop signal (the client went away or
   * pressed Stop). The slot is given back only when Neo4j no longer lists the run.
   */
  private async withSlot<T>(
    client: string,
    gone: AbortSignal,
    deadlineMs: number,
    work: (tag: string, signal: AbortSignal) => Promise<T & { ok: boolean }>,
  ): Promise<
    | { end: 'done'; value: T & { ok: boolean } }
    | { end: 'deadline' | 'stopped' | 'failed'; error?: unknown }
  > {
    const busy = this.busy(client);
    if (busy) throw busy;
    const release = this.slots.take(client);
    const tag = randomUUID();
    const stop = new AbortController();
    const onGone = () => stop.abort('stopped');
    gone.addEventListener('abort', onGone);
    const timer = setTimeout(() => stop.abort('deadline'), deadlineMs);
    const stopped = new Promise<'deadline' | 'stopped'>((resolve) => {
      if (gone.aborted) resolve('stopped');
      stop.signal.addEventListener('abort', () => resolve(stop.signal.reason));
    });
    const running = work(tag, stop.signal).then(
      (value) => ({ end: 'done' as const, value }),
      (error: unknown) => ({ end: 'failed' as const, error }),
    );
    try {
      const first = await Promise.race([running, stopped]);
      const outcome = typeof first === 'string' ? { end: first } : first;
      if (outcome.end === 'done' && outcome.value.ok) {
        // A finished run's transactions have committed; Neo4j lists them no more.
        release();
        return outcome;
      }
      // Failed or refused: a query Neo4j timed out may still be running ("Terminated").
      await this.endAndRelease(tag, release);
      return outcome;
    } finally {
      clearTimeout(timer);
      gone.removeEventListener('abort', onGone);
    }
  }

  /** Terminates a run; gives its slot back once Neo4j says it is gone (waiting CONFIRM_MS at most here). */
  private async endAndRelease(tag: string, release: () => void): Promise<void> {
    // Bounded even when Neo4j itself is slow to answer SHOW TRANSACTIONS (a heap filling up).
    let timer: NodeJS.Timeout | undefined;
    const ended = await Promise.race([
      endRun(this.graph, tag, CONFIRM_MS).catch(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), CONFIRM_MS + 500);
      }),
    ]).finally(() => clearTimeout(timer));
    if (ended) {
      release();
      return;
    }
    this.logger?.warn({ tag }, 'console run still in Neo4j after TERMINATE; its slot stays taken');
    const since = Date.now();
    const watch = async () => {
      const gone = await endRun(this.graph, tag, 0).catch(() => false);
      if (gone || Date.now() - since > WATCH_LIMIT_MS) release();
      else setTimeout(watch, WATCH_MS).unref();
    };
    setTimeout(watch, WATCH_MS).unref();
  }

  /** The console: a statement or script, answered as JSON. */
  async run(
    body: CypherBody,
    client: string,
    gone: AbortSignal,
    limits: ConsoleLimits = CONSOLE_LIMITS,
  ): Promise<CypherResponse> {
    const outcome = await this.withSlot(client, gone, limits.timeoutMs + GRACE_MS, (tag, signal) =>
      runResearchQuery(this.graph, body, { tag, signal }, limits),
    );
    if (outcome.end !== 'done') {
      if (outcome.end === 'deadline') throw refusalProblem(timeoutRefused(limits.timeoutMs));
      if (outcome.end === 'stopped') {
        throw new HttpProblem(499, 'Query stopped', 'The query was stopped before it finished.');
      }
      throw outcome.error;
    }
    return answer(outcome.value);
  }

  /** A download: the rows go to the sink as Neo4j streams them. */
  async stream(
    body: CypherBody,
    client: string,
    gone: AbortSignal,
    sink: RowSink,
    limits: ConsoleLimits,
  ): Promise<StreamOutcome & { end: RunEnd }> {
    const outcome = await this.withSlot(client, gone, limits.timeoutMs + GRACE_MS, (tag, signal) =>
      streamResearchQuery(this.graph, body, { tag, signal }, sink, limits),
    );
    if (outcome.end === 'done') return { ...outcome.value, end: 'done' };
    if ('error' in outcome && outcome.end === 'failed') throw outcome.error;
    return {
      ok: false,
      refusal: timeoutRefused(limits.timeoutMs),
      end: outcome.end === 'stopped' ? 'stopped' : 'deadline',
    };
  }
}

function answer(outcome: ConsoleOutcome): CypherResponse {
  if (!outcome.ok) throw refusalProblem(outcome.refusal, outcome.statement);
  const last = outcome.results.at(-1)!;
  return outcome.results.length === 1 ? last : { ...last, results: outcome.results };
}
