import type { Logger } from 'pino';
import { graphQuery } from '../core/api/graph';
import type { Graph } from '../graph/graph';
import { readDatabaseHealth } from '../graph/health-query';
import { readDefaultLayout } from '../graph/queries/layout-query';
import { readSchema, readSeedVersion } from '../graph/queries/schema-query';
import { readView } from '../graph/queries/view-query';
import { viewFilterOf } from './routes/graph/view-filter';

/** Longer than this, the server answers anyway: warming is worth waiting for, not forever. */
const WARM_UP_LIMIT_MS = 20_000;

/**
 * Runs, once, the reads that the first page load makes (health, the seeding's version,
 * the whole-plan view with its stored layout, the schema), before the server answers.
 * A database just started or just seeded plans and compiles each new query on first
 * use; on two cores that took seconds and made /api/health wait behind the first view.
 * Warming moves that cost to start-up. A failure is logged, never fatal: the requests
 * report the database's state themselves.
 */
export async function warmUp(graph: Graph, logger?: Logger): Promise<number> {
  const started = performance.now();
  const whole = viewFilterOf(graphQuery.parse({ positions: 'default' }));
  const reads = async () => {
    await readDatabaseHealth(graph);
    await readSeedVersion(graph);
    await readView(graph, whole);
    await readDefaultLayout(graph);
    await readSchema(graph);
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      reads(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, WARM_UP_LIMIT_MS);
      }),
    ]);
  } catch (error) {
    logger?.warn({ err: error }, 'Warming the database up failed; serving anyway');
  } finally {
    clearTimeout(timer);
  }
  const ms = Math.round(performance.now() - started);
  logger?.info({ ms }, 'Database warmed up');
  return ms;
}
