import { randomUUID } from 'node:crypto';
import { DATASET_LABEL, datasetNodeProperties, versionFor } from '../core/dataset';
import {
  type GraphModel,
  type GraphRelationship,
  NODE_LABELS,
  type NodeLabel,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../core/model/graph-model';
import type { Graph } from './graph';
import { ENTITY, FOREIGN_LABELS } from './queries/entity';
import { storeDefaultLayout } from './queries/layout-query';
import { ensureSchema } from './schema-setup';

const BATCH = 500;

export class LoadError extends Error {
  override name = 'LoadError';
}

export interface LoadOptions {
  /**
   * Kept for the seed command's --reset: every load now replaces the plan data whole (never
   * analysts' Event, User, Session or Audit nodes), so it changes nothing.
   */
  reset?: boolean;
  /** Stored on the Plan node, so clients can tell one seeding from another. */
  sourceSha256: string;
  /** Identifies the source and curated data this load came from. */
  fingerprint: string;
}

export interface LoadReport {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  unlinkedCommitments: number;
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

function assertLabel(label: string): asserts label is NodeLabel {
  if (!(NODE_LABELS as readonly string[]).includes(label))
    throw new LoadError(`Unknown label ${label}`);
}

function assertType(type: string): asserts type is RelationshipType {
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(type))
    throw new LoadError(`Unknown relationship type ${type}`);
}

/**
 * Cypher that is true when the node bound to `variable` is plan data: it carries a plan
 * label and none of the labels of analysts' data. Needs the $labels and $foreign parameters.
 */
function isPlanNode(variable: string): string {
  return `any(l IN labels(${variable}) WHERE l IN $labels) AND none(l IN labels(${variable}) WHERE l IN $foreign)`;
}

const PLAN_SCOPE = { labels: [...NODE_LABELS], foreign: [...FOREIGN_LABELS] };

/** Where a load writes before the swap: a label no query of the app or the plan uses. */
export const STAGING = 'KizunaStaging';
/** The plan data a swap replaced, deleted in batches once the swap has committed. */
export const RETIRED = 'KizunaRetired';

/**
 * Makes the plan data in the database exactly this graph, all or nothing, in transactions
 * of BATCH rows so that a plan of any size loads within the server's per-transaction memory
 * limit. The model is first written as staging nodes (label KizunaStaging only, their kind
 * in `_label`, tagged with this load's token) and the relationships between them; none of
 * the app's queries sees them, since every one is anchored on a plan label or Entity. One
 * short transaction then swaps: the plan nodes in place lose their labels (KizunaRetired),
 * the staging nodes take theirs, and what analysts linked to the old nodes (an Event's
 * ADVANCES, ENGAGES…) is moved to the new node with the same id, and the :Dataset node is
 * rewritten to name the release and fingerprint now loaded. A load that fails
 * before the swap deletes its staging nodes and leaves the database as it was; one that
 * dies (a kill) leaves staging or retired nodes, which the next load clears first. Loading
 * twice gives the same data. Labels and types are spliced in only from the fixed
 * allowlists; all values are parameters.
 */
export async function loadGraph(
  graph: Graph,
  model: GraphModel,
  options: LoadOptions,
): Promise<LoadReport> {
  await ensureSchema(graph);
  for (const node of model.nodes) assertLabel(node.label);
  for (const r of model.relationships) {
    assertType(r.type);
    assertLabel(r.from.label);
    assertLabel(r.to.label);
  }
  await deleteInBatches(graph, STAGING);
  await deleteInBatches(graph, RETIRED);
  const token = randomUUID();
  try {
    await stageNodes(graph, model, token, options);
    await stageRelationships(graph, model.relationships, token);
    await graph.write(SWAP, {
      ...PLAN_SCOPE,
      token,
      dataset: datasetNodeProperties(options.fingerprint),
    });
  } catch (error) {
    await deleteInBatches(graph, STAGING).catch(() => {});
    throw error;
  }
  await deleteInBatches(graph, RETIRED);
  // At seed time, so that no request ever waits for a layout.
  await storeDefaultLayout(graph);
  return reportLoad(graph);
}

/**
 * The swap, in one transaction: only label changes and the few relationships analysts drew
 * to plan nodes, whatever the plan's size. Old nodes lose their plan labels before the new
 * ones take them, so the unique ids never clash.
 */
const SWAP = `
  CALL () {
    MATCH (n) WHERE ${isPlanNode('n')}
    SET n:${RETIRED} REMOVE n:$($labels), n:${ENTITY}
  }
  CALL () {
    MATCH (s:${STAGING} {load: $token})
    SET s:$(s._label), s:${ENTITY}, s.seeded_at = CASE WHEN s._label = 'Plan' THEN datetime() END
    REMOVE s:${STAGING}, s._label, s.load
  }
  CALL () {
    MATCH (old:${RETIRED})-[r]->(x) WHERE NOT x:${RETIRED}
    MATCH (new:${ENTITY} {id: old.id})
    CREATE (new)-[moved:$(type(r))]->(x) SET moved = properties(r)
    DELETE r
  }
  CALL () {
    MATCH (old:${RETIRED})<-[r]-(x) WHERE NOT x:${RETIRED}
    MATCH (new:${ENTITY} {id: old.id})
    CREATE (new)<-[moved:$(type(r))]-(x) SET moved = properties(r)
    DELETE r
  }
  CALL () {
    MERGE (d:${DATASET_LABEL} {id: $dataset.id})
    SET d = $dataset, d.built_at = datetime()
  }
  RETURN 1 AS swapped`;

/** Deletes every node with this label (and its relationships), BATCH nodes per transaction. */
async function deleteInBatches(graph: Graph, label: typeof STAGING | typeof RETIRED) {
  for (;;) {
    const [row] = await graph.write(
      `MATCH (n:${label}) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted`,
      { batch: BATCH },
    );
    if (Number(row?.deleted ?? 0) < BATCH) return;
  }
}

async function stageNodes(graph: Graph, model: GraphModel, token: string, options: LoadOptions) {
  for (const batch of chunks(model.nodes)) {
    const [row] = await graph.write(
      `UNWIND $rows AS row
       CREATE (n:${STAGING})
       SET n = row.properties, n.id = row.id, n._label = row.label, n.load = $token
       RETURN count(n) AS written`,
      {
        token,
        rows: batch.map((n) => ({
          id: n.id,
          label: n.label,
          properties:
            n.label === 'Plan'
              ? {
                  ...withoutNulls(n.properties),
                  source_sha256: options.sourceSha256,
                  seed_fingerprint: options.fingerprint,
                  // The release a query's answer came from, readable in the database itself.
                  dataset_version: versionFor(options.fingerprint),
                }
              : withoutNulls(n.properties),
        })),
      },
    );
    if (Number(row?.written) !== batch.length)
      throw new LoadError(`Wrote ${row?.written} of ${batch.length} nodes.`);
  }
}

async function stageRelationships(graph: Graph, rels: GraphRelationship[], token: string) {
  for (const batch of chunks(rels)) {
    // Types are dynamic but only ever from the allowlist (checked above).
    const rows = batch.map((r) => ({
      type: r.type,
      from: r.from.id,
      fromLabel: r.from.label,
      to: r.to.id,
      toLabel: r.to.label,
      key: r.key,
      properties: withoutNulls(r.properties),
    }));
    const [row] = await graph.write(
      `UNWIND $rows AS row
       MATCH (a:${STAGING} {load: $token, id: row.from}) WHERE a._label = row.fromLabel
       MATCH (b:${STAGING} {load: $token, id: row.to}) WHERE b._label = row.toLabel
       CREATE (a)-[r:$(row.type)]->(b)
       SET r = row.properties, r.key = row.key
       RETURN count(r) AS written`,
      { rows, token },
    );
    const written = Number(row?.written);
    if (written !== batch.length) {
      const [m] = await graph.read(
        `UNWIND $rows AS row
         OPTIONAL MATCH (a:${STAGING} {load: $token, id: row.from}) WHERE a._label = row.fromLabel
         OPTIONAL MATCH (b:${STAGING} {load: $token, id: row.to}) WHERE b._label = row.toLabel
         WITH row WHERE a IS NULL OR b IS NULL
         RETURN row.type AS type, row.fromLabel AS fromLabel, row.from AS fromId,
                row.toLabel AS toLabel, row.to AS toId LIMIT 1`,
        { rows, token },
      );
      throw new LoadError(
        `${m?.type} relationships from ${m?.fromLabel} "${m?.fromId}" to ${m?.toLabel} "${m?.toId}": only ${written} of ${batch.length} in the batch found both ends; nothing was written.`,
      );
    }
  }
}

function withoutNulls(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).filter(([, v]) => v !== null && v !== undefined),
  );
}

