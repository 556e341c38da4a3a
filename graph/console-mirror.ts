import { DATASET_LABEL } from '../core/dataset';
import {
  ASSESSMENT_SCHEMA,
  ASSESSMENTS_LABEL,
  EVENT_SCHEMA,
  GRAPH_SCHEMA,
  schemaCommand,
} from '../core/formats/graph-schema';
import { EVENT_RELATIONSHIP_TYPES } from '../core/model/event-fields';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../core/model/graph-model';
import { CURATION_ASSESSOR } from '../core/model/implementation';
import type { Graph, Row, Statement } from './graph';
import { ENTITY } from './queries/entity';
import { EVENT_INTERNAL_KEYS } from './queries/events-export-query';

/**
 * The research console's own database holds a copy of the public data only: the plan's
 * nodes and relationships, the implementation assessments, and the events nobody deleted without their bookkeeping (who
 * edited them, lock tokens, deletion marks). Accounts, sessions, sign-in throttling and the
 * audit trail live in the main database alone, which visitors' Cypher never reaches
 * (docs/neo4j-security.md). Neo4j Community has no per-label privileges and one user
 * database, so a second server is the only wall that holds.
 */

/** The snapshot node the copy carries: which main data it is, and since when. */
export const SNAPSHOT_LABEL = 'ConsoleSnapshot';

const PLAN_LABELS: readonly string[] = NODE_LABELS;
const EVENT_TYPES: readonly string[] = EVENT_RELATIONSHIP_TYPES;
const BATCH = 500;
/** Copying is background work, not a request: the graph's request deadline does not apply. */
const TIMEOUT = { timeoutMs: 60_000, deadlineMs: 60_000 };

/**
 * What the main database's public data is now, in one short read: the plan's fingerprint
 * and the events' count and summed versions (every create, edit, delete and restore adds
 * one), and the assessments' count and latest reading (they are only appended to; a
 * changed curated reading changes its hash). Equal stamps mean equal public data.
 */
export async function publicDataStamp(main: Graph): Promise<string> {
  const [row] = await main.read(
    `OPTIONAL MATCH (p:${ENTITY}:Plan) WITH collect(p.seed_fingerprint) AS plans
     OPTIONAL MATCH (e:Event)
     WITH plans, count(e) AS events, sum(coalesce(e.version, 0)) AS versions
     OPTIONAL MATCH (a:${ASSESSMENTS_LABEL})
     RETURN plans, events, versions, count(a) AS assessments,
            max(a.assessed_at) + '|' + coalesce(max(a.curated_sha256), '') AS latest`,
    {},
    { timeoutMs: 5_000 },
  );
  return `${(row?.plans as string[] | undefined)?.join('+') ?? ''}|${row?.events ?? 0}|${row?.versions ?? 0}|${row?.assessments ?? 0}|${row?.latest ?? ''}`;
}

/** The stamp of the data the console's database holds, or null when it holds none yet. */
export async function mirroredStamp(sandbox: Graph): Promise<string | null> {
  const [row] = await sandbox.read(
    `MATCH (s:${SNAPSHOT_LABEL}) RETURN s.main_stamp AS stamp LIMIT 1`,
    {},
    { timeoutMs: 5_000 },
  );
  return typeof row?.stamp === 'string' ? row.stamp : null;
}

interface PublicData {
  nodes: { label: string; props: Row }[];
  relationships: { type: string; fromEvent: boolean; from: string; to: string; props: Row }[];
}

/** The plan's nodes are those with a plan label; each keeps its kind label and Entity. */
function planLabel(labels: unknown): string | undefined {
  return (labels as string[]).find((l) => PLAN_LABELS.includes(l));
}

