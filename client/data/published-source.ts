import type { Session } from '../../core/api/auth';
import type { GraphView } from '../../core/api/graph';
import type { HealthResponse } from '../../core/api/health';
import type { AssessmentHistoryResponse } from '../../core/api/implementation';
import type { Neighbourhood, NodeDetails } from '../../core/api/nodes';
import type { SearchResponse } from '../../core/api/search';
import { implementationOn } from '../../core/model/implementation-standing';
import {
  type PublishedImplementation,
  type PublishedManifest,
  SITE_FILES,
} from '../../core/published/site-files';
import { buildSearchIndex, type SearchDoc, searchPlan } from '../../core/search/plan-search';
import { ApiError } from '../api';
import type { KizunaEvent } from '../timeline/events-api';
import type { DataSource } from './data-source';

/** How a file is fetched: the browser's fetch, or a test's reader of the same files. */
export type ReadFile = (url: URL) => Promise<Response>;

const SIGNED_OUT: Session = { account: null, csrf_token: null, require_sign_in: false };

/** What the search box gets when a newer query replaced this one, as fetch's abort would say. */
const aborted = () => new DOMException('The query was replaced by a newer one', 'AbortError');

/**
 * A published copy (npm run publish): every answer read from the site's data files
 * (core/published/site-files.ts), with paths relative to the page so the site works under
 * any folder of any static host. Search and the implementation standings are computed here
 * by the same core code the server runs over the same data. It asks no server anything:
 * no path finder, no sign-in, no writes, no server exports.
 *
 * `base` is the page's address (document.baseURI); a missing file is the API's 404.
 */
export function publishedSource(base: string, read: ReadFile = (url) => fetch(url)): DataSource {
  const once = new Map<string, Promise<unknown>>();

  async function readJson<T>(path: string, missing: () => ApiError): Promise<T> {
    const url = new URL(path, base);
    let response: Response;
    try {
      response = await read(url);
    } catch {
      // A file:// page in Chromium lands here: it reads no file by fetch (serve the folder).
      throw new ApiError(0, 'Files unreadable', `The browser did not read ${path}.`);
    }
    if (response.status === 404) throw missing();
    if (!response.ok)
      throw new ApiError(response.status, response.statusText, `Reading ${path} failed.`);
    return (await response.json()) as T;
  }

  /** A file read once and kept (the big ones every view needs); a failure is not kept. */
  function kept<T>(path: string): Promise<T> {
    let file = once.get(path) as Promise<T> | undefined;
    if (!file) {
      file = readJson<T>(path, () => new ApiError(404, 'Missing file', `${path} is not there.`));
      file.catch(() => once.delete(path));
      once.set(path, file);
    }
    return file;
  }

  const unknownNode = (id: string) => () =>
    new ApiError(404, 'Unknown node', `The published copy has no node "${id}".`);

  let index: ReturnType<typeof buildIndex> | null = null;
  function buildIndex() {
    return kept<SearchDoc[]>(SITE_FILES.searchDocs).then(buildSearchIndex);
  }
  /** The search index, built on the first query (a few tens of ms at plan size) and kept. */
  function searchIndex() {
    if (!index) {
      index = buildIndex();
      index.catch(() => {
        index = null;
      });
    }
    return index;
  }

  return {
    edition: 'published',
    manifest: () => kept<PublishedManifest>(SITE_FILES.manifest),
    health: () => kept<HealthResponse>(SITE_FILES.health),
    wholePlan: () => kept<GraphView>(SITE_FILES.graph),
    node: (id) => readJson<NodeDetails>(SITE_FILES.node(id), unknownNode(id)),
    neighbours: (id) => readJson<Neighbourhood>(SITE_FILES.neighbours(id), unknownNode(id)),
    paths: null,
    search: async (q, signal): Promise<SearchResponse> => {
      const found = await searchIndex();
      if (signal?.aborted) throw aborted();
      // The server's own call (server/routes/search/search.service.ts) with the box's limit.
      return searchPlan(found, q, { limit: 12 });
    },
    events: () => kept<{ events: KizunaEvent[] }>(SITE_FILES.events).then((r) => r.events),
    session: () => Promise.resolve(SIGNED_OUT),
    standings: async (day) => {
      const { commitments, assessments } = await kept<PublishedImplementation>(
        SITE_FILES.implementation,
      );
      return implementationOn(commitments, assessments, day);
    },
    history: (ref) =>
      readJson<AssessmentHistoryResponse>(
        SITE_FILES.assessmentHistory(ref),
        () => new ApiError(404, 'Unknown commitment', `The plan has no commitment "${ref}".`),
      ),
    writes: null,
    bundleUrl: () => new URL(SITE_FILES.bundle, base).href,
    serverExports: null,
  };
}
