import { type EdgeRow, type Elements, type NodeRow, toElements } from '../../core/elements';
import { LAYER_TYPES, type Layers } from '../../core/model/layers';
import type { Graph } from '../graph';
import { ENTITY, kindOf } from './entity';

export interface PathsRequest {
  from: string;
  to: string;
  maxHops: number;
  /**
   * The layers a path may cross: `plan` keeps analysts' records out (events are reached only
   * through the events' own relationship types, which it leaves out); `all` lets them in.
   */
  layers: Layers;
  /** Relationship types a path may not use (PART_OF to avoid the plan's own hierarchy). */
  excludeTypes: string[];
  /** Ids of nodes a path may not go through (a hub such as Japan); the ends never are. */
  avoid: string[];
  /** How many paths, shortest first (1–5). */
  k: number;
}

export interface AvoidedNode {
  id: string;
  kind: string;
  name_ja: string;
  name_en: string;
}

export interface PathsResult {
  /** Each path as its node ids and edge ids, in order from → to, shortest first. */
  paths: { nodes: string[]; edges: string[]; hops: number }[];
  elements: Elements;
  /** More than k paths were found. */
  truncated: boolean;
  /** The nodes avoided, named (the ends left out of them). */
  avoided: AvoidedNode[];
}

/** Variable-length bounds cannot be parameters: one fixed text per allowed maximum (1–6). */
const HOPS: Record<number, string> = {
  1: '{1,1}',
  2: '{1,2}',
  3: '{1,3}',
  4: '{1,4}',
  5: '{1,5}',
  6: '{1,6}',
};

/**
 * Neo4j 5 takes SHORTEST's count as a literal only: one fixed text per allowed k (1–5). Each
 * asks for more walks than k, since two relationships between the same two nodes (a
 * commitment that involves a ministry and names it a party) make two walks of one route;
 * one more than that tells whether there were more routes than k.
 */
const SHORTEST: Record<number, string> = {
  1: 'SHORTEST 5',
  2: 'SHORTEST 9',
  3: 'SHORTEST 13',
  4: 'SHORTEST 17',
  5: 'SHORTEST 21',
};

export type PathsOutcome = PathsResult | { missing: 'from' | 'to' } | { unknown: string[] };

/** Nodes by id, plan entities or analysts' events, each by its own unique index. */
async function readNamed(graph: Graph, ids: string[]): Promise<AvoidedNode[]> {
  if (ids.length === 0) return [];
  const rows = await graph.read(
    `UNWIND $ids AS id
     CALL (id) {
       MATCH (n:${ENTITY} {id: id}) RETURN n
       UNION
       MATCH (n:Event {id: id}) RETURN n
     }
     RETURN n.id AS id, ${kindOf('n')} AS kind, n.name_ja AS name_ja, n.name_en AS name_en`,
    { ids },
  );
  return rows.map((r) => ({
    id: String(r.id),
    kind: String(r.kind),
    name_ja: String(r.name_ja ?? r.id),
    name_en: String(r.name_en ?? r.id),
  }));
}

/**
 * The k shortest paths between two nodes (undirected, none visiting a node twice, each a
 * different sequence of nodes), through the allowed relationship types and around the
 * avoided nodes. Neo4j's SHORTEST k searches breadth-first from both ends with the type and
 * node tests applied on each step, bounded by maxHops: it never enumerates longer walks.
 */
export async function readPaths(graph: Graph, request: PathsRequest): Promise<PathsOutcome> {
  const hops = HOPS[request.maxHops];
  if (!hops) throw new RangeError(`maxHops must be 1–6, not ${request.maxHops}`);
  const shortest = SHORTEST[request.k];
  if (!shortest) throw new RangeError(`k must be 1–5, not ${request.k}`);
  const ends = await graph.read(
    `UNWIND [$from, $to] AS id MATCH (n:${ENTITY} {id: id}) RETURN n.id AS id`,
    { from: request.from, to: request.to },
  );
  const present = new Set(ends.map((r) => String(r.id)));
  if (!present.has(request.from)) return { missing: 'from' };
  if (!present.has(request.to)) return { missing: 'to' };
  const wanted = [...new Set(request.avoid)].filter(
    (id) => id !== request.from && id !== request.to,
  );
  const avoided = await readNamed(graph, wanted);
  const known = new Set(avoided.map((n) => n.id));
  const unknown = wanted.filter((id) => !known.has(id));
  if (unknown.length) return { unknown };
  // Listed in the order asked, so "no path" names them as the user chose them.
  avoided.sort((a, b) => wanted.indexOf(a.id) - wanted.indexOf(b.id));
  if (request.from === request.to)
    return { paths: [], elements: { nodes: [], edges: [] }, truncated: false, avoided };
  const rows = await graph.read(
    `MATCH (a:${ENTITY} {id: $from})
     CALL (a) {
       MATCH (b:${ENTITY} {id: $to})
       MATCH p = ${shortest} ((a)(()-[r]-(x) WHERE type(r) IN $types AND NOT x.id IN $avoid)${hops}(b)
         WHERE NOT a IN x AND all(i IN range(0, size(x) - 2) WHERE NOT x[i] IN x[i + 1..]))
       RETURN p
     }
     RETURN [n IN nodes(p) | { id: n.id, kind: ${kindOf('n')}, props: properties(n) }] AS nodes,
            [r IN relationships(p) | { key: r.key, source: startNode(r).id, target: endNode(r).id, type: type(r), props: properties(r) }] AS edges`,
    {
      from: request.from,
      to: request.to,
      types: LAYER_TYPES[request.layers].filter((t) => !request.excludeTypes.includes(t)),
      avoid: wanted,
    },
    { timeoutMs: 5000 },
  );
  // Two relationships between the same two nodes give two walks; a path through either is the same route.
  const seen = new Set<string>();
  const distinct = rows
    .map((r) => ({
      nodes: r.nodes as unknown as NodeRow[],
      edges: r.edges as unknown as EdgeRow[],
    }))
    .sort((a, b) => a.edges.length - b.edges.length)
    .filter((r) => {
      const route = r.nodes.map((n) => String(n.id)).join('>');
      if (seen.has(route)) return false;
      seen.add(route);
      return true;
    });
  const kept = distinct.slice(0, request.k);
  return {
    paths: kept.map((r) => ({
      nodes: r.nodes.map((n) => String(n.id)),
      edges: r.edges.map((e) => String(e.key)),
      hops: r.edges.length,
    })),
    elements: toElements(
      kept.flatMap((r) => r.nodes),
      kept.flatMap((r) => r.edges),
    ),
    truncated: distinct.length > request.k,
    avoided,
  };
}
