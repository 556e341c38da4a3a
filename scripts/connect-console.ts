import { type Connection, pingNeo4j } from '../graph/connection';
import type { BundledNeo4jConfig, ConsoleDatabase } from '../server/config';
import { runningPid, start, stop } from './neo4j/bundled-neo4j';

export interface ConsoleConnected {
  connection: Connection;
  /** Stops the watch, and the bundled console database if this process started it. */
  release(): Promise<void>;
}

/** How often the bundled console database is checked for having ended (a heap filled by a query). */
const WATCH_MS = 2_000;

/**
 * Keeps the bundled console database running: a visitor's query that fills its heap ends
 * the process (-XX:+ExitOnOutOfMemoryError), and it is started again on the same data. The
 * app meanwhile answers console requests with 503 "Console restarting" and nothing else.
 */
function superviseBundled(
  config: BundledNeo4jConfig,
  database: string,
  firstPid: number,
  log: (message: string) => void,
): { pid: () => number; stop: () => void } {
  let pid = firstPid;
  let stopped = false;
  let restarting = false;
  const timer = setInterval(async () => {
    if (stopped || restarting || runningPid(config) !== undefined) return;
    restarting = true;
    log(`The console's database (pid ${pid}) has ended; starting it again...`);
    try {
      const started = await start(config, database, log);
      pid = started.pid;
      if (stopped) await stop(config, log, pid);
    } catch (error) {
      log(`The console's database could not be started again: ${(error as Error).message}`);
    } finally {
      restarting = false;
    }
  }, WATCH_MS);
  timer.unref();
  return {
    pid: () => pid,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/**
 * Reaches the research console's own database: the one CONSOLE_NEO4J_URI names, or the
 * bundled console server (started if needed and restarted when it ends), or none.
 */
export async function connectConsole(
  database: ConsoleDatabase,
  log: (message: string) => void,
): Promise<ConsoleConnected | undefined> {
  if (database.mode === 'off') {
    log('The research console is off (KIZUNA_CONSOLE=off).');
    return undefined;
  }
  if (database.mode === 'external') {
    try {
      await pingNeo4j(database.connection);
    } catch (error) {
      // Not fatal: the explorer does not need it, and the console says it is unreachable.
      log(
        `The console's database at CONSOLE_NEO4J_URI=${database.connection.uri} does not answer yet: ${(error as Error).message}`,
      );
    }
    return { connection: database.connection, release: async () => {} };
  }
  const consoleLog = (message: string) => log(`[console database] ${message}`);
  const started = await start(database.bundled, database.database, consoleLog);
  const watch = started.startedHere
    ? superviseBundled(database.bundled, database.database, started.pid, consoleLog)
    : undefined;
  return {
    connection: started.connection,
    release: async () => {
      if (!watch) return;
      watch.stop();
      await stop(database.bundled, consoleLog, watch.pid());
    },
  };
}
