/**
 * npm run restore -- FILE [--replace]: reads a backup written by npm run backup, checks every
 * section's checksum, and writes it back in one transaction. Refuses to overwrite existing
 * analysts' data without --replace. The plan is never touched.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importAnalystsData } from '../graph/events/backup';
import { openGraph } from '../graph/graph';
import { loadConfig } from '../server/config';
import { connect } from './connect';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { replace: { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file)
    throw new Error('Name the backup file: npm run restore -- backups/kizuna-analysts-….json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot be read as JSON (${(error as Error).message}).`);
  }
  const connected = await connect(loadConfig(), (m) => console.log(m));
  const graph = openGraph(connected.connection);
  try {
    const counts = await importAnalystsData(graph, json, { replace: values.replace });
    console.log(
      `Restored ${counts.events} events, ${counts.assessments} assessments, ${counts.users} accounts and ${counts.audit} audit entries from ${file}.`,
    );
  } finally {
    await graph.close();
    await connected.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
