import { createHash } from 'node:crypto';
import type { Graph } from '../../graph/graph';

/**
 * A hash of analysts' data: every Event, Assessment, User and Audit node with all its properties, and
 * every relationship that starts at an event. Equal fingerprints, identical analysts' data.
 * Sessions are left out: they are sign-ins, not data, and are not backed up.
 */
export async function analystsFingerprint(graph: Graph): Promise<string> {
  const nodes = await graph.read(
    `MATCH (n) WHERE n:Event OR n:Assessment OR n:User OR n:Audit
     RETURN labels(n) AS labels, properties(n) AS props ORDER BY labels(n)[0], n.id`,
  );
  const rels = await graph.read(
    `MATCH (e:Event)-[r]->(b) RETURN e.id AS a, type(r) AS type, b.id AS b, properties(r) AS props
     ORDER BY a, type, b`,
  );
  const stable = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(stable)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, v]) => [k, stable(v)]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(stable([nodes, rels])))
    .digest('hex');
}

/** Removes every analysts' node, so a test file leaves the shared database as it found it. */
export async function wipeAnalystsData(graph: Graph): Promise<void> {
  await graph.write(
    'MATCH (n) WHERE n:Event OR n:Assessment OR n:User OR n:Session OR n:Audit OR n:SignInThrottle DETACH DELETE n',
  );
}

/**
 * Removes analysts' data and the constraints and indexes ensureEventsSchema made, so the shared
 * test database is left as the plan's own tests expect it (they list every constraint).
 */
export async function removeAnalystsData(graph: Graph): Promise<void> {
  await wipeAnalystsData(graph);
  for (const name of [
    'event_id_unique',
    'user_id_unique',
    'user_name_unique',
    'session_id_unique',
    'audit_id_unique',
    'sign_in_throttle_key_unique',
    'assessment_id_unique',
  ])
    await graph.write(`DROP CONSTRAINT ${name} IF EXISTS`);
  for (const name of ['event_date_start', 'audit_at', 'commitment_ref', 'assessment_ref'])
    await graph.write(`DROP INDEX ${name} IF EXISTS`);
}
