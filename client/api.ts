import type { Elements } from '../core/elements';

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

export type Scalar = string | number | boolean | null;

/** A view's elements: the server's own Cytoscape JSON types (core/elements.ts). */
export type { EdgeData, Elements, NodeData } from '../core/elements';

export interface GraphView {
  elements: Elements;
  truncated: boolean;
  total: number;
}

export interface Health {
  status: 'ok';
  database: { reachable: true; version: string; edition: string; name: string };
  plan: { loaded: boolean; nodes: number };
}

export interface NodeDetails {
  id: string;
  kind: string;
  properties: Record<string, unknown>;
  provenance: {
    text_ja: string | null;
    line_start: number | null;
    line_end: number | null;
    relationships: {
      type: string;
      direction: 'in' | 'out';
      other: { id: string; kind: string; name_ja: string; name_en: string };
      properties: Record<string, unknown>;
    }[];
  };
  neighbours: { type: string; direction: 'in' | 'out'; kind: string; count: number }[];
}

export interface Paths {
  paths: { nodes: string[]; edges: string[]; hops: number }[];
  elements: Elements;
  truncated: boolean;
}

export interface SearchResult {
  id: string;
  kind: string;
  name_ja: string;
  name_en: string;
  ref: string | null;
  field: string;
  snippet: string;
}

const enc = encodeURIComponent;

export const api = {
  health: () => getJson<Health>('/api/health'),
  wholePlan: () => getJson<GraphView>('/api/graph?positions=default'),
  node: (id: string) => getJson<NodeDetails>(`/api/nodes/${enc(id)}`),
  neighbours: (id: string) =>
    getJson<GraphView>(`/api/nodes/${enc(id)}/neighbours?depth=1&limit=200`),
  paths: (from: string, to: string, avoidHierarchy: boolean) =>
    getJson<Paths>(
      `/api/paths?from=${enc(from)}&to=${enc(to)}&avoidHierarchy=${avoidHierarchy}&limit=10`,
    ),
  search: (q: string, signal?: AbortSignal) =>
    getJson<{ results: SearchResult[]; variants?: string[] }>(
      `/api/search?q=${enc(q)}&limit=12`,
      signal,
    ),
};
