import type {
  ConsoleResult,
  ConsoleNotification as CypherNotification,
  PlanNode,
  ProfileTotals,
  Row,
  SourcePosition,
} from '../../../core/api/console-result';
import type { ResearchQuery } from '../../../core/api/cypher';
import type { GraphSchema } from '../../../core/api/schema';
import type {
  Plain,
  PlainNode,
  PlainPath,
  PlainPathSegment,
  PlainRelationship,
} from '../../../core/plain';

/**
 * What POST /api/cypher, GET /api/cypher/library and GET /api/schema send, as the browser sees
 * it: the API contract's types (core/api), which the server builds and checks its answers
 * with, imported as types only so the page bundles none of their schemas.
 */

export type {
  CypherNotification,
  GraphSchema,
  Plain,
  PlanNode,
  ProfileTotals,
  ResearchQuery,
  Row,
  SourcePosition,
};

/** Named query parameters: a JSON object. */
export type Params = { [name: string]: Plain };

// The plain shapes of Neo4j's graph values, as the server builds them (core/plain.ts).
export type GraphNode = PlainNode;
export type GraphRelationship = PlainRelationship;
export type PathSegment = PlainPathSegment;
export type GraphPath = PlainPath;

/**
 * A statement's result as the workbench keeps it: the console's, where results stored by an
 * earlier version (recent results, pinned ones) may lack the statement, its mode, plan and
 * profile totals.
 */
type AddedLater = 'statement' | 'mode' | 'plan' | 'profileTotals';
export type StatementResult = Omit<ConsoleResult, AddedLater> &
  Partial<Pick<ConsoleResult, AddedLater>>;

/** The last statement's result; a script also lists every statement's, in order. */
export interface CypherResult extends StatementResult {
  results?: StatementResult[];
}

/** A 422 from the console: the query was refused or failed, with why in plain words. */
export interface Refusal {
  code: string;
  title: string;
  detail: string;
  position?: SourcePosition;
}

/** Any other answer that is not a result: rate limit, database down, server unreachable. */
export interface Failure {
  /** HTTP status, 0 when the server did not answer. */
  status: number;
  title: string;
  detail: string;
  /** Seconds, from the Retry-After header of a 429 or 503. */
  retryAfterS: number | null;
}

const isRecord = (value: unknown): value is { [key: string]: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function isGraphNode(value: Plain): value is GraphNode {
  return (
    isRecord(value) &&
    value.$type === 'node' &&
    typeof value.elementId === 'string' &&
    Array.isArray(value.labels) &&
    isRecord(value.properties)
  );
}

export function isGraphRelationship(value: Plain): value is GraphRelationship {
  return (
    isRecord(value) &&
    value.$type === 'relationship' &&
    typeof value.elementId === 'string' &&
    typeof value.type === 'string' &&
    typeof value.start === 'string' &&
    typeof value.end === 'string' &&
    isRecord(value.properties)
  );
}

export function isGraphPath(value: Plain): value is GraphPath {
  return (
    isRecord(value) &&
    value.$type === 'path' &&
    Array.isArray(value.segments) &&
    isGraphNode(value.start as Plain) &&
    isGraphNode(value.end as Plain) &&
    value.segments.every(
      (s: Plain) =>
        isRecord(s) &&
        isGraphNode(s.start as Plain) &&
        isGraphNode(s.end as Plain) &&
        isGraphRelationship(s.relationship as Plain),
    )
  );
}
