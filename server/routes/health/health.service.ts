import type { HealthResponse } from '../../../core/api/health';
import type { Graph } from '../../../graph/graph';
import { isTooSlow, isUnavailable } from '../../../graph/graph';
import { readDatabaseIdentity, readPlanHealth } from '../../../graph/health-query';
import { databaseUnavailable, HttpProblem } from '../../http/problem';
import type { ConsoleSandbox } from '../cypher/console-sandbox';

/** Longer than this without a word from the database, it is down. */
const IDENTITY_TIMEOUT_MS = 4000;
/** Longer than this for the plan's reads, the database answers but is slow: degraded. */
const PLAN_TIMEOUT_MS = 4000;
/** Slower than this, data requests are noticeably slow too. */
export const SLOW_MS = 1500;

/** The down answer: a 503 problem that also says `health: "down"`. */
const down = (detail: string) =>
  new HttpProblem(503, 'Database unavailable', detail, { health: 'down' });

const TOO_SLOW = Symbol('too slow');

/** `work`, or `onTimeout`'s value (or throw) after `ms`: health never hangs. */
async function within<T, U>(work: Promise<T>, ms: number, onTimeout: () => U): Promise<T | U> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<U>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(onTimeout());
      } catch (error) {
        reject(error);
      }
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * ok, degraded (slow, or cold after a start: the database answers but cannot finish a
 * data read in time) or down (503). Never hangs: a database that does not say who it is
 * within a few seconds is down, as it is for the data requests, which hit their own
 * deadline; one that does, but cannot read the plan in time, is degraded, not down.
 */
export async function checkHealth(graph: Graph, sandbox?: ConsoleSandbox): Promise<HealthResponse> {
  const consoleState = checkConsole(sandbox);
  const withConsole = async (health: Omit<HealthResponse, 'console'>): Promise<HealthResponse> => ({
    ...health,
    console: await consoleState,
  });
  return withConsole(await checkMain(graph));
}

/** How long the console's database may take to say when its copy was taken. */
const CONSOLE_TIMEOUT_MS = 2000;

/** The console's state, read beside the main checks; its trouble never makes the app unhealthy. */
async function checkConsole(sandbox?: ConsoleSandbox): Promise<HealthResponse['console']> {
  if (!sandbox) return { state: 'off', copiedAt: null };
  try {
    // copiedAt carries its own deadline: a frozen console database cannot hold health up.
    return { state: 'ok', copiedAt: await sandbox.copiedAt(CONSOLE_TIMEOUT_MS) };
  } catch {
    return { state: 'restarting', copiedAt: null };
  }
}

async function checkMain(graph: Graph): Promise<Omit<HealthResponse, 'console'>> {
  const started = Date.now();
  const database = { reachable: true as const, name: graph.database };
  const degraded = (version = 'unknown', edition = 'unknown'): Omit<HealthResponse, 'console'> => ({
    status: 'degraded',
    reason:
      'The database answers but could not finish a data read in time (warming up after a start, or busy); some requests will get 503.',
    database: { ...database, version, edition, latencyMs: Date.now() - started },
    plan: null,
  });
  try {
    const identity = await within(readDatabaseIdentity(graph), IDENTITY_TIMEOUT_MS, () => {
      throw down(`The graph database did not answer within ${IDENTITY_TIMEOUT_MS / 1000} s.`);
    });
    const plan = await within(
      readPlanHealth(graph),
      PLAN_TIMEOUT_MS,
      (): typeof TOO_SLOW => TOO_SLOW,
    ).catch((error: unknown): typeof TOO_SLOW => {
      if (isTooSlow(error)) return TOO_SLOW;
      throw error;
    });
    if (plan === TOO_SLOW) return degraded(identity.version, identity.edition);
    const latencyMs = Date.now() - started;
    return {
      status: latencyMs > SLOW_MS ? 'degraded' : 'ok',
      ...(latencyMs > SLOW_MS && {
        reason: `The database took ${latencyMs} ms to answer; requests will be slow.`,
      }),
      database: { ...database, ...identity, latencyMs },
      plan: { loaded: plan.planLoaded, nodes: plan.nodes },
    };
  } catch (error) {
    if (isTooSlow(error)) return degraded();
    if (isUnavailable(error)) throw down(databaseUnavailable().detail);
    throw error;
  }
}
