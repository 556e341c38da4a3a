import neo4j from 'neo4j-driver';
import {
  COMPACT_NODE_KEYS,
  type EdgeRow,
  type Elements,
  type NodeRow,
  toElements,
} from '../../core/elements';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../core/model/graph-model';
import type { Graph, RunOptions } from '../graph';
import { ENTITY } from './entity';

export interface ViewFilter {
  kinds?: string[];
  pillars?: string[];
  areas?: string[];
  countries?: string[];
  themes?: string[];
  types?: string[];
  limit: number;
}

export interface View {
  elements: Elements;
  truncated: boolean;
  total: number;
}

/** A view's rows with every stored property: what exports are built from. */
export interface ViewRows {
  nodeRows: NodeRow[];
  /** Relationships among the kept nodes. */
  edgeRows: EdgeRow[];
  truncated: boolean;
  total: number;
}

const READ_TIMEOUT = { timeoutMs: 5000 };

/** Structure first, then commitments, then everything they point at: what a cap keeps. */
const KIND_ORDER = [
  'Plan',
  'Pillar',
  'Area',
  'Commitment',
  'Agreement',
  'Agency',
  'Country',
  'Program',
  'Framework',
  'Place',
  'Target',
  'Theme',
];

/** The node keys a drawn view needs: names and the compact keys (long texts come with details). */
const VIEW_NODE_KEYS = ['name_ja', 'name_en', ...COMPACT_NODE_KEYS];
/** The relationship keys a drawn view needs. */
const VIEW_EDGE_KEYS = ['evidence', 'role', 'cue', 'basis'];

/** A map projection of fixed keys (from the constants above, never from a request). */
function projection(variable: string, keys: string[]): string {
  return `${variable} {${keys.map((k) => `.${k}`).join(', ')}}`;
}

/**
 * The elements of a view of the plan, with the compact properties that travel with every
 * node; readViewRows(…, 'all') has them all.
 */
export async function readView(
  graph: Graph,
  filter: ViewFilter,
  options: RunOptions = READ_TIMEOUT,
): Promise<View> {
  const { nodeRows, edgeRows, truncated, total } = await readViewRows(
    graph,
    filter,
    'compact',
    options,
  );
  return { elements: toElements(nodeRows, edgeRows), truncated, total };
}

/** Rank of each kind in KIND_ORDER, as a parameter the query orders by. */
const KIND_RANK = Object.fromEntries(KIND_ORDER.map((kind, i) => [kind, i]));

/** Cypher: the commitment bound to `c` passes the pillar, area and theme filters. */
function commitmentInScope(c: string): string {
  return `($pillars IS NULL OR ${c}.pillar_ref IN $pillars)
         AND ($areas IS NULL OR ${c}.area_ref IN $areas)
         AND ($themes IS NULL OR EXISTS { (${c})-[:TAGGED]->(t:Theme) WHERE t.id IN $themes })`;
}

/**
 * The nodes a view keeps, as a WHERE over `n` and its `kind`. Pillar, area and theme
 * filters narrow the commitments, and then keep only the actors and instruments those
 * commitments touch (through the allowed relationship types); a country filter keeps
 * the entities of those countries.
 */
const VIEW_WHERE = `kind IS NOT NULL
       AND ($countries IS NULL OR n.country IS NULL OR n.country IN $countries)
       AND (NOT n:Pillar OR $pillars IS NULL OR n.ref IN $pillars)
       AND (NOT n:Area OR (($pillars IS NULL OR n.pillar_ref IN $pillars) AND ($areas IS NULL OR n.ref IN $areas)))
       AND (NOT n:Commitment OR (${commitmentInScope('n')}))
       AND (NOT $scoped OR kind IN ['Plan', 'Pillar', 'Area', 'Commitment'] OR EXISTS {
             MATCH (n)-[s]-(c:Commitment)
             WHERE type(s) IN $types AND 'Commitment' IN $kinds
               AND ($countries IS NULL OR c.country IS NULL OR c.country IN $countries)
               AND ${commitmentInScope('c')} })`;

