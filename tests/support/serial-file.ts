import { beforeAll, inject } from 'vitest';
import { openGraph } from '../../graph/graph';
import { resetToSeededPlan } from './shared-database';

/**
 * For the files that write to the run's one Neo4j, or watch the whole of it: they run one at a
 * time, and each starts from the freshly seeded plan with no analysts' data, whatever the file
 * before it left behind (or in whatever order --sequence.shuffle puts them).
 */
beforeAll(async () => {
  const graph = openGraph(inject('neo4j'));
  try {
    await resetToSeededPlan(graph, inject('seededState'));
  } finally {
    await graph.close();
  }
}, 120_000);
