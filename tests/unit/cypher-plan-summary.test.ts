import neo4j, { ProfiledPlan } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { type ProfiledOperator, profileTotals, toPlanNode } from '../../graph/cypher-plan-summary';

/**
 * A PROFILE's totals (issue 24 item 7), from plans shaped as Neo4j 5.26 sends them: figures
 * are arguments (DbHits, Rows, PageCacheHits, PageCacheMisses, Memory, GlobalMemory on the
 * root, Time where the runtime times operators), as driver Integers.
 */
const op = (
  args: Record<string, number | string>,
  ...children: ProfiledOperator[]
): ProfiledOperator => ({
  arguments: Object.fromEntries(
    Object.entries(args).map(([k, v]) => [k, typeof v === 'number' ? neo4j.int(v) : v]),
  ),
  children,
});

/** PROFILE MATCH (c:Commitment)-[:INVOLVES]->(a) RETURN c.ref, a.id ORDER BY c.ref on the seeded plan. */
const sorted = op(
  { DbHits: 0, Rows: 74, PageCacheHits: 0, PageCacheMisses: 0, GlobalMemory: 13576, Memory: 0 },
  op(
    { DbHits: 74, Rows: 74, PageCacheHits: 0, PageCacheMisses: 0 },
    op(
      { DbHits: 0, Rows: 74, PageCacheHits: 0, PageCacheMisses: 0, Memory: 13512 },
      op(
        { DbHits: 74, Rows: 74, PageCacheHits: 0, PageCacheMisses: 0 },
        op(
          { DbHits: 475, Rows: 74, PageCacheHits: 0, PageCacheMisses: 0 },
          op({ DbHits: 87, Rows: 86, PageCacheHits: 0, PageCacheMisses: 0 }),
        ),
      ),
    ),
  ),
);

describe('profileTotals', () => {
  it('sums db hits over the tree as Neo4j’s own "Total database accesses" (710), with the root’s rows, memory and time', () => {
    expect(
      profileTotals(sorted, {
        resultAvailableAfter: neo4j.int(54),
        resultConsumedAfter: neo4j.int(15),
      }),
    ).toEqual({
      dbHits: 710,
      rows: 74,
      serverTimeMs: 69,
      operatorTimeMs: null,
      pageCacheHits: 0,
      pageCacheMisses: 0,
      pageCacheHitRatio: null,
      memoryBytes: 13576,
    });
  });

  it('sums branches of a tree with two children, and page cache figures, with their ratio', () => {
    const plan = op(
      { DbHits: 1, Rows: 3, PageCacheHits: 10, PageCacheMisses: 2 },
      op(
        { DbHits: 20, Rows: 3, PageCacheHits: 5, PageCacheMisses: 0 },
        op({ DbHits: 300, Rows: 7, PageCacheHits: 60, PageCacheMisses: 3 }),
        op({ DbHits: 4000, Rows: 2, PageCacheHits: 7, PageCacheMisses: 3 }),
      ),
    );
    const totals = profileTotals(plan, { resultAvailableAfter: 1, resultConsumedAfter: 2 });
    expect(totals).toMatchObject({
      dbHits: 4321,
      rows: 3,
      pageCacheHits: 82,
      pageCacheMisses: 8,
      serverTimeMs: 3,
    });
    expect(totals.pageCacheHitRatio).toBeCloseTo(82 / 90);
  });

  it('leaves out operators that report no db hits, rather than counting a 0 Neo4j never sent', () => {
    // PROFILE CALL db.labels(): the ProcedureCall has Rows but no DbHits.
    const labels = op(
      { DbHits: 0, Rows: 15, GlobalMemory: 64 },
      op({ Rows: 15, Details: 'db.labels() :: (label :: STRING)' }),
    );
    expect(profileTotals(labels, {}).dbHits).toBe(0);
    const none = op({ Rows: 15 }, op({ Rows: 15 }));
    expect(profileTotals(none, {})).toEqual({
      dbHits: null,
      rows: 15,
      serverTimeMs: null,
      operatorTimeMs: null,
      pageCacheHits: null,
      pageCacheMisses: null,
      pageCacheHitRatio: null,
      memoryBytes: null,
    });
  });

  it('sums operator Time arguments, which Neo4j gives in nanoseconds, as milliseconds', () => {
    const timed = op(
      { DbHits: 0, Rows: 1, Time: 1_500_000 },
      op({ DbHits: 2, Rows: 1 }, op({ DbHits: 3, Rows: 1, Time: 250_000 })),
    );
    expect(profileTotals(timed, {}).operatorTimeMs).toBeCloseTo(1.75);
  });

  it('gives no server time when Neo4j’s summary lacks either half', () => {
    expect(profileTotals(sorted, { resultAvailableAfter: neo4j.int(5) }).serverTimeMs).toBeNull();
    expect(
      profileTotals(sorted, { resultAvailableAfter: -1, resultConsumedAfter: 3 }).serverTimeMs,
    ).toBeNull();
  });

  it('walks a plan deeper than the call stack would allow recursion for', () => {
    let plan = op({ DbHits: 1, Rows: 1 });
    for (let i = 0; i < 20_000; i++) plan = op({ DbHits: 1, Rows: 1 }, plan);
    expect(profileTotals(plan, {}).dbHits).toBe(20_001);
  });
});

describe('toPlanNode of a profiled plan', () => {
  it('shows no db hits for an operator Neo4j gave none, where the driver would say 0', () => {
    const driverPlan = new ProfiledPlan({
      operatorType: 'ProduceResults@neo4j',
      identifiers: ['label'],
      args: { DbHits: neo4j.int(0), Rows: neo4j.int(15), Details: 'label' },
      dbHits: neo4j.int(0),
      rows: neo4j.int(15),
      children: [
        {
          operatorType: 'ProcedureCall@neo4j',
          identifiers: ['label'],
          args: { Rows: neo4j.int(15), Details: 'db.labels() :: (label :: STRING)' },
          rows: neo4j.int(15),
          children: [],
        },
      ],
    });
    expect(driverPlan.children[0]!.dbHits).toBe(0);
    const node = toPlanNode(driverPlan);
    expect(node).toMatchObject({ operator: 'ProduceResults', dbHits: 0, rows: 15 });
    expect(node.children[0]).toMatchObject({ operator: 'ProcedureCall', dbHits: null, rows: 15 });
  });
});
