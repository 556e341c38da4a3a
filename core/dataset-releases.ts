import recorded from './dataset-releases.json';

/**
 * Every released version of the dataset and the commit it was cut at, oldest first, so an
 * old release can be rebuilt (npm run dataset:build) and compared (npm run dataset:diff)
 * with that commit's own code. The newest is the version core/dataset-version.json records
 * (a unit test keeps them equal); `npm run dataset:version -- minor` appends it.
 */
export interface DatasetRelease {
  version: string;
  /**
   * The commit whose core/dataset-version.json first records this version and fingerprint.
   * Null only for the newest release, until the next bump fills it in: the commit that
   * cuts a release cannot name itself, so it is found in the history then
   * (scripts/release/release-tree.ts releaseCommit).
   */
  commit: string | null;
  released: string;
  fingerprint: string;
  /** What a reader of the history needs to know about this release, if anything. */
  note?: string;
}

export const DATASET_RELEASES: readonly DatasetRelease[] = recorded.releases;

/** The release with this version, if there is one. */
export function findRelease(version: string): DatasetRelease | undefined {
  return DATASET_RELEASES.find((r) => r.version === version);
}

/** The semver parts of a MAJOR.MINOR.PATCH version, for ordering releases. */
export function semverParts(version: string): [number, number, number] {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`${version} is not a MAJOR.MINOR.PATCH version.`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
