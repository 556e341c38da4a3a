import type { Graph, Row } from '../graph';
import { FULLTEXT_INDEXES } from '../schema-setup';

export interface SchemaSummary {
  labels: { label: string; count: number; properties: { name: string; types: string[] }[] }[];
  relationshipTypes: {
    type: string;
    count: number;
    properties: { name: string; types: string[] }[];
  }[];
  propertyKeys: string[];
  fulltextIndexes: { name: string; language: 'ja' | 'en' }[];
}

const TIMEOUT = { timeoutMs: 5000 };

/** Labels that hold the app's own bookkeeping, not data a reader queries. */
export const INTERNAL_LABELS = new Set(['DefaultLayout']);

/** db.schema.* names property types as Java does; Cypher's names are what a reader types. */
const CYPHER_TYPE: Record<string, string> = {
  String: 'STRING',
  Long: 'INTEGER',
  Integer: 'INTEGER',
  Double: 'FLOAT',
  Float: 'FLOAT',
  Boolean: 'BOOLEAN',
  DateTime: 'ZONED DATETIME',
  LocalDateTime: 'LOCAL DATETIME',
  Date: 'DATE',
  Point: 'POINT',
};

function cypherType(type: string): string {
  const list = /^(\w+)Array$/.exec(type);
  if (list) return `LIST<${CYPHER_TYPE[list[1]!] ?? list[1]!.toUpperCase()}>`;
  return CYPHER_TYPE[type] ?? type.toUpperCase();
}

/** A label or type name as a Cypher identifier: backticks doubled inside backticks. */
function quoted(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

type Properties = { name: string; types: string[] }[];

function addProperty(into: Map<string, Map<string, Set<string>>>, owner: string, row: Row) {
  if (row.propertyName === null || row.propertyName === undefined) return;
  const props = into.get(owner) ?? new Map<string, Set<string>>();
  const types = props.get(String(row.propertyName)) ?? new Set<string>();
  for (const t of (row.propertyTypes as string[] | null) ?? []) types.add(cypherType(t));
  props.set(String(row.propertyName), types);
  into.set(owner, props);
}

function listProperties(props: Map<string, Set<string>> | undefined): Properties {
  return [...(props ?? new Map<string, Set<string>>()).entries()]
    .map(([name, types]) => ({ name, types: [...types].sort() }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Labels, relationship types and property keys with counts, for the legend and Cypher
 * completion. Counts come from the count store (one query per label or type) and
 * properties from db.schema.*TypeProperties, so nothing scans the graph; the routes
 * cache the answer per seeding besides.
 */
export async function readSchema(graph: Graph): Promise<SchemaSummary> {
  const labelNames = (await graph.read('CALL db.labels() YIELD label RETURN label', {}, TIMEOUT))
    .map((r) => String(r.label))
    .filter((l) => !INTERNAL_LABELS.has(l))
    .sort();
  const typeNames = (
    await graph.read(
      'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType',
      {},
      TIMEOUT,
    )
  )
    .map((r) => String(r.relationshipType))
    .sort();
  const labels: { label: string; count: number }[] = [];
  for (const label of labelNames) {
    const [row] = await graph.read(
      `MATCH (n:${quoted(label)}) RETURN count(n) AS count`,
      {},
      TIMEOUT,
    );
    if (Number(row?.count) > 0) labels.push({ label, count: Number(row!.count) });
  }
  const types: { type: string; count: number }[] = [];
  for (const type of typeNames) {
    const [row] = await graph.read(
      `MATCH ()-[r:${quoted(type)}]->() RETURN count(r) AS count`,
      {},
      TIMEOUT,
    );
    if (Number(row?.count) > 0) types.push({ type, count: Number(row!.count) });
  }
  const nodeProps = new Map<string, Map<string, Set<string>>>();
  for (const row of await graph.read(
    'CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName, propertyTypes RETURN *',
    {},
    TIMEOUT,
  )) {
    for (const label of (row.nodeLabels as string[] | null) ?? [])
      addProperty(nodeProps, label, row);
  }
  const relProps = new Map<string, Map<string, Set<string>>>();
  for (const row of await graph.read(
    'CALL db.schema.relTypeProperties() YIELD relType, propertyName, propertyTypes RETURN *',
    {},
    TIMEOUT,
  )) {
    // relType reads ":`TYPE`".
    addProperty(relProps, String(row.relType).replace(/^:`(.*)`$/, '$1'), row);
  }
  const keys = new Set<string>();
  for (const owner of [
    ...labels.map((l) => nodeProps.get(l.label)),
    ...types.map((t) => relProps.get(t.type)),
  ])
    for (const key of owner?.keys() ?? []) keys.add(key);
  return {
    labels: labels.map((l) => ({ ...l, properties: listProperties(nodeProps.get(l.label)) })),
    relationshipTypes: types.map((t) => ({
      ...t,
      properties: listProperties(relProps.get(t.type)),
    })),
    propertyKeys: [...keys].sort(),
    fulltextIndexes: [
      { name: FULLTEXT_INDEXES.ja, language: 'ja' },
      { name: FULLTEXT_INDEXES.en, language: 'en' },
    ],
  };
}

/**
 * What identifies the loaded data: clients cache views until it changes (ETag), and so do
 * the server's caches. The plan's seeding, plus analysts' events: every accepted write adds
 * an event or bumps one's version, so their count and summed versions change with it.
 */
export async function readSeedVersion(graph: Graph): Promise<string> {
  const rows = await graph.read(
    'MATCH (p:Plan) RETURN p.seed_fingerprint AS f, toString(p.seeded_at) AS at ORDER BY p.id',
    {},
    TIMEOUT,
  );
  const plan = rows.map((r) => `${r.f}@${r.at}`).join(',') || 'empty';
  // The audit trail is left out: sign-ins are audited too, and change no answer.
  const [analysts] = await graph.read(
    'MATCH (e:Event) RETURN count(e) AS events, sum(e.version) AS versions',
    {},
    TIMEOUT,
  );
  if (!analysts || Number(analysts.events) === 0) return plan;
  return `${plan};events=${analysts.events}/${analysts.versions}`;
}
