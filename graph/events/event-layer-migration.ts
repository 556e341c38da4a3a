import { FORMER_EVENT_TYPES } from '../../core/model/event-fields';
import type { Graph, Statement } from '../graph';

/**
 * Events were once drawn with the plan's INVOLVES and PART_OF, so the plan's counts and paths
 * took analysts' records in (issue 24 item 6). A database written by such a release has them
 * moved to the events' own types here, before anything relinks an event: each relationship is
 * recreated between the same two nodes with every property it had, its key's type prefix
 * rewritten (`INVOLVES|ev-…|mofa-jp` → `ENGAGES|ev-…|mofa-jp`), and the old one deleted, all
 * in one transaction. Only relationships that start at an Event are touched; the plan's own
 * INVOLVES and PART_OF stay. With nothing left to move it writes nothing, so it runs at every
 * start.
 */

const FORMER = Object.entries(FORMER_EVENT_TYPES) as [keyof typeof FORMER_EVENT_TYPES, string][];

/** Types come from the fixed table above, never from input; the key prefixes are parameters. */
function moveStatement(from: string, to: string): Statement {
  return {
    cypher: `MATCH (e:Event)-[old:${from}]->(n)
             MERGE (e)-[moved:${to}]->(n)
             SET moved += properties(old),
                 moved.key = CASE WHEN old.key STARTS WITH $fromPrefix
                   THEN $toPrefix + substring(old.key, size($fromPrefix))
                   ELSE $toPrefix + e.id + '|' + n.id END
             DELETE old`,
    params: { fromPrefix: `${from}|`, toPrefix: `${to}|` },
  };
}

/** How many event relationships still carry a plan type. */
export async function countFormerEventTypes(graph: Graph): Promise<number> {
  const [row] = await graph.read(
    `MATCH (:Event)-[r]->() WHERE type(r) IN $types RETURN count(r) AS n`,
    { types: FORMER.map(([from]) => from) },
  );
  return Number(row?.n ?? 0);
}

/** Moves events' relationships off the plan's types; returns how many it moved. */
export async function moveFormerEventTypes(graph: Graph): Promise<number> {
  const pending = await countFormerEventTypes(graph);
  if (pending === 0) return 0;
  await graph.writeAll(FORMER.map(([from, to]) => moveStatement(from, to)));
  return pending;
}
