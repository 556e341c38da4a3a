import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALLOWED_PROCEDURES } from '../../graph/cypher-policy';

/** The procedures a paragraph names in `code`, in the order it names them. */
function namedProcedures(paragraph: string): string[] {
  return [...paragraph.matchAll(/`((?:db|dbms|tx|apoc)\.[\w.]+)`/g)].map((m) => m[1]!);
}

describe('docs/neo4j-security.md', () => {
  it('lists exactly the procedures the console allows, before naming what it refuses', () => {
    const doc = readFileSync('docs/neo4j-security.md', 'utf8');
    const paragraph = doc.slice(
      doc.indexOf('**Allowed procedures**'),
      doc.indexOf('**SHOW commands**'),
    );
    const allowedPart = paragraph.slice(0, paragraph.indexOf('Nothing else'));
    expect(new Set(namedProcedures(allowedPart))).toEqual(new Set(ALLOWED_PROCEDURES));
    const refusedPart = paragraph.slice(paragraph.indexOf('Nothing else'));
    for (const name of namedProcedures(refusedPart))
      expect(ALLOWED_PROCEDURES.has(name)).toBe(false);
  });
});
