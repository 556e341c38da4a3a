import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import cytoscapeSvg from 'cytoscape-svg';
import type { ExportFormatName } from '../../core/formats/export-formats';
import type { Elements, NodeData } from '../api';
import type { BriefRequest } from '../export/brief';
import type { BriefOutput, Diagram, DiagramRequest } from '../export/diagram-export';
import { isNodeKind, KIND_STYLES } from '../model/palette';
import type { AppState, LayoutName, Metric } from '../model/state';
import { underpinsLayout } from '../model/underpins-layout';
import type { Visible } from '../model/visibility';
import { stylesheet } from './cy-style';
import { layoutOptions } from './layouts';

cytoscape.use(fcose);
cytoscape.use(dagre);
cytoscape.use(cytoscapeSvg);

/** What the page offers the end-to-end tests, the benchmarks and `npm run export`. */
export interface KizunaHandle {
  cy: cytoscape.Core;
  diagram?(request: Partial<DiagramRequest>): Diagram;
  png?(diagram: Diagram, scale: number, background: 'white' | 'transparent'): Promise<string>;
  data?(format: ExportFormatName): string;
  brief?(request: BriefRequest & { pptx?: boolean }): Promise<BriefOutput>;
}

declare global {
  interface Window {
    kizuna?: KizunaHandle;
  }
}

export interface CanvasEvents {
  select(id: string | null): void;
  expand(id: string): void;
  hover(node: { id: string; x: number; y: number } | null): void;
}

export interface Highlights {
  hit: string | null;
  pathNodes: string[];
  pathEdges: string[];
}

export interface Canvas {
  cy: cytoscape.Core;
  /** Adds elements not yet on the canvas; new nodes start near their neighbours. */
  add(elements: Elements): void;
  render(state: AppState, visible: Visible, highlights: Highlights): void;
  layout(name: LayoutName, visible: Visible, nameOf: (id: string) => string): void;
  center(id: string): void;
  fit(): void;
  /** Frames these nodes (a path found, say). */
  fitTo(ids: string[]): void;
  /** Degree, betweenness and PageRank of every shown node, for the table view. */
  scores(): Map<string, Scores>;
}

export interface Scores {
  degree: number;
  betweenness: number;
  pagerank: number;
}

const baseSize = (kind: string) => (isNodeKind(kind) ? KIND_STYLES[kind].size : 30);

