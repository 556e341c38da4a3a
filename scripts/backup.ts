/**
 * npm run backup [-- --out FILE] [--with-secrets]: writes analysts' data (events, accounts,
 * audit log) to a JSON file with a SHA-256 per section. Password hashes only with --with-secrets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportAnalystsData } from '../graph/events/backup';
import { openGraph } from '../graph/graph';
import { loadConfig } from '../server/config';
import { connect } from './connect';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      'with-secrets': { type: 'boolean', default: false },
    },
  });
  const out =
    values.out ??
    path.join('backups', `kizuna-analysts-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const connected = await connect(loadConfig(), (m) => console.log(m));
  const graph = openGraph(connected.connection);
  try {
    const backup = await exportAnalystsData(graph, { includeSecrets: values['with-secrets'] });
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    writeFileSync(out, `${JSON.stringify(backup, null, 2)}\n`, { mode: 0o600 });
    const s = backup.sections;
    console.log(
      `Wrote ${out}: ${s.events.count} events, ${s.users.count} accounts${backup.includes_secrets ? ' (with password hashes)' : ''}, ${s.audit.count} audit entries.`,
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
