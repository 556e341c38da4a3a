import { z } from 'zod';
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from 'zod-openapi';
import { loginBody, sessionResponse } from '../../../core/api/auth';
import {
  auditQuery,
  auditResponse,
  conflictResponse,
  eventBody,
  eventParams,
  eventResponse,
  eventsQuery,
  eventsResponse,
} from '../../../core/api/events';
import { problem } from '../../../core/api/shared';

const problemOf = (description: string): ZodOpenApiResponseObject => ({
  description,
  content: { 'application/problem+json': { schema: problem } },
});
const json = (description: string, schema: z.ZodType): ZodOpenApiResponseObject => ({
  description,
  content: { 'application/json': { schema } },
});
const etag = z.object({ ETag: z.string().meta({ description: 'The event version, e.g. "3"' }) });

const READ_ERRORS = {
  '400': problemOf('A parameter is invalid; `field` names it'),
  '401': problemOf('Sign-in required (only when the server requires sign-in to read)'),
  '503': problemOf('The database is unreachable'),
};
const WRITE_ERRORS = {
  '400': problemOf('A field is invalid; `field` names it and `errors` lists every problem'),
  '401': problemOf('Not signed in'),
  '403': problemOf('The X-CSRF-Token header is missing or wrong, or the role is not enough'),
  '404': problemOf('No such event'),
  '503': problemOf('The database is unreachable'),
};
const csrfHeader = z.object({
  'X-CSRF-Token': z.string().meta({ description: 'The csrf_token from GET /api/auth/session' }),
});
const ifMatch = z.object({
  'If-Match': z.string().meta({ description: 'The ETag of the version being edited, e.g. "3"' }),
});

/** The events and accounts endpoints (issue 15), merged into the OpenAPI document. */
export function eventPaths(): ZodOpenApiPathsObject {
  const conflict: ZodOpenApiResponseObject = {
    description: 'The event changed since the If-Match version; nothing was saved',
    content: { 'application/problem+json': { schema: conflictResponse } },
  };
  return {
    '/api/auth/session': {
      get: {
        summary: 'The signed-in account (or null) and the CSRF token to send with writes',
        responses: { '200': json('The session', sessionResponse) },
      },
    },
    '/api/auth/login': {
      post: {
        summary: 'Sign in; sets an HttpOnly, SameSite=Strict session cookie',
        requestBody: { content: { 'application/json': { schema: loginBody } } },
        responses: {
          '200': json('Signed in', sessionResponse),
          '400': problemOf('A field is invalid'),
          '401': problemOf('Wrong account name or password'),
          '429': problemOf('Too many failed sign-ins for this account or from this address'),
        },
      },
    },
    '/api/auth/logout': {
      post: {
        summary: 'Sign out (ends the session)',
        requestParams: { header: csrfHeader },
        responses: { '204': { description: 'Signed out' }, ...WRITE_ERRORS },
      },
    },
    '/api/events': {
      get: {
        summary:
          'Events, by date; filter by date range, commitment, agency or country, pillar, words',
        requestParams: { query: eventsQuery },
        responses: { '200': json('The events', eventsResponse), ...READ_ERRORS },
      },
      post: {
        summary: 'Create an event (editor)',
        requestParams: { header: csrfHeader },
        requestBody: { content: { 'application/json': { schema: eventBody } } },
        responses: {
          '201': { ...json('The new event', eventResponse), headers: etag },
          ...WRITE_ERRORS,
        },
      },
    },
    '/api/events/audit': {
      get: {
        summary: 'The audit log, newest first (admin)',
        requestParams: { query: auditQuery },
        responses: {
          '200': json('Audit entries with who, when, before and after', auditResponse),
          '401': problemOf('Not signed in'),
          '403': problemOf('Not an admin'),
        },
      },
    },
    '/api/events/{id}': {
      get: {
        summary: 'One event, with its ETag',
        requestParams: { path: eventParams },
        responses: {
          '200': { ...json('The event', eventResponse), headers: etag },
          '404': problemOf('No such event'),
          ...READ_ERRORS,
        },
      },
      put: {
        summary: 'Replace an event (editor); If-Match required, a stale version gets 409',
        requestParams: { path: eventParams, header: csrfHeader.extend(ifMatch.shape) },
        requestBody: { content: { 'application/json': { schema: eventBody } } },
        responses: {
          '200': { ...json('The saved event', eventResponse), headers: etag },
          '409': conflict,
          '428': problemOf('If-Match missing'),
          ...WRITE_ERRORS,
        },
      },
      delete: {
        summary: 'Soft-delete an event (editor); restorable',
        requestParams: { path: eventParams, header: csrfHeader },
        responses: {
          '200': json('The deleted event', eventResponse),
          '409': conflict,
          ...WRITE_ERRORS,
        },
      },
    },
    '/api/events/{id}/restore': {
      post: {
        summary: 'Restore a deleted event (editor)',
        requestParams: { path: eventParams, header: csrfHeader },
        responses: {
          '200': json('The restored event', eventResponse),
          '409': conflict,
          ...WRITE_ERRORS,
        },
      },
    },
  };
}
