import { z } from 'zod';
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from 'zod-openapi';
import {
  assessmentBody,
  assessmentHistoryResponse,
  implementationParams,
  implementationQuery,
  implementationResponse,
} from '../../../core/api/implementation';
import { problem } from '../../../core/api/shared';

const problemOf = (description: string): ZodOpenApiResponseObject => ({
  description,
  content: { 'application/problem+json': { schema: problem } },
});
const json = (description: string, schema: z.ZodType): ZodOpenApiResponseObject => ({
  description,
  content: { 'application/json': { schema } },
});
const etag = z.object({
  ETag: z.string().meta({
    description: 'The revision: how many assessments the commitment has, e.g. "2"',
  }),
});

const conflictResponse = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.literal(409),
    detail: z.string(),
    current: assessmentHistoryResponse,
    yours: assessmentBody,
  })
  .meta({ id: 'AssessmentConflict' });

/** The implementation monitor's endpoints (issue 27), merged into the OpenAPI document. */
export function implementationPaths(): ZodOpenApiPathsObject {
  return {
    '/api/implementation': {
      get: {
        summary:
          'Where every commitment stood on a day: its latest assessment by then (status, evidence, note, who and when), or no_evidence; with the scale and its source',
        requestParams: { query: implementationQuery },
        responses: {
          '200': json('Every commitment (86) or those the filters keep', implementationResponse),
          '400': problemOf('A parameter is invalid; `field` names it'),
          '401': problemOf('Sign-in required (only when the server requires sign-in to read)'),
          '503': problemOf('The database is unreachable'),
        },
      },
    },
    '/api/implementation/{ref}': {
      get: {
        summary: "One commitment's assessments, newest first, with its revision as the ETag",
        requestParams: { path: implementationParams },
        responses: {
          '200': { ...json('The history', assessmentHistoryResponse), headers: etag },
          '400': problemOf('The ref is not a plan ref'),
          '404': problemOf('The plan has no commitment of that ref'),
          '503': problemOf('The database is unreachable'),
        },
      },
      post: {
        summary:
          'Add an assessment (editor): appended to the history, never replacing one; If-Match the revision read, a stale one gets 409 with the current history',
        requestParams: {
          path: implementationParams,
          header: z.object({
            'X-CSRF-Token': z
              .string()
              .meta({ description: 'The csrf_token from GET /api/auth/session' }),
            'If-Match': z
              .string()
              .meta({ description: 'The ETag of the history read, e.g. "2" ("0" when none)' }),
          }),
        },
        requestBody: { content: { 'application/json': { schema: assessmentBody } } },
        responses: {
          '201': {
            ...json('The history with the new assessment', assessmentHistoryResponse),
            headers: etag,
          },
          '400': problemOf(
            'A field is invalid (an evidence id no event has, or one after as_of, too); `field` names it',
          ),
          '401': problemOf('Not signed in'),
          '403': problemOf(
            'The X-CSRF-Token header is missing or wrong, or the role is not enough',
          ),
          '404': problemOf('The plan has no commitment of that ref'),
          '409': {
            description: 'The history changed since the If-Match revision; nothing was saved',
            content: { 'application/problem+json': { schema: conflictResponse } },
          },
          '428': problemOf('If-Match missing'),
          '503': problemOf('The database is unreachable'),
        },
      },
    },
  };
}