/**
 * The nodes a view's WHERE is tried on. Unscoped, every plan node. Scoped by pillar, area or
 * theme, only the structure, the commitments the pillar and area indexes find (all of them
 * for a theme alone) and those commitments' neighbours: a superset of what VIEW_WHERE keeps,
 * read through indexes and relationships rather than a scan of every node, so a pillar's
 * view costs what the pillar holds, not what the plan holds.
 */
function candidates(filter: ViewFilter): string {
  if (!(filter.pillars || filter.areas || filter.themes)) return `MATCH (n:${ENTITY})`;
  const inScope = [
    filter.pillars ? 'c.pillar_ref IN $pillars' : null,
    filter.areas ? 'c.area_ref IN $areas' : null,
  ].filter(Boolean);
  const commitments = `MATCH (c:Commitment:${ENTITY})${inScope.length ? ` WHERE ${inScope.join(' AND ')}` : ''}`;
  return `CALL () {
       MATCH (n:Plan:${ENTITY}) RETURN n
       UNION MATCH (n:Pillar:${ENTITY}) RETURN n
       UNION MATCH (n:Area:${ENTITY}) RETURN n
       UNION ${commitments} RETURN c AS n
       UNION ${commitments} MATCH (c)-[s]-(n:${ENTITY}) WHERE type(s) IN $types RETURN n
     }`;
}

/**
 * The rows of a view of the plan, bounded in the database: the filter, the order
 * (structure first, then by place in the document) and the limit run in Cypher, only
 * the keys the client draws are projected ('compact') unless the caller needs every
 * stored property ('all', for exports), and relationships are fetched only among the
 * kept nodes. The total is counted only when the limit cut the view.
 */
export async function readViewRows(
  graph: Graph,
  filter: ViewFilter,
  keys: 'compact' | 'all',
  options: RunOptions = READ_TIMEOUT,
): Promise<ViewRows> {
  const kinds = filter.kinds ?? [...NODE_LABELS];
  const types = filter.types ?? [...RELATIONSHIP_TYPES];
  const params = {
    kinds,
    types,
    scoped: Boolean(filter.pillars || filter.areas || filter.themes),
    pillars: filter.pillars ?? null,
    areas: filter.areas ?? null,
    countries: filter.countries ?? null,
    themes: filter.themes ?? null,
  };
  const nodeProps = keys === 'all' ? 'properties(n)' : projection('n', VIEW_NODE_KEYS);
  const nodeRows = (await graph.read(
    `${candidates(filter)}
     WITH n, [l IN labels(n) WHERE l IN $kinds][0] AS kind
     WHERE ${VIEW_WHERE}
     WITH n, kind ORDER BY $rank[kind], coalesce(n.line_start, 100000), n.id
     LIMIT $take
     RETURN n.id AS id, kind, ${nodeProps} AS props`,
    { ...params, rank: KIND_RANK, take: neo4j.int(filter.limit + 1) },
    options,
  )) as unknown as NodeRow[];
  const truncated = nodeRows.length > filter.limit;
  const kept = nodeRows.slice(0, filter.limit);
  let total = kept.length;
  if (truncated) {
    const [row] = await graph.read(
      `${candidates(filter)}
       WITH n, [l IN labels(n) WHERE l IN $kinds][0] AS kind
       WHERE ${VIEW_WHERE}
       RETURN count(n) AS total`,
      params,
      options,
    );
    total = Number(row?.total ?? kept.length);
  }
  // Ordered, so the same data give the same view (and the same stored layout) whatever
  // order a reseed wrote the relationships in.
  const edgeProps = keys === 'all' ? 'properties(r)' : projection('r', VIEW_EDGE_KEYS);
  const edgeRows = (await graph.read(
    `UNWIND $ids AS id
     MATCH (a:${ENTITY} {id: id})-[r]->(b:${ENTITY})
     WHERE type(r) IN $types AND b.id IN $ids
     RETURN r.key AS key, a.id AS source, b.id AS target, type(r) AS type, ${edgeProps} AS props
     ORDER BY key`,
    { ids: kept.map((r) => String(r.id)), types },
    options,
  )) as unknown as EdgeRow[];
  return { nodeRows: kept, edgeRows, truncated, total };
}
