/**
 * How the integration and e2e files share a run's one Neo4j (npm test runs each kind in a lane
 * of its own, side by side: scripts/test-lanes.ts). Neo4j Community has one user
 * database (CREATE DATABASE is an Enterprise feature), so files cannot each have their own:
 * they take turns instead, one at a time, each starting from the freshly seeded plan
 * (tests/support/serial-file.ts), whatever the file before it left behind.
 *
 * Measured on 2 cores: two browser files side by side each took about twice as long as alone
 * (explorer-view 130 s against 64 s, explorer-first-view 118 s against 98 s), since Chromium, Neo4j and node already keep both cores busy, so
 * running them in parallel bought nothing; and most files write (events, users, a reload of
 * the plan, the curated events that npm start and npm run export add) or watch the whole
 * database (its fingerprint, its open transactions), which readers beside them would disturb.
 *
 * What does run beside them: the unit tests, and the files below that start, stop, freeze
 * and kill a Neo4j of their own and spend most of their time waiting for it.
 */
export const OWN_NEO4J = [
  'tests/integration/bundled-neo4j.test.ts',
  'tests/integration/faults.test.ts',
];
