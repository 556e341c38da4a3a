import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BundledNeo4jConfig } from '../../server/config';

/** A port nobody listens on right now, on loopback. */
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
    // A test's Neo4j lives for minutes, not months: the client compiler alone and the serial
    // collector halve what a start costs (measured: 22.6 s of CPU to Bolt with the defaults,
    // 10.6 s with these, on 2 busy cores), and the tests' small queries never need C2's code.
    // KIZUNA_TEST_NEO4J_JVM replaces them, to measure others (bench/test-suite.ts prints what
    // each shared server used).
    jvmOptions: process.env.KIZUNA_TEST_NEO4J_JVM?.split(' ').filter(Boolean) ?? [
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
    ],
  };
}
