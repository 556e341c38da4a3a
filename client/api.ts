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

export async function getJson<T>(url: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'Server unreachable', 'The Kizuna server did not answer. Is it running?');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { title?: string; detail?: string };
    throw new ApiError(response.status, body.title ?? response.statusText, body.detail ?? '');
  }
  return (await response.json()) as T;
}

export interface Health {
  status: 'ok';
  database: { reachable: true; version: string; edition: string; name: string };
  plan: { loaded: boolean; nodes: number };
}
