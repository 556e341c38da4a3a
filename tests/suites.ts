/**
 * Which test files may share the run's one Neo4j at the same time. Neo4j Community has one
 * user database, so files are kept apart in time rather than in separate databases
 * (tests/support/shared-database.ts says how). vitest.config reads these lists.
 *
 * Serial: files that write to the shared database (analysts' events, users, audit, a reload
 * of the plan) or watch the whole of it (its fingerprint, its open transactions, a query that
 * fills its heap). They run one at a time, after the others, each from the freshly seeded plan.
 * Every other integration and e2e file only reads the plan, or runs a Neo4j of its own
 * (bundled-neo4j, faults, export-neo4j), and runs side by side with the rest; a read-only file
 * that writes after all fails its own check (tests/support/read-only-file.ts).
 */
export const SERIAL_INTEGRATION = [
  'tests/integration/cypher-hostile.test.ts',
  'tests/integration/cypher-isolation.test.ts',
  'tests/integration/events-api.test.ts',
  'tests/integration/events-backup.test.ts',
  'tests/integration/events-schema.test.ts',
  'tests/integration/export-endpoint.test.ts',
  'tests/integration/export-files.test.ts',
  'tests/integration/scale.test.ts',
  'tests/integration/seed-load.test.ts',
  'tests/integration/start.test.ts',
];

export const SERIAL_E2E = [
  // npm run export starts the app as npm start does, which adds the curated events.
  'tests/e2e/diagram-export.test.ts',
  'tests/e2e/events.test.ts',
  'tests/e2e/events-export.test.ts',
  'tests/e2e/workbench-research.test.ts',
];
