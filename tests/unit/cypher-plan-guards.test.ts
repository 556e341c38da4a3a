import { describe, expect, it } from 'vitest';
import { type PlanOperator, planRefusal, procedureName } from '../../graph/cypher-plan-guards';

/** A plan operator as the driver hands it over; the shapes below are what Neo4j 5.26 EXPLAINs. */
const op = (operatorType: string, details?: string, ...children: PlanOperator[]): PlanOperator => ({
  operatorType: `${operatorType}@neo4j`,
  arguments: details === undefined ? {} : { Details: details },
  children,
});

const produce = (...children: PlanOperator[]) => op('ProduceResults', 'x', ...children);

describe('planRefusal: the plan layer', () => {
  it('lets a read through', () => {
    expect(planRefusal('r', produce(op('Limit', '1', op('AllNodesScan', 'n'))))).toBeUndefined();
  });

  it('refuses writes and read-writes, wherever the writing operator sits', () => {
    expect(planRefusal('w', produce(op('Create', '(n:X)')))?.code).toBe('write');
    expect(
      planRefusal('rw', produce(op('SetProperty', 'n.x = 1', op('AllNodesScan', 'n')))),
    ).toMatchObject({
      code: 'write',
      detail: expect.stringContaining('only reads'),
    });
  });

  it('refuses schema and administration commands, and any query type it does not know', () => {
    expect(planRefusal('s', op('CreateIndex', 'RANGE INDEX foo FOR (:X) ON (y)'))?.code).toBe(
      'admin',
    );
    expect(
      planRefusal('s', {
        operatorType: 'AdministrationCommand@system',
        arguments: {},
        children: [],
      })?.code,
    ).toBe('admin');
    expect(planRefusal(undefined, produce())?.code).toBe('admin');
  });

  it('refuses a query Neo4j gave no plan for', () => {
    expect(planRefusal('r', false)?.code).toBe('failed');
  });

  it('lets the allowed procedures through, nested or not', () => {
    const plan = produce(
      op(
        'Apply',
        undefined,
        op('NodeByLabelScan', 'n:Plan'),
        op('ProcedureCall', 'db.labels() :: (label :: STRING)', op('Argument', 'n')),
      ),
    );
    expect(planRefusal('r', plan)).toBeUndefined();
    expect(
      planRefusal(
        'r',
        produce(
          op(
            'ProcedureCall',
            'db.index.fulltext.queryNodes($autostring_0, $autostring_1) :: (node :: NODE)',
          ),
        ),
      ),
    ).toBeUndefined();
  });

  it('refuses any other procedure, even one Neo4j plans as a read, naming it', () => {
    const refusal = planRefusal(
      'r',
      produce(
        op(
          'Union',
          undefined,
          op('Projection', '1 AS x'),
          op('ProcedureCall', 'db.awaitIndexes($autoint_0) :: ()'),
        ),
      ),
    );
    expect(refusal).toMatchObject({
      code: 'procedure',
      detail: expect.stringContaining('db.awaitIndexes is not available'),
    });
    expect(planRefusal('r', produce(op('ProcedureCall')))?.code).toBe('procedure');
  });

  it('refuses LOAD CSV, which Neo4j plans as a read', () => {
    const plan = produce(
      op(
        'Apply',
        undefined,
        op('NodeByLabelScan', 'n:Plan'),
        op('LoadCSV', 'l', op('Argument', 'n')),
      ),
    );
    expect(planRefusal('r', plan)?.code).toBe('load-csv');
  });

  it('refuses CALL { } IN TRANSACTIONS, read or write, with its own code', () => {
    expect(
      planRefusal(
        'r',
        produce(op('TransactionApply', 'IN TRANSACTIONS OF 1000 ROWS ON ERROR FAIL')),
      )?.code,
    ).toBe('in-transactions');
    expect(
      planRefusal(
        'w',
        produce(
          op(
            'TransactionForeach',
            'IN TRANSACTIONS OF 1000 ROWS ON ERROR FAIL',
            op('Create', '(x:X)'),
          ),
        ),
      )?.code,
    ).toBe('in-transactions');
  });

  it('allows the catalogue SHOW commands only', () => {
    for (const show of ['ShowIndexes', 'ShowConstraints', 'ShowProcedures', 'ShowFunctions']) {
      expect(
        planRefusal('r', produce(op(show, 'allIndexes, defaultColumns'))),
        show,
      ).toBeUndefined();
    }
    expect(
      planRefusal('r', produce(op('ShowTransactions', 'defaultColumns, allTransactions'))),
    ).toMatchObject({
      code: 'admin',
      detail: expect.stringContaining('SHOW TRANSACTIONS is not available'),
    });
    expect(planRefusal('r', produce(op('ShowSettings', 'allSettings')))?.detail).toContain(
      'SHOW SETTINGS',
    );
    expect(
      planRefusal('r', produce(op('TerminateTransactions', 'transactions(x)')))?.detail,
    ).toContain('TERMINATE TRANSACTIONS');
  });
});

