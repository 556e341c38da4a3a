import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DATASET_LICENSE, DATASET_TITLE, datasetStamp } from '../../core/dataset';
import {
  CSVW_FILES,
  type CsvwTableGroup,
  NULL_MARKER,
  toCsvwTables,
  toCsvwZip,
} from '../../core/formats/csvw';
import type { ExportGraph, ExportNode } from '../../core/formats/export-graph';
import { toJsonExport } from '../../core/formats/json';
import { type CsvwValue, readCsvwTable } from '../support/csvw-reader';
import { edge, graph, node, theme } from '../support/export-graph-fixture';

/** The typed CSV tables and their CSV on the Web metadata, read back by the metadata alone. */

/**
 * Besides the fixture's commitment (an empty text, a long, a double 0.5, a list) and theme
 * (an empty list): a year kept as text beside one kept as a number, a whole double, and
 * properties the others lack.
 */
const agreement: ExportNode = {
  id: '#agreement-2017',
  kind: 'Agreement',
  properties: { name_en: '2017', year_text: '2017', year: 2017, ratio: 1, soft: false },
};

const fixture = (): ExportGraph => graph([node(), theme, agreement], [edge()]);

/** Every table of the group read by the metadata, with the JSON export beside it. */
function readBack(exported: ExportGraph) {
  const tables = toCsvwTables(exported);
  const metadata = JSON.parse(JSON.stringify(tables.metadata)) as CsvwTableGroup;
  const [nodeTable, relationshipTable] = metadata.tables;
  return {
    tables,
    metadata,
    json: toJsonExport(exported),
    nodes: readCsvwTable(metadata, nodeTable, tables.nodes),
    relationships: readCsvwTable(metadata, relationshipTable, tables.relationships),
  };
}

const jsonValue = (value: unknown): CsvwValue =>
  value === undefined ? null : (value as CsvwValue);

