import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diff } from '../../core/dataset-diff';
import { repoRoot } from '../../scripts/neo4j/bundled-paths';

/**
 * npm run dataset:diff and dataset:build, run as a user runs them. The diff checks out old
 * commits into temporary worktrees, so it needs the repository's whole history. (A rebuild
 * with dataset:build takes twice as long, two bundles, and is left to the command itself.)
 */

function historyMissing(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--is-shallow-repository'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim() === 'true'
      ? 'a shallow clone: the release commits are not here (git fetch --unshallow to run these)'
      : undefined;
  } catch {
    return 'not a git checkout';
  }
}

const missing = historyMissing();
/** The scripts' temporary worktrees go here, so the test can see that they are gone. */
const scratch = mkdtempSync(path.join(tmpdir(), 'kizuna-release-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(script: string, args: string[]) {
  const result = spawnSync(
    path.join(repoRoot, 'node_modules', '.bin', 'tsx'),
    [path.join(repoRoot, 'scripts', script), ...args],
    { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, TMPDIR: scratch } },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function leftBehind(): string[] {
  const trees = execFileSync('git', ['worktree', 'list', '--porcelain'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return [
    ...readdirSync(scratch).filter((name) => name.startsWith('kizuna-')),
    ...trees.split('\n').filter((line) => line.includes(scratch)),
  ];
}

describe.skipIf(missing !== undefined)(
  `the release scripts${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    it('dataset:diff 1.1.0 1.2.0 --json: every plan node gained its search_key, nothing else changed', () => {
      const { status, stdout, stderr } = run('dataset-diff.ts', ['1.1.0', '1.2.0', '--json']);
      expect(status, stderr).toBe(0);
      const diff = JSON.parse(stdout) as Diff & { from: { fingerprint: string } };
      expect(diff.from.fingerprint).toMatch(/^8217821555ae/);
      expect(diff.counts.nodes).toEqual({ added: 0, removed: 0, changed: 210 });
      expect(diff.counts.relationships).toEqual({ added: 0, removed: 0, changed: 0 });
      expect(diff.counts.properties).toEqual({ added: 210, removed: 0, changed: 0 });
      expect(Object.keys(diff.counts.byProperty).every((k) => k.endsWith('.search_key'))).toBe(
        true,
      );
      expect(stderr).toContain('Building 1.1.0 at c361ea47fc');
      expect(leftBehind()).toEqual([]);
    }, 90_000);
  },
);

describe('the release scripts, given what is not a release', () => {
  it('name the known versions, in one line without a stack', () => {
    const diff = run('dataset-diff.ts', ['1.1.0', '9.9.9']);
    expect(diff.status).toBe(1);
    expect(diff.stderr.trim()).toMatch(
      /^dataset:diff: No release 9\.9\.9 in core\/dataset-releases\.json\. Known versions: 1\.0\.0, 1\.1\.0, .*1\.2\.0/,
    );
    expect(diff.stderr).not.toMatch(/\n\s+at /);
    const build = run('dataset-build.ts', []);
    expect(build.status).toBe(1);
    expect(build.stderr.trim()).toMatch(
      /^dataset:build: Usage: npm run dataset:build -- --version X/,
    );
  });
});
