import { createHash } from 'node:crypto';
import type { Graph } from '../../graph/graph';

/**
 * A hash of every node, relationship and property: equal fingerprints, identical graphs.
 * `alsoIgnore` names more properties that differ by design between equal graphs.
 */
export async function dbFingerprint(graph: Graph, alsoIgnore: string[] = []): Promise<string> {
  const nodes = await graph.read(
    `MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id, labels(n)[0]`,
  );
  const rels = await graph.read(
    `MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props
     ORDER BY a, type, b, r.key`,
  );
  const stable = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([x], [y]) => x.localeCompare(y))
            .map(([k, v]) => [k, stable(v)]),
        )
      : value;
  // seeded_at (the Plan's) and built_at (the Dataset's) change with every load by design; everything else must not.
  const scrub = (rows: unknown[]) =>
    rows.map((row) => {
      const r = structuredClone(row) as { props?: Record<string, unknown> };
      if (r.props) for (const key of ['seeded_at', 'built_at', ...alsoIgnore]) delete r.props[key];
      return stable(r);
    });
  return createHash('sha256')
    .update(JSON.stringify([scrub(nodes), scrub(rels)]))
    .digest('hex');
}
