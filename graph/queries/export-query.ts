import type {
  ExportEdge,
  ExportNode,
  Properties,
  PropertyValue,
  Scalar,
} from '../../core/formats/export-graph';
import type { Plain } from '../../core/plain';
import type { Graph } from '../graph';
import { readViewRows, type ViewFilter } from './view-query';

export interface ExportView {
  nodes: ExportNode[];
  edges: ExportEdge[];
  truncated: boolean;
  total: number;
}

function isScalar(value: Plain): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Stored properties as export values. Neo4j stores scalars and lists of them; temporal
 * values arrive as ISO strings from toPlain. Nothing else can be stored, but a value that
 * is not a scalar or list of scalars is kept as its JSON text rather than lost.
 */
export function toProperties(props: Plain): Properties {
  const out: Properties = {};
  if (!props || typeof props !== 'object' || Array.isArray(props)) return out;
  for (const [key, value] of Object.entries(props)) {
    if (value === null) continue;
    let converted: PropertyValue;
    if (isScalar(value)) converted = value;
    else if (Array.isArray(value) && value.every(isScalar)) converted = value;
    else converted = JSON.stringify(value);
    out[key] = converted;
  }
  return out;
}

/**
 * A view with every property of its nodes and relationships, for the export formats:
 * the same filters, order and limit as the view the client draws.
 */
export async function readExportView(graph: Graph, filter: ViewFilter): Promise<ExportView> {
  const { nodeRows, edgeRows, truncated, total } = await readViewRows(graph, filter, 'all');
  const nodes = nodeRows.map((row) => ({
    id: String(row.id),
    kind: String(row.kind),
    properties: toProperties(row.props),
  }));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = edgeRows
    .map((row) => ({
      id: String(row.key),
      source: String(row.source),
      target: String(row.target),
      type: String(row.type),
      properties: toProperties(row.props),
    }))
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    // The query returns relationships in no set order; a file that is diffed should not churn.
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { nodes, edges, truncated, total };
}
