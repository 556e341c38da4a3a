import { z } from 'zod';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi';
import { cypherResult } from '../core/api/console-result';
import {
  cypherBody,
  cypherRefusal,
  downloadBody,
  downloadJson,
  libraryResponse,
} from '../core/api/cypher';
import { bundleQuery, exportQuery } from '../core/api/export';
import { graphQuery, graphResponse } from '../core/api/graph';
import { healthResponse } from '../core/api/health';
import { neighboursQuery, neighboursResponse, nodeParams, nodeResponse } from '../core/api/nodes';
import { pathsQuery, pathsResponse } from '../core/api/paths';
import { pdfBody } from '../core/api/render';
import { schemaResponse } from '../core/api/schema';
import { searchQuery, searchResponse } from '../core/api/search';
import { problem } from '../core/api/shared';
import { DATASET_VERSION } from '../core/dataset';
import { EXPORT_FORMATS } from '../core/formats/export-formats';
import { eventPaths } from './routes/events/events.openapi';
import { feedPaths } from './routes/feed/feed.openapi';
import { implementationPaths } from './routes/implementation/implementation.openapi';

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

/** Present when the view's node limit cut the file short, with the counts in words. */
const truncatedHeader = z.string().optional().meta({
  description:
    'Only when the limit cut the view: "truncated: the view matched <total> nodes; this export holds the first <kept> (limit=<limit>)". The typed CSV tables also end with that line as a # comment',
});

/** A download: one media type per export format, named by Content-Disposition. */
const file = (description: string): ZodOpenApiResponseObject => ({
  description,
  headers: z.object({
    'Content-Disposition': z.string().meta({
      description:
        'attachment; filename="kizuna-jp-mn-2022-v<dataset version>-<view>-<date>.<extension>"',
    }),
    'X-Kizuna-Truncated': truncatedHeader,
  }),
  content: Object.fromEntries(
    Object.values(EXPORT_FORMATS).map((f) => [
      f.mediaType,
      {
        schema:
          f.mediaType === 'application/zip' ? z.string().meta({ format: 'binary' }) : z.string(),
      },
    ]),
  ),
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
      // The API is versioned with the dataset it serves: one version string (core/dataset.ts).
      version: DATASET_VERSION,
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
      '/api/cypher': {
        post: {
          summary: 'Run one read-only Cypher query: the research console',
          description:
            'Checked in layers before and while it runs (docs/neo4j-security.md, "The Cypher console\'s guards"): at most 20,000 characters, a read-only plan, no LOAD CSV, only allowlisted procedures, a 10 s timeout and 1,000 rows.',
          requestBody: { content: { 'application/json': { schema: cypherBody } } },
          responses: {
            '200': json('The rows, with Neo4j notifications', cypherResult),
            '400': problemResponse('The body is malformed; `field` names the field'),
            '413': problemResponse('The body exceeds 256 kB'),
            '422': {
              description:
                'The query was refused or stopped; `code` says why for programs, `detail` in words',
              content: { 'application/problem+json': { schema: cypherRefusal } },
            },
            '429': problemResponse(
              'More than 60 queries a minute from this client; retry after the Retry-After header',
            ),
            '503': problemResponse(
              'The database is unreachable, or the console is busy; retry after the Retry-After header',
            ),
          },
        },
      },
      '/api/cypher/download': {
        post: {
          summary: 'Run one read-only Cypher query and stream its whole result as CSV or JSON',
          description:
            "The same guards as POST /api/cypher, with a download's own limits: up to 100,000 rows and 30 s. Counts as one query against the 60-a-minute rate limit. CSV: a header row, structured values (nodes with elementId, labels and properties; relationships; paths; lists; maps) as JSON in their cell, null as an empty cell, numbers as numbers, UTF-8 with a byte order mark. JSON: {file, columns, rows, truncated, maxRows}. A query that fails after its first rows is cut off (the connection closes without the end), so a partial file never passes for whole.",
          requestBody: { content: { 'application/json': { schema: downloadBody } } },
          responses: {
            '200': {
              description: 'The result, as an attachment',
              headers: z.object({
                'Content-Disposition': z.string().meta({
                  description:
                    'attachment; filename="kizuna-query-v<dataset version>-<UTC time>.<csv|json>"',
                }),
              }),
              content: {
                'text/csv': { schema: z.string() },
                'application/json': { schema: downloadJson },
              },
            },
            '400': problemResponse('The body is malformed; `field` names the field'),
            '413': problemResponse('The body exceeds 256 kB'),
            '422': {
              description: 'The query was refused before its first row; `code` says why',
              content: { 'application/problem+json': { schema: cypherRefusal } },
            },
            '429': problemResponse(
              'More than 60 queries a minute from this client; retry after the Retry-After header',
            ),
            '503': problemResponse(
              'The database is unreachable, or the console is busy; retry after the Retry-After header',
            ),
          },
        },
      },
      '/api/cypher/library': get(
        'Curated, commented research queries, ready for POST /api/cypher',
        json('The library', libraryResponse),
      ),
      '/api/render/pdf': {
        post: {
          summary: 'Print a diagram the client composed (one <svg> element) to a vector PDF',
          requestBody: { content: { 'application/json': { schema: pdfBody } } },
          responses: {
            '200': {
              description: 'The PDF, as an attachment',
              content: { 'application/pdf': { schema: z.string() } },
            },
            '400': problemResponse('The body is malformed; `field` names the field'),
            '413': problemResponse('The body exceeds 16 MB'),
            '501': problemResponse(
              'The server has no Chromium to print with; SVG and PNG exports still work',
            ),
          },
        },
      },
      '/api/export': get(
        'A view as a file for other tools: GraphML, GEXF, neo4j-admin import CSV, typed CSV tables with their CSV on the Web metadata (a zip), a Cypher script, Cytoscape .cyjs, plain JSON or JSON-LD, stamped with the dataset version, fingerprint, citation and source URL',
        file('The view with every property of its nodes and relationships, as an attachment'),
        {
          requestParams: { query: exportQuery },
        },
      ),
      '/api/export/bundle': get(
        'The dataset bundle: a zip of neo4j-admin CSVs, typed CSV tables with their CSV on the Web metadata, plain JSON, JSON-LD, a Cypher script, README, CITATION.cff and manifest.json (counts and SHA-256 of every file); without filters, the whole dataset',
        {
          description: 'The zip, as an attachment',
          headers: z.object({
            'Content-Disposition': z.string().meta({
              description:
                'attachment; filename="kizuna-jp-mn-2022-v<dataset version>-<view>-bundle-<date>.zip"',
            }),
            'X-Kizuna-Truncated': truncatedHeader,
          }),
          content: {
            'application/zip': { schema: z.string().meta({ format: 'binary' }) },
          },
        },
        {
          requestParams: { query: bundleQuery },
        },
      ),
      ...eventPaths(),
      ...implementationPaths(),
      ...feedPaths(),
    },
  });
}
