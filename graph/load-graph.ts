import type { ManagedTransaction } from 'neo4j-driver';
import {
  type GraphModel,
  type GraphRelationship,
  NODE_LABELS,
  type NodeLabel,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../seed/graph-model';
import { type Graph, toParams } from './graph';
import { ENTITY, FOREIGN_LABELS } from './queries/entity';
import { storeDefaultLayout } from './queries/layout-query';
import { ensureSchema } from './schema-setup';
import { toPlain } from './to-plain';

const BATCH = 500;

export class LoadError extends Error {
  override name = 'LoadError';
}

export interface LoadOptions {
  /** Delete every plan node first (never analysts' Event, User, Session or Audit nodes). */
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

async function count(
  tx: ManagedTransaction,
  cypher: string,
  params: Record<string, unknown>,
): Promise<number> {
  const result = await tx.run(cypher, toParams(params) as Record<string, unknown>);
  return Number(toPlain(result.records[0]?.get(0)) ?? 0);
}

/**
 * Cypher that is true when the node bound to `variable` is plan data: it carries a plan
 * label and none of the labels of analysts' data. Needs the $labels and $foreign parameters.
 */
function isPlanNode(variable: string): string {
  return `any(l IN labels(${variable}) WHERE l IN $labels) AND none(l IN labels(${variable}) WHERE l IN $foreign)`;
}

const PLAN_SCOPE = { labels: [...NODE_LABELS], foreign: [...FOREIGN_LABELS] };

/**
 * Makes the plan data in the database exactly this graph, in one transaction: all or
 * nothing. Nodes are MERGEd on their Entity id and relationships on their key, and plan
 * data Kizuna wrote before that is no longer in the model is removed, so loading twice
 * changes nothing. Analysts' data (Event, User, Session, Audit nodes and whatever links
 * them to the plan) is never touched. Labels and types are spliced in only from the fixed
 * allowlists; all values are parameters.
 */
export async function loadGraph(
  graph: Graph,
  model: GraphModel,
  options: LoadOptions,
): Promise<LoadReport> {
  await ensureSchema(graph);
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: 'WRITE' });
  try {
    await session.executeWrite(async (tx) => {
      if (options.reset) {
        await tx.run(`MATCH (n) WHERE ${isPlanNode('n')} DETACH DELETE n`, PLAN_SCOPE);
      }
      // A database seeded before the Entity label existed: its plan nodes join it first.
      await tx.run(
        `UNWIND $labels AS label
         MATCH (n:$(label)) WHERE NOT n:${ENTITY} AND none(l IN labels(n) WHERE l IN $foreign)
         SET n:${ENTITY}`,
        PLAN_SCOPE,
      );
      for (const node of model.nodes) assertLabel(node.label);
      for (const batch of chunks(model.nodes)) {
        // Labels are dynamic ($(…)) but only ever from NODE_LABELS (checked above); an id
        // that changed kind keeps one node and loses its old kind label.
        const written = await count(
          tx,
          `UNWIND $rows AS row
           MERGE (n:${ENTITY} {id: row.id})
           SET n = row.properties, n.id = row.id
           REMOVE n:$(row.others)
           SET n:$(row.label)
           RETURN count(n)`,
          {
            rows: batch.map((n) => ({
              id: n.id,
              label: n.label,
              others: NODE_LABELS.filter((l) => l !== n.label),
              properties: withoutNulls(n.properties),
            })),
          },
        );
        if (written !== batch.length)
          throw new LoadError(`Wrote ${written} of ${batch.length} nodes.`);
      }
      await tx.run(
        `UNWIND $planIds AS planId MATCH (p:${ENTITY} {id: planId}) WHERE p:Plan SET p.source_sha256 = $sha, p.seed_fingerprint = $fingerprint, p.seeded_at = datetime()`,
        {
          planIds: model.nodes.filter((n) => n.label === 'Plan').map((n) => n.id),
          sha: options.sourceSha256,
          fingerprint: options.fingerprint,
        },
      );
      await writeRelationships(tx, model.relationships);
      await removeStale(tx, model);
    });
  } finally {
    await session.close();
  }
  // At seed time, so that no request ever waits for a layout.
  await storeDefaultLayout(graph);
  return reportLoad(graph);
}

async function writeRelationships(
  tx: ManagedTransaction,
  rels: GraphRelationship[],
): Promise<void> {
  for (const r of rels) {
    assertType(r.type);
    assertLabel(r.from.label);
    assertLabel(r.to.label);
  }
  for (const batch of chunks(rels)) {
    // Types and labels are dynamic but only ever from the allowlists (checked above).
    const rows = batch.map((r) => ({
      type: r.type,
      from: r.from.id,
      fromLabel: r.from.label,
      to: r.to.id,
      toLabel: r.to.label,
      key: r.key,
      properties: withoutNulls(r.properties),
    }));
    const written = await count(
      tx,
      `UNWIND $rows AS row
       MATCH (a:${ENTITY} {id: row.from}) WHERE row.fromLabel IN labels(a)
       MATCH (b:${ENTITY} {id: row.to}) WHERE row.toLabel IN labels(b)
       MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
       SET r = row.properties, r.key = row.key
       RETURN count(r)`,
      { rows },
    );
    if (written !== batch.length) {
      const missing = await tx.run(
        `UNWIND $rows AS row
         OPTIONAL MATCH (a:${ENTITY} {id: row.from}) WHERE row.fromLabel IN labels(a)
         OPTIONAL MATCH (b:${ENTITY} {id: row.to}) WHERE row.toLabel IN labels(b)
         WITH row WHERE a IS NULL OR b IS NULL
         RETURN row.type AS type, row.fromLabel AS fromLabel, row.from AS fromId,
                row.toLabel AS toLabel, row.to AS toId LIMIT 1`,
        { rows },
      );
      const m = missing.records[0]?.toObject() ?? {};
      throw new LoadError(
        `${m.type} relationships from ${m.fromLabel} "${m.fromId}" to ${m.toLabel} "${m.toId}": only ${written} of ${batch.length} in the batch found both ends; nothing was written.`,
      );
    }
  }
}

/**
 * Removes plan data that is no longer in the model: relationships between two plan nodes,
 * and plan nodes. A relationship an analyst drew from an Event to a plan node is not plan
 * data and stays (unless its plan node goes).
 */
async function removeStale(tx: ManagedTransaction, model: GraphModel): Promise<void> {
  await tx.run(
    `MATCH (a:${ENTITY})-[r]->(b:${ENTITY})
     WHERE type(r) IN $types AND NOT r.key IN $keys AND ${isPlanNode('a')} AND ${isPlanNode('b')}
     DELETE r`,
    {
      ...PLAN_SCOPE,
      types: [...RELATIONSHIP_TYPES],
      keys: model.relationships.map((r) => r.key),
    },
  );
  await tx.run(
    `MATCH (n:${ENTITY}) WHERE ${isPlanNode('n')} AND NOT n.id IN $ids DETACH DELETE n`,
    { ...PLAN_SCOPE, ids: model.nodes.map((n) => n.id) },
  );
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
