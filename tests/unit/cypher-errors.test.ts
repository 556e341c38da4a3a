import { describe, expect, it } from 'vitest';
import { refusalForFailure } from '../../graph/cypher-errors';

const context = (query: string, prefixLength = 'EXPLAIN '.length) => ({
  query,
  prefixLength,
  timeoutMs: 10_000,
});

describe('refusalForFailure', () => {
  it("gives a syntax error's line and column in the query as sent, not as Neo4j saw it with EXPLAIN", () => {
    // What Neo4j 5.26 answers for EXPLAIN MATCH (a)\nRETURN a +
    const message =
      'Invalid input \'\': expected an expression (line 2, column 11 (offset: 28))\n"EXPLAIN MATCH (a)\nRETURN a +"\n          ^';
    expect(
      refusalForFailure(
        { code: 'Neo.ClientError.Statement.SyntaxError', message },
        context('MATCH (a)\nRETURN a +'),
      ),
    ).toEqual({
      code: 'syntax',
      detail: "Syntax error at line 2, column 11: Invalid input '': expected an expression",
      position: { line: 2, column: 11, offset: 20 },
    });
  });

  it('recomputes the position from the offset when Neo4j reports line 0', () => {
    const message =
      'Expected exactly one statement per query but got: 2 (line 0, column 0 (offset: 8))';
    expect(
      refusalForFailure(
        { code: 'Neo.ClientError.Statement.SyntaxError', message },
        context('RETURN 1; RETURN 2'),
      )?.position,
    ).toEqual({ line: 1, column: 1, offset: 0 });
  });

  it('says plainly when a syntax error has no position', () => {
    expect(
      refusalForFailure(
        { code: 'Neo.ClientError.Statement.SyntaxError', message: 'Something odd' },
        context('x'),
      ),
    ).toEqual({ code: 'syntax', detail: 'Syntax error: Something odd' });
  });

  it.each([
    [
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
      'timeout',
      'stopped after 10 s',
    ],
    ['Neo.ClientError.Transaction.TransactionTimedOut', 'timeout', 'stopped after 10 s'],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'memory', 'more memory'],
    ['Neo.TransientError.General.OutOfMemoryError', 'memory', 'more memory'],
    ['Neo.ClientError.Statement.AccessMode', 'write', 'The database refused a write'],
    ['Neo.ClientError.Statement.ExternalResourceFailed', 'load-csv', 'LOAD CSV'],
    ['Neo.ClientError.Statement.UnsupportedAdministrationCommand', 'admin', 'administration'],
    ['Neo.TransientError.Transaction.Terminated', 'failed', 'stopped the query'],
    [
      'Neo.ClientError.Statement.ArithmeticError',
      'failed',
      'Neo4j could not run the query: / by zero',
    ],
  ])('turns %s into %s', (code, refusal, words) => {
    const mapped = refusalForFailure(
      { code, message: '/ by zero\nEXPLAIN RETURN 1/0' },
      context('RETURN 1/0'),
    );
    expect(mapped?.code).toBe(refusal);
    expect(mapped?.detail).toContain(words);
    expect(mapped?.detail).not.toContain('EXPLAIN');
  });

  it('names the procedure Neo4j did not find', () => {
    const message =
      'There is no procedure with the name `apoc.help` registered for this database instance.';
    expect(
      refusalForFailure(
        { code: 'Neo.ClientError.Procedure.ProcedureNotFound', message },
        context('CALL apoc.help()'),
      )?.detail,
    ).toContain('procedure apoc.help is not available');
  });

  it('explains PROFILE, which clashes with the EXPLAIN the console puts in front', () => {
    expect(
      refusalForFailure(
        {
          code: 'Neo.ClientError.Statement.ArgumentError',
          message: "Can't specify multiple conflicting values for execution mode",
        },
        context('PROFILE MATCH (n) RETURN n'),
      )?.detail,
    ).toMatch(/^PROFILE is not available/);
  });

  it('leaves errors that are not the query’s doing to the caller', () => {
    expect(
      refusalForFailure(
        { code: 'Neo.DatabaseError.General.UnknownError', message: 'x' },
        context('x'),
      ),
    ).toBeUndefined();
    expect(
      refusalForFailure(
        { code: 'Neo.TransientError.General.DatabaseUnavailable', message: 'x' },
        context('x'),
      ),
    ).toBeUndefined();
  });
});
