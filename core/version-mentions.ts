/**
 * The dataset's version is recorded in one place, core/dataset-version.json. The prose that
 * mentions it (README.md, docs/dataset.md: the citation example, file names, the build-metadata
 * example) is rewritten from it by `npm run dataset:version`, and a unit test fails while any
 * mention is stale. Pure: text in, text out.
 */

const SEMVER = String.raw`\d+\.\d+\.\d+`;

/** The files whose mentions follow the version, relative to the repository root. */
export const VERSION_MENTION_FILES = ['README.md', 'docs/dataset.md'] as const;

/** `text` with every mention of a dataset version (and the release's fingerprint) made current. */
export function restampVersionMentions(
  text: string,
  version: string,
  shortFingerprint: string,
): string {
  return text
    .replace(
      new RegExp(String.raw`\(version ${SEMVER}, data fingerprint sha256:[0-9a-f]{12}\)`, 'g'),
      `(version ${version}, data fingerprint sha256:${shortFingerprint})`,
    )
    .replace(new RegExp(`kizuna-jp-mn-2022-v${SEMVER}`, 'g'), `kizuna-jp-mn-2022-v${version}`)
    .replace(new RegExp(String.raw`\b${SEMVER}\+data\.`, 'g'), `${version}+data.`);
}

/** The version package.json states for npm: the dataset's, so the app says one version. */
export function restampPackageVersion(packageJson: string, version: string): string {
  return packageJson.replace(/^(\s*"version":\s*")[^"]*(")/m, `$1${version}$2`);
}

/**
 * package-lock.json states the project's own version twice, at its top and as the root
 * package (""); npm copies it from package.json only when it next installs, so a bump
 * rewrites both here. Dependencies' versions are left alone.
 */
export function restampLockVersion(packageLock: string, version: string): string {
  return packageLock
    .replace(/^(\{\s*"name":\s*"[^"]*",\s*"version":\s*")[^"]*(")/, `$1${version}$2`)
    .replace(
      /("packages":\s*\{\s*"":\s*\{\s*"name":\s*"[^"]*",\s*"version":\s*")[^"]*(")/,
      `$1${version}$2`,
    );
}
