import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diff } from '../../core/dataset-diff';
import { repoRoot } from '../../scripts/neo4j/bundled-paths';
import { git, historyMissing } from '../support/git-history';

/**
 * npm run dataset:diff, run as a user runs it: it checks out old commits into temporary
 * worktrees, so it needs the repository's whole history. (dataset:build shares its code,
 * scripts/release/, and takes twice as long, two bundles: it is left to the command itself.)
 */

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
  const trees = git('worktree', 'list', '--porcelain');
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

describe('dataset:diff, given what is not a release', () => {
  it('names the known versions, in one line without a stack', () => {
    const diff = run('dataset-diff.ts', ['1.1.0', '9.9.9']);
    expect(diff.status).toBe(1);
    expect(diff.stderr.trim()).toMatch(
      /^dataset:diff: No release 9\.9\.9 in core\/dataset-releases\.json\. Known versions: 1\.0\.0, 1\.1\.0, .*1\.2\.0/,
    );
    expect(diff.stderr).not.toMatch(/\n\s+at /);
  });
});
