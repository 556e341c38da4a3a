/**
 * The endpoints bench/scale.ts times, each as its HTTP path, the same query through the
 * driver, and (for some) main's query shape before the bounded queries ("before").
 */
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../core/model/graph-model';
import type { Graph } from '../graph/graph';
import { readExportView } from '../graph/queries/export-query';
import { readNeighbours } from '../graph/queries/neighbours-query';
import { readNodeDetails } from '../graph/queries/node-query';
import { readPaths } from '../graph/queries/paths-query';
import { readSchema } from '../graph/queries/schema-query';
import { readView } from '../graph/queries/view-query';
import { search } from '../server/routes/search/search.service';

/** main's query shapes, before this change: unlabelled lookups, unbounded views, scanning schema. */
const BEFORE = {
  view: async (g: Graph) => {
    const nodes = await g.read(
      `MATCH (n) WITH n, [l IN labels(n) WHERE l IN $kinds][0] AS kind WHERE kind IS NOT NULL
       RETURN n.id AS id, kind, properties(n) AS props ORDER BY coalesce(n.line_start, 100000), n.id`,
      { kinds: [...NODE_LABELS] },
    );
    await g.read(
      `MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids AND type(r) IN $types
       RETURN r.key AS key, a.id AS source, b.id AS target, type(r) AS type, properties(r) AS props`,
      { ids: nodes.map((r) => r.id), types: [...RELATIONSHIP_TYPES] },
    );
  },
  node: (id: string) => async (g: Graph) =>
    g.read(
      `MATCH (n {id: $id}) CALL (n) { OPTIONAL MATCH (n)-[r]-(m) WITH r, m WHERE r IS NOT NULL
       RETURN collect({type: type(r), other: m.id, properties: properties(r)}) AS rels }
       RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties, rels LIMIT 1`,
      { id },
    ),
  schema: async (g: Graph) => {
    await g.read('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count');
    await g.read('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count');
    await g.read(
      `MATCH (n) UNWIND labels(n) AS label UNWIND keys(n) AS key
       WITH label, key, collect(DISTINCT valueType(n[key])) AS types RETURN label, key, types`,
    );
    await g.read(
      `MATCH ()-[r]->() UNWIND keys(r) AS key
       WITH type(r) AS type, key, collect(DISTINCT valueType(r[key])) AS types RETURN type, key, types`,
    );
  },
  substring: (q: string) => async (g: Graph) =>
    g.read(
      `MATCH (n) WHERE n.id IS NOT NULL AND any(f IN [n.name_ja, n.name_en, n.aliases_text, n.ref, n.title_ja, n.title_en]
       WHERE f IS NOT NULL AND toLower(f) CONTAINS toLower($q)) RETURN n.id AS id LIMIT 100`,
      { q },
    ),
};

interface Endpoint {
  name: string;
  path: (k: number) => string;
  direct: (g: Graph, k: number) => Promise<unknown>;
  before?: (g: Graph, k: number) => Promise<unknown>;
  /** In the growth-exponent check of issue 16 (≤ 0.3 between 10× and 100×). */
  bounded?: boolean;
}

const late = (id: string, k: number) => (k > 1 ? `${id}.c${k}` : id);
const all = { types: [...RELATIONSHIP_TYPES], kinds: [...NODE_LABELS] };

export const ENDPOINTS: Endpoint[] = [
  {
    name: 'graph whole (first view)',
    path: () => '/api/graph?positions=default',
    direct: (g) => readView(g, { limit: 2000 }),
    before: (g) => BEFORE.view(g),
    bounded: true,
  },
  {
    name: 'graph pillar I',
    path: () => '/api/graph?pillar=I',
    direct: (g) => readView(g, { pillars: ['I'], limit: 2000 }),
  },
  {
    name: 'schema',
    path: () => '/api/schema',
    direct: (g) => readSchema(g),
    before: (g) => BEFORE.schema(g),
    bounded: true,
  },
  {
    name: 'node (late id)',
    path: (k) => `/api/nodes/${encodeURIComponent(late('jp-mn-epa', k))}`,
    direct: (g, k) => readNodeDetails(g, late('jp-mn-epa', k)),
    before: (g, k) => BEFORE.node(late('jp-mn-epa', k))(g),
    bounded: true,
  },
  {
    name: 'neighbours d2',
    path: (k) => `/api/nodes/${encodeURIComponent(late('jp-mn-epa', k))}/neighbours?depth=2`,
    direct: (g, k) => readNeighbours(g, late('jp-mn-epa', k), { depth: 2, ...all, limit: 100 }),
  },
  {
    name: 'paths',
    path: (k) =>
      `/api/paths?from=${encodeURIComponent(late('mod-jp', k))}&to=${encodeURIComponent(late('un', k))}&avoidHierarchy=true`,
    direct: (g, k) =>
      readPaths(g, {
        from: late('mod-jp', k),
        to: late('un', k),
        maxHops: 6,
        layers: 'plan',
        excludeTypes: ['PART_OF', 'TAGGED'],
        avoid: [],
        k: 3,
      }),
  },
  {
    name: 'search hit',
    path: () => '/api/search?q=EPA',
    direct: (g) => search(g, { q: 'EPA', limit: 20 }),
    bounded: true,
  },
  {
    name: 'search miss',
    path: () => '/api/search?q=zzqxv',
    direct: (g) => search(g, { q: 'zzqxv', limit: 20 }),
    before: (g) => BEFORE.substring('zzqxv')(g),
    bounded: true,
  },
  {
    name: 'export graphml',
    path: () => '/api/export?format=graphml',
    direct: (g) => readExportView(g, { limit: 2000 }),
  },
];