describe('planRefusal of a statement written as EXPLAIN (issue 24 item 7)', () => {
  // Plans of EXPLAIN CREATE (n:X), EXPLAIN MATCH (n) DETACH DELETE n as Neo4j 5.26 gives them.
  const create = produce(op('EmptyResult', undefined, op('Create', '(n:X)')));
  const detachDelete = produce(
    op('EmptyResult', undefined, op('DetachDelete', 'n', op('AllNodesScan', 'n'))),
  );

  it('lets a write show its plan, since EXPLAIN runs nothing', () => {
    expect(planRefusal('w', create, 'EXPLAIN')).toBeUndefined();
    expect(planRefusal('w', detachDelete, 'EXPLAIN')).toBeUndefined();
    expect(
      planRefusal('rw', produce(op('SetProperty', 'n.x = 1', op('AllNodesScan', 'n'))), 'EXPLAIN'),
    ).toBeUndefined();
  });

  it('still refuses the write under PROFILE, which runs it, or with no prefix, in the same words', () => {
    expect(planRefusal('w', create, 'PROFILE')).toEqual(planRefusal('w', create));
    expect(planRefusal('w', create, 'PROFILE')).toMatchObject({
      code: 'write',
      detail: expect.stringContaining('EXPLAIN it to see its plan without running it'),
    });
    expect(planRefusal('rw', detachDelete, 'PROFILE')?.code).toBe('write');
  });

  it('refuses under EXPLAIN everything else it refuses: commands, LOAD CSV, procedures, IN TRANSACTIONS', () => {
    expect(
      planRefusal('s', op('CreateIndex', 'RANGE INDEX foo FOR (:X) ON (y)'), 'EXPLAIN')?.code,
    ).toBe('admin');
    expect(
      planRefusal(
        's',
        { operatorType: 'AdministrationCommand@system', arguments: {}, children: [] },
        'EXPLAIN',
      )?.code,
    ).toBe('admin');
    expect(
      planRefusal('w', produce(op('Create', '(x:X)', op('LoadCSV', 'l'))), 'EXPLAIN')?.code,
    ).toBe('load-csv');
    expect(
      planRefusal(
        'w',
        produce(op('ProcedureCall', 'db.createLabel($autostring_0) :: ()')),
        'EXPLAIN',
      )?.code,
    ).toBe('procedure');
    expect(
      planRefusal(
        'w',
        produce(op('TransactionForeach', 'IN TRANSACTIONS', op('Create', '(x:X)'))),
        'EXPLAIN',
      )?.code,
    ).toBe('in-transactions');
    expect(
      planRefusal('r', produce(op('ShowTransactions', 'defaultColumns')), 'EXPLAIN')?.code,
    ).toBe('admin');
    expect(planRefusal(undefined, produce(), 'EXPLAIN')?.code).toBe('admin');
    expect(planRefusal('w', false, 'EXPLAIN')?.code).toBe('failed');
  });
});

describe('procedureName', () => {
  it('reads the name at the start of the Details argument', () => {
    expect(procedureName(op('ProcedureCall', 'db.labels() :: (label :: STRING)'))).toBe(
      'db.labels',
    );
    expect(procedureName(op('ProcedureCall', '`weird.name`($a) :: ()'))).toBe('weird.name');
    expect(procedureName(op('ProcedureCall', 'db.labels'))).toBe('db.labels');
    expect(procedureName(op('ProcedureCall'))).toBe('');
  });
});
