import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { datasetFilename } from '../core/dataset';
import { repoRoot } from './neo4j/bundled-paths';
import {
  knownVersions,
  ReleaseError,
  releaseCommit,
  releaseNamed,
  runDump,
  runMain,
  withCommitTree,
} from './release/release-tree';

/**
 * npm run dataset:build -- --version X [--out DIR]
 *
 * Rebuilds release X's dataset bundle from the repository: checks out the commit the
 * release was cut at (core/dataset-releases.json) into a temporary worktree and builds the
 * bundle there with that commit's own code (scripts/release/dump-release.ts), dated the
 * release's date so that the same data give the same zip. A commit without a bundle
 * builder gets its graph model built instead. Where this checkout holds the same data, the
 * bundle it builds now is compared with the rebuilt one, byte for byte, and where they
 * differ the first differing line of each file says why.
 */

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function hasFile(commit: string, file: string): boolean {
  try {
    execFileSync('git', ['cat-file', '-e', `${commit}:${file}`], {
      cwd: repoRoot,
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

/** The first line where two texts part, shortened, or undefined where they do not. */
function firstDifference(a: string, b: string): string | undefined {
  const [x, y] = [a.split('\n'), b.split('\n')];
  const cut = (s: string | undefined) =>
    s === undefined ? '(none)' : JSON.stringify(s.length > 90 ? `${s.slice(0, 89)}…` : s);
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if (x[i] !== y[i]) return `line ${i + 1}: release ${cut(x[i])}, now ${cut(y[i])}`;
  return undefined;
}

/** Why two zips differ, one line per file that does. */
function zipDifferences(release: Uint8Array, now: Uint8Array): string[] {
  const [a, b] = [unzipSync(release), unzipSync(now)];
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.flatMap((name) => {
    const [x, y] = [a[name], b[name]];
    if (!x) return [`${name}: only in the bundle built now`];
    if (!y) return [`${name}: only in the release's bundle`];
    if (sha256(x) === sha256(y)) return [];
    const why = firstDifference(strFromU8(x), strFromU8(y)) ?? 'same text, other bytes';
    return [`${name}: ${why}`];
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { version: { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.version)
    throw new ReleaseError(
      `Usage: npm run dataset:build -- --version X [--out DIR]; known versions: ${knownVersions()}.`,
    );
  const release = releaseNamed(values.version);
  const commit = releaseCommit(release);
  const outDir = path.resolve(values.out ?? path.join(repoRoot, 'dist', 'releases'));
  mkdirSync(outDir, { recursive: true });
  const canBundle = hasFile(commit, 'core/formats/dataset-bundle.ts');
  const target = path.join(
    outDir,
    canBundle
      ? datasetFilename('plan-bundle', release.released, 'zip', release.version)
      : datasetFilename('plan-model', release.released, 'json', release.version),
  );

  console.log(
    `Release ${release.version} (released ${release.released}, sha256:${release.fingerprint.slice(0, 12)}), commit ${commit.slice(0, 10)}.`,
  );
  if (!canBundle)
    console.log(
      `Commit ${commit.slice(0, 10)} has no dataset bundle builder (core/formats/dataset-bundle.ts): building its graph model (JSON) instead.`,
    );
  console.log(
    `Checking out ${commit.slice(0, 10)} into a temporary worktree and building with its code…`,
  );
  const built = await withCommitTree(commit, (root) =>
    runDump(root, canBundle ? { bundle: target, date: release.released } : { model: target }),
  );
  if (built.fingerprint !== release.fingerprint)
    throw new ReleaseError(
      `The data at ${commit.slice(0, 10)} give sha256:${built.fingerprint.slice(0, 12)}, not the recorded sha256:${release.fingerprint.slice(0, 12)}: core/dataset-releases.json names the wrong commit.`,
    );
  console.log(
    `Built ${path.relative(process.cwd(), target) || target}: ${built.nodes} nodes and ${built.relationships} relationships in the model, ${built.events} of the nodes curated events` +
      (built.bundle
        ? built.bundle.events === built.events
          ? '.'
          : `; the bundle has ${built.bundle.events} events, as that commit's export had (events joined the exports later).`
        : '.'),
  );
  if (!canBundle) return;
  const rebuilt = new Uint8Array(readFileSync(target));
  console.log(`sha256 ${sha256(rebuilt)}`);

  console.log('Building the bundle of this checkout, dated the same, to compare…');
  const dir = mkdtempSync(path.join(tmpdir(), 'kizuna-build-'));
  try {
    const nowFile = path.join(dir, 'now.zip');
    const now = await runDump(repoRoot, { bundle: nowFile, date: release.released });
    if (now.fingerprint !== release.fingerprint) {
      console.log(
        `Not compared: this checkout's data are not release ${release.version} (sha256:${now.fingerprint.slice(0, 12)}, not ${release.fingerprint.slice(0, 12)}).`,
      );
      return;
    }
    const current = new Uint8Array(readFileSync(nowFile));
    if (sha256(current) === sha256(rebuilt)) {
      console.log(
        `Byte-for-byte identical to the bundle this checkout builds from the same data (both dated ${release.released}; the zip's time stamps are fixed).`,
      );
      return;
    }
    console.log(
      'Not byte-for-byte identical to the bundle this checkout builds from the same data; the files that differ:',
    );
    for (const line of zipDifferences(rebuilt, current)) console.log(`  ${line}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runMain('dataset:build', main);
