import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATASET_FINGERPRINT, DATASET_VERSION, shortFingerprint } from '../core/dataset';
import { diffModels } from '../core/dataset-diff';
import { type NodeChangeIndex, nodeChangesOf } from '../core/dataset-node-changes';
import { DATASET_RELEASES } from '../core/dataset-releases';
import { repoRoot } from './neo4j/bundled-paths';
import { buildSide } from './release/build-model';
import { ReleaseError, runMain, WORKING } from './release/release-tree';

/**
 * npm run dataset:changes
 *
 * Writes core/dataset-node-changes.json: for every release before the current one, the ids
 * of the nodes removed and changed between it and this checkout's data (core/
 * dataset-node-changes.ts says what counts as changed), so a link made with an old release
 * can say which of its nodes changed. Each release is built by its own commit's code
 * (scripts/release/build-model.ts), as dataset:diff builds it. Run it with each release,
 * after `npm run dataset:version -- …`; a unit test fails while the file is behind.
 */

const CHANGES_FILE = path.join(repoRoot, 'core', 'dataset-node-changes.json');

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kizuna-changes-'));
  try {
    const current = await buildSide(WORKING, dir);
    if (current.fingerprint !== DATASET_FINGERPRINT)
      throw new ReleaseError(
        `This checkout's data (sha256:${shortFingerprint(current.fingerprint)}) are not release ${DATASET_VERSION} (sha256:${shortFingerprint(DATASET_FINGERPRINT)}): run npm run dataset:version -- major|minor|patch first.`,
      );
    const earlier = DATASET_RELEASES.filter((r) => r.version !== DATASET_VERSION);
    const index: NodeChangeIndex = { current: DATASET_VERSION, since: {} };
    for (const [i, release] of earlier.entries()) {
      console.error(`[${i + 1}/${earlier.length}] ${release.version} → ${DATASET_VERSION}`);
      const old = await buildSide(release.version, dir);
      const changes = nodeChangesOf(diffModels(old.model, current.model));
      console.error(`  ${changes.removed.length} nodes removed, ${changes.changed.length} changed`);
      index.since[release.version] = changes;
    }
    writeFileSync(CHANGES_FILE, `${JSON.stringify(index, null, 2)}\n`);
    console.error(`Wrote ${path.relative(repoRoot, CHANGES_FILE)} (${earlier.length} releases).`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runMain('dataset:changes', main);
