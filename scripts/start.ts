/**
 * npm start: the bundled Neo4j (unless NEO4J_URI is set) and the research console's own
 * bundled Neo4j (unless CONSOLE_NEO4J_URI is set or KIZUNA_CONSOLE=off), the plan seeded if
 * it is not loaded yet, the client built if needed, then the app and API. Ctrl-C stops all
 * of it, including the servers this command started.
 */
import { loadConfig } from '../server/config';
import { checkCanListen, createLogger, startServer } from '../server/main';
import { buildClientIfNeeded } from './build-client';
import { connect } from './connect';
import { connectConsole } from './connect-console';
import { ensureSeeded } from './ensure-seeded';
import { install } from './neo4j/bundled-neo4j';

const log = (message: string) => console.log(message);

/** Both, started side by side; when one fails, the other is stopped again and the error thrown. */
async function bothOrNeither<
  A extends { release(): Promise<void> },
  B extends { release(): Promise<void> } | undefined,
>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b]);
  if (first.status === 'fulfilled' && second.status === 'fulfilled')
    return [first.value, second.value];
  if (first.status === 'fulfilled') await first.value.release();
  if (second.status === 'fulfilled') await second.value?.release();
  throw first.status === 'rejected' ? first.reason : (second as PromiseRejectedResult).reason;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  await checkCanListen(config);
  // Both bundled servers share one install: it is made (if need be) before either starts.
  if (config.neo4j.mode === 'bundled' || config.console.database.mode === 'bundled')
    await install(config.bundled, log);
  const [connected, consoleDb] = await bothOrNeither(
    connect(config, log),
    connectConsole(config.console.database, log),
  );
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`\n${signal}: shutting down...`);
    await server?.close().catch(() => {});
    await Promise.all([connected.release(), consoleDb?.release()]);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await ensureSeeded(connected.connection, log);
    buildClientIfNeeded(log);
    server = await startServer(config, connected.connection, logger, consoleDb?.connection);
  } catch (error) {
    await Promise.all([connected.release(), consoleDb?.release()]);
    throw error;
  }
  log(`Kizuna is running at ${server.url}  (API: ${server.url}/api/health)  Ctrl-C stops it.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
