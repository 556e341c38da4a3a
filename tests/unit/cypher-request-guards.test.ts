import { describe, expect, it } from 'vitest';
import { CONSOLE_LIMITS } from '../../core/model/console-limits';
import {
  paramsRefusal,
  procedureCalls,
  requestRefusal,
  textRefusal,
} from '../../graph/cypher-request-guards';
import { RESEARCH_QUERIES } from '../../server/routes/cypher/research-queries';

const codeOf = (query: string) => textRefusal(query)?.code;

describe('textRefusal: the textual layer', () => {
  it.each([
    ["CALL db.createLabel('X')", 'db.createLabel'],
    ["call db.createLabel('X')", 'db.createLabel'],
    ["CALL\n  db . createLabel ( 'X' )", 'db.createLabel'],
    ["CALL `db`.`createLabel`('X')", 'db.createLabel'],
    [String.raw`C\u0041LL db.createLabel('X')`, 'db.createLabel'],
    ['CALL /* why not */ dbms.killQueries([])', 'dbms.killQueries'],
    ['CALL dbms.listConfig', 'dbms.listConfig'],
    ["MATCH (n) OPTIONAL CALL apoc.help('x') RETURN n", 'apoc.help'],
    [
      'RETURN 1 AS x UNION CALL db.clearQueryCaches() YIELD value RETURN 1 AS x',
      'db.clearQueryCaches',
    ],
    ['CALL `db.labels`()', 'db_labels'],
    ['CALL DB.LABELS()', 'DB.LABELS'],
  ])('refuses %j, naming %s', (query, name) => {
    const refusal = textRefusal(query);
    expect(refusal?.code).toBe('procedure');
    expect(refusal?.detail).toContain(`procedure ${name} is not available`);
  });

  it.each([
    "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    "load  csv with headers from 'http://127.0.0.1/' AS l RETURN l",
    String.raw`L\u004FAD CSV FROM 'file:///etc/passwd' AS l RETURN l`,
    "MATCH (n) CALL (n) { LOAD\nCSV FROM 'file:///x' AS l RETURN l } RETURN l",
  ])('refuses LOAD CSV in %j', (query) => {
    expect(codeOf(query)).toBe('load-csv');
  });

  // IN TRANSACTIONS and SHOW/TERMINATE are judged from Neo4j's plan (cypher-plan-guards):
  // a text scan refused reads whose names merely spell them.
  it.each([
    'CALL { CREATE (:X) } IN TRANSACTIONS',
    'SHOW TRANSACTIONS',
    "TERMINATE TRANSACTION 'neo4j-transaction-1'",
    'WITH [1, 2] AS transactions UNWIND [1, 3] AS x WITH x, transactions WHERE x IN transactions RETURN x',
    'WITH 1 AS show, 2 AS settings RETURN show, settings',
  ])('leaves %j to the plan layer', (query) => {
    expect(textRefusal(query)).toBeUndefined();
  });

  it.each([
    'MATCH (n) RETURN n',
    "RETURN 'CALL apoc.help() and LOAD CSV' AS s",
    '// CALL apoc.help()\nMATCH (n) RETURN n',
    'RETURN {call: 1} AS m, [1] AS call',
    'MATCH (n) RETURN n.call AS c, n.`call` AS d',
    'WITH 1 AS call RETURN call + 1',
    "CALL db.index.fulltext.queryNodes('kizuna_text_ja', $q) YIELD node RETURN node",
    'CALL db.labels',
    'CALL dbms.components()',
    'CALL db.info()',
    'CALL db.ping()',
    'CALL db.index.fulltext.listAvailableAnalyzers()',
    'MATCH (n) CALL (n) { RETURN n.id AS id } RETURN id',
    'CALL { MATCH (n) RETURN n } RETURN n',
    'SHOW INDEXES',
    'MATCH (t:Transactions) RETURN t.settings AS settings',
  ])('lets %j through', (query) => {
    expect(textRefusal(query)).toBeUndefined();
  });

  it('lets every query of the research library through', () => {
    for (const { id, cypher } of RESEARCH_QUERIES) expect(textRefusal(cypher), id).toBeUndefined();
  });
});

describe('procedureCalls', () => {
  it('names every procedure called, skipping subqueries', () => {
    expect(
      procedureCalls(
        'CALL db.labels() YIELD label CALL (label) { RETURN 1 AS one } CALL { RETURN 2 AS two } CALL db.propertyKeys',
      ),
    ).toEqual(['db.labels', 'db.propertyKeys']);
  });
});

describe('paramsRefusal', () => {
  it('accepts no parameters or a JSON object of them', () => {
    expect(paramsRefusal(undefined, CONSOLE_LIMITS)).toBeUndefined();
    expect(
      paramsRefusal({ id: 'un', ids: ['a', { b: [1, 2] }], n: 3 }, CONSOLE_LIMITS),
    ).toBeUndefined();
  });

  it.each([[[1, 2]], [null], ['id'], [3]])('refuses %j: not an object', (params) => {
    expect(paramsRefusal(params, CONSOLE_LIMITS)).toMatchObject({
      code: 'params',
      detail: expect.stringContaining('must be a JSON object'),
    });
  });

  it('refuses parameters nested deeper than the limit, even 100,000 deep, without recursion', () => {
    const deep = JSON.parse(`{"p":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(paramsRefusal(deep, CONSOLE_LIMITS)).toMatchObject({
      code: 'params',
      detail: expect.stringContaining('more than 16 levels deep'),
    });
    expect(paramsRefusal({ p: [[[[1]]]] }, { ...CONSOLE_LIMITS, maxParamsDepth: 4 })?.code).toBe(
      'params',
    );
    expect(paramsRefusal({ p: [[[1]]] }, { ...CONSOLE_LIMITS, maxParamsDepth: 4 })).toBeUndefined();
  });

  it('refuses parameters larger than the limit, saying how large they are', () => {
    expect(paramsRefusal({ big: 'x'.repeat(70_000) }, CONSOLE_LIMITS)).toMatchObject({
      code: 'params',
      detail: 'The parameters take 70,010 characters as JSON; the console accepts up to 65,536.',
    });
  });
});

describe('requestRefusal', () => {
  it('refuses a query over the length limit, saying both lengths', () => {
    expect(requestRefusal({ query: `RETURN ${'1'.repeat(20_000)}` }, CONSOLE_LIMITS)).toEqual({
      code: 'too-long',
      detail: 'The query is 20,007 characters long; the console accepts up to 20,000.',
    });
  });

  it('refuses an empty query', () => {
    expect(requestRefusal({ query: ' \n ' }, CONSOLE_LIMITS)?.code).toBe('syntax');
  });

  it('checks the length first, then the parameters, then the text', () => {
    expect(requestRefusal({ query: 'CALL apoc.x()', params: [] }, CONSOLE_LIMITS)?.code).toBe(
      'params',
    );
    expect(requestRefusal({ query: 'CALL apoc.x()', params: {} }, CONSOLE_LIMITS)?.code).toBe(
      'procedure',
    );
    expect(requestRefusal({ query: 'MATCH (n) RETURN n', params: { a: 1 } }, CONSOLE_LIMITS)).toBe(
      undefined,
    );
  });
});
