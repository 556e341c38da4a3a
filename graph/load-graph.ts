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
import { ensureSchema } from './schema-setup';
import { toPlain } from './to-plain';

const BATCH = 500;

export class LoadError extends Error {
  override name = 'LoadError';
}

export interface LoadOptions {
  /** Delete every node carrying a Kizuna label first. */
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

/** Map.groupBy arrived in Node 21; Kizuna supports Node 20. */
function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
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
 * Makes the database hold exactly this graph, in one transaction: all or nothing.
 * Nodes are MERGEd on id and relationships on their key, and whatever Kizuna wrote
 * before that is no longer in the model is removed, so loading twice changes nothing.
 * Labels and types are spliced in only from the fixed allowlists; all values are parameters.
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
        await tx.run(`MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) DETACH DELETE n`, {
          labels: [...NODE_LABELS],
        });
      }
      const byLabel = groupBy(model.nodes, (n) => n.label);
      for (const [label, nodes] of byLabel) {
        assertLabel(label);
        for (const batch of chunks(nodes)) {
          const written = await count(
            tx,
            `UNWIND $rows AS row
             MERGE (n:${label} {id: row.id})
             SET n = row.properties, n.id = row.id
             RETURN count(n)`,
            { rows: batch.map((n) => ({ id: n.id, properties: withoutNulls(n.properties) })) },
          );
          if (written !== batch.length)
            throw new LoadError(`Wrote ${written} of ${batch.length} ${label} nodes.`);
        }
      }
      await tx.run(
        `MATCH (p:Plan) WHERE p.id IN $planIds SET p.source_sha256 = $sha, p.seed_fingerprint = $fingerprint, p.seeded_at = datetime()`,
        {
          planIds: model.nodes.filter((n) => n.label === 'Plan').map((n) => n.id),
          sha: options.sourceSha256,
          fingerprint: options.fingerprint,
        },
      );
      const groups = groupBy(model.relationships, (r) => `${r.type}|${r.from.label}|${r.to.label}`);
      for (const rels of groups.values()) await writeRelationships(tx, rels);
      await removeStale(tx, model);
    });
  } finally {
    await session.close();
  }
  return reportLoad(graph);
}

async function writeRelationships(
  tx: ManagedTransaction,
  rels: GraphRelationship[],
): Promise<void> {
  const { type, from, to } = rels[0]!;
  assertType(type);
  assertLabel(from.label);
  assertLabel(to.label);
  for (const batch of chunks(rels)) {
    const written = await count(
      tx,
      `UNWIND $rows AS row
       MATCH (a:${from.label} {id: row.from})
       MATCH (b:${to.label} {id: row.to})
       MERGE (a)-[r:${type} {key: row.key}]->(b)
       SET r = row.properties, r.key = row.key
       RETURN count(r)`,
      {
        rows: batch.map((r) => ({
          from: r.from.id,
          to: r.to.id,
          key: r.key,
          properties: withoutNulls(r.properties),
        })),
      },
    );
    if (written !== batch.length) {
      throw new LoadError(
        `Only ${written} of ${batch.length} ${type} relationships from ${from.label} to ${to.label} found both ends; nothing was written.`,
      );
    }
  }
}

async function removeStale(tx: ManagedTransaction, model: GraphModel): Promise<void> {
  // Only relationships that start at plan nodes: events' INVOLVES and PART_OF are analysts' data.
  await tx.run(
    `MATCH (a)-[r]->() WHERE type(r) IN $types AND any(l IN labels(a) WHERE l IN $labels)
       AND NOT r.key IN $keys DELETE r`,
    {
      types: [...RELATIONSHIP_TYPES],
      labels: [...NODE_LABELS],
      keys: model.relationships.map((r) => r.key),
    },
  );
  await tx.run(
    `MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) AND NOT n.id IN $ids DETACH DELETE n`,
    { labels: [...NODE_LABELS], ids: model.nodes.map((n) => n.id) },
  );
}

function withoutNulls(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).filter(([, v]) => v !== null && v !== undefined),
  );
}

/** Counts per label and relationship type, and commitments that name no entity. */
export async function reportLoad(graph: Graph): Promise<LoadReport> {
  const labelRows = await graph.read(
    `MATCH (n) UNWIND labels(n) AS label WITH label WHERE label IN $labels RETURN label, count(*) AS count ORDER BY label`,
    { labels: [...NODE_LABELS] },
  );
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
    'MATCH (p:Plan {id: $planId}) RETURN p.seed_fingerprint AS fingerprint',
    { planId },
  );
  return row ? String(row.fingerprint ?? '') : null;
}
