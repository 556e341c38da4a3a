/**
 * npm run db:{install,start,stop,status,logs}: the bundled Neo4j, by hand.
 * npm start and the integration tests use the same functions.
 */
import { ConfigError, loadConfig } from '../server/config';
import {
  BundledNeo4jError,
  install,
  isInstalled,
  logTail,
  runningPid,
  start,
  stop,
} from './neo4j/bundled-neo4j';
import { bundledPaths, neo4jVersion } from './neo4j/bundled-paths';

const log = (message: string) => console.log(message);

async function main(command: string | undefined): Promise<void> {
  const config = loadConfig();
  if (config.neo4j.mode === 'external' && command !== 'logs' && command !== 'status') {
    log(`NEO4J_URI is set (${config.neo4j.uri}): Kizuna uses that database, not the bundled one.`);
  }
  switch (command) {
    case 'install':
      await install(config.bundled, log);
      log(`Neo4j ${neo4jVersion()} is installed in ${bundledPaths(config.bundled).lib}.`);
      return;
    case 'start': {
      const started = await start(config.bundled, config.neo4j.database, log);
      log(
        `Neo4j Browser: http://127.0.0.1:${config.bundled.httpPort}/browser/ (user neo4j, password in ${bundledPaths(config.bundled).passwordFile})`,
      );
      if (!started.startedHere) log('(it was already running)');
      return;
    }
    case 'stop':
      await stop(config.bundled, log);
      return;
    case 'status': {
      const pid = runningPid(config.bundled);
      const installed = isInstalled(bundledPaths(config.bundled));
      log(`Neo4j ${neo4jVersion()}: ${installed ? 'installed' : 'not installed'}`);
      log(
        pid === undefined
          ? 'stopped'
          : `running (pid ${pid}) bolt://127.0.0.1:${config.bundled.boltPort} http://127.0.0.1:${config.bundled.httpPort}/browser/`,
      );
      process.exitCode = pid === undefined ? 3 : 0;
      return;
    }
    case 'logs':
      log(logTail(config.bundled, Number(process.argv[3] ?? 60)));
      return;
    default:
      console.error('Usage: tsx scripts/neo4j.ts install|start|stop|status|logs [lines]');
      process.exitCode = 2;
  }
}

main(process.argv[2]).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof BundledNeo4jError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
