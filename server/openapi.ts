import type { z } from 'zod';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi';
import { graphQuery, graphResponse } from './routes/graph/graph.schema';
import { healthResponse } from './routes/health/health.schema';
import {
  neighboursQuery,
  neighboursResponse,
  nodeParams,
  nodeResponse,
} from './routes/nodes/nodes.schema';
import { pathsQuery, pathsResponse } from './routes/paths/paths.schema';
import { schemaResponse } from './routes/schema/schema.schema';
import { searchQuery, searchResponse } from './routes/search/search.schema';
import { problem } from './routes/shared-schemas';

const problemResponse = (description: string): ZodOpenApiResponseObject => ({
  description,
  content: { 'application/problem+json': { schema: problem } },
});

const ERRORS = {
  '400': problemResponse('A parameter is invalid; `field` names it'),
  '503': problemResponse('The database is unreachable; retry after the Retry-After header'),
};

function get(
  summary: string,
  ok: ZodOpenApiResponseObject,
  extra: Partial<ZodOpenApiOperationObject> = {},
): { get: ZodOpenApiOperationObject } {
  return { get: { summary, responses: { '200': ok, ...ERRORS }, ...extra } };
}

const json = (description: string, schema: z.ZodType): ZodOpenApiResponseObject => ({
  description,
  content: { 'application/json': { schema } },
});

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests,
 * so the contract and the checks cannot disagree. Served at /api/openapi.json.
 */
export function openApiDocument() {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Kizuna API',
      version: '1.0.0',
      description:
        'The Japan–Mongolia Action Plan (2022–2031) as a graph: views in Cytoscape.js format, node details with provenance, neighbours, paths and search. Graph responses carry an ETag that changes only when the plan is reseeded.',
    },
    paths: {
      '/api/health': get(
        'Database reachability, Neo4j version and whether the plan is loaded',
        json('Healthy', healthResponse),
      ),
      '/api/schema': get(
        'Labels, relationship types and property keys with counts',
        json('The schema', schemaResponse),
      ),
      '/api/graph': get(
        'A view of the plan as Cytoscape.js elements',
        json('The view', graphResponse),
        {
          requestParams: { query: graphQuery },
        },
      ),
      '/api/nodes/{id}': get(
        'One node with all its properties and the evidence of each relationship',
        json('The node', nodeResponse),
        {
          requestParams: { path: nodeParams },
          responses: {
            '200': json('The node', nodeResponse),
            ...ERRORS,
            '404': problemResponse('No node has that id'),
          },
        },
      ),
      '/api/nodes/{id}/neighbours': get(
        'Expansion from a node',
        json('The neighbourhood', neighboursResponse),
        {
          requestParams: { path: nodeParams, query: neighboursQuery },
          responses: {
            '200': json('The neighbourhood', neighboursResponse),
            ...ERRORS,
            '404': problemResponse('No node has that id'),
          },
        },
      ),
      '/api/paths': get('Shortest paths between two nodes', json('The paths', pathsResponse), {
        requestParams: { query: pathsQuery },
        responses: {
          '200': json('The paths', pathsResponse),
          ...ERRORS,
          '404': problemResponse('No node has one of the ids'),
        },
      }),
      '/api/search': get(
        'Search names, aliases, titles and texts in Japanese and English',
        json('Ranked results', searchResponse),
        {
          requestParams: { query: searchQuery },
        },
      ),
    },
  });
}
