import { type EdgeRow, type Elements, type NodeRow, toElements } from '../../core/elements';
import type { Graph } from '../graph';
import { ENTITY, kindOf } from './entity';

export interface NeighboursFilter {
  depth: number;
  types: string[];
  kinds: string[];
  limit: number;
}

export interface Neighbourhood {
  elements: Elements;
  truncated: boolean;
  total: number;
}

const TIMEOUT = { timeoutMs: 5000 };

/**
 * One hop of the breadth-first walk, as a Cypher step over `seen` (every node reached so
 * far, nearest first) and `frontier` (the last hop's): the new nodes one allowed
 * relationship away, in id order, each only once.
 */
const HOP = `
  CALL (seen, frontier) {
    UNWIND frontier AS a
    MATCH (a)-[r]-(b:${ENTITY})
    WHERE type(r) IN $types AND any(l IN labels(b) WHERE l IN $kinds) AND NOT b IN seen
    WITH DISTINCT b ORDER BY b.id
    RETURN collect(b) AS next
  }
  WITH seen + next AS seen, next AS frontier`;

/**
 * The node, the nodes within depth hops through the allowed relationship types and
 * kinds (nearest first, up to limit), and the edges among them, in one query. Expanded
 * breadth-first, one hop per step, each node once, so hubs such as Mongolia cannot blow up
 * into a path enumeration. `depth` is a validated small integer (1–3): it sets how many
 * steps the query text has, never a value inside it.
 */
export async function readNeighbours(
  graph: Graph,
  id: string,
  filter: NeighboursFilter,
): Promise<Neighbourhood | null> {
  const depth = Math.max(0, Math.min(3, Math.trunc(filter.depth)));
  const [row] = await graph.read(
    `MATCH (start:${ENTITY} {id: $id})
     WITH [start] AS seen, [start] AS frontier
     ${HOP.repeat(depth)}
     WITH seen[..$limit + 1] AS kept, size(seen) - 1 AS total
     CALL (kept) {
       UNWIND kept AS n
       RETURN collect({id: n.id, kind: ${kindOf('n')}, props: properties(n)}) AS nodes
     }
     CALL (kept) {
       UNWIND kept AS a
       MATCH (a)-[r]->(b:${ENTITY})
       WHERE b IN kept AND type(r) IN $types
       RETURN collect({key: r.key, source: a.id, target: b.id, type: type(r), props: properties(r)}) AS edges
     }
     RETURN nodes, edges, total`,
    { id, types: filter.types, kinds: filter.kinds, limit: filter.limit },
    TIMEOUT,
  );
  if (!row) return null;
  const total = Number(row.total);
  return {
    elements: toElements(row.nodes as unknown as NodeRow[], row.edges as unknown as EdgeRow[]),
    truncated: total > filter.limit,
    total,
  };
}
