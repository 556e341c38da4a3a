import { type ExportGraph, nodeLabel, type PropertyValue, stampOf } from './export-graph';

/**
 * Cytoscape desktop's .cyjs file (File → Import → Network from File): Cytoscape.js
 * elements inside a small envelope, so the same file also loads into Cytoscape.js with
 * cy.add(file.elements). Lists stay lists: Cytoscape makes them list columns.
 */

type Data = Record<string, PropertyValue>;

export interface CyjsFile {
  format_version: string;
  generated_by: string;
  target_cytoscapejs_version: string;
  data: Data;
  elements: {
    nodes: { data: Data; position?: { x: number; y: number } }[];
    edges: { data: Data }[];
  };
}

export function toCyjs(graph: ExportGraph): string {
  const { metadata } = graph;
  const stamp = stampOf(metadata);
  const file: CyjsFile = {
    format_version: '1.0',
    generated_by: 'Kizuna',
    target_cytoscapejs_version: '~3.34',
    data: {
      name: metadata.title,
      shared_name: metadata.title,
      source: metadata.source,
      exported: metadata.exportedAt,
      language: metadata.language,
      dataset: stamp.id,
      version: stamp.version,
      fingerprint: stamp.fingerprint,
      citation: stamp.citation,
      source_url: stamp.sourceUrl,
      license: stamp.license,
    },
    elements: {
      // Identity fields come last so a stored property of the same name cannot replace them;
      // `name` is the column Cytoscape labels nodes with.
      nodes: graph.nodes.map((node) => ({
        data: {
          ...node.properties,
          id: node.id,
          kind: node.kind,
          name: nodeLabel(node, metadata.language),
        },
        ...(node.position ? { position: { x: node.position.x, y: node.position.y } } : {}),
      })),
      // `interaction` is the column Cytoscape keeps an edge's type in.
      edges: graph.edges.map((edge) => ({
        data: {
          ...edge.properties,
          id: edge.id,
          source: edge.source,
          target: edge.target,
          type: edge.type,
          interaction: edge.type,
        },
      })),
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
