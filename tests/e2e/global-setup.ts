import { rmSync } from 'node:fs';
import pino from 'pino';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import type { Connection } from '../../graph/connection';
import { openGraph } from '../../graph/graph';
import { loadGraph } from '../../graph/load-graph';
import { buildClientIfNeeded } from '../../scripts/build-client';
import { install, start, stop } from '../../scripts/neo4j/bundled-neo4j';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { loadConfig } from '../../server/config';
import { startServer } from '../../server/main';
import { freePort, throwawayNeo4jConfig } from '../integration/global-setup';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    neo4j: Connection;
  }
}

/**
 * The whole app for the browser tests: a throwaway Neo4j with the plan seeded, the
 * client built, and the server on a free port. Stopped afterwards whatever happened.
 */
export default async function setup(project: TestProject) {
  const log = (message: string) => console.log(`[e2e] ${message}`);
  const neo4jConfig = await throwawayNeo4jConfig();
  await install({ ...neo4jConfig, home: '.neo4j', libDir: undefined }, log);
  const started = await start(neo4jConfig, 'neo4j', log);
  const graph = openGraph(started.connection);
  const inputs = readSeedInputs();
  await loadGraph(graph, inputs.model, {
    sourceSha256: inputs.sourceSha256,
    fingerprint: inputs.fingerprint,
  });
  await graph.close();
  buildClientIfNeeded(log);
  const config = loadConfig({ PORT: String(await freePort()), LOG_LEVEL: 'silent' });
  const server = await startServer(config, started.connection, pino({ level: 'silent' }));
  project.provide('appUrl', server.url.replace('localhost', '127.0.0.1'));
  project.provide('neo4j', started.connection);
  return async () => {
    await server.close();
    await stop(neo4jConfig, log);
    rmSync(neo4jConfig.home, { recursive: true, force: true });
  };
}
