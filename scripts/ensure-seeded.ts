import type { Connection } from '../graph/connection';
import { openGraph } from '../graph/graph';
import { loadedFingerprint, loadGraph } from '../graph/load-graph';
import { ensureSchema } from '../graph/schema-setup';
import { readCuratedAssessments, seedAssessments } from './seed-assessments';
import { readCuratedEvents, seedEvents } from './seed-events';
import { readSeedInputs } from './seed-inputs';

/**
 * Seeds the plan when the database does not hold it yet, or holds an older seeding
 * (the source or curated data changed since), and brings its constraints and indexes up
 * to this release's. Says what it did, for the start log.
 */
export async function ensureSeeded(
  connection: Connection,
  log: (message: string) => void,
): Promise<void> {
  const inputs = readSeedInputs();
  const events = readCuratedEvents(inputs.model);
  const assessments = readCuratedAssessments(inputs.model, events);
  const graph = openGraph(connection);
  try {
    const loaded = await loadedFingerprint(graph, inputs.plan.id);
    if (loaded === inputs.fingerprint) {
      log('The Action Plan is loaded and current.');
      // A database seeded by an older release gets the indexes this one added.
      await ensureSchema(graph);
      await seedEvents(graph, events, log);
      await seedAssessments(graph, assessments, log);
      return;
    }
    log(
      loaded === null
        ? 'Seeding the Action Plan...'
        : 'The curated data changed since the last seeding; reseeding...',
    );
    const report = await loadGraph(graph, inputs.model, {
      sourceSha256: inputs.sourceSha256,
      fingerprint: inputs.fingerprint,
    });
    const nodes = Object.values(report.nodes).reduce((a, b) => a + b, 0);
    const rels = Object.values(report.relationships).reduce((a, b) => a + b, 0);
    log(`Seeded: ${nodes} nodes, ${rels} relationships.`);
    await seedEvents(graph, events, log);
    await seedAssessments(graph, assessments, log);
  } finally {
    await graph.close();
  }
}
