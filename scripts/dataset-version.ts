import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { citationCff } from '../core/citation-cff';
import {
  DATASET_FINGERPRINT,
  DATASET_VERSION,
  datasetStamp,
  shortFingerprint,
} from '../core/dataset';
import { type DatasetRelease, semverParts } from '../core/dataset-releases';
import {
  restampLockVersion,
  restampPackageVersion,
  restampVersionMentions,
  VERSION_MENTION_FILES,
} from '../core/version-mentions';
import { zenodoJson } from '../core/zenodo-metadata';
import { repoRoot } from './neo4j/bundled-paths';
import { ReleaseError, releaseCommit } from './release/release-tree';
import { readSeedInputs } from './seed-inputs';

/**
 * npm run dataset:version            says whether the data still match the recorded version
 * npm run dataset:version -- minor   bumps it (major | minor | patch), records the data's
 *                                     fingerprint and today's date, appends the release to
 *                                     core/dataset-releases.json, and rewrites CITATION.cff,
 *                                     .zenodo.json, package.json's and package-lock.json's
 *                                     version and the docs' mentions of it
 *
 * Run the bump whenever seed/source or seed/data change (the unit test
 * tests/unit/dataset-version.test.ts fails until then); core/dataset.ts says which part to bump.
 * Then run npm run dataset:changes (tests/unit/dataset-node-changes.test.ts fails until then).
 */

const VERSION_FILE = path.join(repoRoot, 'core', 'dataset-version.json');
const RELEASES_FILE = path.join(repoRoot, 'core', 'dataset-releases.json');
const CITATION_FILE = path.join(repoRoot, 'CITATION.cff');
const ZENODO_FILE = path.join(repoRoot, '.zenodo.json');

const PARTS = ['major', 'minor', 'patch'] as const;
type Part = (typeof PARTS)[number];

function bump(version: string, part: Part): string {
  const [major, minor, patch] = semverParts(version);
  if (part === 'major') return `${major + 1}.0.0`;
  if (part === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/**
 * The release record with `next` appended. The commit that cuts a release cannot name
 * itself, so the newest release is recorded without one; the previous release's is found
 * in the history now. A previous release never committed was never released: it is dropped.
 */
function recordRelease(next: Omit<DatasetRelease, 'commit'>): DatasetRelease[] {
  const { releases } = JSON.parse(readFileSync(RELEASES_FILE, 'utf8')) as {
    releases: DatasetRelease[];
  };
  const kept = releases.flatMap((release): DatasetRelease[] => {
    if (release.commit !== null) return [release];
    try {
      return [{ ...release, commit: releaseCommit(release) }];
    } catch (error) {
      if (!(error instanceof ReleaseError)) throw error;
      console.log(`Release ${release.version} was never committed: replaced by ${next.version}.`);
      return [];
    }
  });
  const { version, released, fingerprint } = next;
  return [...kept, { version, commit: null, released, fingerprint }];
}

function main(): void {
  const part = process.argv[2];
  const { fingerprint } = readSeedInputs();
  if (part === undefined) {
    if (fingerprint === DATASET_FINGERPRINT) {
      console.log(`Data match version ${DATASET_VERSION} (sha256:${fingerprint}).`);
      return;
    }
    console.error(
      `The data changed since version ${DATASET_VERSION}: recorded sha256:${DATASET_FINGERPRINT}, now sha256:${fingerprint}. Run npm run dataset:version -- major|minor|patch.`,
    );
    process.exitCode = 1;
    return;
  }
  if (!(PARTS as readonly string[]).includes(part)) {
    console.error(`Usage: npm run dataset:version [-- major|minor|patch]; got "${part}".`);
    process.exitCode = 2;
    return;
  }
  const recorded = JSON.parse(readFileSync(VERSION_FILE, 'utf8')) as { version: string };
  const next = {
    version: bump(recorded.version, part as Part),
    released: new Date().toISOString().slice(0, 10),
    fingerprint,
  };
  const releases = recordRelease(next);
  writeFileSync(VERSION_FILE, `${JSON.stringify(next, null, 2)}\n`);
  writeFileSync(RELEASES_FILE, `${JSON.stringify({ releases }, null, 2)}\n`);
  // The stamp is built from the new values, not the ones this process imported.
  const stamp = { ...datasetStamp(fingerprint), version: next.version, released: next.released };
  writeFileSync(CITATION_FILE, citationCff(stamp));
  writeFileSync(ZENODO_FILE, zenodoJson(stamp));
  // One version: package.json and the prose that mentions it follow the version file.
  const rewrite = (file: string, change: (text: string) => string) =>
    writeFileSync(file, change(readFileSync(file, 'utf8')));
  rewrite(path.join(repoRoot, 'package.json'), (t) => restampPackageVersion(t, next.version));
  rewrite(path.join(repoRoot, 'package-lock.json'), (t) => restampLockVersion(t, next.version));
  for (const file of VERSION_MENTION_FILES)
    rewrite(path.join(repoRoot, file), (t) =>
      restampVersionMentions(t, next.version, shortFingerprint(fingerprint)),
    );
  console.log(`Dataset version ${recorded.version} → ${next.version} (sha256:${fingerprint}).`);
  // It builds every earlier release (a minute or so), so it is its own step, not part of this one.
  console.log(
    'Now run npm run dataset:changes, so links made with earlier releases can say which nodes changed.',
  );
}

main();
