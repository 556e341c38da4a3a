import type { RequestLimits } from '../core/model/console-limits';
import { expressionRefusal } from './cypher-expression-guards';
import { codeText } from './cypher-lexer';
import {
  ALLOWED_PROCEDURES,
  loadCsvRefused,
  procedureRefused,
  type Refusal,
  refuse,
} from './cypher-policy';

/** What a researcher sends: one Cypher statement and its named parameters. */
export interface ResearchRequest {
  query: string;
  params?: unknown;
}

// A keyword only counts where it is a word of its own, not part of a name or a property (n.call).
const BEFORE = String.raw`(?<![\p{L}\p{N}_$.])`;
const AFTER = String.raw`(?![\p{L}\p{N}_$])`;
const LOAD_CSV = new RegExp(`${BEFORE}LOAD\\s+CSV${AFTER}`, 'iu');
const CALL = new RegExp(`${BEFORE}CALL${AFTER}\\s*`, 'giu');
// Neo4j accepts spaces around the dots of a procedure name (db . labels).
const PROCEDURE_NAME = /^[\p{L}\p{N}_$]+(?:\s*\.\s*[\p{L}\p{N}_$]+)*/u;

/**
 * The procedure names after every CALL in code text (see codeText). CALL followed by { or (
 * is a subquery. A word without a dot or a ( after it is a variable named call, not a
 * procedure (WITH 1 AS call RETURN call); every procedure Neo4j has lives in a namespace.
 */
export function procedureCalls(code: string): string[] {
  const names: string[] = [];
  for (const match of code.matchAll(CALL)) {
    const rest = code.slice(match.index + match[0].length);
    const written = PROCEDURE_NAME.exec(rest)?.[0];
    if (!written) continue;
    const name = written.replace(/\s+/g, '');
    const calledWithParentheses = /^\s*\(/.test(rest.slice(written.length));
    if (name.includes('.') || calledWithParentheses) names.push(name);
  }
  return names;
}

/**
 * The textual layer: what can be refused from the text alone, before Neo4j sees the query.
 * The plan check repeats the LOAD CSV and procedure checks on what Neo4j actually parsed, so
 * a trick that fools this scanner is still caught there. CALL { } IN TRANSACTIONS and the
 * SHOW and TERMINATE commands are judged from the plan alone (TransactionApply, Show…
 * operators): a text scan refused harmless reads whose names spell them
 * (`WITH [1, 2] AS transactions … WHERE x IN transactions`).
 */
export function textRefusal(query: string): Refusal | undefined {
  const code = codeText(query);
  if (LOAD_CSV.test(code)) return loadCsvRefused();
  const refused = procedureCalls(code).find((name) => !ALLOWED_PROCEDURES.has(name));
  return refused === undefined ? undefined : procedureRefused(refused);
}

/** True when value nests objects or arrays deeper than max; walks without recursion. */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= max) return true;
    for (const inner of Object.values(item)) stack.push([inner, depth + 1]);
  }
  return false;
}

/**
 * Parameters must be one JSON object of bounded depth and size. Depth is checked first, without
 * recursion: a body of a hundred thousand nested arrays would overflow JSON.stringify's stack.
 */
export function paramsRefusal(params: unknown, limits: RequestLimits): Refusal | undefined {
  if (params === undefined) return undefined;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    return refuse(
      'params',
      'The parameters must be a JSON object of named values, e.g. {"id": "un"}.',
    );
  }
  if (nestsDeeperThan(params, limits.maxParamsDepth)) {
    return refuse(
      'params',
      `The parameters nest more than ${limits.maxParamsDepth} levels deep; the console accepts up to ${limits.maxParamsDepth}.`,
    );
  }
  const size = JSON.stringify(params).length;
  if (size > limits.maxParamsChars) {
    return refuse(
      'params',
      `The parameters take ${size.toLocaleString('en')} characters as JSON; the console accepts up to ${limits.maxParamsChars.toLocaleString('en')}.`,
    );
  }
  return undefined;
}

/** Every check that needs no database: the query's length, the parameters, then the text. */
export function requestRefusal(
  request: ResearchRequest,
  limits: RequestLimits,
): Refusal | undefined {
  const { query } = request;
  if (query.length > limits.maxQueryChars) {
    return refuse(
      'too-long',
      `The query is ${query.length.toLocaleString('en')} characters long; the console accepts up to ${limits.maxQueryChars.toLocaleString('en')}.`,
    );
  }
  if (query.trim() === '') return refuse('syntax', 'The query is empty.');
  return (
    paramsRefusal(request.params, limits) ??
    textRefusal(query) ??
    expressionRefusal(query, (request.params ?? {}) as Record<string, unknown>)
  );
}
