/**
 * npm start: the bundled Neo4j (unless NEO4J_URI is set), the plan seeded if it is not
 * loaded yet, the client built if needed, then the app and API. Ctrl-C stops all of it,
 * including a Neo4j this command started.
 */
import { loadConfig } from '../server/config';
import { checkCanListen, createLogger, startServer } from '../server/main';
import { buildClientIfNeeded } from './build-client';
import { connect } from './connect';
import { ensureSeeded } from './ensure-seeded';

const log = (message: string) => console.log(message);

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  await checkCanListen(config);
  const connected = await connect(config, log);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`\n${signal}: shutting down...`);
    await server?.close().catch(() => {});
    await connected.release();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await ensureSeeded(connected.connection, log);
    buildClientIfNeeded(log);
    server = await startServer(config, connected.connection, logger);
  } catch (error) {
    await connected.release();
    throw error;
  }
  log(`Kizuna is running at ${server.url}  (API: ${server.url}/api/health)  Ctrl-C stops it.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