export function createCanvas(container: HTMLElement, events: CanvasEvents): Canvas {
  const cy = cytoscape({
    container,
    style: stylesheet(),
    minZoom: 0.05,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    boxSelectionEnabled: false,
  });
  const defaultPositions: Record<string, { x: number; y: number }> = {};
  // A handle for the end-to-end tests and the render benchmark, which read the canvas itself.
  window.kizuna = { cy };

  cy.on('tap', 'node', (e) => events.select(e.target.id()));
  cy.on('tap', (e) => {
    if (e.target === cy) events.select(null);
  });
  cy.on('dbltap', 'node', (e) => events.expand(e.target.id()));
  cy.on('mouseover', 'node', (e) => {
    const p = e.target.renderedPosition();
    events.hover({ id: e.target.id(), x: p.x, y: p.y });
  });
  cy.on('mouseout', 'node', () => events.hover(null));

  function add(elements: Elements): void {
    const fresh = elements.nodes.filter((n) => cy.getElementById(n.data.id).empty());
    cy.batch(() => {
      cy.add(
        fresh.map((n) => {
          if (n.position) defaultPositions[n.data.id] = n.position;
          return {
            group: 'nodes' as const,
            data: { ...n.data, size: baseSize(n.data.kind) },
            position: n.position,
          };
        }),
      );
      cy.add(
        elements.edges
          .filter((e) => cy.getElementById(e.data.id).empty())
          .map((e) => ({ group: 'edges' as const, data: e.data })),
      );
    });
    // Nodes without a precomputed place start beside the neighbours they came with.
    for (const n of fresh) {
      if (n.position) continue;
      const node = cy.getElementById(n.data.id);
      const placed = node
        .neighborhood()
        .nodes()
        .filter((m) => defaultPositions[m.id()] !== undefined || m.position().x !== 0);
      if (placed.nonempty()) {
        const c = placed.boundingBox({});
        node.position({
          x: (c.x1 + c.x2) / 2 + (Math.random() - 0.5) * 120,
          y: (c.y1 + c.y2) / 2 + (Math.random() - 0.5) * 120,
        });
      }
    }
  }

  function sizes(metric: Metric, shown: cytoscape.CollectionReturnValue): Map<string, number> {
    const out = new Map<string, number>();
    if (metric === 'none') return out;
    const nodes = shown.nodes();
    let score: (n: cytoscape.NodeSingular) => number;
    if (metric === 'degree')
      score = (n) => n.edgesWith(nodes).filter((e) => shown.contains(e)).length;
    else if (metric === 'betweenness') {
      const b = shown.betweennessCentrality({ directed: false });
      score = (n) => b.betweenness(n);
    } else {
      const pr = shown.pageRank({});
      score = (n) => pr.rank(n);
    }
    const values = nodes.map((n) => score(n));
    const max = Math.max(...values, 1e-9);
    nodes.forEach((n, i) => {
      out.set(n.id(), 18 + 62 * Math.sqrt((values[i] ?? 0) / max));
    });
    return out;
  }

  function render(state: AppState, visible: Visible, hl: Highlights): void {
    cy.batch(() => {
      const pathNodes = new Set(hl.pathNodes);
      const pathEdges = new Set(hl.pathEdges);
      const dimOthers = pathNodes.size > 0;
      cy.nodes().forEach((node) => {
        const d = node.data() as NodeData;
        node.data('label', state.lang === 'ja' ? d.name_ja : d.name_en);
        node.toggleClass('gone', !visible.nodes.has(node.id()));
        node.toggleClass('chosen', state.selected === node.id());
        node.toggleClass('hit', hl.hit === node.id());
        node.toggleClass('on-path', pathNodes.has(node.id()));
        node.toggleClass('path-end', state.path.from === node.id() || state.path.to === node.id());
        node.toggleClass('expanded', state.expanded.includes(node.id()));
        node.toggleClass('dim', dimOthers && !pathNodes.has(node.id()));
      });
      cy.edges().forEach((edge) => {
        edge.toggleClass('gone', !visible.edges.has(edge.id()));
        edge.toggleClass('on-path', pathEdges.has(edge.id()));
        edge.toggleClass('dim', dimOthers && !pathEdges.has(edge.id()));
      });
      const shown = cy.elements().not('.gone');
      const metricSizes = sizes(state.metric, shown);
      cy.nodes().forEach((node) => {
        node.data('size', metricSizes.get(node.id()) ?? baseSize(node.data('kind')));
      });
    });
  }

  function layout(name: LayoutName, visible: Visible, nameOf: (id: string) => string): void {
    const shown = cy
      .elements()
      .filter((el) => (el.isNode() ? visible.nodes.has(el.id()) : visible.edges.has(el.id())));
    if (name === 'underpins') {
      const { positions } = underpinsLayout(
        shown.nodes().map((n) => n.data()),
        shown.edges().map((e) => e.data()),
        nameOf,
      );
      shown.layout(layoutOptions('preset', positions)).run();
      return;
    }
    if (name === 'hierarchy') {
      hierarchy(shown);
      return;
    }
    shown.layout(layoutOptions(name, defaultPositions)).run();
  }

  /** The plan → pillar → area → commitment tree laid out by dagre; actors and instruments in a column beside the commitments they serve. */
  function hierarchy(shown: cytoscape.CollectionReturnValue): void {
    const structure = shown
      .nodes()
      .filter((n) => ['Plan', 'Pillar', 'Area', 'Commitment'].includes(n.data('kind')));
    const tree = structure.union(
      structure
        .edgesWith(structure)
        .filter((e) => e.data('type') === 'PART_OF' && shown.contains(e)),
    );
    tree.layout(layoutOptions('hierarchy')).run();
    const box = structure.boundingBox({});
    const others = shown.nodes().difference(structure);
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
    cy.fit(shown, 30);
  }

  return {
    cy,
    add,
    render,
    layout,
    center(id) {
      const node = cy.getElementById(id);
      if (node.nonempty())
        cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.1) }, { duration: 300 });
    },
    fit() {
      cy.fit(cy.elements().not('.gone'), 30);
    },
    fitTo(ids) {
      const nodes = cy.nodes().filter((n) => ids.includes(n.id()));
      if (nodes.nonempty()) cy.animate({ fit: { eles: nodes, padding: 60 } }, { duration: 300 });
    },
    scores() {
      const shown = cy.elements().not('.gone');
      const nodes = shown.nodes();
      const b = shown.betweennessCentrality({ directed: false });
      const pr = shown.pageRank({});
      const out = new Map<string, Scores>();
      nodes.forEach((n) => {
        out.set(n.id(), {
          degree: n.edgesWith(nodes).filter((e) => shown.contains(e)).length,
          betweenness: b.betweenness(n),
          pagerank: pr.rank(n),
        });
      });
      return out;
    },
  };
}
