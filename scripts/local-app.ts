import type { Connection } from '../graph/connection';
import { type Config, loadConfig } from '../server/config';
import { createLogger, startServer } from '../server/main';
import { buildClientIfNeeded } from './build-client';
import { connect } from './connect';
import { connectConsole } from './connect-console';
import { ensureSeeded } from './ensure-seeded';

export interface LocalApp {
  /** http://127.0.0.1:<port>, the app with the plan loaded. */
  url: string;
  connection: Connection;
  config: Config;
  close(): Promise<void>;
}

/**
 * The whole app on a free loopback port, for scripts that drive it (benchmarks, the
 * export command): the configured database (the bundled one started if needed), the
 * plan seeded if needed, the client built if needed (unless withClient is false: the
 * publish command reads only the API, and builds its own client); the research console's
 * database only withConsole. close() stops what it started.
 */
export async function startLocalApp(
  log: (message: string) => void = () => {},
  { withConsole = false, withClient = true } = {},
): Promise<LocalApp> {
  const config: Config = { ...loadConfig(), logLevel: 'silent' };
  const connected = await connect(config, log);
  // Only the scripts that drive the research console start its database.
  const consoleDb = withConsole
    ? await connectConsole(config.console.database, log).catch(async (error: unknown) => {
        await connected.release();
        throw error;
      })
    : undefined;
  const release = async () => {
    await consoleDb?.release();
    await connected.release();
  };
  try {
    await ensureSeeded(connected.connection, log);
    if (withClient) buildClientIfNeeded(log);
    const server = await startServer(
      { ...config, http: { ...config.http, host: '127.0.0.1', port: 0 } },
      connected.connection,
      createLogger(config),
      consoleDb?.connection,
    );
    return {
      url: server.url.replace('localhost', '127.0.0.1'),
      connection: connected.connection,
      config,
      async close() {
        await server.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}
