import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATASET_RELEASES, type DatasetRelease, findRelease } from '../../core/dataset-releases';
import { repoRoot } from '../neo4j/bundled-paths';

/**
 * What dataset:build and dataset:diff share: finding a release's commit, checking it out
 * into a temporary git worktree (removed afterwards, on error and on Ctrl-C too), and
 * running dump-release.ts there, so each version is built by its own commit's code.
 */

/** A mistake the user can fix, said in one line without a stack. */
export class ReleaseError extends Error {}

/** `working` names the current checkout's files, uncommitted changes included. */
export const WORKING = 'working';

const DUMP_SCRIPT = path.join(repoRoot, 'scripts', 'release', 'dump-release.ts');
const TSX = path.join(repoRoot, 'node_modules', '.bin', 'tsx');

function git(args: string[]): string {
  return execFileSync('git', args, {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

function tryGit(args: string[]): string | undefined {
  try {
    return git(args);
  } catch {
    return undefined;
  }
}

export function knownVersions(): string {
  return DATASET_RELEASES.map((r) => r.version).join(', ');
}

/** The release with this version, or an error that lists the known ones. */
export function releaseNamed(version: string): DatasetRelease {
  const release = findRelease(version);
  if (!release)
    throw new ReleaseError(
      `No release ${version} in core/dataset-releases.json. Known versions: ${knownVersions()}.`,
    );
  return release;
}

interface VersionFile {
  version: string;
  released: string;
  fingerprint: string;
}

function versionFileAt(commit: string): VersionFile | undefined {
  const text = tryGit(['show', `${commit}:core/dataset-version.json`]);
  try {
    return text === undefined ? undefined : (JSON.parse(text) as VersionFile);
  } catch {
    return undefined;
  }
}

function records(file: VersionFile | undefined, release: DatasetRelease): boolean {
  return file?.version === release.version && file.fingerprint === release.fingerprint;
}

/**
 * The commit a release was cut at: the recorded one, or for the newest release, recorded
 * before its commit existed, the oldest commit whose core/dataset-version.json records
 * its version and fingerprint. Checked either way: a commit missing from this clone, or one
 * that records another version, is an error that says which.
 */
export function releaseCommit(release: DatasetRelease): string {
  if (release.commit === null) {
    const log = tryGit(['log', '--reverse', '--format=%H', '--', 'core/dataset-version.json']);
    const found = log?.split('\n').find((c) => c && records(versionFileAt(c), release));
    if (!found)
      throw new ReleaseError(
        `Release ${release.version} has no commit yet: commit core/dataset-version.json as ${release.version} first (npm run dataset:version -- major|minor|patch, then git commit).`,
      );
    return found;
  }
  if (tryGit(['cat-file', '-e', `${release.commit}^{commit}`]) === undefined)
    throw new ReleaseError(
      `Commit ${release.commit} of release ${release.version} is not in this repository` +
        (tryGit(['rev-parse', '--is-shallow-repository']) === 'true'
          ? ': this clone is shallow, fetch the history with git fetch --unshallow.'
          : ' (rewritten history, or a clone of another branch? git fetch origin).'),
    );
  const file = versionFileAt(release.commit);
  if (!records(file, release))
    throw new ReleaseError(
      `Commit ${release.commit.slice(0, 10)} does not record release ${release.version}: its core/dataset-version.json says ${file ? `${file.version}, sha256:${file.fingerprint.slice(0, 12)}` : 'nothing'}, core/dataset-releases.json says ${release.version}, sha256:${release.fingerprint.slice(0, 12)}.`,
    );
  return release.commit;
}

/** Whether the checkout has uncommitted changes to the dataset's inputs (seed/). */
export function workingChanges(): string[] {
  const status = tryGit(['status', '--porcelain', '--', 'seed', 'core/dataset-version.json']);
  return status ? status.split('\n').filter(Boolean) : [];
}

const liveTrees = new Set<string>();

function removeTree(dir: string): void {
  if (!liveTrees.delete(dir)) return;
  tryGit(['worktree', 'remove', '--force', path.join(dir, 'tree')]);
  rmSync(dir, { recursive: true, force: true });
  tryGit(['worktree', 'prune']);
}

let watchingSignals = false;

/** Ctrl-C (or a kill) ends the process without running `finally`: remove the trees first. */
function removeTreesOnSignals(): void {
  if (watchingSignals) return;
  watchingSignals = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => {
      for (const dir of [...liveTrees]) removeTree(dir);
      console.error(`\nInterrupted (${signal}); temporary worktrees removed.`);
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
}

/**
 * Runs `work` on a temporary detached worktree of `commit` (node_modules linked to this
 * checkout's), and removes the worktree afterwards whatever happens.
 */
export async function withCommitTree<T>(
  commit: string,
  work: (root: string) => Promise<T>,
): Promise<T> {
  removeTreesOnSignals();
  const dir = mkdtempSync(path.join(tmpdir(), 'kizuna-release-'));
  liveTrees.add(dir);
  try {
    const root = path.join(dir, 'tree');
    try {
      git(['worktree', 'add', '--detach', root, commit]);
    } catch (error) {
      throw new ReleaseError(
        `Cannot check out ${commit.slice(0, 10)} into a temporary worktree: ${(error as { stderr?: string }).stderr?.trim() || String(error)}`,
      );
    }
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    return await work(root);
  } finally {
    removeTree(dir);
  }
}

/** What dump-release.ts says it built. */
export interface DumpSummary {
  fingerprint: string;
  version: string | null;
  nodes: number;
  relationships: number;
  events: number;
  bundle: { events: number } | null;
}

/** Runs dump-release.ts in `root` (that checkout's code builds its data). */
export function runDump(
  root: string,
  out: { model?: string; bundle?: string; date?: string },
): Promise<DumpSummary> {
  const args = [DUMP_SCRIPT, '--root', root];
  if (out.model) args.push('--model', out.model);
  if (out.bundle) args.push('--bundle', out.bundle);
  if (out.date) args.push('--date', out.date);
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on('error', (error) => reject(new ReleaseError(`Cannot run ${TSX}: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as DumpSummary);
        return;
      }
      const why = stderr.trim().split('\n').at(-1) || `exit code ${code}`;
      reject(new ReleaseError(`Building the dataset in ${root} failed: ${why}`));
    });
  });
}

/** The scripts' main: a ReleaseError (or any error) is one line on stderr, exit code 1. */
export function runMain(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
