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
 * The node, the nodes within depth hops through the allowed relationship types and
 * kinds (nearest first, up to limit), and the edges among them. Expanded breadth-first,
 * one hop per query, so hubs such as Mongolia cannot blow up into a path enumeration.
 */
export async function readNeighbours(
  graph: Graph,
  id: string,
  filter: NeighboursFilter,
): Promise<Neighbourhood | null> {
  const [start] = await graph.read(
    `MATCH (n:${ENTITY} {id: $id}) RETURN n.id AS id`,
    { id },
    TIMEOUT,
  );
  if (!start) return null;
  const distance = new Map<string, number>([[id, 0]]);
  let frontier = [id];
  for (let hop = 1; hop <= filter.depth && frontier.length > 0; hop++) {
    const rows = await graph.read(
      `UNWIND $frontier AS fromId
       MATCH (a:${ENTITY} {id: fromId})-[r]-(b:${ENTITY})
       WHERE type(r) IN $types AND any(l IN labels(b) WHERE l IN $kinds)
       RETURN DISTINCT b.id AS id ORDER BY id`,
      { frontier, types: filter.types, kinds: filter.kinds },
      TIMEOUT,
    );
    frontier = rows.map((r) => String(r.id)).filter((n) => !distance.has(n));
    for (const n of frontier) distance.set(n, hop);
  }
  const found = [...distance.keys()].filter((n) => n !== id);
  const kept = [id, ...found.slice(0, filter.limit)];
  const nodeRows = (await graph.read(
    `UNWIND $ids AS id MATCH (n:${ENTITY} {id: id})
     RETURN n.id AS id, ${kindOf('n')} AS kind, properties(n) AS props`,
    { ids: kept },
    TIMEOUT,
  )) as unknown as NodeRow[];
  nodeRows.sort((a, b) => kept.indexOf(String(a.id)) - kept.indexOf(String(b.id)));
  const edgeRows = (await graph.read(
    `UNWIND $ids AS id MATCH (a:${ENTITY} {id: id})-[r]->(b:${ENTITY})
     WHERE b.id IN $ids AND type(r) IN $types
     RETURN r.key AS key, a.id AS source, b.id AS target, type(r) AS type, properties(r) AS props`,
    { ids: kept, types: filter.types },
    TIMEOUT,
  )) as unknown as EdgeRow[];
  return {
    elements: toElements(nodeRows, edgeRows),
    truncated: found.length > filter.limit,
    total: found.length,
  };
}
