import { rmSync } from 'node:fs';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import type { Connection } from '../../graph/connection';
import { openGraph } from '../../graph/graph';
import { install, start, stop } from '../../scripts/neo4j/bundled-neo4j';
import { resetToSeededPlan } from '../support/shared-database';
import { throwawayNeo4jConfig } from '../support/throwaway-neo4j';
import { clientBuild } from './client-build';
import { once } from './once';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Connection;
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
 */
export default async function setup(project: TestProject) {
  if (project.vitest.projects.some((p) => p.name.startsWith('e2e'))) {
    // Not awaited here: tests/global/app.ts waits for it, and reports its failure.
    clientBuild().catch(() => {});
  }
  const neo4j = await once('neo4j', async () => {
    const started = Date.now();
    const config = await throwawayNeo4jConfig();
    await install({ ...config, home: '.neo4j', libDir: undefined }, log);
    const running = await start(config, 'neo4j', log);
    const graph = openGraph(running.connection);
    let seededState: string;
    try {
      seededState = await resetToSeededPlan(graph);
    } finally {
      await graph.close();
    }
    log(
      `set-up: Neo4j started and the plan seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return {
      value: { connection: running.connection, home: config.home, seededState },
      stop: async () => {
        await stop(config, log);
        rmSync(config.home, { recursive: true, force: true });
      },
    };
  });
  project.provide('neo4j', neo4j.value.connection);
  project.provide('neo4jHome', neo4j.value.home);
  project.provide('seededState', neo4j.value.seededState);
  return neo4j.release;
}
