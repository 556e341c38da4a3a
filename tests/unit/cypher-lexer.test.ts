import { describe, expect, it } from 'vitest';
import { codeText, decodeUnicodeEscapes } from '../../graph/cypher-lexer';

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
