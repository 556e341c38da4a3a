import { type EdgeRow, type Elements, type NodeRow, toElements } from '../../core/elements';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../seed/graph-model';
import type { Graph } from '../graph';

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
  /** Relationships among the filtered nodes, some of which the limit may have dropped. */
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

/**
 * The elements of a view of the plan, with the compact properties that travel with every
 * node; readViewRows has them all.
 */
export async function readView(graph: Graph, filter: ViewFilter): Promise<View> {
  const { nodeRows, edgeRows, truncated, total } = await readViewRows(graph, filter);
  return { elements: toElements(nodeRows, edgeRows), truncated, total };
}

/**
 * The rows of a view of the plan. Pillar, area and theme filters narrow the commitments,
 * and then keep only the actors and instruments those commitments touch; a country
 * filter keeps the entities of those countries.
 */
export async function readViewRows(graph: Graph, filter: ViewFilter): Promise<ViewRows> {
  const kinds = filter.kinds ?? [...NODE_LABELS];
  const types = filter.types ?? [...RELATIONSHIP_TYPES];
  const scoped = Boolean(filter.pillars || filter.areas || filter.themes);
  const params = {
    kinds,
    pillars: filter.pillars ?? null,
    areas: filter.areas ?? null,
    countries: filter.countries ?? null,
    themes: filter.themes ?? null,
  };
  const nodeRows = (await graph.read(
    `MATCH (n)
     WITH n, [l IN labels(n) WHERE l IN $kinds][0] AS kind
     WHERE kind IS NOT NULL
       AND ($countries IS NULL OR n.country IS NULL OR n.country IN $countries)
       AND (NOT n:Pillar OR $pillars IS NULL OR n.ref IN $pillars)
       AND (NOT n:Area OR (($pillars IS NULL OR n.pillar_ref IN $pillars) AND ($areas IS NULL OR n.ref IN $areas)))
       AND (NOT n:Commitment OR (
             ($pillars IS NULL OR n.pillar_ref IN $pillars)
         AND ($areas IS NULL OR n.area_ref IN $areas)
         AND ($themes IS NULL OR EXISTS { (n)-[:TAGGED]->(t:Theme) WHERE t.id IN $themes })))
     RETURN n.id AS id, kind, properties(n) AS props
     ORDER BY coalesce(n.line_start, 100000), n.id`,
    params,
    READ_TIMEOUT,
  )) as unknown as NodeRow[];
  const ids = nodeRows.map((r) => String(r.id));
  const edgeRows = (await graph.read(
    `MATCH (a)-[r]->(b)
     WHERE a.id IN $ids AND b.id IN $ids AND type(r) IN $types
     RETURN r.key AS key, a.id AS source, b.id AS target, type(r) AS type, properties(r) AS props`,
    { ids, types },
    READ_TIMEOUT,
  )) as unknown as EdgeRow[];
  let nodes = nodeRows;
  if (scoped) {
    const commitments = new Set(
      nodeRows.filter((r) => r.kind === 'Commitment').map((r) => String(r.id)),
    );
    const touched = new Set<string>();
    for (const e of edgeRows) {
      if (commitments.has(String(e.source))) touched.add(String(e.target));
      if (commitments.has(String(e.target))) touched.add(String(e.source));
    }
    const structural = new Set(['Plan', 'Pillar', 'Area', 'Commitment']);
    nodes = nodeRows.filter((r) => structural.has(String(r.kind)) || touched.has(String(r.id)));
  }
  const order = (kind: string) => KIND_ORDER.indexOf(kind);
  const sorted = [...nodes].sort((a, b) => order(String(a.kind)) - order(String(b.kind)));
  const kept = sorted.slice(0, filter.limit);
  return { nodeRows: kept, edgeRows, truncated: sorted.length > kept.length, total: sorted.length };
}
