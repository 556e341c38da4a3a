/**
 * Where a published Kizuna (npm run publish -- --out DIR) keeps each answer the live API
 * would give, as static files under the site's folder. The publish script writes them and
 * the client's published data source reads them: both take the paths from here, so the
 * two cannot drift apart. Paths are relative to the site's index.html, so the site works
 * under any folder of any static host.
 *
 * Pure: no I/O, shared by scripts/ and client/.
 */

import type { Assessment } from '../model/implementation';

/** The folder, relative to index.html, that holds every data file. */
export const DATA_DIR = 'data';

/**
 * The meta tag the publish script writes into index.html; its presence is how the client
 * knows, at start, that it reads files and not the API (content: the data folder).
 */
export const SOURCE_META = 'kizuna-data';

/**
 * A node id as a file name: ids may hold "/" and "." (core/elements.ts); the name keeps
 * letters, digits, "." "_" "-" as they are and writes anything else as "~" and its code's
 * hex, so it is safe on every file system and needs no escaping in a URL.
 */
export function fileKeyOf(id: string): string {
  return Array.from(id, (ch) =>
    /[A-Za-z0-9._-]/.test(ch)
      ? ch
      : `~${[...new TextEncoder().encode(ch)].map((b) => b.toString(16).padStart(2, '0')).join('')}~`,
  ).join('');
}

/** Each file, by the API answer it stands for. */
export const SITE_FILES = {
  /** What the site is: the dataset version and when it was published (PublishedManifest). */
  manifest: `${DATA_DIR}/site.json`,
  /** GET /api/health. */
  health: `${DATA_DIR}/health.json`,
  /** GET /api/graph?positions=default. */
  graph: `${DATA_DIR}/graph.json`,
  /** GET /api/events?limit=1000. */
  events: `${DATA_DIR}/events.json`,
  /**
   * Every commitment's assessment history and the commitments themselves, from which the
   * browser answers GET /api/implementation?as_of=DAY with core/model/implementation-standing.ts,
   * the code the server runs.
   */
  implementation: `${DATA_DIR}/implementation.json`,
  /** The nodes as the server's search index reads them (core/search/plan-search.ts SearchDoc[]). */
  searchDocs: `${DATA_DIR}/search-docs.json`,
  /** GET /api/nodes/{id}. */
  node: (id: string) => `${DATA_DIR}/nodes/${fileKeyOf(id)}.json`,
  /** GET /api/nodes/{id}/neighbours?depth=1&limit=200. */
  neighbours: (id: string) => `${DATA_DIR}/neighbours/${fileKeyOf(id)}.json`,
  /** GET /api/implementation/{ref}. */
  assessmentHistory: (ref: string) => `${DATA_DIR}/implementation/${fileKeyOf(ref)}.json`,
  /** The dataset bundle (GET /api/export/bundle), for readers who want the data itself. */
  bundle: 'downloads/kizuna-dataset.zip',
} as const;

/** data/site.json. */
export interface PublishedManifest {
  /** The dataset version the files hold (core/dataset.ts DATASET_VERSION, the one version string). */
  datasetVersion: string;
  /** When the site was written, ISO 8601. */
  publishedAt: string;
  /** How many nodes and relationships graph.json holds, so a reader can check a copy. */
  counts: { nodes: number; relationships: number; events: number };
}

/**
 * data/implementation.json: what GET /api/implementation is computed from, as the server's
 * router passes it to core/model/implementation-standing.ts implementationOn: every
 * commitment's ref and pillar (plan order) and every assessment ever made (any order; the
 * day's reading is picked by assessmentOn). The browser answers any as-of day from it.
 */
export interface PublishedImplementation {
  commitments: { ref: string; pillar: string }[];
  assessments: Assessment[];
}
