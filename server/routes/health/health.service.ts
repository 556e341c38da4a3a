import type { Graph } from '../../../graph/graph';
import { isTooSlow, isUnavailable } from '../../../graph/graph';
import { readDatabaseHealth } from '../../../graph/health-query';
import { databaseUnavailable, HttpProblem } from '../../http/problem';
import type { HealthResponse } from './health.schema';

const HEALTH_TIMEOUT_MS = 4000;
/** Slower than this, data requests are noticeably slow too. */
export const SLOW_MS = 1500;

/** The down answer: a 503 problem that also says `health: "down"`. */
const down = (detail: string) =>
  new HttpProblem(503, 'Database unavailable', detail, { health: 'down' });

/**
 * ok, degraded (slow, or cold after a start: the database answers but cannot finish a
 * data read in time) or down (503). Never hangs: a database that does not answer within a
 * few seconds is down, as it is for the data requests, which hit their own deadline.
 */
export async function checkHealth(graph: Graph): Promise<HealthResponse> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(down(`The graph database did not answer within ${HEALTH_TIMEOUT_MS / 1000} s.`)),
      HEALTH_TIMEOUT_MS,
    );
  });
  const started = Date.now();
  const database = { reachable: true as const, name: graph.database };
  try {
    const health = await Promise.race([readDatabaseHealth(graph), timeout]);
    const latencyMs = Date.now() - started;
    return {
      status: latencyMs > SLOW_MS ? 'degraded' : 'ok',
      ...(latencyMs > SLOW_MS && {
        reason: `The database took ${latencyMs} ms to answer; requests will be slow.`,
      }),
      database: { ...database, version: health.version, edition: health.edition, latencyMs },
      plan: { loaded: health.planLoaded, nodes: health.nodes },
    };
  } catch (error) {
    if (isTooSlow(error)) {
      return {
        status: 'degraded',
        reason:
          'The database answers but could not finish a data read in time (warming up after a start, or busy); some requests will get 503.',
        database: {
          ...database,
          version: 'unknown',
          edition: 'unknown',
          latencyMs: Date.now() - started,
        },
        plan: null,
      };
    }
    if (isUnavailable(error)) throw down(databaseUnavailable().detail);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
