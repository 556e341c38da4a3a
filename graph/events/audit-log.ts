import { randomUUID } from 'node:crypto';
import type { Graph, GraphTx } from '../graph';
import type { Plain } from '../to-plain';

/**
 * The audit trail: who changed what and when, and every sign-in. It lives in the main
 * database only (never in the console's copy), and is read by admins through the API.
 */

/** Who did something: an account's name, or 'seed' for the curated record. */
export type Actor = string;

export const now = () => new Date().toISOString();

/**
 * A filter's optional fields as Cypher parameters of the same names, each present: null when
 * left out, which the queries read as "no filter" ($x IS NULL OR …).
 */
export function filterParams<F extends object>(filter: F, keys: readonly (keyof F & string)[]) {
  return Object.fromEntries(keys.map((key) => [key, filter[key] ?? null]));
}

export interface AuditInput {
  actor: Actor;
  action: string;
  entity: string;
  entity_id: string;
  version: number | null;
  before: unknown;
  after: unknown;
  at?: string;
}

/** One audit entry's statement: inside an edit's transaction (writeAudit) or on its own (recordAudit). */
function auditStatement(entry: AuditInput): { cypher: string; params: Record<string, unknown> } {
  return {
    cypher: `CREATE (:Audit {id: $id, at: $at, actor: $actor, action: $action, entity: $entity,
       entity_id: $entity_id, version: $version, before: $before, after: $after})`,
    params: {
      id: randomUUID(),
      at: entry.at ?? now(),
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entity_id,
      version: entry.version,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
    },
  };
}

/** An audit entry written inside an edit's transaction: both happen, or neither. */
export async function writeAudit(tx: GraphTx, entry: AuditInput): Promise<void> {
  const { cypher, params } = auditStatement(entry);
  await tx.run(cypher, params);
}

/** An audit entry for something that is not an edit (a sign-in, a sign-out). */
export async function recordAudit(graph: Graph, entry: AuditInput): Promise<void> {
  const { cypher, params } = auditStatement(entry);
  await graph.write(cypher, params);
}

/** An audit node as stored: what was recorded, with its id and time. */
export interface AuditEntry extends Omit<AuditInput, 'at'> {
  id: string;
  at: string;
}

export interface AuditFilter {
  entityId?: string;
  entity?: string;
  actor?: string;
  action?: string;
  /** Entries at or after this ISO time. */
  since?: string;
  /** Entries before this ISO time: the next page starts before the last entry's `at`. */
  before?: string;
  limit: number;
}

export async function listAudit(graph: Graph, filter: AuditFilter): Promise<AuditEntry[]> {
  const rows = await graph.read(
    `MATCH (a:Audit)
     WHERE ($entityId IS NULL OR a.entity_id = $entityId) AND ($entity IS NULL OR a.entity = $entity)
       AND ($actor IS NULL OR a.actor = $actor) AND ($action IS NULL OR a.action = $action)
       AND ($since IS NULL OR a.at >= $since) AND ($before IS NULL OR a.at < $before)
     RETURN properties(a) AS p
     ORDER BY a.at DESC, a.version DESC, a.id
     LIMIT $limit`,
    {
      limit: filter.limit,
      ...filterParams(filter, ['entityId', 'entity', 'actor', 'action', 'since', 'before']),
    },
  );
  return rows.map((r) => {
    const p = r.p as Record<string, Plain>;
    return {
      id: String(p.id),
      at: String(p.at),
      actor: String(p.actor),
      action: String(p.action),
      entity: String(p.entity),
      entity_id: String(p.entity_id),
      version: p.version === null || p.version === undefined ? null : Number(p.version),
      before: p.before ? JSON.parse(String(p.before)) : null,
      after: p.after ? JSON.parse(String(p.after)) : null,
    };
  });
}
