import { describe, expect, it } from 'vitest';
import {
  codeText,
  decodeUnicodeEscapes,
  planPrefix,
  splitStatements,
} from '../../graph/cypher-lexer';

// Each expectation below was first checked against Neo4j 5.26 (RETURN of the same text).
describe('decodeUnicodeEscapes', () => {
  it('decodes \\uXXXX anywhere, as Neo4j does before it reads keywords and strings', () => {
    expect(decodeUnicodeEscapes(String.raw`L\u004FAD CSV`)).toBe('LOAD CSV');
    expect(decodeUnicodeEscapes(String.raw`\u0027a'`)).toBe("'a'");
    expect(decodeUnicodeEscapes(String.raw`caf\u00e9`)).toBe('café');
  });

  it('leaves an escaped backslash and what follows it alone', () => {
    // '\\u0041' is the five characters \u0041; '\\\u0041' is \A.
    expect(decodeUnicodeEscapes(String.raw`'\\u0041'`)).toBe(String.raw`'\\u0041'`);
    expect(decodeUnicodeEscapes(String.raw`'\\\u0041'`)).toBe(String.raw`'\\A'`);
  });

  it('needs exactly one u and four hex digits', () => {
    expect(decodeUnicodeEscapes(String.raw`\uu0041 \u00G1 \u004`)).toBe(
      String.raw`\uu0041 \u00G1 \u004`,
    );
  });

  it('does not decode what a decoded backslash would start', () => {
    expect(decodeUnicodeEscapes(String.raw`\u005cu0041`)).toBe(String.raw`\u0041`);
  });
});

describe('codeText', () => {
  it('empties string literals, whatever they contain', () => {
    expect(codeText(`RETURN 'CALL apoc.help()' AS a, "LOAD CSV" AS b`)).toBe(
      `RETURN '' AS a, '' AS b`,
    );
  });

  it('knows backslash escapes inside strings, so a quote cannot end them early', () => {
    expect(codeText(String.raw`RETURN 'it\'s CALL x()' AS a, "\"" AS b, 'a\\' AS c`)).toBe(
      `RETURN '' AS a, '' AS b, '' AS c`,
    );
  });

  it('turns comments into spaces, but not // inside a string', () => {
    expect(codeText('MATCH (n) // CALL x()\nRETURN /* CALL y() */ n')).toBe(
      'MATCH (n)  \nRETURN   n',
    );
    expect(codeText(`RETURN 'http://x' AS u CALL apoc.z()`)).toBe(`RETURN '' AS u CALL apoc.z()`);
  });

  it('sees through escapes that open strings or close comments', () => {
    expect(codeText(String.raw`RETURN 1 /* \u002a/ CALL db.createLabel('X') //*/`)).toBe(
      `RETURN 1   CALL db.createLabel('')  `,
    );
    expect(codeText(String.raw`RETURN 'a\u0027 CALL db.createLabel('X') //'`)).toBe(
      `RETURN '' CALL db.createLabel('')  `,
    );
  });

  it('unquotes `names`, turning what no plain name may hold into _', () => {
    expect(codeText('CALL `db`.`createLabel`(1)')).toBe('CALL db.createLabel(1)');
    expect(codeText('CALL `db.labels`()')).toBe('CALL db_labels()');
    expect(codeText('RETURN 1 AS `a``b`, 2 AS ``')).toBe('RETURN 1 AS a_b, 2 AS _');
  });

  it('runs to the end of text that never closes a string, comment or name', () => {
    expect(codeText(`RETURN 'open`)).toBe(`RETURN ''`);
    expect(codeText('RETURN 1 /* open')).toBe('RETURN 1  ');
    expect(codeText('RETURN `open')).toBe('RETURN open');
  });
});

describe('splitStatements', () => {
  it('splits at semicolons outside strings, comments and quoted names, dropping empty parts', () => {
    const script = "RETURN ';' AS a; // x;y\nMATCH (`a;b`) RETURN 1 /* ; */;\n;  ";
    expect(splitStatements(script)).toEqual([
      { text: "RETURN ';' AS a", start: 0 },
      { text: ' // x;y\nMATCH (`a;b`) RETURN 1 /* ; */', start: 16 },
    ]);
  });

  it('keeps a disguised semicolon inside its statement, for Neo4j to refuse', () => {
    expect(splitStatements(String.raw`RETURN 1 \u003B CREATE (n)`)).toHaveLength(1);
  });
});

describe('planPrefix', () => {
  it('finds EXPLAIN or PROFILE after spaces and comments, blanking it without moving offsets', () => {
    expect(planPrefix('  // why\n profile MATCH (n) RETURN n')).toEqual({
      mode: 'PROFILE',
      body: `${' '.repeat(17)} MATCH (n) RETURN n`,
    });
    expect(planPrefix('EXPLAIN RETURN 1').mode).toBe('EXPLAIN');
  });

  it('ignores names that start with the words', () => {
    expect(planPrefix('MATCH (explain) RETURN explain').mode).toBeUndefined();
    expect(planPrefix('RETURN 1 AS profiled').mode).toBeUndefined();
    expect(planPrefix('WITH 1 AS profile RETURN profile').mode).toBeUndefined();
  });
});
