/**
 * Cytoscape.js elements (its JSON format) from plain rows: pure, no driver types,
 * shared by every endpoint that returns a piece of the graph.
 */
import type { Plain } from './plain';

export interface NodeData {
  id: string;
  kind: string;
  name_ja: string;
  name_en: string;
  [key: string]: Plain;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  [key: string]: Plain;
}

export interface Elements {
  nodes: { data: NodeData; position?: { x: number; y: number } }[];
  edges: { data: EdgeData }[];
}

/** Properties small enough to travel with every node of a view; long texts come with details. */
export const COMPACT_NODE_KEYS = [
  'ref',
  'pillar_ref',
  'area_ref',
  'parent_ref',
  'level',
  'title_ja',
  'title_en',
  'country',
  'soft',
  'direction',
  'action',
  'status',
  // Dates that go with status: the badge says since when, or as of when, it holds; and what
  // the plan said and when it was signed, for its status as of an earlier day.
  'in_force',
  'status_as_of',
  'status_in_plan',
  'signed',
  'agreement_type',
  'program_type',
  'scope',
  'agency_type',
  'place_type',
  'year',
  'quantity',
] as const;

export interface NodeRow {
  id: Plain;
  kind: Plain;
  props: Plain;
}

export interface EdgeRow {
  key: Plain;
  source: Plain;
  target: Plain;
  type: Plain;
  props: Plain;
}

function asRecord(value: Plain): Record<string, Plain> {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

export function toNodeElement(row: NodeRow): { data: NodeData } {
  const props = asRecord(row.props);
  const data: NodeData = {
    id: String(row.id),
    kind: String(row.kind),
    name_ja: String(props.name_ja ?? row.id),
    name_en: String(props.name_en ?? row.id),
  };
  for (const key of COMPACT_NODE_KEYS)
    if (props[key] !== undefined && props[key] !== null) data[key] = props[key];
  return { data };
}

export function toEdgeElement(row: EdgeRow): { data: EdgeData } {
  const props = asRecord(row.props);
  const data: EdgeData = {
    id: String(row.key),
    source: String(row.source),
    target: String(row.target),
    type: String(row.type),
  };
  for (const key of ['evidence', 'role', 'cue', 'basis'] as const) {
    if (props[key] !== undefined && props[key] !== null) data[key] = props[key];
  }
  return { data };
}

/** Nodes and the edges whose both ends are among them, each element once. */
export function toElements(nodeRows: NodeRow[], edgeRows: EdgeRow[]): Elements {
  const nodes = new Map<string, { data: NodeData }>();
  for (const row of nodeRows) nodes.set(String(row.id), toNodeElement(row));
  const edges = new Map<string, { data: EdgeData }>();
  for (const row of edgeRows) {
    const edge = toEdgeElement(row);
    if (nodes.has(edge.data.source) && nodes.has(edge.data.target)) edges.set(edge.data.id, edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
