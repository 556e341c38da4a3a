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
  limit: number;
}

export interface PathsResult {
  /** Each path as its node ids and edge ids, in order from → to. */
  paths: { nodes: string[]; edges: string[]; hops: number }[];
  elements: Elements;
  truncated: boolean;
}

/** Variable-length bounds cannot be parameters: one fixed text per allowed maximum (1–6). */
const SHORTEST: Record<number, string> = {
  1: '[*..1]',
  2: '[*..2]',
  3: '[*..3]',
  4: '[*..4]',
  5: '[*..5]',
  6: '[*..6]',
};

export type PathsOutcome = PathsResult | { missing: 'from' | 'to' };

/** All shortest paths between two nodes (undirected), up to limit of them. */
export async function readPaths(graph: Graph, request: PathsRequest): Promise<PathsOutcome> {
  const pattern = SHORTEST[request.maxHops];
  if (!pattern) throw new RangeError(`maxHops must be 1–6, not ${request.maxHops}`);
  const ends = await graph.read(
    `UNWIND [$from, $to] AS id MATCH (n:${ENTITY} {id: id}) RETURN n.id AS id`,
    { from: request.from, to: request.to },
  );
  const present = new Set(ends.map((r) => String(r.id)));
  if (!present.has(request.from)) return { missing: 'from' };
  if (!present.has(request.to)) return { missing: 'to' };
  if (request.from === request.to)
    return { paths: [], elements: { nodes: [], edges: [] }, truncated: false };
  const rows = await graph.read(
    `MATCH (a:${ENTITY} {id: $from})
     CALL (a) {
       MATCH (b:${ENTITY} {id: $to})
       MATCH p = allShortestPaths((a)-${pattern}-(b))
       WHERE all(r IN relationships(p) WHERE type(r) IN $types)
       RETURN p LIMIT $take
     }
     RETURN [n IN nodes(p) | { id: n.id, kind: ${kindOf('n')}, props: properties(n) }] AS nodes,
            [r IN relationships(p) | { key: r.key, source: startNode(r).id, target: endNode(r).id, type: type(r), props: properties(r) }] AS edges`,
    {
      from: request.from,
      to: request.to,
      types: LAYER_TYPES[request.layers].filter((t) => !request.excludeTypes.includes(t)),
      take: request.limit * 4 + 1,
    },
    { timeoutMs: 5000 },
  );
  // Two mentions give two parallel relationships; a path through either is the same route.
  const seen = new Set<string>();
  const distinct = rows.filter((r) => {
    const route = (r.nodes as unknown as NodeRow[]).map((n) => String(n.id)).join('>');
    if (seen.has(route)) return false;
    seen.add(route);
    return true;
  });
  const kept = distinct.slice(0, request.limit);
  const nodeRows = kept.flatMap((r) => r.nodes as unknown as NodeRow[]);
  const edgeRows = kept.flatMap((r) => r.edges as unknown as EdgeRow[]);
  return {
    paths: kept.map((r) => ({
      nodes: (r.nodes as unknown as NodeRow[]).map((n) => String(n.id)),
      edges: (r.edges as unknown as EdgeRow[]).map((e) => String(e.key)),
      hops: (r.edges as unknown[]).length,
    })),
    elements: toElements(nodeRows, edgeRows),
    truncated: distinct.length > request.limit,
  };
}
