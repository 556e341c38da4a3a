/**
 * Every Kizuna node carries the shared label Entity with a unique id, so a lookup by id
 * is one index seek whatever its kind. The kind is the node's other label.
 */
export const ENTITY = 'Entity';

/** Labels of analysts' data that share the graph but are never plan data. */
export const FOREIGN_LABELS = ['Event', 'User', 'Session', 'Audit', 'SignInThrottle'] as const;

/**
 * Cypher for the kind of the node bound to `variable` (a fixed name in the query text,
 * never user input): its first label other than Entity.
 */
export function kindOf(variable: string): string {
  return `[l IN labels(${variable}) WHERE l <> 'Entity'][0]`;
}
