import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type DatasetModel, diffModels, formatDiff } from '../core/dataset-diff';
import { repoRoot } from './neo4j/bundled-paths';
import {
  knownVersions,
  ReleaseError,
  releaseCommit,
  releaseNamed,
  runDump,
  runMain,
  WORKING,
  withCommitTree,
  workingChanges,
} from './release/release-tree';

/**
 * npm run dataset:diff -- FROM TO [--json] [--limit N]
 *
 * What changed in the dataset from one version to another: FROM and TO are released
 * versions (core/dataset-releases.json) or `working` (this checkout's files, uncommitted
 * changes included). Each version's graph is built by its own commit's code in a temporary
 * worktree; the diff (core/dataset-diff.ts) is printed as text, or as JSON with --json.
 * Progress goes to stderr, so --json's stdout is the JSON alone.
 */

interface Side {
  name: string;
  commit: string | null;
  fingerprint: string;
  model: DatasetModel;
}

async function build(name: string, dir: string): Promise<Side> {
  const file = path.join(dir, `${name}.json`);
  if (name === WORKING) {
    const changes = workingChanges();
    console.error(
      `Building ${WORKING}: this checkout's data${changes.length ? ` (${changes.length} uncommitted changes in seed/ or the version file)` : ''}…`,
    );
    const summary = await runDump(repoRoot, { model: file });
    console.error(
      `  ${summary.nodes} nodes, ${summary.relationships} relationships (${summary.events} events), sha256:${summary.fingerprint.slice(0, 12)}`,
    );
    return { name, commit: null, fingerprint: summary.fingerprint, model: read(file) };
  }
  const release = releaseNamed(name);
  const commit = releaseCommit(release);
  console.error(`Building ${name} at ${commit.slice(0, 10)} with that commit's code…`);
  const summary = await withCommitTree(commit, (root) => runDump(root, { model: file }));
  if (summary.fingerprint !== release.fingerprint)
    throw new ReleaseError(
      `The data at ${commit.slice(0, 10)} give sha256:${summary.fingerprint.slice(0, 12)}, not release ${name}'s recorded sha256:${release.fingerprint.slice(0, 12)}.`,
    );
  console.error(
    `  ${summary.nodes} nodes, ${summary.relationships} relationships (${summary.events} events), sha256:${summary.fingerprint.slice(0, 12)} as recorded`,
  );
  return { name, commit, fingerprint: summary.fingerprint, model: read(file) };
}

function read(file: string): DatasetModel {
  return JSON.parse(readFileSync(file, 'utf8')) as DatasetModel;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, limit: { type: 'string' } },
  });
  if (positionals.length !== 2)
    throw new ReleaseError(
      `Usage: npm run dataset:diff -- FROM TO [--json] [--limit N], each a version (${knownVersions()}) or ${WORKING}.`,
    );
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0))
    throw new ReleaseError(`--limit must be a whole number; got "${values.limit}".`);
  // Both names are checked before anything is built.
  for (const name of positionals) if (name !== WORKING) releaseNamed(name);
  const dir = mkdtempSync(path.join(tmpdir(), 'kizuna-diff-'));
  try {
    const [from, to] = [await build(positionals[0]!, dir), await build(positionals[1]!, dir)];
    const diff = diffModels(from.model, to.model);
    if (values.json) {
      const side = ({ name, commit, fingerprint }: Side) => ({ name, commit, fingerprint });
      console.log(JSON.stringify({ from: side(from), to: side(to), ...diff }, null, 2));
    } else {
      process.stdout.write(
        formatDiff(diff, from.name, to.name, limit === undefined ? {} : { limit }),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runMain('dataset:diff', main);
