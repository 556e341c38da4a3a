import { inject } from 'vitest';
import { type Graph, openGraph } from '../../graph/graph';
import { ConsoleSandbox } from '../../server/routes/cypher/console-sandbox';

/**
 * The research console over the run's console database (tests/global/shared-neo4j.ts),
 * copying from `main`. It checks the main data before every request (no lag), so a test
 * that changes the data and then asks the console never depends on timing.
 */
export function testConsole(main: Graph): ConsoleSandbox {
  return new ConsoleSandbox(main, openGraph(inject('consoleNeo4j')), undefined, 0);
}
