import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import type { Connection } from '../../graph/connection';
import { install, start, stop } from '../../scripts/neo4j/bundled-neo4j';
import type { BundledNeo4jConfig } from '../../server/config';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Connection;
    neo4jHome: string;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Shares the installed jars; everything else lives in a throwaway folder. */
export async function throwawayNeo4jConfig(): Promise<BundledNeo4jConfig> {
  return {
    home: mkdtempSync(path.join(os.tmpdir(), 'kizuna-neo4j-')),
    libDir: '.neo4j/lib',
    boltPort: await freePort(),
    httpPort: await freePort(),
    heap: '512m',
    pageCache: '128m',
    // Generous: on a loaded machine (CI, several suites at once) Neo4j can take minutes to start.
    startTimeoutMs: 240_000,
  };
}

/**
 * Starts a real Neo4j for the integration tests, on free ports with a throwaway data
 * folder, and stops it afterwards whatever the tests did.
 */
export default async function setup(project: TestProject) {
  const log = (message: string) => console.log(`[neo4j] ${message}`);
  const config = await throwawayNeo4jConfig();
  await install({ ...config, home: '.neo4j', libDir: undefined }, log);
  const started = await start(config, 'neo4j', log);
  project.provide('neo4j', started.connection);
  project.provide('neo4jHome', config.home);
  return async () => {
    await stop(config, log);
    rmSync(config.home, { recursive: true, force: true });
  };
}