/** Counts per label and relationship type, and commitments that name no entity. */
export async function reportLoad(graph: Graph): Promise<LoadReport> {
  // One count per label and type: each is read from the count store, not by a scan.
  const labelRows = [];
  for (const label of [...NODE_LABELS].sort()) {
    const [row] = await graph.read(`MATCH (n:${label}) RETURN count(n) AS count`);
    if (Number(row?.count) > 0) labelRows.push({ label, count: row!.count });
  }
  const typeRows = await graph.read(
    `MATCH (a)-[r]->() WHERE any(l IN labels(a) WHERE l IN $labels)
     WITH type(r) AS type WHERE type IN $types RETURN type, count(*) AS count ORDER BY type`,
    { types: [...RELATIONSHIP_TYPES], labels: [...NODE_LABELS] },
  );
  const [unlinked] = await graph.read(
    `MATCH (c:Commitment)
     WHERE NOT (c)-[:INVOLVES|IMPLEMENTED_VIA|ALIGNS_WITH|CONCERNS|WORKS_TOWARDS|REFERS_TO]->()
       AND NOT (c)<-[:UNDERPINS]-()
     RETURN count(c) AS count`,
  );
  return {
    nodes: Object.fromEntries(labelRows.map((r) => [String(r.label), Number(r.count)])),
    relationships: Object.fromEntries(typeRows.map((r) => [String(r.type), Number(r.count)])),
    unlinkedCommitments: Number(unlinked?.count ?? 0),
  };
}

/** The fingerprint of the data the database was last seeded from, or null when no plan is loaded. */
export async function loadedFingerprint(graph: Graph, planId: string): Promise<string | null> {
  const [row] = await graph.read(
    // A plan loaded before the Entity label existed is not found, and so is reseeded.
    `MATCH (p:${ENTITY} {id: $planId}) WHERE p:Plan RETURN p.seed_fingerprint AS fingerprint`,
    { planId },
  );
  return row ? String(row.fingerprint ?? '') : null;
}
