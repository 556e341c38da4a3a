import { afterAll, beforeAll, inject } from 'vitest';
import { openGraph } from '../../graph/graph';
import { databaseState } from './shared-database';

/**
 * For the files that run side by side on the run's one Neo4j: they may only read it. Before and
 * after the file, the database's whole state (data, constraints, indexes) must be the freshly
 * seeded plan's, so a file that writes fails here, rather than another file failing at random
 * on data it did not expect. Such a file belongs among the serial ones (tests/suites.ts).
 */
const MOVE = 'A file that writes to it must be listed among the serial files in tests/suites.ts.';

async function seeded(): Promise<boolean> {
  const graph = openGraph(inject('neo4j'));
  try {
    return (await databaseState(graph)) === inject('seededState');
  } finally {
    await graph.close();
  }
}

beforeAll(async () => {
  if (!(await seeded())) {
    throw new Error(
      `The shared test database was already changed when this file started, by a file that ran before or beside it. ${MOVE}`,
    );
  }
});

afterAll(async () => {
  if (!(await seeded())) {
    throw new Error(
      `The shared test database changed while this file ran: this file, or one running beside it, wrote to it. ${MOVE}`,
    );
  }
});
