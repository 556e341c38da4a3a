import { isEventRelationshipType } from '../../core/model/event-fields';
import type { Graph } from '../graph';
import type { Plain } from '../to-plain';
import { ENTITY, kindOf } from './entity';

export interface RelationshipEvidence {
  type: string;
  /** What the plan says, or what analysts recorded (an event's relationship). */
  layer: 'plan' | 'analysts';
  direction: 'in' | 'out';
  other: { id: string; kind: string; name_ja: string; name_en: string };
  properties: Record<string, Plain>;
}

export interface NodeDetails {
  id: string;
  kind: string;
  labels: string[];
  properties: Record<string, Plain>;
  relationships: RelationshipEvidence[];
  neighbours: { type: string; direction: 'in' | 'out'; kind: string; count: number }[];
}

/**
 * One node by its stable id, with every relationship's evidence, the analysts' records among
 * them marked as such; null when there is none.
 */
export async function readNodeDetails(graph: Graph, id: string): Promise<NodeDetails | null> {
  const [row] = await graph.read(
    `MATCH (n:${ENTITY} {id: $id})
     CALL (n) {
       OPTIONAL MATCH (n)-[r]-(m)
       WITH r, m WHERE r IS NOT NULL
       RETURN collect({
         type: type(r),
         direction: CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END,
         other: { id: m.id, kind: ${kindOf('m')}, name_ja: m.name_ja, name_en: m.name_en },
         properties: properties(r)
       }) AS relationships
     }
     RETURN n.id AS id, [l IN labels(n) WHERE l <> '${ENTITY}'] AS labels,
            properties(n) AS properties, relationships`,
    { id },
    { timeoutMs: 5000 },
  );
  if (!row) return null;
  const relationships = (row.relationships as unknown as Omit<RelationshipEvidence, 'layer'>[])
    .map(
      (r): RelationshipEvidence => ({
        ...r,
        layer: isEventRelationshipType(r.type) ? 'analysts' : 'plan',
      }),
    )
    .sort(
      (a, b) =>
        a.type.localeCompare(b.type) ||
        Number(a.properties.evidence_start ?? 0) - Number(b.properties.evidence_start ?? 0) ||
        a.other.id.localeCompare(b.other.id),
    );
  const summary = new Map<
    string,
    { type: string; direction: 'in' | 'out'; kind: string; count: number }
  >();
  for (const r of relationships) {
    const key = `${r.type}|${r.direction}|${r.other.kind}`;
    const entry = summary.get(key) ?? {
      type: r.type,
      direction: r.direction,
      kind: r.other.kind,
      count: 0,
    };
    entry.count++;
    summary.set(key, entry);
  }
  const labels = row.labels as string[];
  return {
    id: String(row.id),
    kind: labels[0]!,
    labels,
    properties: row.properties as Record<string, Plain>,
    relationships,
    neighbours: [...summary.values()],
  };
}
