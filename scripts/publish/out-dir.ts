import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../neo4j/bundled-paths';

/** Bad input to the publish command: the CLI prints the message and exits 2, having written nothing. */
export class PublishUsageError extends Error {}

const inside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * The folder the site goes to, absolute, once it is known to be safe to fill: not the
 * repository, a folder of it that the build reads, or a parent of it (--force would empty
 * it), and empty unless --force.
 */
export function checkOutDir(out: string | undefined, force: boolean): string {
  if (!out) throw new PublishUsageError('--out DIR is required: the folder to write the site to.');
  const dir = path.resolve(out);
  if (inside(repoRoot, dir))
    throw new PublishUsageError(
      `--out ${out} is the repository or a folder that holds it; choose a folder of its own.`,
    );
  const dist = path.join(repoRoot, 'dist');
  if (inside(dist, dir) || inside(dir, path.join(dist, 'client')))
    throw new PublishUsageError(
      `--out ${out} holds the live app's build (dist/client); choose another folder.`,
    );
  if (inside(dir, repoRoot) && !inside(dir, dist))
    throw new PublishUsageError(
      `--out ${out} is inside the repository's sources; choose a folder outside it (or under dist/).`,
    );
  if (!existsSync(dir)) return dir;
  if (!statSync(dir).isDirectory())
    throw new PublishUsageError(`--out ${out} is a file, not a folder.`);
  if (readdirSync(dir).length > 0 && !force)
    throw new PublishUsageError(`--out ${out} is not empty; add --force to replace what it holds.`);
  return dir;
}
