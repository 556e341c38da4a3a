import type { Connection } from '../graph/connection';
import { checkDatabase, pingNeo4j } from '../graph/connection';
import type { Config } from '../server/config';
import { start, stop } from './neo4j/bundled-neo4j';

export interface Connected {
  connection: Connection;
  /** Stops what this process started (the bundled Neo4j), or nothing. */
  release(): Promise<void>;
}

/**
 * Reaches the database Kizuna is configured for: the one NEO4J_URI names (never starting
 * the bundled one), or the bundled server, started if needed.
 */
export async function connect(config: Config, log: (message: string) => void): Promise<Connected> {
  if (config.neo4j.mode === 'external') {
    const connection: Connection = {
      uri: config.neo4j.uri,
      user: config.neo4j.user,
      password: config.neo4j.password,
      database: config.neo4j.database,
    };
    log(`Connecting to ${connection.uri} (NEO4J_URI)...`);
    const started = Date.now();
    let lastError = '';
    let reached = false;
    while (!reached && Date.now() - started < config.neo4j.connectTimeoutMs) {
      try {
        await pingNeo4j(connection);
        reached = true;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        if (/unauthori[sz]ed|authentication/i.test(lastError)) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    if (!reached) {
      throw new Error(`Cannot reach Neo4j at NEO4J_URI=${connection.uri}: ${lastError}`);
    }
    await checkDatabase(connection);
    return { connection, release: async () => {} };
  }
  const started = await start(config.bundled, config.neo4j.database, log);
  try {
    await checkDatabase(started.connection);
  } catch (error) {
    if (started.startedHere) await stop(config.bundled, log, started.pid);
    throw error;
  }
  return {
    connection: started.connection,
    release: async () => {
      if (started.startedHere) await stop(config.bundled, log, started.pid);
    },
  };
}
