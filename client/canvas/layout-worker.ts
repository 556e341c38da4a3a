/// <reference lib="webworker" />
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import type { LayoutName } from '../model/state';
import { layoutOptions } from './layouts';

cytoscape.use(fcose);
cytoscape.use(dagre);

export interface WorkerNode {
  id: string;
  kind: string;
  size: number;
}

export interface LayoutRequest {
  id: number;
  name: Exclude<LayoutName, 'preset' | 'clusters'>;
  nodes: WorkerNode[];
  edges: { id: string; source: string; target: string; type: string }[];
}

export interface LayoutResponse {
  id: number;
  positions: Record<string, { x: number; y: number }>;
}

const STRUCTURE = ['Plan', 'Pillar', 'Area', 'Commitment'];

/** The plan → pillar → area → commitment tree laid out by dagre; actors and instruments in a column beside the commitments they serve. */
function hierarchy(cy: cytoscape.Core): void {
  const structure = cy.nodes().filter((n) => STRUCTURE.includes(n.data('kind')));
  const tree = structure.union(
    structure.edgesWith(structure).filter((e) => e.data('type') === 'PART_OF'),
  );
  tree.layout(layoutOptions('hierarchy')).run();
  const box = structure.boundingBox({});
  const others = cy.nodes().difference(structure);
  const anchorY = (n: cytoscape.NodeSingular) => {
    const ys = n
      .neighborhood()
      .nodes()
      .intersection(structure)
      .nodes()
      .map((m) => m.position().y);
    return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : box.y2;
  };
  const ordered = others.sort(
    (a, b) => anchorY(a as cytoscape.NodeSingular) - anchorY(b as cytoscape.NodeSingular),
  );
  const step = Math.max(34, (box.h || 600) / Math.max(ordered.length, 1));
  ordered.nodes().forEach((n, i) => {
    n.position({ x: box.x2 + 320 + (i % 2) * 140, y: box.y1 + i * step });
  });
}

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const { id, name, nodes, edges } = e.data;
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...nodes.map((n) => ({ data: { id: n.id, kind: n.kind, size: n.size } })),
      ...edges.map((edge) => ({ data: edge })),
    ],
    style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
  });
  if (name === 'hierarchy') hierarchy(cy);
  else cy.layout(layoutOptions(name)).run();
  const positions: LayoutResponse['positions'] = {};
  cy.nodes().forEach((n) => {
    positions[n.id()] = { ...n.position() };
  });
  cy.destroy();
  const response: LayoutResponse = { id, positions };
  self.postMessage(response);
};
