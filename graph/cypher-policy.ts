import type { SourcePosition } from '../core/api/console-result';
import type { RefusalCode } from '../core/model/refusal-codes';

/**
 * What the research console lets through, and how it says no. The checks on the request's
 * text, the checks on Neo4j's plan and the mapping of Neo4j's errors all refuse in these words,
 * so a query caught by any layer gets the same answer.
 */

/** Read-only procedures a researcher needs to explore the schema and search the text. */
export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  // Which analyzers a full-text index can use (how the Japanese index splits words).
  'db.index.fulltext.listAvailableAnalyzers',
  // The database's version and edition (to cite it), its name and id, and a ping.
  'dbms.components',
  'db.info',
  'db.ping',
  // The console's own user name and roles (what SHOW CURRENT USER runs as); nobody else's.
  'dbms.showCurrentUser',
]);

/**
 * Allowed procedures that Neo4j runs in DBMS mode, so their plan's queryType is 's' like
 * administration commands. They only read: the versions, and the console's own user.
 */
export const DBMS_READ_PROCEDURES: ReadonlySet<string> = new Set([
  'dbms.components',
  'dbms.showCurrentUser',
]);

/**
 * SHOW commands that only list the catalogue (plan operator names). SHOW TRANSACTIONS would
 * reveal other people's queries and parameters, SHOW SETTINGS the server's configuration, and
 * TERMINATE TRANSACTIONS (which Neo4j plans as a read) would stop other people's work.
 */
export const ALLOWED_SHOW_OPERATORS: ReadonlySet<string> = new Set([
  'ShowIndexes',
  'ShowConstraints',
  'ShowProcedures',
  'ShowFunctions',
]);

/** Where in the researcher's query (1-based line and column; 0-based UTF-16 offset). */
export type { SourcePosition };

export interface Refusal {
  code: RefusalCode;
  detail: string;
  position?: SourcePosition;
}

export const refuse = (code: RefusalCode, detail: string, position?: SourcePosition): Refusal =>
  position ? { code, detail, position } : { code, detail };

export function positionAt(text: string, offset: number): SourcePosition {
  const at = Math.max(0, Math.min(offset, text.length));
  const before = text.slice(0, at);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: at - lineStart + 1, offset: at };
}

export const procedureRefused = (name: string): Refusal =>
  refuse(
    'procedure',
    `The procedure ${name || '(unnamed)'} is not available in the console. It runs only these read-only procedures: ${[...ALLOWED_PROCEDURES].join(', ')}.`,
  );

export const loadCsvRefused = (): Refusal =>
  refuse(
    'load-csv',
    'LOAD CSV is not available in the console: it reads the graph only, never files or URLs.',
  );

export const inTransactionsRefused = (): Refusal =>
  refuse(
    'in-transactions',
    'CALL { … } IN TRANSACTIONS is not available in the console: every query runs in one read-only transaction.',
  );

export const commandRefused = (command: string): Refusal =>
  refuse(
    'admin',
    `${command} is not available in the console; of the SHOW commands it allows SHOW INDEXES, SHOW CONSTRAINTS, SHOW PROCEDURES, SHOW FUNCTIONS and SHOW CURRENT USER (on its own).`,
  );

export const writeRefused = (): Refusal =>
  refuse(
    'write',
    'This query would change the graph (CREATE, MERGE, SET, DELETE, REMOVE …); the console only reads. EXPLAIN it to see its plan without running it.',
  );

export const adminRefused = (): Refusal =>
  refuse(
    'admin',
    'This is a schema or administration command (indexes, constraints, users, databases, settings); the console only reads.',
  );

export const timeoutRefused = (timeoutMs: number): Refusal =>
  refuse(
    'timeout',
    `The query was stopped after ${timeoutMs / 1000} s, the console's time limit. Narrow it: add a LIMIT, bound variable-length paths ([*..4]), or avoid cartesian products.`,
  );

export const memoryRefused = (): Refusal =>
  refuse(
    'memory',
    'The query was stopped because it needed more memory than the database allows one query. Collect or sort fewer rows at once, or add a LIMIT.',
  );
