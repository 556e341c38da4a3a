import { DATASET_SOURCE, DATASET_TITLE, type DatasetStamp } from '../dataset';
import { type ExportGraph, type Properties, stampOf } from './export-graph';

/**
 * The graph as plain JSON, for any language's JSON reader: the dataset's version,
 * fingerprint, citation, source and licence first, then nodes and relationships with every
 * stored property, lists as arrays. Nothing tool-specific (Cytoscape's envelope is .cyjs).
 */

export interface JsonExport {
  dataset: DatasetStamp & {
    title: string;
    source: typeof DATASET_SOURCE;
  };
  export: { title: string; source: string; exported: string; language: string };
  counts: { nodes: number; relationships: number };
  nodes: { id: string; label: string; properties: Properties }[];
  relationships: {
    id: string;
    type: string;
    start: string;
    end: string;
    properties: Properties;
  }[];
}

export function toJsonExport(graph: ExportGraph): JsonExport {
  const { metadata, nodes, edges } = graph;
  return {
    dataset: { ...stampOf(metadata), title: DATASET_TITLE, source: DATASET_SOURCE },
    export: {
      title: metadata.title,
      source: metadata.source,
      exported: metadata.exportedAt,
      language: metadata.language,
    },
    counts: { nodes: nodes.length, relationships: edges.length },
    nodes: nodes.map((n) => ({ id: n.id, label: n.kind, properties: n.properties })),
    relationships: edges.map((e) => ({
      id: e.id,
      type: e.type,
      start: e.source,
      end: e.target,
      properties: e.properties,
    })),
  };
}

export function toJson(graph: ExportGraph): string {
  return `${JSON.stringify(toJsonExport(graph), null, 2)}\n`;
}
