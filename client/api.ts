import type { GraphView } from '../core/api/graph';
import type { HealthResponse } from '../core/api/health';
import type { Neighbourhood, NodeDetails } from '../core/api/nodes';
import type { Paths } from '../core/api/paths';
import type { SearchResult as RankedResult, SearchResponse } from '../core/api/search';
import type { PathVia } from '../core/model/path-options';

/** Typed calls to Kizuna's API; problem+json errors become ApiError with the server's words. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
  ) {
    super(detail);
  }
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'Server unreachable', 'The Kizuna server did not answer. Is it running?');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { title?: string; detail?: string };
    throw new ApiError(response.status, body.title ?? response.statusText, body.detail ?? '');
  }
  return (await response.json()) as T;
}

/**
 * The answers' types are the API contract's own (core/api), imported as types only so the
 * page bundles no zod; views that import them from here may import them from core instead.
 */
export type { EdgeData, Elements, NodeData } from '../core/elements';

/** A line of the search box: the server's result without its rank (events found in the page have none). */
export type SearchResult = Omit<RankedResult, 'score'>;

const enc = encodeURIComponent;

/** What the path finder asks for besides the ends (model/state.ts's PathQuery). */
export interface PathOptions {
  via: readonly PathVia[];
  avoid: readonly string[];
  k: number;
}

export const api = {
  health: () => getJson<HealthResponse>('/api/health'),
  wholePlan: () => getJson<GraphView>('/api/graph?positions=default'),
  node: (id: string) => getJson<NodeDetails>(`/api/nodes/${enc(id)}`),
  neighbours: (id: string) =>
    getJson<Neighbourhood>(`/api/nodes/${enc(id)}/neighbours?depth=1&limit=200`),
  paths: (from: string, to: string, options: PathOptions) => {
    const p = new URLSearchParams({
      from,
      to,
      k: String(options.k),
      structure: String(options.via.includes('structure')),
      themes: String(options.via.includes('themes')),
      layers: options.via.includes('events') ? 'all' : 'plan',
    });
    // The ends are never avoided: a path from Japan may still be asked for.
    const avoid = options.avoid.filter((id) => id !== from && id !== to);
    if (avoid.length) p.set('avoid', avoid.join(','));
    return getJson<Paths>(`/api/paths?${p}`);
  },
  search: (q: string, signal?: AbortSignal) =>
    getJson<SearchResponse>(`/api/search?q=${enc(q)}&limit=12`, signal),
};
