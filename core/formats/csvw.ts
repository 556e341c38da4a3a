import { strToU8, zipSync } from 'fflate';
import { DATASET_LICENSE, DATASET_TITLE } from '../dataset';
import { type Column, type ColumnType, propertyColumns } from './columns';
import { csvRecord, truncatedTrailer } from './csv';
import {
  type ExportGraph,
  type PropertyValue,
  type Scalar,
  stampOf,
  truncationReason,
  truncationText,
} from './export-graph';
import { ARRAY_DELIMITER } from './neo4j-csv';

/**
 * The graph as two typed tables, nodes.csv and relationships.csv, described by one
 * CSV on the Web metadata file (W3C CSVW, https://www.w3.org/TR/tabular-metadata/),
 * csv-metadata.json: each column's name and datatype, lists with their separator, the null
 * marker, the primary keys, the relationships' start and end as foreign keys to the nodes,
 * and the dataset's title, version, fingerprint, licence and citation (core/dataset.ts).
 *
 * Unlike the neo4j-admin import files (neo4j-csv.ts), whose null is an unquoted empty
 * field that only neo4j-admin tells from a quoted one, these tables write null as the
 * marker `\N` (PostgreSQL's COPY and MySQL write it too), so a reader told the marker sees
 * null, the empty string ("") and an empty list apart. Doubles always carry a decimal point
 * (1 is written 1.0 in a double column), so a reader without the metadata still reads them
 * as floating point; a string of digits stays a string where the metadata says string.
 *
 * One metadata file describes both tables because a foreign key must point into a table of
 * the same group; csv-metadata.json is the name a CSVW processor looks for beside a CSV.
 */

/** What a null cell holds. */
export const NULL_MARKER = '\\N';
/** What joins a list's elements in one cell: neo4j-admin's array delimiter, for one rule. */
export const LIST_SEPARATOR = ARRAY_DELIMITER;

export const CSVW_FILES = {
  nodes: 'nodes.csv',
  relationships: 'relationships.csv',
  metadata: 'csv-metadata.json',
} as const;

/** CSVW's built-in datatypes for the property columns' types (xsd:integer for int and long). */
const DATATYPES: Record<ColumnType, string> = {
  boolean: 'boolean',
  int: 'integer',
  long: 'integer',
  double: 'double',
  string: 'string',
};

export interface CsvwColumn {
  name: string;
  titles: string;
  datatype: string;
  separator?: string;
  required?: boolean;
  lang?: string;
  'dc:description'?: string;
}

export interface CsvwForeignKey {
  columnReference: string;
  reference: { resource: string; columnReference: string };
}

export interface CsvwTable {
  url: string;
  'dc:description': string;
  tableSchema: { columns: CsvwColumn[]; primaryKey: string; foreignKeys?: CsvwForeignKey[] };
}

export interface CsvwTableGroup {
  '@context': [string, { '@language': string }];
  'dc:title': string;
  'dc:description': string;
  'dc:identifier': string;
  'schema:version': string;
  'dc:license': { '@id': string };
  'dc:bibliographicCitation': string;
  'prov:wasDerivedFrom': { '@id': string };
  'dc:created': string;
  'rdfs:comment'?: string;
  dialect: Record<string, unknown>;
  null: string;
  tables: [CsvwTable, CsvwTable];
}

export interface CsvwTables {
  nodes: string;
  relationships: string;
  metadata: CsvwTableGroup;
}

/** The columns every row has before its properties. */
const NODE_KEYS = ['id', 'label'] as const;
const RELATIONSHIP_KEYS = ['id', 'type', 'start', 'end'] as const;

