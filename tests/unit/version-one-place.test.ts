import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { deckPages, pageSetup } from '../../client/export/brief';
import { pageToSvg } from '../../client/export/brief-svg';
import {
  DATASET_FINGERPRINT,
  DATASET_VERSION,
  datasetBasename,
  datasetStamp,
  shortFingerprint,
} from '../../core/dataset';
import {
  restampLockVersion,
  restampPackageVersion,
  restampVersionMentions,
  VERSION_MENTION_FILES,
} from '../../core/version-mentions';
import { openApiDocument } from '../../server/openapi';

describe('one version, from core/dataset-version.json', () => {
  it.each(VERSION_MENTION_FILES)('%s mentions only the current version and fingerprint', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`version ${DATASET_VERSION}`);
    // npm run dataset:version rewrites these mentions; a stale one fails here.
    expect(text).toBe(
      restampVersionMentions(text, DATASET_VERSION, shortFingerprint(DATASET_FINGERPRINT)),
    );
  });

  it('package.json and the OpenAPI document state the same version', () => {
    const pkg = readFileSync('package.json', 'utf8');
    expect(JSON.parse(pkg).version).toBe(DATASET_VERSION);
    expect(restampPackageVersion(pkg, DATASET_VERSION)).toBe(pkg);
    expect(openApiDocument().info.version).toBe(DATASET_VERSION);
  });

  it('package-lock.json states it too, at its top and for the root package (it said 1.2.0 after 1.3.0 was cut)', () => {
    const text = readFileSync('package-lock.json', 'utf8');
    const lock = JSON.parse(text) as {
      version: string;
      packages: Record<string, { version?: string }>;
    };
    expect(lock.version).toBe(DATASET_VERSION);
    expect(lock.packages['']!.version).toBe(DATASET_VERSION);
    expect(restampLockVersion(text, DATASET_VERSION)).toBe(text);
    // A bump rewrites those two and no dependency's version.
    const bumped = JSON.parse(restampLockVersion(text, '9.8.7')) as typeof lock;
    expect([bumped.version, bumped.packages['']!.version]).toEqual(['9.8.7', '9.8.7']);
    const others = (l: typeof lock) =>
      Object.entries(l.packages)
        .filter(([k]) => k !== '')
        .map(([k, v]) => `${k}@${v.version}`);
    expect(others(bumped)).toEqual(others(lock));
  });

  it('CITATION.cff and .zenodo.json state the same version', () => {
    expect(parseYaml(readFileSync('CITATION.cff', 'utf8')).version).toBe(DATASET_VERSION);
    expect(JSON.parse(readFileSync('.zenodo.json', 'utf8')).version).toBe(DATASET_VERSION);
  });

  it('a briefing deck states one version on its title page, in every footer and in its file name, also for data that are not the release', () => {
    const graph = { nodes: [], edges: [] };
    for (const fingerprint of [DATASET_FINGERPRINT, 'ab'.repeat(32)]) {
      const stamp = datasetStamp(fingerprint);
      const setup = pageSetup('slide', 'landscape', 'en', '2026-01-02', stamp);
      const svg = deckPages(graph, setup, { date: '2026-01-02', filters: null })
        .map(pageToSvg)
        .join('');
      const stated = new Set(
        [...svg.matchAll(/(?:Kizuna |\bv|version )(\d+\.\d+\.\d+(?:\+data\.[0-9a-f]+)?)/g)].map(
          (m) => m[1],
        ),
      );
      expect([...stated]).toEqual([stamp.version]);
      expect(datasetBasename('briefing', '2026-01-02', stamp.version)).toContain(
        `-v${stamp.version}-`,
      );
    }
  });

  it('rewrites every kind of mention, and nothing else', () => {
    const before =
      'cite (version 1.0.0, data fingerprint sha256:9a7ddacb2a68), file kizuna-jp-mn-2022-v1.0.0-plan.graphml, `1.0.0+data.0123456789ab`, Citation File Format 1.2.0';
    expect(restampVersionMentions(before, '2.3.4', 'aaaaaaaaaaaa')).toBe(
      'cite (version 2.3.4, data fingerprint sha256:aaaaaaaaaaaa), file kizuna-jp-mn-2022-v2.3.4-plan.graphml, `2.3.4+data.0123456789ab`, Citation File Format 1.2.0',
    );
  });
});
