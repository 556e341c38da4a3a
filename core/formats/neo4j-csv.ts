import { type Column, propertyColumns, valueText } from './columns';
import { csvRecord } from './csv';
import type { ExportGraph, PropertyValue } from './export-graph';

/**
 * nodes.csv and relationships.csv in the header format of `neo4j-admin database import`
 * (https://neo4j.com/docs/operations-manual/current/tools/neo4j-admin/neo4j-admin-import/),
 * quoted as RFC 4180 says. Texts span lines (the plan's preamble does), so import with
 *
 *   neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \
 *     --array-delimiter=";" --multiline-fields=true <database>
 *
 * The import cannot express an empty list: a property holding [] is left out.
 */

export const ARRAY_DELIMITER = ';';

export interface Neo4jCsv {
  nodes: string;
  relationships: string;
}

/**
 * Quoted as every CSV of the app is (csv.ts), and always when empty: neo4j-admin reads an
 * unquoted empty field as no value at all, and null here means exactly that.
 */
function line(fields: (string | null)[]): string {
  return csvRecord(fields, { quoteEmpty: true });
}

function header(column: Column): string {
  return `${column.name}:${column.type}${column.list ? '[]' : ''}`;
}

/** Absent values and empty lists become unquoted empty fields: no property. */
function cell(value: PropertyValue | undefined, column: Column, owner: string): string | null {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return null;
  if (column.list && Array.isArray(value)) {
    const clash = value.find((v) => String(v).includes(ARRAY_DELIMITER));
    if (clash !== undefined) {
      throw new Error(
        `${owner}: "${column.name}" holds ${JSON.stringify(clash)}, which contains the array delimiter "${ARRAY_DELIMITER}" neo4j-admin would split it at.`,
      );
    }
  }
  // A key holding lists on some items and scalars on others is a text column.
  return valueText(value, column.list ? ARRAY_DELIMITER : ' / ');
}

export function toNeo4jNodesCsv(graph: ExportGraph): string {
  const columns = propertyColumns(graph.nodes, ['id']);
  const lines = [line(['id:ID', ':LABEL', ...columns.map(header)])];
  for (const node of graph.nodes) {
    const cells = columns.map((c) => cell(node.properties[c.name], c, `node ${node.id}`));
    lines.push(line([node.id, node.kind, ...cells]));
  }
  return lines.join('');
}

export function toNeo4jRelationshipsCsv(graph: ExportGraph): string {
  const columns = propertyColumns(graph.edges);
  const lines = [line([':START_ID', ':END_ID', ':TYPE', ...columns.map(header)])];
  for (const edge of graph.edges) {
    const cells = columns.map((c) => cell(edge.properties[c.name], c, `relationship ${edge.id}`));
    lines.push(line([edge.source, edge.target, edge.type, ...cells]));
  }
  return lines.join('');
}

/** Both files of one import. */
export function toNeo4jCsv(graph: ExportGraph): Neo4jCsv {
  return { nodes: toNeo4jNodesCsv(graph), relationships: toNeo4jRelationshipsCsv(graph) };
}
