import { z } from 'zod';
import { CONSOLE_LIMITS } from '../model/console-limits';
import { REFUSAL_CODES } from '../model/refusal-codes';
import { plain, problem } from './shared';

export const cypherBody = z
  .object({
    query: z
      .string({ error: 'must be a string of Cypher' })
      .refine((query) => query.trim() !== '', 'must not be empty')
      .meta({
        description: `One read-only Cypher statement, or several separated by ; (a script, checked whole before any runs), at most ${CONSOLE_LIMITS.maxQueryChars.toLocaleString('en')} characters`,
      }),
    // Values are not validated one by one here: a deeply nested value would overflow a recursive
    // schema's stack. The console checks the parameters' depth and size itself (422 'params').
    params: z
      .record(z.string(), z.unknown(), { error: 'must be an object of named parameters' })
      .optional()
      .meta({ description: 'Named parameters ($id in the query): a JSON object of JSON values' }),
  })
  .strict();

export type CypherBody = z.infer<typeof cypherBody>;

export const downloadBody = cypherBody
  .extend({
    format: z.enum(['csv', 'json'], { error: "must be 'csv' or 'json'" }).meta({
      description: 'CSV (structured values as JSON in their cell, null as an empty cell) or JSON',
    }),
  })
  .strict();

export type DownloadBody = z.infer<typeof downloadBody>;

const planNode: z.ZodType = z.lazy(() =>
  z.object({
    operator: z.string(),
    details: z.string().nullable(),
    estimatedRows: z.number().nullable(),
    rows: z.number().nullable(),
    dbHits: z.number().nullable(),
    identifiers: z.array(z.string()),
    children: z.array(planNode),
  }),
);

const position = z
  .object({ line: z.number().int(), column: z.number().int(), offset: z.number().int() })
  .meta({ description: '1-based line and column, 0-based offset, in the query as sent' });

const statementResult = z
  .object({
    statement: z.string().meta({ description: 'The statement as written' }),
    mode: z.enum(['EXPLAIN', 'PROFILE']).nullable(),
    columns: z.array(z.string()),
    rows: z.array(z.record(z.string(), plain)).meta({
      description:
        'One object per row. Nodes are {$type: "node", elementId, labels, properties}; relationships {$type: "relationship", elementId, type, start, end, properties}; paths {$type: "path", start, end, segments}',
    }),
    truncated: z.boolean(),
    truncatedBy: z.enum(['rows', 'size']).nullable(),
    limits: z.object({
      maxRows: z.number().int(),
      maxResultChars: z.number().int(),
      timeoutMs: z.number().int(),
    }),
    elapsedMs: z.number().int(),
    notifications: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        description: z.string(),
        severity: z.string(),
        position: position.optional(),
      }),
    ),
    plan: planNode
      .nullable()
      .meta({ description: 'EXPLAIN: the plan; PROFILE: the plan with rows and db hits' }),
  })
  .meta({ id: 'CypherStatementResult' });

export const cypherResult = statementResult
  .extend({
    results: z.array(statementResult).optional().meta({
      description: 'A script: every statement’s result, in order (the last is also at the top)',
    }),
  })
  .meta({ id: 'CypherResult' });

export const cypherRefusal = problem
  .extend({
    code: z.enum(REFUSAL_CODES).meta({ description: 'Why, for programs; detail says it in words' }),
    position: position.optional().meta({ description: 'Where a syntax error is' }),
    statement: z
      .number()
      .int()
      .optional()
      .meta({ description: 'In a script, which statement (1-based) was refused' }),
  })
  .meta({ id: 'CypherRefusal' });

export const researchQuery = z
  .object({
    id: z.string(),
    title_en: z.string(),
    title_ja: z.string(),
    description: z.string(),
    description_ja: z.string(),
    cypher: z.string().meta({ description: 'Commented Cypher, ready for POST /api/cypher' }),
    params: z.record(z.string(), plain).optional(),
  })
  .meta({ id: 'ResearchQuery' });

export type ResearchQuery = z.infer<typeof researchQuery>;

export const libraryResponse = z
  .object({ queries: z.array(researchQuery) })
  .meta({ id: 'ResearchLibrary' });
