import type { Graph } from '../graph';
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

/** Labels, relationship types and property keys with counts, for the legend and Cypher completion. */
export async function readSchema(graph: Graph): Promise<SchemaSummary> {
  const labels = await graph.read(
    'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label',
    {},
    TIMEOUT,
  );
  const types = await graph.read(
    'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type',
    {},
    TIMEOUT,
  );
  const nodeProps = await graph.read(
    `MATCH (n) UNWIND labels(n) AS label UNWIND keys(n) AS key
     WITH label, key, collect(DISTINCT valueType(n[key])) AS types
     RETURN label, key, types ORDER BY label, key`,
    {},
    TIMEOUT,
  );
  const relProps = await graph.read(
    `MATCH ()-[r]->() UNWIND keys(r) AS key
     WITH type(r) AS type, key, collect(DISTINCT valueType(r[key])) AS types
     RETURN type, key, types ORDER BY type, key`,
    {},
    TIMEOUT,
  );
  const propsOf = (rows: typeof nodeProps, field: string, name: string) =>
    rows
      .filter((r) => r[field] === name)
      .map((r) => ({
        name: String(r.key),
        types: (r.types as string[]).map((t) => t.replace(/ NOT NULL$/, '')),
      }));
  const keys = new Set([...nodeProps, ...relProps].map((r) => String(r.key)));
  return {
    labels: labels.map((r) => ({
      label: String(r.label),
      count: Number(r.count),
      properties: propsOf(nodeProps, 'label', String(r.label)),
    })),
    relationshipTypes: types.map((r) => ({
      type: String(r.type),
      count: Number(r.count),
      properties: propsOf(relProps, 'type', String(r.type)),
    })),
    propertyKeys: [...keys].sort(),
    fulltextIndexes: [
      { name: FULLTEXT_INDEXES.ja, language: 'ja' },
      { name: FULLTEXT_INDEXES.en, language: 'en' },
    ],
  };
}

/** What identifies the loaded data: clients cache views until it changes (ETag). */
export async function readSeedVersion(graph: Graph): Promise<string> {
  const rows = await graph.read(
    'MATCH (p:Plan) RETURN p.seed_fingerprint AS f, toString(p.seeded_at) AS at ORDER BY p.id',
    {},
    TIMEOUT,
  );
  return rows.map((r) => `${r.f}@${r.at}`).join(',') || 'empty';
}
