import { beforeAll, inject } from 'vitest';
import { openGraph } from '../../graph/graph';
import { resetToSeededPlan } from './shared-database';

/**
 * Every file that shares the run's one Neo4j starts from the freshly seeded plan with no
 * analysts' data, whatever the file before it left behind, in whatever order
 * --sequence.shuffle puts them (tests/suites.ts says why they take turns).
 */
beforeAll(async () => {
  const graph = openGraph(inject('neo4j'));
  try {
    await resetToSeededPlan(graph, inject('seededState'));
  } finally {
    await graph.close();
  }
}, 120_000);
