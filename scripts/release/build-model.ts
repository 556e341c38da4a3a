import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DatasetModel } from '../../core/dataset-diff';
import { repoRoot } from '../neo4j/bundled-paths';
import {
  ReleaseError,
  releaseCommit,
  releaseNamed,
  runDump,
  WORKING,
  withCommitTree,
  workingChanges,
} from './release-tree';

/**
 * One version's graph model, built by its own commit's code (or this checkout's, for
 * `working`) and checked against the recorded fingerprint: what dataset:diff and
 * dataset:changes compare. Progress goes to stderr.
 */
export interface BuiltSide {
  name: string;
  commit: string | null;
  fingerprint: string;
  model: DatasetModel;
}

export async function buildSide(name: string, dir: string): Promise<BuiltSide> {
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
