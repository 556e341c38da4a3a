/**
 * Typed calls to /api/events and /api/auth. Writes carry the session's CSRF token; an edit
 * carries the version it was based on (If-Match). A refused write becomes WriteProblem with
 * the server's words, the field errors it named and, for a 409, the stored version.
 */

export {
  DATE_PRECISIONS,
  EVENT_KINDS,
  type EventKind,
} from '../../core/event-kinds';

import type { Session } from '../../core/api/auth';
import type { EventFields, StoredEvent } from '../../core/model/event-fields';

/** The fields an editor writes, and an event as the API answers it: the server's own types. */
export type { EventFields };
export type KizunaEvent = StoredEvent;

export interface FieldError {
  field: string;
  message: string;
}

export class WriteProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors: FieldError[],
    readonly current: KizunaEvent | null,
  ) {
    super(detail);
  }
}

interface ProblemBody {
  title?: string;
  detail?: string;
  field?: string;
  errors?: FieldError[];
  current?: KizunaEvent;
}

/** One JSON call with the session's CSRF token and If-Match; a refused one throws WriteProblem. */
export async function call<T>(
  method: string,
  url: string,
  options: { csrf?: string | null; body?: unknown; version?: number } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.csrf) headers['X-CSRF-Token'] = options.csrf;
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new WriteProblem(0, 'Server unreachable', 'The Kizuna server did not answer.', [], null);
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as ProblemBody & T;
  if (!response.ok) {
    const errors =
      body.errors ?? (body.field ? [{ field: body.field, message: body.detail ?? '' }] : []);
    throw new WriteProblem(
      response.status,
      body.title ?? response.statusText,
      body.detail ?? '',
      errors,
      body.current ?? null,
    );
  }
  return body as T;
}

const enc = encodeURIComponent;

export const eventsApi = {
  session: () => call<Session>('GET', '/api/auth/session'),
  signIn: (name: string, password: string) =>
    call<Session>('POST', '/api/auth/login', { body: { name, password } }),
  signOut: (csrf: string | null) => call<void>('POST', '/api/auth/logout', { csrf }),
  list: (includeDeleted: boolean) =>
    call<{ events: KizunaEvent[] }>(
      'GET',
      `/api/events?limit=1000${includeDeleted ? '&include_deleted=true' : ''}`,
    ).then((r) => r.events),
  create: (fields: EventFields, csrf: string | null) =>
    call<KizunaEvent>('POST', '/api/events', { body: fields, csrf }),
  update: (id: string, version: number, fields: EventFields, csrf: string | null) =>
    call<KizunaEvent>('PUT', `/api/events/${enc(id)}`, { body: fields, csrf, version }),
  remove: (id: string, version: number, csrf: string | null) =>
    call<KizunaEvent>('DELETE', `/api/events/${enc(id)}`, { csrf, version }),
  restore: (id: string, version: number, csrf: string | null) =>
    call<KizunaEvent>('POST', `/api/events/${enc(id)}/restore`, { csrf, version }),
};
