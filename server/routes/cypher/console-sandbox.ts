import type { Logger } from 'pino';
import {
  ensureMirrorSchema,
  mirroredStamp,
  mirrorPublicData,
  publicDataStamp,
  SNAPSHOT_LABEL,
} from '../../../graph/console-mirror';
import type { Graph } from '../../../graph/graph';
import { HttpProblem } from '../../http/problem';

/** How far behind the main database the console's copy may be: checked at most this often. */
export const CONSOLE_LAG_MS = 1_000;

/** The console's database is down or restarting: only the console says so. */
export const consoleRestarting = () =>
  new HttpProblem(
    503,
    'Console restarting',
    "The research console's database is restarting or out of reach; the explorer is not affected. Try again in a few seconds.",
  );

/** No console database is configured: the console is off, never pointed at the main one. */
export const consoleOff = () =>
  new HttpProblem(
    503,
    'Console not set up',
    'This server runs no research console: it needs a database of its own (the bundled one, or CONSOLE_NEO4J_URI).',
  );

/**
 * The research console's own Neo4j (graph/console-mirror.ts says why) and the copy of the
 * public data it holds. Before a console request is answered the copy is brought up to
 * the main database's public data when that may have changed (at most CONSOLE_LAG_MS after
 * the last check), so an answer is never more than that behind, and the refresh is one
 * transaction that readers never see half done. When the main database cannot be read the
 * console goes on answering from the copy it has.
 */
export class ConsoleSandbox {
  private checkedAt = 0;
  private refreshing: Promise<void> | undefined;
  private schemaReady = false;

  constructor(
    private readonly main: Graph,
    readonly graph: Graph,
    private readonly logger?: Logger,
    private readonly lagMs = CONSOLE_LAG_MS,
  ) {}

  /** Resolves when the copy is current; a 503 "Console restarting" when its database is out of reach. */
  async fresh(): Promise<void> {
    if (Date.now() - this.checkedAt >= this.lagMs) {
      this.refreshing ??= this.refresh().finally(() => {
        this.refreshing = undefined;
      });
    }
    if (this.refreshing) await this.refreshing;
  }

  private async refresh(): Promise<void> {
    const wanted = await publicDataStamp(this.main).catch((error: unknown) => {
      this.logger?.warn(
        { err: error },
        'console: the main database could not be read; the copy stays',
      );
      return null;
    });
    try {
      // Once per start, copy or not: a copy an older release made gets this one's indexes.
      if (!this.schemaReady) await ensureMirrorSchema(this.graph);
      this.schemaReady = true;
      const held = await mirroredStamp(this.graph);
      if (wanted !== null && wanted !== held) {
        const report = await mirrorPublicData(this.main, this.graph, wanted);
        this.logger?.info(report, 'console: copied the public data to its database');
      }
      this.checkedAt = Date.now();
    } catch (error) {
      // A restarted console database may have lost its schema; set it up again next time.
      this.schemaReady = false;
      this.logger?.warn({ err: error }, 'console: its database is out of reach');
      throw consoleRestarting();
    }
  }

  /** When the copy the console's database holds was taken (null before the first), or a failure. */
  async copiedAt(timeoutMs: number): Promise<string | null> {
    const [row] = await this.graph.read(
      `MATCH (s:${SNAPSHOT_LABEL}) RETURN s.taken_at AS at LIMIT 1`,
      {},
      { timeoutMs, deadlineMs: timeoutMs },
    );
    return typeof row?.at === 'string' ? row.at : null;
  }

  close(): Promise<void> {
    return this.graph.close();
  }
}

/** The console's database, its copy brought up to date; a 503 naming the console when it cannot be. */
export async function freshConsole(sandbox: ConsoleSandbox | undefined): Promise<Graph> {
  if (!sandbox) throw consoleOff();
  await sandbox.fresh();
  return sandbox.graph;
}
