import { type Column, type ColumnType, listText, propertyColumns } from './columns';
import { type ExportGraph, nodeLabel, type Properties, stampOf } from './export-graph';
import { xmlAttr, xmlText } from './xml';

/**
 * GEXF 1.3 (https://gexf.net/), Gephi's own format: static attributes declared per class,
 * node labels in the export's language, and viz:position where the client laid nodes out.
 */

/**
 * GEXF 1.3's list types for lists (liststring, listinteger …); a value is written as a
 * bracketed array, JSON-encoded (["自衛隊","SDF"]), which Gephi reads and a JSON parser
 * gives back exactly, elements with commas or quotes included.
 */
const GEXF_LIST_TYPES: Record<ColumnType, string> = {
  boolean: 'listboolean',
  int: 'listinteger',
  long: 'listlong',
  double: 'listdouble',
  string: 'liststring',
};

const GEXF_TYPES: Record<ColumnType, string> = {
  boolean: 'boolean',
  int: 'integer',
  long: 'long',
  double: 'double',
  string: 'string',
};

/** The kind and type travel as attributes; stored properties of those names would clash. */
const NODE_ATTRIBUTES = ['kind'];
const EDGE_ATTRIBUTES = ['type'];

function declare(domain: 'node' | 'edge', columns: Column[]): string[] {
  return [
    `    <attributes class="${domain}" mode="static">`,
    ...columns.map(
      (c) =>
        `      <attribute id="${xmlAttr(c.name)}" title="${xmlAttr(c.name)}" type="${c.list ? GEXF_LIST_TYPES[c.type] : GEXF_TYPES[c.type]}"/>`,
    ),
    '    </attributes>',
  ];
}

function attvalues(columns: Column[], properties: Properties): string[] {
  const values = columns
    .filter((c) => properties[c.name] !== undefined)
    .map(
      (c) =>
        `          <attvalue for="${xmlAttr(c.name)}" value="${xmlAttr(listText(properties[c.name]!))}"/>`,
    );
  return values.length > 0 ? ['        <attvalues>', ...values, '        </attvalues>'] : [];
}

export function toGexf(graph: ExportGraph): string {
  const { metadata, nodes, edges } = graph;
  const stamp = stampOf(metadata);
  const kind: Column = { name: 'kind', type: 'string', list: false };
  const type: Column = { name: 'type', type: 'string', list: false };
  const nodeColumns = [kind, ...propertyColumns(nodes, ['id', ...NODE_ATTRIBUTES])];
  const edgeColumns = [type, ...propertyColumns(edges, EDGE_ATTRIBUTES)];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${xmlAttr(metadata.exportedAt)}">`,
    '    <creator>Kizuna</creator>',
    `    <keywords>${xmlText(`${stamp.id}, version ${stamp.version}, sha256:${stamp.fingerprint}, ${stamp.license}`)}</keywords>`,
    `    <description>${xmlText(`${metadata.title}. ${metadata.source} (${stamp.sourceUrl}). Labels: ${metadata.language}. Dataset ${stamp.id} version ${stamp.version}, fingerprint sha256:${stamp.fingerprint}. Cite as: ${stamp.citation}`)}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    ...declare('node', nodeColumns),
    ...declare('edge', edgeColumns),
    '    <nodes>',
  ];
  for (const node of nodes) {
    lines.push(
      `      <node id="${xmlAttr(node.id)}" label="${xmlAttr(nodeLabel(node, metadata.language))}">`,
      ...attvalues(nodeColumns, { ...node.properties, kind: node.kind }),
    );
    if (node.position)
      lines.push(`        <viz:position x="${node.position.x}" y="${node.position.y}" z="0"/>`);
    lines.push('      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  for (const edge of edges) {
    lines.push(
      `      <edge id="${xmlAttr(edge.id)}" source="${xmlAttr(edge.source)}" target="${xmlAttr(edge.target)}" label="${xmlAttr(edge.type)}">`,
      ...attvalues(edgeColumns, { ...edge.properties, type: edge.type }),
      '      </edge>',
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
