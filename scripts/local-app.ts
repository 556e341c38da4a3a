import type { Connection } from '../graph/connection';
import { type Config, loadConfig } from '../server/config';
import { createLogger, startServer } from '../server/main';
import { buildClientIfNeeded } from './build-client';
import { connect } from './connect';
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
 * plan seeded if needed, the client built if needed. close() stops what it started.
 */
export async function startLocalApp(log: (message: string) => void = () => {}): Promise<LocalApp> {
  const config: Config = { ...loadConfig(), logLevel: 'silent' };
  const connected = await connect(config, log);
  try {
    await ensureSeeded(connected.connection, log);
    buildClientIfNeeded(log);
    const server = await startServer(
      { ...config, http: { ...config.http, host: '127.0.0.1', port: 0 } },
      connected.connection,
      createLogger(config),
    );
    return {
      url: server.url.replace('localhost', '127.0.0.1'),
      connection: connected.connection,
      config,
      async close() {
        await server.close();
        await connected.release();
      },
    };
  } catch (error) {
    await connected.release();
    throw error;
  }
}
