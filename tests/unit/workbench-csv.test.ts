import { describe, expect, it } from 'vitest';
import { resultCsv } from '../../client/workbench/model/csv';
import type { GraphNode } from '../../client/workbench/model/cypher-types';
import { csvField, csvRecord, endsTruncated, truncatedTrailer } from '../../core/formats/csv';

const agency: GraphNode = {
  $type: 'node',
  elementId: '4:db:1',
  labels: ['Agency'],
  properties: { id: 'mod-jp', name_en: 'Ministry of Defense', name_ja: '防衛省' },
};

describe('CSV of a result (RFC 4180)', () => {
  it('quotes only the fields that hold a comma, a quote or a line break, or start or end with white space, doubling quotes', () => {
    expect(csvField('I.3.2')).toBe('I.3.2');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('the "EPA"')).toBe('"the ""EPA"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('padded\t')).toBe('"padded\t"');
    expect(csvField('in the middle')).toBe('in the middle');
    expect(csvField('')).toBe('');
  });

  it('tells an empty value from none only when asked (neo4j-admin reads ,, as none)', () => {
    expect(csvRecord(['', null, 'x'])).toBe(',,x\r\n');
    expect(csvRecord(['', null, 'x'], { quoteEmpty: true })).toBe('"",,x\r\n');
  });

  it('quotes a record’s first field that starts with #, so only a trailer can be a comment line', () => {
    expect(csvRecord(['#tag', '#tag'])).toBe('"#tag",#tag\r\n');
    const cut = `${csvRecord(['x'])}${csvRecord(['#1'])}${truncatedTrailer('the result passed the limit')}`;
    expect(cut).toBe('x\r\n"#1"\r\n# truncated: the result passed the limit\r\n');
    expect(endsTruncated(cut)).toBe(true);
    expect(endsTruncated(`${csvRecord(['x'])}${csvRecord(['#1'])}`)).toBe(false);
    expect(endsTruncated(`${csvRecord(['x', '# truncated: no'])}`)).toBe(false);
  });

  it('writes a header and one CRLF-ended record per row, cells as the table shows them', () => {
    const csv = resultCsv(
      ['agency', 'refs', 'year', 'note'],
      [
        { agency, refs: ['I.3.2', 'I.3.4'], year: 2022, note: null },
        { agency: null, refs: [], year: null, note: 'said "yes", then\r\nno' },
      ],
      'en',
    );
    expect(csv).toBe(
      'agency,refs,year,note\r\n' +
        '(:Agency {Ministry of Defense}),"I.3.2, I.3.4",2022,—\r\n' +
        '—,[],—,"said ""yes"", then\r\nno"\r\n',
    );
  });

  it('names nodes in the chosen language and quotes column names too', () => {
    expect(resultCsv(['a, b'], [{ 'a, b': agency }], 'ja')).toBe(
      '"a, b"\r\n(:Agency {防衛省})\r\n',
    );
  });

  it('leaves a column a row lacks as an em dash, as the table does', () => {
    expect(resultCsv(['x', 'y'], [{ x: 1 }], 'en')).toBe('x,y\r\n1,—\r\n');
  });
});
