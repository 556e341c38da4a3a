import { isNodeKind, KIND_STYLES } from '../../model/palette';
import type { Lang } from '../../model/state';
import {
  type GraphNode,
  type GraphRelationship,
  isGraphNode,
  isGraphPath,
  isGraphRelationship,
  type Plain,
  type Row,
} from './cypher-types';
import { kindLabels, nodeName } from './values';

/** Node data as the explorer's stylesheet reads it: kind (first label), label and size. */
export interface ResultNodeData {
  id: string;
  kind: string;
  label: string;
  size: number;
  labels: string[];
  soft?: boolean;
}

export interface ResultEdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
}

export interface ResultGraph {
  nodes: ResultNodeData[];
  edges: ResultEdgeData[];
  /** Relationships returned without one of their nodes: they cannot be drawn. */
  undrawn: number;
}

const DEFAULT_SIZE = 30;

export function nodeData(node: GraphNode, lang: Lang): ResultNodeData {
  const kind = kindLabels(node.labels)[0] ?? '';
  const data: ResultNodeData = {
    id: node.elementId,
    kind,
    label: nodeName(node, lang) ?? kind,
    size: isNodeKind(kind) ? KIND_STYLES[kind].size : DEFAULT_SIZE,
    labels: node.labels,
  };
  // The explorer draws soft commitments with a dashed border; so does the workbench.
  if (node.properties.soft === true) data.soft = true;
  return data;
}

/**
 * Every node, relationship and path anywhere in the rows (inside lists and maps too), once
 * each by elementId, as Cytoscape element data.
 */
export function resultGraph(rows: readonly Row[], lang: Lang): ResultGraph {
  const nodes = new Map<string, ResultNodeData>();
  const relationships = new Map<string, GraphRelationship>();
  const addNode = (node: GraphNode) => {
    if (!nodes.has(node.elementId)) nodes.set(node.elementId, nodeData(node, lang));
  };
  const visit = (value: Plain): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (isGraphNode(value)) {
      addNode(value);
    } else if (isGraphRelationship(value)) {
      relationships.set(value.elementId, value);
    } else if (isGraphPath(value)) {
      addNode(value.start);
      for (const segment of value.segments) {
        addNode(segment.start);
        addNode(segment.end);
        relationships.set(segment.relationship.elementId, segment.relationship);
      }
    } else {
      for (const inner of Object.values(value)) visit(inner);
    }
  };
  for (const row of rows) for (const value of Object.values(row)) visit(value);
  const edges: ResultEdgeData[] = [];
  let undrawn = 0;
  for (const r of relationships.values()) {
    if (nodes.has(r.start) && nodes.has(r.end))
      edges.push({ id: r.elementId, source: r.start, target: r.end, type: r.type });
    else undrawn++;
  }
  return { nodes: [...nodes.values()], edges, undrawn };
}
