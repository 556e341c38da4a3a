import {
  adminRefused,
  loadCsvRefused,
  memoryRefused,
  positionAt,
  procedureRefused,
  type Refusal,
  refuse,
  timeoutRefused,
} from './cypher-policy';

/** What the console reads of a Neo4jError. */
export interface Neo4jFailure {
  code: string;
  message: string;
}

export interface FailureContext {
  /** The researcher's query, for turning Neo4j's offset into a line and column. */
  query: string;
  /** Characters the console put before the query (EXPLAIN), which Neo4j's offsets include. */
  prefixLength: number;
  timeoutMs: number;
}

// Neo4j ends a syntax error's first line with "(line 1, column 25 (offset: 24))".
const POSITION = /\s*\(line -?\d+, column -?\d+ \(offset: (\d+)\)\)/;

const clip = (text: string) => (text.length > 400 ? `${text.slice(0, 400)}…` : text);

function syntaxRefusal(firstLine: string, context: FailureContext): Refusal {
  const what = clip(firstLine.replace(POSITION, ''));
  const offset = POSITION.exec(firstLine)?.[1];
  if (offset === undefined) return refuse('syntax', `Syntax error: ${what}`);
  // The line and column are recomputed from the offset: Neo4j's count the EXPLAIN prefix.
  const position = positionAt(context.query, Number(offset) - context.prefixLength);
  return refuse(
    'syntax',
    `Syntax error at line ${position.line}, column ${position.column}: ${what}`,
    position,
  );
}

/**
 * A refusal in plain words for an error Neo4j raised while planning or running a console
 * query, or undefined when the error is not the query's doing (the caller rethrows it, so a
 * database that is down still answers 503). Neo4j's messages carry no stack traces; only their
 * first line is passed on, since the rest repeats the query with EXPLAIN in front.
 */
export function refusalForFailure(
  failure: Neo4jFailure,
  context: FailureContext,
): Refusal | undefined {
  const { code } = failure;
  const firstLine = failure.message.split('\n')[0]!.trim();
  if (code === 'Neo.ClientError.Statement.SyntaxError') return syntaxRefusal(firstLine, context);
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return timeoutRefused(context.timeoutMs);
  }
  if (/OutOfMemoryError$|MemoryLimit/.test(code)) return memoryRefused();
  if (
    code === 'Neo.ClientError.Statement.AccessMode' ||
    code === 'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase'
  ) {
    return refuse('write', 'The database refused a write: the console only reads.');
  }
  if (code === 'Neo.ClientError.Procedure.ProcedureNotFound') {
    return procedureRefused(/name `([^`]*)`/.exec(firstLine)?.[1] ?? '');
  }
  if (code === 'Neo.ClientError.Statement.ExternalResourceFailed') return loadCsvRefused();
  if (/UnsupportedAdministrationCommand|NotSystemDatabaseError/.test(code)) return adminRefused();
  if (code === 'Neo.ClientError.Statement.ArgumentError' && /execution mode/.test(firstLine)) {
    return refuse(
      'failed',
      'PROFILE is not available in the console, which plans every query with EXPLAIN first; run the query without it.',
    );
  }
  if (code.endsWith('.Transaction.Terminated')) {
    return refuse('failed', 'The database stopped the query before it finished.');
  }
  if (code.startsWith('Neo.ClientError.')) {
    return refuse('failed', `Neo4j could not run the query: ${clip(firstLine)}`);
  }
  return undefined;
}
