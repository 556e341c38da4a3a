import { readFileSync, rmSync } from 'node:fs';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import type { Connection } from '../../graph/connection';
import { openGraph } from '../../graph/graph';
import { install, start, stop } from '../../scripts/neo4j/bundled-neo4j';
import { resetToSeededPlan } from '../support/shared-database';
import { throwawayNeo4jConfig } from '../support/throwaway-neo4j';
import { clientBuild } from './client-build';
import { once } from './once';

/** User and system CPU seconds a process has used, where /proc tells (Linux); else undefined. */
function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, in clock ticks: 100 a second on Linux.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Connection;
    /** The research console's own database (server/routes/cypher/console-sandbox.ts), empty at first. */
    consoleNeo4j: Connection;
    neo4jHome: string;
    /** tests/support/shared-database.ts's databaseState of the freshly seeded plan. */
    seededState: string;
  }
}

const log = (message: string) => console.log(`[test neo4j] ${message}`);

/**
 * The one Neo4j of a test run: started on free ports with a throwaway data folder, the plan
 * seeded, and shared by every integration and e2e project of the run (each project names this
 * file; `once` starts it for the first and counts the others in). Stopped after the last.
 * Beside it, the research console's own Neo4j, which the app fills with the public data.
 */
export default async function setup(project: TestProject) {
  if (project.vitest.projects.some((p) => p.name.startsWith('e2e'))) {
    // Not awaited here: tests/global/app.ts waits for it, and reports its failure.
    clientBuild().catch(() => {});
  }
  const neo4j = await once('neo4j', async () => {
    const started = Date.now();
    const config = await throwawayNeo4jConfig();
    const consoleConfig = await throwawayNeo4jConfig();
    await install({ ...config, home: '.neo4j', libDir: undefined }, log);
    const consoleLog = (message: string) => log(`[console] ${message}`);
    // Side by side: the console's server starts while the main one seeds.
    const consoleStart = start(consoleConfig, 'neo4j', consoleLog);
    consoleStart.catch(() => {});
    const stopAll = async () => {
      // What each server cost over the run, for bench/test-suite.ts and whoever reads the log.
      for (const [server, say] of [
        [running, log],
        [consoleRunning, consoleLog],
      ] as const) {
        const seconds = server && cpuSeconds(server.pid);
        if (seconds !== undefined) say(`CPU used over the run: ${seconds.toFixed(1)} s`);
      }
      await Promise.all([stop(config, log), stop(consoleConfig, consoleLog)]);
      for (const home of [config.home, consoleConfig.home])
        rmSync(home, { recursive: true, force: true });
    };
    let running: Awaited<typeof consoleStart> | undefined;
    let consoleRunning: Awaited<typeof consoleStart> | undefined;
    let seededState: string;
    try {
      running = await start(config, 'neo4j', log);
      const graph = openGraph(running.connection);
      try {
        seededState = await resetToSeededPlan(graph);
      } finally {
        await graph.close();
      }
      consoleRunning = await consoleStart;
    } catch (error) {
      await stopAll();
      throw error;
    }
    log(
      `set-up: Neo4j started and the plan seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return {
      value: {
        connection: running.connection,
        console: consoleRunning.connection,
        home: config.home,
        seededState,
      },
      stop: stopAll,
    };
  });
  project.provide('neo4j', neo4j.value.connection);
  project.provide('consoleNeo4j', neo4j.value.console);
  project.provide('neo4jHome', neo4j.value.home);
  project.provide('seededState', neo4j.value.seededState);
  return neo4j.release;
}
