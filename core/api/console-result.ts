import type { Plain } from '../plain';

/**
 * What the research console answers (POST /api/cypher): declared once, for the server that
 * builds it (graph/cypher-console.ts) and the workbench that draws it. Types only, so the
 * page bundles none of the server.
 */

export type Row = { [column: string]: Plain };

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** 0-based, in UTF-16 code units, as CodeMirror counts positions. */
  offset: number;
}

export interface ConsoleNotification {
  code: string;
  title: string;
  description: string;
  severity: string;
  position?: SourcePosition;
}

/** One operator of an EXPLAIN or PROFILE plan; rows and dbHits only when profiled. */
export interface PlanNode {
  operator: string;
  details: string | null;
  estimatedRows: number | null;
  rows: number | null;
  dbHits: number | null;
  identifiers: string[];
  children: PlanNode[];
}

export type PlanMode = 'EXPLAIN' | 'PROFILE';

/** One statement's result (a script has one per statement). */
export interface ConsoleResult {
  /** The statement as written. */
  statement: string;
  mode: PlanMode | null;
  columns: string[];
  /** One object per row; nodes, relationships and paths keep elementIds, labels or type, and properties. */
  rows: Row[];
  truncated: boolean;
  truncatedBy: 'rows' | 'size' | null;
  limits: { maxRows: number; maxResultChars: number; timeoutMs: number };
  elapsedMs: number;
  notifications: ConsoleNotification[];
  plan: PlanNode | null;
}
