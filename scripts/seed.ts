/**
 * npm run seed [-- --reset] [--source FILE] [--data DIR]: loads the Action Plan into
 * the configured Neo4j (starting the bundled one if needed, and stopping it again).
 * Everything is parsed and validated before the first write.
 */
import { parseArgs } from 'node:util';
import { openGraph } from '../graph/graph';
import { type LoadReport, loadGraph } from '../graph/load-graph';
import { loadConfig } from '../server/config';
import { connect } from './connect';
import { readCuratedAssessments, seedAssessments } from './seed-assessments';
import { readCuratedEvents, seedEvents } from './seed-events';
import { readSeedInputs } from './seed-inputs';

const log = (message: string) => console.log(message);

export function formatReport(report: LoadReport): string {
  const lines = ['Nodes:'];
  for (const [label, n] of Object.entries(report.nodes)) lines.push(`  ${label.padEnd(12)} ${n}`);
  lines.push('Relationships:');
  for (const [type, n] of Object.entries(report.relationships))
    lines.push(`  ${type.padEnd(16)} ${n}`);
  lines.push(`Commitments that name no entity: ${report.unlinkedCommitments}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean', default: false },
      source: { type: 'string' },
      data: { type: 'string' },
    },
  });
  const inputs = readSeedInputs(values.source, values.data);
  const events = readCuratedEvents(inputs.model, values.data);
  const assessments = readCuratedAssessments(inputs.model, events, values.data);
  log(
    `Parsed the plan: ${inputs.model.nodes.length} nodes and ${inputs.model.relationships.length} relationships to load.`,
  );
  const config = loadConfig();
  const connected = await connect(config, log);
  const graph = openGraph(connected.connection);
  try {
    const started = Date.now();
    const report = await loadGraph(graph, inputs.model, {
      reset: values.reset,
      sourceSha256: inputs.sourceSha256,
      fingerprint: inputs.fingerprint,
    });
    log(
      `Loaded into ${connected.connection.uri} (database ${graph.database}) in ${Date.now() - started} ms${values.reset ? ' after a reset' : ''}.`,
    );
    log(formatReport(report));
    await seedEvents(graph, events, log);
    await seedAssessments(graph, assessments, log);
  } finally {
    await graph.close();
    await connected.release();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof Error
      ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`
      : String(error),
  );
  process.exit(1);
});
