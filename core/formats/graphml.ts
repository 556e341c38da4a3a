import { type Column, type ColumnType, listText, propertyColumns } from './columns';
import { type ExportGraph, nodeLabel, type Properties, stampOf } from './export-graph';
import { nmtoken, xmlAttr, xmlComment, xmlText } from './xml';

/**
 * GraphML 1.0 (http://graphml.graphdrawing.org/) as yEd, Gephi and Cytoscape desktop read
 * it: every attribute declared once with a <key> and its attr.type, values in <data>.
 * Plain GraphML only, valid against the GraphML schema; yEd's graphics extension (labels,
 * shapes) would not be, so in yEd the label arrives as a data attribute like the others.
 *
 * GraphML has no list type. A key whose values are lists is declared attr.type="string"
 * and its values are JSON arrays (["自衛隊","SDF"]); the key says so in its <desc>
 * ("list of string, JSON array", LIST_DESC), so a reader knows to JSON-parse it and gets
 * the original array back, typed (numbers and booleans stay numbers and booleans).
 */

/** The <desc> of a key whose values are JSON arrays: "list of <element type>, JSON array". */
export const LIST_DESC = (elementType: ColumnType) => `list of ${elementType}, JSON array`;

/** Attributes the export adds; a stored property of the same name would clash, so they win. */
const NODE_ATTRIBUTES = ['kind', 'label', 'x', 'y'];
const EDGE_ATTRIBUTES = ['type', 'label'];

interface Key {
  id: string;
  domain: 'graph' | 'node' | 'edge';
  name: string;
  type: ColumnType;
  /** The element type when the values are lists (written as JSON arrays). */
  list?: ColumnType;
}

/** attr.name must be an NMTOKEN too; property names are identifiers, so this rarely bites. */
function attrName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_') || '_';
}

type Declared = Pick<Key, 'name' | 'type' | 'list'>;

function declareKeys(domain: Key['domain'], columns: Declared[]): Key[] {
  const used = new Set<string>();
  return columns.map(({ name, type, list }) => {
    let id = `${domain}.${attrName(name)}`;
    for (let n = 2; used.has(id); n++) id = `${domain}.${attrName(name)}.${n}`;
    used.add(id);
    return list ? { id, domain, name, type, list } : { id, domain, name, type };
  });
}

function data(key: Key, value: string): string {
  return `<data key="${xmlAttr(key.id)}">${xmlText(value)}</data>`;
}

function propertyData(keys: Key[], properties: Properties, indent: string): string[] {
  const lines: string[] = [];
  for (const key of keys) {
    const value = properties[key.name];
    if (value !== undefined) lines.push(`${indent}${data(key, listText(value))}`);
  }
  return lines;
}

/** Declared types for property columns: lists are strings holding JSON arrays. */
function declared(columns: Column[]): Declared[] {
  return columns.map((c) =>
    c.list ? { name: c.name, type: 'string', list: c.type } : { name: c.name, type: c.type },
  );
}

function keyElement(k: Key): string {
  const open = `  <key id="${xmlAttr(k.id)}" for="${k.domain}" attr.name="${xmlAttr(attrName(k.name))}" attr.type="${k.type}"`;
  return k.list ? `${open}><desc>${xmlText(LIST_DESC(k.list))}</desc></key>` : `${open}/>`;
}

export function toGraphml(graph: ExportGraph): string {
  const { metadata, nodes, edges } = graph;
  const positioned = nodes.some((n) => n.position);
  const graphKeys = declareKeys('graph', [
    { name: 'title', type: 'string' },
    { name: 'source', type: 'string' },
    { name: 'exported', type: 'string' },
    { name: 'language', type: 'string' },
    { name: 'dataset', type: 'string' },
    { name: 'version', type: 'string' },
    { name: 'fingerprint', type: 'string' },
    { name: 'citation', type: 'string' },
    { name: 'source_url', type: 'string' },
    { name: 'license', type: 'string' },
  ]);
  const [kindKey, nodeLabelKey, xKey, yKey, ...nodeKeys] = declareKeys('node', [
    { name: 'kind', type: 'string' },
    { name: 'label', type: 'string' },
    { name: 'x', type: 'double' },
    { name: 'y', type: 'double' },
    ...declared(propertyColumns(nodes, ['id', ...NODE_ATTRIBUTES])),
  ]) as [Key, Key, Key, Key, ...Key[]];
  const [typeKey, edgeLabelKey, ...edgeKeys] = declareKeys('edge', [
    { name: 'type', type: 'string' },
    { name: 'label', type: 'string' },
    ...declared(propertyColumns(edges, EDGE_ATTRIBUTES)),
  ]) as [Key, Key, ...Key[]];

  const allKeys = [
    ...graphKeys,
    kindKey,
    nodeLabelKey,
    ...(positioned ? [xKey, yKey] : []),
    ...nodeKeys,
    typeKey,
    edgeLabelKey,
    ...edgeKeys,
  ];
  const stamp = stampOf(metadata);
  const graphValues = [
    metadata.title,
    metadata.source,
    metadata.exportedAt,
    metadata.language,
    stamp.id,
    stamp.version,
    stamp.fingerprint,
    stamp.citation,
    stamp.sourceUrl,
    stamp.license,
  ];

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- ${xmlComment(stamp.citation)} -->`,
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...allKeys.map(keyElement),
    '  <graph id="kizuna" edgedefault="directed">',
    ...graphKeys.map((k, i) => `    ${data(k, graphValues[i]!)}`),
  ];
  for (const node of nodes) {
    lines.push(`    <node id="${xmlAttr(nmtoken(node.id))}">`);
    lines.push(`      ${data(kindKey, node.kind)}`);
    lines.push(`      ${data(nodeLabelKey, nodeLabel(node, metadata.language))}`);
    if (node.position) {
      lines.push(`      ${data(xKey, String(node.position.x))}`);
      lines.push(`      ${data(yKey, String(node.position.y))}`);
    }
    lines.push(...propertyData(nodeKeys, node.properties, '      '));
    lines.push('    </node>');
  }
  for (const edge of edges) {
    lines.push(
      `    <edge id="${xmlAttr(nmtoken(edge.id))}" source="${xmlAttr(nmtoken(edge.source))}" target="${xmlAttr(nmtoken(edge.target))}">`,
    );
    lines.push(`      ${data(typeKey, edge.type)}`);
    lines.push(`      ${data(edgeLabelKey, edge.type)}`);
    lines.push(...propertyData(edgeKeys, edge.properties, '      '));
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
