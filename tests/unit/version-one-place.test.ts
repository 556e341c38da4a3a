import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATASET_FINGERPRINT, DATASET_VERSION, shortFingerprint } from '../../core/dataset';
import {
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

  it('rewrites every kind of mention, and nothing else', () => {
    const before =
      'cite (version 1.0.0, data fingerprint sha256:9a7ddacb2a68), file kizuna-jp-mn-2022-v1.0.0-plan.graphml, `1.0.0+data.0123456789ab`, Citation File Format 1.2.0';
    expect(restampVersionMentions(before, '2.3.4', 'aaaaaaaaaaaa')).toBe(
      'cite (version 2.3.4, data fingerprint sha256:aaaaaaaaaaaa), file kizuna-jp-mn-2022-v2.3.4-plan.graphml, `2.3.4+data.0123456789ab`, Citation File Format 1.2.0',
    );
  });
});
