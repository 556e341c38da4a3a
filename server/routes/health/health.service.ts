import type { Graph } from '../../../graph/graph';
import { readDatabaseHealth } from '../../../graph/health-query';
import { databaseUnavailable } from '../../http/problem';
import type { HealthResponse } from './health.schema';

const HEALTH_TIMEOUT_MS = 4000;

/** Never hangs: a database that does not answer within a few seconds is reported down. */
export async function checkHealth(graph: Graph): Promise<HealthResponse> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          databaseUnavailable(
            `The graph database did not answer within ${HEALTH_TIMEOUT_MS / 1000} s.`,
          ),
        ),
      HEALTH_TIMEOUT_MS,
    );
  });
  try {
    const health = await Promise.race([readDatabaseHealth(graph), timeout]);
    return {
      status: 'ok',
      database: {
        reachable: true,
        version: health.version,
        edition: health.edition,
        name: graph.database,
      },
      plan: { loaded: health.planLoaded, nodes: health.nodes },
    };
  } finally {
    clearTimeout(timer);
  }
}
