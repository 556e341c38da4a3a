import type { Run } from './state';

export interface QueryDiagnostic {
  from: number;
  to: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/** From an offset, to the end of the word there, so the mark covers what Neo4j stumbled on. */
function span(doc: string, offset: number): { from: number; to: number } {
  const from = Math.max(0, Math.min(offset, doc.length));
  const word = /^[^\s()[\]{},.:;]+/.exec(doc.slice(from))?.[0] ?? '';
  return { from, to: Math.min(doc.length, from + Math.max(word.length, 1)) };
}

/**
 * Where the last run's answer points into the query: the syntax error, and notifications
 * that carry a position. Only while the editor still holds the query that was run: once it
 * is edited, the positions no longer mean anything.
 */
export function diagnosticsFor(run: Run, doc: string): QueryDiagnostic[] {
  if (run.status === 'idle' || run.status === 'running' || run.query !== doc) return [];
  if (run.status === 'refused') {
    const { position, detail } = run.refusal;
    return position ? [{ ...span(doc, position.offset), severity: 'error', message: detail }] : [];
  }
  if (run.status === 'done') {
    return run.result.notifications.flatMap((n) =>
      n.position
        ? [
            {
              ...span(doc, n.position.offset),
              severity: n.severity === 'WARNING' ? 'warning' : 'info',
              message: `${n.title} ${n.description}`,
            } satisfies QueryDiagnostic,
          ]
        : [],
    );
  }
  return [];
}
