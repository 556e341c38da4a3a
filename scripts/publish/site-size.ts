import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SiteSize {
  files: number;
  bytes: number;
  /** Each file gzipped on its own, as a static host that compresses would send it. */
  gzipBytes: number;
}

/** The site's size: how many files, their bytes, and their bytes gzipped one by one. */
export function siteSize(dir: string): SiteSize {
  const size: SiteSize = { files: 0, bytes: 0, gzipBytes: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const body = readFileSync(path.join(entry.parentPath, entry.name));
    size.files += 1;
    size.bytes += body.length;
    size.gzipBytes += gzipSync(body).length;
  }
  return size;
}

export const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;
