import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { diffModels, formatDiff } from '../core/dataset-diff';
import { type BuiltSide, buildSide } from './release/build-model';
import {
  knownVersions,
  ReleaseError,
  releaseNamed,
  runMain,
  WORKING,
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
    const [from, to] = [
      await buildSide(positionals[0]!, dir),
      await buildSide(positionals[1]!, dir),
    ];
    const diff = diffModels(from.model, to.model);
    if (values.json) {
      const side = ({ name, commit, fingerprint }: BuiltSide) => ({ name, commit, fingerprint });
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
