import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SOURCE_META } from '../../core/published/site-files';
import { repoRoot } from '../../scripts/neo4j/bundled-paths';
import { checkOutDir, PublishUsageError } from '../../scripts/publish/out-dir';
import { publishedIndex, workbenchStandIn } from '../../scripts/publish/site-pages';
import { siteSize } from '../../scripts/publish/site-size';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'kizuna-publish-unit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run publish refuses a folder it must not fill', () => {
  it.each([
    [undefined, /--out DIR is required/],
    [repoRoot, /is the repository or a folder that holds it/],
    [path.dirname(repoRoot), /is the repository or a folder that holds it/],
    [path.join(repoRoot, 'client', 'site'), /inside the repository's sources/],
    [path.join(repoRoot, 'dist'), /holds the live app's build/],
    [path.join(repoRoot, 'dist', 'client'), /holds the live app's build/],
  ])('--out %s', (out, message) => {
    expect(() => checkOutDir(out, true)).toThrow(PublishUsageError);
    expect(() => checkOutDir(out, true)).toThrow(message);
  });

  it('takes a new or empty folder, and one with files only with --force', () => {
    const fresh = path.join(scratch, 'new');
    expect(checkOutDir(fresh, false)).toBe(fresh);
    const full = path.join(scratch, 'full');
    mkdirSync(full);
    writeFileSync(path.join(full, 'old.txt'), 'x');
    expect(() => checkOutDir(full, false)).toThrow(/is not empty; add --force/);
    expect(checkOutDir(full, true)).toBe(full);
    expect(() => checkOutDir(path.join(full, 'old.txt'), true)).toThrow(/is a file/);
  });
});

describe('the published pages', () => {
  const manifest = {
    datasetVersion: '1.4.0',
    publishedAt: '2026-12-08T00:00:00.000Z',
    counts: { nodes: 2, relationships: 1, events: 0 },
  };

  it('marks index.html as published, once, with the line for a page that never starts', () => {
    const html = publishedIndex('<html><head><title>K</title></head><body><p>x</p></body></html>');
    expect(
      html.match(new RegExp(`<meta name="${SOURCE_META}" content="data" />`, 'g')),
    ).toHaveLength(1);
    expect(html).toContain('python3 -m http.server');
    expect(() => publishedIndex('<p>not a page</p>')).toThrow(/vite build/);
  });

  it('gives the bundle link and the loading commands in both languages, one shown at a time', () => {
    const page = workbenchStandIn(manifest);
    expect(page).toContain('href="./downloads/kizuna-dataset.zip"');
    expect(page).toContain('-f kizuna-jp-mn-2022-v1.4.0/kizuna.cypher');
    expect(page).toContain('neo4j-admin database import full');
    expect(page.match(/<main data-lang="(en|ja)"/g)).toEqual([
      '<main data-lang="en"',
      '<main data-lang="ja"',
    ]);
    expect(page).toMatch(/<main data-lang="ja" lang="ja" hidden>/);
  });

  it('counts the site’s files and bytes, gzipped one by one', () => {
    const site = path.join(scratch, 'site');
    mkdirSync(path.join(site, 'data'), { recursive: true });
    writeFileSync(path.join(site, 'index.html'), 'a'.repeat(1000));
    writeFileSync(path.join(site, 'data', 'x.json'), '{}');
    const size = siteSize(site);
    expect(size.files).toBe(2);
    expect(size.bytes).toBe(1002);
    expect(size.gzipBytes).toBeLessThan(100);
  });
});
