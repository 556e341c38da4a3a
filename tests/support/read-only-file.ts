import { afterAll, inject } from 'vitest';
import { openGraph } from '../../graph/graph';
import { databaseState } from './shared-database';

/**
 * For the files that run side by side on the run's one Neo4j: they may only read it. After
 * the file, the database's whole state (data, constraints, indexes) must still be the freshly
 * seeded plan's, so a file that writes fails here, naming itself, rather than another file
 * failing at random. Such a file belongs among the serial ones (tests/suites.ts).
 */
afterAll(async () => {
  const graph = openGraph(inject('neo4j'));
  try {
    if ((await databaseState(graph)) !== inject('seededState')) {
      throw new Error(
        'The shared test database is no longer the seeded plan after this file, which runs side by side ' +
          'with files that read it. If it writes, list it among the serial files in tests/suites.ts.',
      );
    }
  } finally {
    await graph.close();
  }
});
