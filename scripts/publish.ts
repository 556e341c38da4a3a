/**
 * npm run publish -- --out DIR [--force]
 *
 * Writes a static, read-only Kizuna into DIR: the explorer built with a relative base and
 * every answer its views read from the API, as files (core/published/site-files.ts), so it
 * runs from any static host with no Node, Java or Neo4j. docs/publish.md says what it holds.
 * The app is started on a free loopback port (the bundled Neo4j, seeded if needed) and
 * stopped at the end. Bad input (no --out, DIR not empty without --force, DIR the
 * repository or a parent of it) exits 2 with a message, having written nothing.
 */
import { parseArgs } from 'node:util';
import { PublishUsageError } from './publish/out-dir';
import { publishSite } from './publish/publish-site';
import { megabytes } from './publish/site-size';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const started = Date.now();
  const { dir, manifest, size } = await publishSite({
    out: values.out,
    force: values.force,
    log: (message) => console.log(message),
  });
  console.log(
    `Published dataset ${manifest.datasetVersion} (${manifest.counts.nodes} nodes, ${manifest.counts.relationships} relationships, ${manifest.counts.events} events) to ${dir} in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  );
  console.log(
    `Size: ${size.files} files, ${megabytes(size.bytes)}, ${megabytes(size.gzipBytes)} gzipped file by file.`,
  );
}

main().catch((error: unknown) => {
  if (
    error instanceof PublishUsageError ||
    String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')
  ) {
    console.error((error as Error).message);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