describe('typed CSV tables with CSVW metadata', () => {
  it('read back by their metadata to the JSON export, cell by cell: null, "" and [] apart, types kept', () => {
    const { json, nodes, relationships, metadata } = readBack(fixture());
    expect(nodes.rows).toHaveLength(json.nodes.length);
    const nodeColumns = metadata.tables[0].tableSchema.columns.map((c) => c.name);
    json.nodes.forEach((n, i) => {
      const row = nodes.rows[i]!;
      expect(row.id).toBe(n.id);
      expect(row.label).toBe(n.label);
      for (const name of nodeColumns.slice(2))
        expect(row[name]).toEqual(jsonValue(n.properties[name]));
    });
    const relationshipColumns = metadata.tables[1].tableSchema.columns.map((c) => c.name);
    expect(relationships.rows).toHaveLength(json.relationships.length);
    json.relationships.forEach((r, i) => {
      const row = relationships.rows[i]!;
      expect([row.id, row.type, row.start, row.end]).toEqual([r.id, r.type, r.start, r.end]);
      for (const name of relationshipColumns.slice(4))
        expect(row[name]).toEqual(jsonValue(r.properties[name]));
    });
    // The cases the untyped CSV ran together, one by one.
    const [commitment, tag, agreementRow] = nodes.rows;
    expect(commitment!.empty).toBe('');
    expect(tag!.empty).toBeNull();
    expect(tag!.aliases).toEqual([]);
    expect(agreementRow!.aliases).toBeNull();
    expect(agreementRow!.year_text).toBe('2017');
    expect(agreementRow!.year).toBe(2017);
    expect(agreementRow!.name_en).toBe('2017');
    expect(commitment!.name_en).toBe(node().properties.name_en);
  });

  it('declares each datatype, the separator of lists and the marker of null, and writes doubles as doubles', () => {
    const { tables, metadata } = readBack(fixture());
    expect(metadata.null).toBe(NULL_MARKER);
    const columns = Object.fromEntries(
      metadata.tables[0].tableSchema.columns.map((c) => [c.name, c]),
    );
    expect(columns.year_text).toMatchObject({ datatype: 'string' });
    expect(columns.year).toMatchObject({ datatype: 'integer' });
    expect(columns.big).toMatchObject({ datatype: 'integer' });
    expect(columns.ratio).toMatchObject({ datatype: 'double' });
    expect(columns.soft).toMatchObject({ datatype: 'boolean' });
    expect(columns.aliases).toMatchObject({ datatype: 'string', separator: ';' });
    expect(columns.name_ja).toMatchObject({ lang: 'ja' });
    // 1.0 is written so that it reads as a double even without the metadata.
    expect(tables.nodes).toContain(`"#agreement-2017",Agreement,${NULL_MARKER},2017,`);
    expect(tables.nodes.split('\r\n')[3]).toMatch(/,1\.0,/);
    expect(tables.nodes).toContain(',0.5,');
    expect(tables.nodes).toContain(',"",');
  });

  it('has the primary keys and the relationships’ start and end as foreign keys into the nodes, which hold', () => {
    const { metadata, nodes, relationships } = readBack(fixture());
    const [nodeTable, relationshipTable] = metadata.tables;
    expect(nodeTable.tableSchema.primaryKey).toBe('id');
    expect(relationshipTable.tableSchema.primaryKey).toBe('id');
    expect(relationshipTable.tableSchema.foreignKeys).toEqual([
      { columnReference: 'start', reference: { resource: 'nodes.csv', columnReference: 'id' } },
      { columnReference: 'end', reference: { resource: 'nodes.csv', columnReference: 'id' } },
    ]);
    const ids = nodes.rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of relationships.rows) {
      expect(ids).toContain(row.start);
      expect(ids).toContain(row.end);
    }
  });

  it('carries the dataset’s title, version, fingerprint, licence and citation from core/dataset.ts', () => {
    const { metadata } = readBack(fixture());
    const stamp = datasetStamp();
    expect(metadata).toMatchObject({
      '@context': ['http://www.w3.org/ns/csvw', { '@language': 'en' }],
      'dc:title': DATASET_TITLE,
      'schema:version': stamp.version,
      'dc:identifier': `sha256:${stamp.fingerprint}`,
      'dc:license': { '@id': DATASET_LICENSE.data.url },
      'dc:bibliographicCitation': stamp.citation,
      'prov:wasDerivedFrom': { '@id': stamp.sourceUrl },
    });
    expect(metadata.tables.map((t) => t.url)).toEqual([CSVW_FILES.nodes, CSVW_FILES.relationships]);
    expect(metadata['rdfs:comment']).toBeUndefined();
  });

  it('ends a truncated table with a # comment line that the CSVW reader keeps apart from the rows', () => {
    const cut = fixture();
    cut.metadata.truncated = { kept: 3, total: 210, limit: 3 };
    const { tables, nodes, relationships, metadata } = readBack(cut);
    const trailer =
      '# truncated: the view matched 210 nodes; this export holds the first 3 (limit=3)\r\n';
    expect(tables.nodes.endsWith(trailer)).toBe(true);
    expect(tables.relationships.endsWith(trailer)).toBe(true);
    expect(nodes.rows).toHaveLength(3);
    expect(relationships.rows).toHaveLength(1);
    expect(nodes.comments).toEqual([
      'truncated: the view matched 210 nodes; this export holds the first 3 (limit=3)',
    ]);
    expect(metadata['rdfs:comment']).toBe(nodes.comments[0]);
    // The first cell of a record never starts a comment line: it is quoted.
    expect(tables.nodes).toContain('\r\n"#agreement-2017",');
  });

  it('refuses a value no CSVW reader could tell from null or split right', () => {
    const marker = node({ properties: { name_en: NULL_MARKER } });
    expect(() => toCsvwTables(graph([marker], []))).toThrow(/"name_en" is the text \\N/);
    const split = node({ properties: { aliases: ['a;b'] } });
    expect(() => toCsvwTables(graph([split], []))).toThrow(/contains the list separator ";"/);
    const blank = node({ properties: { aliases: [''] } });
    expect(() => toCsvwTables(graph([blank], []))).toThrow(/is \[""\]/);
    const clash = node({ properties: { label: 'x' } });
    expect(() => toCsvwTables(graph([clash], []))).toThrow(/property "label"/);
  });

  it('downloads as one zip of both tables and their metadata, in a folder named for the version', () => {
    const files = unzipSync(toCsvwZip(fixture()));
    const folder = `kizuna-jp-mn-2022-v${datasetStamp().version}-tables`;
    expect(Object.keys(files).sort()).toEqual(
      [CSVW_FILES.metadata, CSVW_FILES.nodes, CSVW_FILES.relationships].map(
        (f) => `${folder}/${f}`,
      ),
    );
    const tables = toCsvwTables(fixture());
    expect(files[`${folder}/${CSVW_FILES.nodes}`]).toEqual(strToU8(tables.nodes));
    expect(JSON.parse(strFromU8(files[`${folder}/${CSVW_FILES.metadata}`]!))).toEqual(
      tables.metadata,
    );
  });
});
