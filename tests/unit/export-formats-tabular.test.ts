import { describe, expect, it } from 'vitest';
import { propertyColumns } from '../../core/formats/columns';
import { toNeo4jCsv } from '../../core/formats/neo4j-csv';
import { CONTROL, edge, graph, NASTY, node, theme } from '../support/export-graph-fixture';

/** The tabular export, neo4j-admin import CSV, and the typed property columns it is built on. */

/** RFC 4180, to read the files back: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let value: string | null;
    if (text[i] === '"') {
      let end = i + 1;
      value = '';
      for (;;) {
        const quote = text.indexOf('"', end);
        if (text[quote + 1] === '"') {
          value += text.slice(end, quote + 1);
          end = quote + 2;
        } else {
          value += text.slice(end, quote);
          i = quote + 1;
          break;
        }
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      const raw = text.slice(i, end === -1 ? text.length : i + end);
      value = raw === '' ? null : raw;
      i += raw.length;
    }
    row.push(value);
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (text[i] === ',') {
      i += 1;
    } else if (i < text.length) {
      throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
    }
  }
  return rows;
}

describe('neo4j-admin import CSV', () => {
  it('writes the import header format: id:ID, :LABEL, typed columns and string[] lists', () => {
    const { nodes, relationships } = toNeo4jCsv(graph());
    expect(nodes.split('\r\n')[0]).toBe(
      'id:ID,:LABEL,name_ja:string,name_en:string,text_ja:string,aliases:string[],big:long,empty:string,line_start:int,ratio:double,soft:boolean',
    );
    expect(relationships.split('\r\n')[0]).toBe(
      ':START_ID,:END_ID,:TYPE,cue:string,evidence:string,evidence_end:int,evidence_start:int,key:string,role:string',
    );
  });

  it('quotes as RFC 4180 says, keeps empty strings, and leaves absent values and empty lists empty', () => {
    const { nodes, relationships } = toNeo4jCsv(graph());
    expect(nodes.endsWith('\r\n')).toBe(true);
    const [, commitment, tag] = parseCsv(nodes);
    expect(commitment).toEqual([
      'jp-mn-2022/I.3.2',
      'Commitment',
      '日本「引用」&<タグ>',
      NASTY,
      CONTROL,
      '自衛隊;A&B "x"',
      '1099511627776',
      '',
      '12',
      '0.5',
      'true',
    ]);
    expect(nodes).toContain(',"",12,');
    expect(relationships).toContain(',"不拡散「x」&\n",');
    expect(tag).toEqual([theme.id, 'Theme', '不拡散', 'Non-proliferation', ...Array(7).fill(null)]);
    const [, tagged] = parseCsv(relationships);
    expect(tagged).toEqual([
      'jp-mn-2022/I.3.2',
      'theme/non_proliferation',
      'TAGGED',
      'の下で',
      '不拡散「x」&\n',
      '9',
      '3',
      edge().id,
      'actor',
    ]);
  });

  it('refuses a list element holding the array delimiter, which the import would split', () => {
    const odd = node({ properties: { name_en: 'x', aliases: ['a;b'] } });
    expect(() => toNeo4jCsv(graph([odd], []))).toThrow(
      /node jp-mn-2022\/I\.3\.2: "aliases" holds "a;b", which contains the array delimiter ";"/,
    );
  });
});

describe('property columns', () => {
  it('finds the narrowest type every value fits, widening numbers and falling back to text', () => {
    const items = [
      { properties: { a: 1, b: 1, c: true, d: ['x'], e: 'x', f: [] } },
      { properties: { a: 2 ** 33, b: 1.5, c: 'yes', d: 'y', e: 'z', f: [1, 2] } },
    ];
    expect(propertyColumns(items)).toEqual([
      { name: 'a', type: 'long', list: false },
      { name: 'b', type: 'double', list: false },
      { name: 'c', type: 'string', list: false },
      { name: 'd', type: 'string', list: false },
      { name: 'e', type: 'string', list: false },
      { name: 'f', type: 'int', list: true },
    ]);
  });
});