async function readPublicData(main: Graph): Promise<PublicData> {
  const planNodes = await main.read(
    `MATCH (n:${ENTITY}) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id`,
    {},
    TIMEOUT,
  );
  const planEdges = await main.read(
    `MATCH (a:${ENTITY})-[r]->(b:${ENTITY}) WHERE type(r) IN $types
     RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props`,
    { types: [...RELATIONSHIP_TYPES] },
    TIMEOUT,
  );
  const datasets = await main.read(
    `MATCH (d:${DATASET_LABEL}) RETURN properties(d) AS props ORDER BY d.id`,
    {},
    TIMEOUT,
  );
  const events = await main.read(
    `MATCH (e:Event) WHERE coalesce(e.deleted, false) = false
     RETURN properties(e) AS props ORDER BY e.id`,
    {},
    TIMEOUT,
  );
  const assessments = await main.read(
    `MATCH (a:${ASSESSMENTS_LABEL}) RETURN properties(a) AS props ORDER BY a.id`,
    {},
    TIMEOUT,
  );
  const eventEdges = await main.read(
    `MATCH (e:Event)-[r]->(n:${ENTITY})
     WHERE coalesce(e.deleted, false) = false AND type(r) IN $types
     RETURN type(r) AS type, e.id AS from, n.id AS to, properties(r) AS props`,
    { types: [...EVENT_TYPES] },
    TIMEOUT,
  );
  const nodes: PublicData['nodes'] = [];
  for (const row of planNodes) {
    const label = planLabel(row.labels);
    if (label) nodes.push({ label, props: row.props as Row });
  }
  for (const row of datasets) nodes.push({ label: DATASET_LABEL, props: row.props as Row });
  for (const row of events) {
    const props = { ...(row.props as Row) };
    for (const key of EVENT_INTERNAL_KEYS) delete props[key];
    nodes.push({ label: 'Event', props });
  }
  for (const row of assessments) {
    // An editor's account name is half a sign-in: the copy says only that it was not curation.
    const props = { ...(row.props as Row) };
    if (props.assessed_by !== CURATION_ASSESSOR) props.assessed_by = 'editor';
    delete props.curated_sha256;
    nodes.push({ label: ASSESSMENTS_LABEL, props });
  }
  const relationship = (fromEvent: boolean) => (row: Row) => ({
    type: String(row.type),
    fromEvent,
    from: String(row.from),
    to: String(row.to),
    props: row.props as Row,
  });
  const relationships = [
    ...planEdges.map(relationship(false)),
    ...eventEdges.map(relationship(true)),
  ];
  return { nodes, relationships };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/**
 * The writes that replace the copy, parameterised; labels and types are spliced in only
 * from the fixed lists (schema commands and labels take no parameters).
 */
function replaceStatements(data: PublicData, stamp: string, takenAt: string): Statement[] {
  const statements: Statement[] = [{ cypher: 'MATCH (n) DETACH DELETE n' }];
  const byLabel = groupBy(data.nodes, (n) => n.label);
  for (const [label, nodes] of byLabel) {
    // Events, assessments and the dataset's own node are not plan data: no Entity label.
    const labels = PLAN_LABELS.includes(label) ? `${label}:${ENTITY}` : label;
    for (const batch of batches(nodes)) {
      statements.push({
        cypher: `UNWIND $rows AS row CREATE (n:${labels}) SET n = row`,
        params: { rows: batch.map((n) => n.props) },
      });
    }
  }
  const allTypes: readonly string[] = [...RELATIONSHIP_TYPES, ...EVENT_TYPES];
  const groups = groupBy(
    data.relationships.filter((r) => allTypes.includes(r.type)),
    (r) => `${r.type}|${r.fromEvent}`,
  );
  for (const relationships of groups.values()) {
    const { type, fromEvent } = relationships[0]!;
    // Events carry no Entity label; every plan node does: each end is one index seek.
    const from = fromEvent ? 'Event' : ENTITY;
    for (const batch of batches(relationships)) {
      statements.push({
        cypher: `UNWIND $rows AS row
                 MATCH (a:${from} {id: row.from}) MATCH (b:${ENTITY} {id: row.to})
                 CREATE (a)-[r:${type}]->(b) SET r = row.props`,
        params: { rows: batch.map(({ from: f, to, props }) => ({ from: f, to, props })) },
      });
    }
  }
  statements.push({
    cypher: `CREATE (:${SNAPSHOT_LABEL} {main_stamp: $stamp, taken_at: $takenAt,
             nodes: $nodes, relationships: $relationships})`,
    params: {
      stamp,
      takenAt,
      nodes: data.nodes.length,
      relationships: data.relationships.length,
    },
  });
  return statements;
}

export interface MirrorReport {
  stamp: string;
  nodes: number;
  relationships: number;
  tookMs: number;
}

/** Creates the constraints and indexes a copy needs (idempotent): the export's schema. */
export async function ensureMirrorSchema(sandbox: Graph): Promise<void> {
  for (const item of [...GRAPH_SCHEMA, ...EVENT_SCHEMA, ...ASSESSMENT_SCHEMA]) {
    await sandbox.write(schemaCommand(item), {}, TIMEOUT);
  }
  await sandbox.write('CALL db.awaitIndexes(60)', {}, TIMEOUT);
}

/**
 * Replaces the console database's contents with the main database's public data, in one
 * transaction: a reader sees the old copy or the new one, never a mix or an empty one.
 */
export async function mirrorPublicData(
  main: Graph,
  sandbox: Graph,
  /** The main data's stamp when the caller has just read it (read before the data, never after). */
  knownStamp?: string,
  now = () => new Date(),
): Promise<MirrorReport> {
  const started = Date.now();
  const stamp = knownStamp ?? (await publicDataStamp(main));
  const data = await readPublicData(main);
  await sandbox.writeAll(replaceStatements(data, stamp, now().toISOString()), TIMEOUT);
  return {
    stamp,
    nodes: data.nodes.length,
    relationships: data.relationships.length,
    tookMs: Date.now() - started,
  };
}
