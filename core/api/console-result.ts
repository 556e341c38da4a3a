import { z } from 'zod';
import type { Plain } from '../plain';
import { plain } from './shared';

/**
 * What the research console answers (POST /api/cypher): its zod schemas, which the OpenAPI
 * document is generated from, and their types, which the server builds its answers with
 * (graph/cypher-console.ts) and the workbench draws. The workbench imports the types only,
 * so the page bundles none of this module.
 */

const row = z.record(z.string(), plain);

export type Row = z.infer<typeof row>;

/** 1-based line and column; the offset is 0-based, in UTF-16 code units, as CodeMirror counts positions. */
export const sourcePosition = z
  .object({ line: z.number().int(), column: z.number().int(), offset: z.number().int() })
  .meta({ description: '1-based line and column, 0-based offset, in the query as sent' });

export type SourcePosition = z.infer<typeof sourcePosition>;

const notification = z.object({
  code: z.string(),
  title: z.string(),
  description: z.string(),
  severity: z.string(),
  position: sourcePosition.optional(),
});

export type ConsoleNotification = z.infer<typeof notification>;

/**
 * One operator of an EXPLAIN or PROFILE plan; rows and dbHits only when profiled. Written
 * out, as a type cannot be inferred from a schema that contains itself.
 */
export interface PlanNode {
  operator: string;
  details: string | null;
  estimatedRows: number | null;
  rows: number | null;
  dbHits: number | null;
  identifiers: string[];
  children: PlanNode[];
}

const planNode: z.ZodType<PlanNode> = z.lazy(() =>
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

const planMode = z.enum(['EXPLAIN', 'PROFILE']);

export type PlanMode = z.infer<typeof planMode>;

const measured = (description: string) => z.number().nullable().meta({ description });

/**
 * A PROFILE's totals, summed over the operator tree from what Neo4j reports per operator.
 * Each is null where Neo4j gave no such figure (Community's runtimes report no per-operator
 * time; some operators report no db hits), never a guess.
 */
export const profileTotals = z
  .object({
    dbHits: measured('The db hits of every operator that reports them, summed'),
    rows: measured('The rows the plan produced: its root operator’s rows'),
    serverTimeMs: measured(
      'Neo4j’s own time for the query, in ms: resultAvailableAfter + resultConsumedAfter',
    ),
    operatorTimeMs: measured(
      'The operators’ Time arguments summed, in ms (only runtimes that time operators report them)',
    ),
    pageCacheHits: measured('Page cache hits, summed over the operators that report them'),
    pageCacheMisses: measured('Page cache misses, summed over the operators that report them'),
    pageCacheHitRatio: measured('hits / (hits + misses); null when there were neither'),
    memoryBytes: measured(
      'The plan’s GlobalMemory: the most memory the query held at once, in bytes',
    ),
  })
  .meta({ id: 'CypherProfileTotals' });

export type ProfileTotals = z.infer<typeof profileTotals>;

/** One statement's result (a script has one per statement). */
export const statementResult = z
  .object({
    statement: z.string().meta({ description: 'The statement as written' }),
    mode: planMode.nullable(),
    columns: z.array(z.string()),
    rows: z.array(row).meta({
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
    notifications: z.array(notification),
    plan: planNode
      .nullable()
      .meta({ description: 'EXPLAIN: the plan; PROFILE: the plan with rows and db hits' }),
    profileTotals: profileTotals
      .nullable()
      .meta({ description: 'PROFILE: the totals over its plan; otherwise null' }),
  })
  .meta({ id: 'CypherStatementResult' });

export type ConsoleResult = z.infer<typeof statementResult>;

/** The last statement's result; a script's answer also lists every statement's, in order. */
export const cypherResult = statementResult
  .extend({
    results: z.array(statementResult).optional().meta({
      description: 'A script: every statement’s result, in order (the last is also at the top)',
    }),
  })
  .meta({ id: 'CypherResult' });

export type CypherResponse = z.infer<typeof cypherResult>;

export type { Plain };
