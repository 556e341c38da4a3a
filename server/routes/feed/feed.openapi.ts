import { z } from 'zod';
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from 'zod-openapi';
import { feedQuery } from '../../../core/api/feed';
import { problem } from '../../../core/api/shared';

const problemOf = (description: string): ZodOpenApiResponseObject => ({
  description,
  content: { 'application/problem+json': { schema: problem } },
});

/** The Atom feed (issue 27), merged into the OpenAPI document. */
export function feedPaths(): ZodOpenApiPathsObject {
  return {
    '/api/feed.atom': {
      get: {
        summary:
          'An Atom feed (RFC 4287) of new and changed events and of implementation assessments, newest first, each entry linking to its view in the explorer',
        requestParams: { query: feedQuery },
        responses: {
          '200': {
            description: 'The feed',
            content: { 'application/atom+xml': { schema: z.string() } },
          },
          '400': problemOf('A parameter is invalid; `field` names it'),
          '503': problemOf('The database is unreachable'),
        },
      },
    },
  };
}
