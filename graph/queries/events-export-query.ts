import type { ExportEdge, ExportNode } from '../../core/formats/export-graph';
import { EVENT_RELATIONSHIP_TYPES } from '../../core/model/event-fields';
import type { Graph } from '../graph';
import { ENTITY } from './entity';
import { toProperties } from './export-query';

/**
 * Events (curated and analysts', graph/events/event-store.ts) for the data exports: the
 * non-deleted Event nodes with their relationships to plan nodes (the analysts' layer's own
 * types, EVENT_RELATIONSHIP_TYPES). Read-only. Only what a reader of the data needs travels: the event's
 * date, texts, source (source_url, source_publisher, source_accessed), certainty and
 * origin (curated or analyst), and its version; the bookkeeping (who edited it, its stored
 * link list, deletion marks, lock tokens) stays in the database.
 */

export const EVENT_LABEL = 'Event';

/** Stored keys an export leaves out: bookkeeping, not data (and account names). */
export const EVENT_INTERNAL_KEYS = [
  'links',
  'lock_token',
  'curated_sha256',
  'deleted',
  'deleted_at',
  'deleted_by',
  'created_by',
  'updated_by',
];

const READ_TIMEOUT = { timeoutMs: 10_000 };

export interface ExportEvents {
  nodes: ExportNode[];
  edges: ExportEdge[];
}

/**
 * The events with their relationships to the plan nodes `planIds` holds (every plan node
 * when undefined): with `every`, all events, linked or not (the whole plan); otherwise only
 * those linked to at least one of those nodes (a filtered view). An event's `kind` (visit,
 * meeting …) is exported as `event_kind`: GraphML and GEXF use `kind` for the node's label.
 */
export async function readExportEvents(
  graph: Graph,
  planIds?: ReadonlySet<string>,
  every = planIds === undefined,
): Promise<ExportEvents> {
  const nodeRows = await graph.read(
    `MATCH (e:Event) WHERE coalesce(e.deleted, false) = false
     RETURN e.id AS id, properties(e) AS props ORDER BY e.date_start, e.id`,
    {},
    READ_TIMEOUT,
  );
  const edgeRows = await graph.read(
    `MATCH (e:Event)-[r]->(n:${ENTITY})
     WHERE coalesce(e.deleted, false) = false AND type(r) IN $types
     RETURN r.key AS key, e.id AS source, n.id AS target, type(r) AS type, properties(r) AS props`,
    { types: [...EVENT_RELATIONSHIP_TYPES] },
    READ_TIMEOUT,
  );
  const edges = edgeRows
    .map((row) => ({
      id: String(row.key ?? `${row.type}|${row.source}|${row.target}`),
      source: String(row.source),
      target: String(row.target),
      type: String(row.type),
      properties: toProperties(row.props ?? null),
    }))
    .filter((e) => !planIds || planIds.has(e.target))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const linked = new Set(edges.map((e) => e.source));
  const nodes = nodeRows
    .filter((row) => every || linked.has(String(row.id)))
    .map((row) => {
      const { kind, ...stored } = toProperties(row.props ?? null);
      for (const key of EVENT_INTERNAL_KEYS) delete stored[key];
      return {
        id: String(row.id),
        kind: EVENT_LABEL,
        properties: kind === undefined ? stored : { ...stored, event_kind: kind },
      };
    });
  return { nodes, edges };
}
