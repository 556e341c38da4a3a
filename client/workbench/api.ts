import type { CypherDownload, CypherRefusal, ResearchLibrary } from '../../core/api/cypher';
import { endsTruncated } from '../../core/formats/csv';
import { getJson } from '../api';
import type { CypherResult, Failure, GraphSchema, Params, Refusal } from './model/cypher-types';

export type RunOutcome =
  | { kind: 'result'; result: CypherResult }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'failed'; failure: Failure };

/** A problem+json answer; the console's refusals (422) carry a code and maybe a position. */
type ProblemBody = Partial<CypherRefusal>;

function retryAfter(response: Response): number | null {
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

/**
 * POST /api/cypher. A 422 is the console refusing (or Neo4j failing) the query, in plain words
 * with a `code`; anything else that is not a result (429, 503, no answer) is a Failure.
 * An abort is passed on as it is: the caller started another query.
 */
export async function runCypher(
  query: string,
  params: Params,
  signal: AbortSignal,
): Promise<RunOutcome> {
  let response: Response;
  try {
    response = await fetch('/api/cypher', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, params }),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    return {
      kind: 'failed',
      failure: {
        status: 0,
        title: 'Server unreachable',
        detail: 'The Kizuna server did not answer. Is it running?',
        retryAfterS: null,
      },
    };
  }
  if (response.ok) return { kind: 'result', result: (await response.json()) as CypherResult };
  const body = (await response.json().catch(() => ({}))) as ProblemBody;
  const title = body.title ?? response.statusText;
  const detail = body.detail ?? '';
  if (response.status === 422 && body.code) {
    const refusal: Refusal = { code: body.code, title, detail };
    if (body.position) refusal.position = body.position;
    return { kind: 'refused', refusal };
  }
  return {
    kind: 'failed',
    failure: { status: response.status, title, detail, retryAfterS: retryAfter(response) },
  };
}

export const fetchLibrary = () =>
  getJson<ResearchLibrary>('/api/cypher/library').then((body) => body.queries);

export const fetchSchema = () => getJson<GraphSchema>('/api/schema');

export type DownloadOutcome =
  /** truncated: the server cut the file at its download limit, and the file says so. */
  | { ok: true; blob: Blob; name: string; rows: number; truncated: boolean }
  | { ok: false; detail: string };

/**
 * POST /api/cypher/download: the query again, streamed by the server as CSV or JSON up to
 * 100,000 rows, named by the server (dataset version and time).
 */
export async function downloadQuery(
  query: string,
  params: Params,
  format: 'csv' | 'json',
  signal?: AbortSignal,
): Promise<DownloadOutcome> {
  let response: Response;
  try {
    response = await fetch('/api/cypher/download', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query, params, format }),
      signal,
    });
  } catch (error) {
    return { ok: false, detail: String((error as Error).message ?? error) };
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as ProblemBody;
    return { ok: false, detail: body.detail ?? response.statusText };
  }
  try {
    const text = await response.text();
    const name =
      /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ??
      `kizuna-query.${format}`;
    const json = format === 'json' ? (JSON.parse(text) as CypherDownload) : null;
    // A CSV cut at the limit ends with a "# truncated: …" line, which is not a row.
    const truncated = json ? json.truncated : endsTruncated(text);
    const rows = json
      ? json.rows.length
      : Math.max(0, text.split('\r\n').length - 2 - (truncated ? 1 : 0));
    const type = format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/json';
    return { ok: true, blob: new Blob([text], { type }), name, rows, truncated };
  } catch (error) {
    // The server cuts a file off when the query fails after its first rows.
    return { ok: false, detail: `The download was cut off: ${(error as Error).message}` };
  }
}