/** A double as text that reads back as floating point: 1 becomes 1.0, 1e21 stays. */
function doubleText(value: number): string {
  const text = String(value);
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

function scalarText(value: Scalar, type: ColumnType, where: () => string): string {
  if (typeof value === 'number') return type === 'double' ? doubleText(value) : String(value);
  if (typeof value === 'boolean') return String(value);
  if (value === NULL_MARKER)
    throw new Error(`${where()} is the text ${NULL_MARKER}, the tables' null marker.`);
  return value;
}

/** One cell: the marker for no value, a list joined with the separator, else the value. */
function cell(value: PropertyValue | undefined, column: Column, owner: string): string {
  const where = () => `${owner}: "${column.name}"`;
  if (value === undefined) return NULL_MARKER;
  if (!Array.isArray(value)) return scalarText(value, column.type, where);
  // A key holding lists on some items and scalars on others is a text column: the list as JSON.
  if (!column.list) return JSON.stringify(value);
  if (value.length === 1 && value[0] === '')
    throw new Error(`${where()} is [""], which a CSVW reader takes for the empty list.`);
  return value
    .map((element) => {
      const text = scalarText(element, column.type, where);
      if (text.includes(LIST_SEPARATOR))
        throw new Error(
          `${where()} holds ${JSON.stringify(text)}, which contains the list separator "${LIST_SEPARATOR}".`,
        );
      return text;
    })
    .join(LIST_SEPARATOR);
}

/** The empty text is quoted (""), so no reader mistakes it for a missing field. */
const line = (fields: string[]) => csvRecord(fields, { quoteEmpty: true });

function propertyColumnsBeside(
  items: { properties: Record<string, PropertyValue> }[],
  fixed: readonly string[],
  skip: readonly string[],
  what: string,
): Column[] {
  const columns = propertyColumns(items, skip);
  const clash = columns.find((c) => fixed.includes(c.name));
  if (clash)
    throw new Error(
      `The ${what} have a property "${clash.name}", which is also the name of a column of every row (${fixed.join(', ')}).`,
    );
  return columns;
}

const LANGUAGE_SUFFIX = /_(ja|en|mn)$/;

function columnOf(column: Column): CsvwColumn {
  const lang = column.type === 'string' ? LANGUAGE_SUFFIX.exec(column.name)?.[1] : undefined;
  return {
    name: column.name,
    titles: column.name,
    datatype: DATATYPES[column.type],
    ...(column.list ? { separator: LIST_SEPARATOR } : {}),
    ...(lang ? { lang } : {}),
  };
}

const fixedColumn = (name: string, description: string): CsvwColumn => ({
  name,
  titles: name,
  datatype: 'string',
  required: true,
  'dc:description': description,
});

/** Both tables and the metadata that describes them. */
export function toCsvwTables(graph: ExportGraph): CsvwTables {
  const { metadata } = graph;
  const stamp = stampOf(metadata);
  const nodeColumns = propertyColumnsBeside(graph.nodes, NODE_KEYS, ['id'], 'nodes');
  const edgeColumns = propertyColumnsBeside(graph.edges, RELATIONSHIP_KEYS, [], 'relationships');
  const trailer = metadata.truncated ? truncatedTrailer(truncationReason(metadata.truncated)) : '';

  const nodes = [line([...NODE_KEYS, ...nodeColumns.map((c) => c.name)])];
  for (const node of graph.nodes) {
    const owner = `node ${node.id}`;
    nodes.push(
      line([
        node.id,
        node.kind,
        ...nodeColumns.map((c) => cell(node.properties[c.name], c, owner)),
      ]),
    );
  }
  const relationships = [line([...RELATIONSHIP_KEYS, ...edgeColumns.map((c) => c.name)])];
  for (const edge of graph.edges) {
    const owner = `relationship ${edge.id}`;
    relationships.push(
      line([
        edge.id,
        edge.type,
        edge.source,
        edge.target,
        ...edgeColumns.map((c) => cell(edge.properties[c.name], c, owner)),
      ]),
    );
  }

  const nodeTable: CsvwTable = {
    url: CSVW_FILES.nodes,
    'dc:description': 'One row per node: its id, its label, then every stored property.',
    tableSchema: {
      columns: [
        fixedColumn('id', "The node's unique id (its id property)."),
        fixedColumn('label', 'Its label in the graph: Commitment, Agency, Event …'),
        ...nodeColumns.map(columnOf),
      ],
      primaryKey: 'id',
    },
  };
  const toNode = (columnReference: string): CsvwForeignKey => ({
    columnReference,
    reference: { resource: CSVW_FILES.nodes, columnReference: 'id' },
  });
  const relationshipTable: CsvwTable = {
    url: CSVW_FILES.relationships,
    'dc:description':
      'One row per relationship: its key, its type, the ids of its start and end nodes, then every stored property (evidence, offsets, role …).',
    tableSchema: {
      columns: [
        fixedColumn('id', "The relationship's unique key (its key property)."),
        fixedColumn('type', 'Its type: PART_OF, INVOLVES, ADVANCES …'),
        fixedColumn('start', 'The id of its start node, in nodes.csv.'),
        fixedColumn('end', 'The id of its end node, in nodes.csv.'),
        ...edgeColumns.map(columnOf),
      ],
      primaryKey: 'id',
      foreignKeys: [toNode('start'), toNode('end')],
    },
  };
  const group: CsvwTableGroup = {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': 'en' }],
    'dc:title': DATASET_TITLE,
    'dc:description': metadata.title,
    'dc:identifier': `sha256:${stamp.fingerprint}`,
    'schema:version': stamp.version,
    'dc:license': { '@id': DATASET_LICENSE.data.url },
    'dc:bibliographicCitation': stamp.citation,
    'prov:wasDerivedFrom': { '@id': stamp.sourceUrl },
    'dc:created': metadata.exportedAt,
    ...(metadata.truncated ? { 'rdfs:comment': truncationText(metadata.truncated) } : {}),
    // Spelled out, since CSVW's defaults trim white space from every cell.
    dialect: {
      encoding: 'utf-8',
      delimiter: ',',
      quoteChar: '"',
      doubleQuote: true,
      lineTerminators: ['\r\n'],
      header: true,
      headerRowCount: 1,
      commentPrefix: '#',
      skipRows: 0,
      skipBlankRows: false,
      skipInitialSpace: false,
      trim: false,
    },
    null: NULL_MARKER,
    tables: [nodeTable, relationshipTable],
  };
  return {
    nodes: nodes.join('') + trailer,
    relationships: relationships.join('') + trailer,
    metadata: group,
  };
}

export function csvwMetadataText(metadata: CsvwTableGroup): string {
  return `${JSON.stringify(metadata, null, 2)}\n`;
}

/**
 * The download of the typed tables: one zip with a folder holding nodes.csv,
 * relationships.csv and csv-metadata.json, so the metadata travels with its tables.
 */
export function toCsvwZip(graph: ExportGraph): Uint8Array<ArrayBuffer> {
  const stamp = stampOf(graph.metadata);
  const folder = `${stamp.id}-v${stamp.version}-tables`;
  const tables = toCsvwTables(graph);
  return zipSync(
    {
      [`${folder}/${CSVW_FILES.nodes}`]: strToU8(tables.nodes),
      [`${folder}/${CSVW_FILES.relationships}`]: strToU8(tables.relationships),
      [`${folder}/${CSVW_FILES.metadata}`]: strToU8(csvwMetadataText(tables.metadata)),
    },
    // A fixed time stamp, as the bundle's: the same data give the same zip.
    { level: 6, mtime: new Date('2022-11-29T00:00:00Z') },
  ).slice();
}
