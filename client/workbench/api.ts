import { getJson } from '../api';
import type {
  CypherResult,
  Failure,
  GraphSchema,
  Params,
  Refusal,
  ResearchQuery,
} from './model/cypher-types';

export type RunOutcome =
  | { kind: 'result'; result: CypherResult }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'failed'; failure: Failure };

interface ProblemBody {
  title?: string;
  detail?: string;
  code?: string;
  position?: Refusal['position'];
}

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
  getJson<{ queries: ResearchQuery[] }>('/api/cypher/library').then((body) => body.queries);

export const fetchSchema = () => getJson<GraphSchema>('/api/schema');
