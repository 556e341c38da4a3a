import { describe, expect, it } from 'vitest';
import { DATASET_FINGERPRINT, DATASET_RELEASED, DATASET_VERSION } from '../../core/dataset';
import { DATASET_RELEASES, semverParts } from '../../core/dataset-releases';
import { git, historyMissing } from '../support/git-history';

describe('the release record, core/dataset-releases.json', () => {
  it('ends with the version core/dataset-version.json records (npm run dataset:version appends it)', () => {
    const newest = DATASET_RELEASES.at(-1)!;
    expect(
      { version: newest.version, released: newest.released, fingerprint: newest.fingerprint },
      'core/dataset-version.json names a version the release record lacks: bump with npm run dataset:version -- major|minor|patch, which records both',
    ).toEqual({
      version: DATASET_VERSION,
      released: DATASET_RELEASED,
      fingerprint: DATASET_FINGERPRINT,
    });
  });

  it('lists each version once, oldest first, each with a commit but perhaps the newest', () => {
    const order = DATASET_RELEASES.map((r) => semverParts(r.version));
    const compare = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
    for (let i = 1; i < order.length; i++)
      expect(
        compare(order[i]!, order[i - 1]!),
        `${DATASET_RELEASES[i]!.version} after ${DATASET_RELEASES[i - 1]!.version}`,
      ).toBeGreaterThan(0);
    for (const release of DATASET_RELEASES.slice(0, -1))
      expect(release.commit, release.version).toMatch(/^[0-9a-f]{40}$/);
    expect(DATASET_RELEASES.at(-1)!.commit ?? null).toSatisfy(
      (c: string | null) => c === null || /^[0-9a-f]{40}$/.test(c),
    );
    for (const release of DATASET_RELEASES) {
      expect(release.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(release.released).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  const missing = historyMissing();
  it.skipIf(missing !== undefined)(
    `names, for each release, a commit whose core/dataset-version.json records it${missing ? ` (skipped: ${missing})` : ''}`,
    () => {
      for (const release of DATASET_RELEASES.filter((r) => r.commit !== null)) {
        const recorded = JSON.parse(git('show', `${release.commit}:core/dataset-version.json`));
        expect(recorded, `${release.version} at ${release.commit}`).toEqual({
          version: release.version,
          released: release.released,
          fingerprint: release.fingerprint,
        });
        // The oldest such commit: the one that cut the release, not a later one.
        const parent = git('show', `${release.commit}~1:core/dataset-version.json`);
        const before = JSON.parse(parent) as { version: string; fingerprint: string };
        expect(
          before.version === release.version && before.fingerprint === release.fingerprint,
          `${release.version}: its parent commit records it already`,
        ).toBe(false);
      }
    },
  );
});
