import { execFileSync } from 'node:child_process';
import { repoRoot } from '../../scripts/neo4j/bundled-paths';

/** git in the repository's root, its output as text. */
export function git(...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Why the release commits cannot be read here, or undefined when the history is whole. A
 * full clone (as .ci/run's checkout is) has them all; a test that needs them is skipped,
 * saying why, only in a shallow clone or outside git.
 */
export function historyMissing(): string | undefined {
  try {
    return git('rev-parse', '--is-shallow-repository').trim() === 'true'
      ? 'a shallow clone: the release commits are not here (git fetch --unshallow to run it)'
      : undefined;
  } catch {
    return 'not a git checkout';
  }
}
