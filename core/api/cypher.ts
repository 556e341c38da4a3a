import { z } from 'zod';
import { CONSOLE_LIMITS } from '../model/console-limits';
import { REFUSAL_CODES } from '../model/refusal-codes';
import { sourcePosition } from './console-result';
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

/** A download as JSON (format json); CSV has no schema of its own. */
export const downloadJson = z
  .object({
    file: z.string(),
    columns: z.array(z.string()),
    rows: z.array(z.record(z.string(), z.unknown())),
    truncated: z.boolean().meta({ description: 'True when the result passed maxRows' }),
    maxRows: z.number().int(),
  })
  .meta({ id: 'CypherDownload' });

export type CypherDownload = z.infer<typeof downloadJson>;

export const cypherRefusal = problem
  .extend({
    code: z.enum(REFUSAL_CODES).meta({ description: 'Why, for programs; detail says it in words' }),
    position: sourcePosition.optional().meta({ description: 'Where a syntax error is' }),
    statement: z
      .number()
      .int()
      .optional()
      .meta({ description: 'In a script, which statement (1-based) was refused' }),
  })
  .meta({ id: 'CypherRefusal' });

export type CypherRefusal = z.infer<typeof cypherRefusal>;

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

export type ResearchLibrary = z.infer<typeof libraryResponse>;
