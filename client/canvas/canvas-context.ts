import cytoscape from 'cytoscape';
import cytoscapeSvg from 'cytoscape-svg';
import type { ClusterLayout } from '../model/cluster-layout';
import type { RoomFont } from '../model/node-labels';
import type { LayoutName } from '../model/state';
import type { Visible } from '../model/visibility';
import { stylesheet } from './cy-style';

cytoscape.use(cytoscapeSvg);

/** What the page hears from the canvas. */
export interface CanvasEvents {
  select(id: string | null): void;
  expand(id: string): void;
  /** A node or edge under the pointer or the keyboard focus, in canvas coordinates; null when none. */
  hover(target: { kind: 'node' | 'edge'; id: string; x: number; y: number } | null): void;
  /** The set of nodes selected on the canvas (shift-click, box) changed. */
  selectionChanged(): void;
}

export interface Highlights {
  hit: string | null;
  pathNodes: string[];
  pathEdges: string[];
}

/** An arrangement as asked for: its name and what was shown then. */
export interface LaidOut {
  name: LayoutName | 'underpins';
  visible: Visible;
  /** The canvas's size it was laid out for. */
  size: { w: number; h: number };
}

/**
 * What the canvas's controllers share: the Cytoscape instance, its box, the page's callbacks,
 * and the state more than one controller reads. State only one controller needs stays inside it.
 */
export interface CanvasContext {
  cy: cytoscape.Core;
  container: HTMLElement;
  events: CanvasEvents;
  /** Whether the user zoomed or panned on purpose since the last fit: then a resize keeps their view. */
  userMoved: boolean;
  /**
   * A framing asked for while the canvas was changing size (a panel opening beside it): it
   * waits for the new size, and replaces what a resize would otherwise do to the view.
   */
  afterResize: (() => void) | null;
  /** Pixels at the canvas's top that a bar over it covers (a focus, hidden nodes): framing leaves them clear. */
  insetTop: number;
  /** The last arrangement laid out: "what underpins what" is laid out again for a new canvas size. */
  lastLayout: LaidOut | null;
  /** The clustered overview as last laid out (its label sizes), or null when another arrangement is shown. */
  cluster: (ClusterLayout & { lang: string }) | null;
  /** The page's language as last rendered. */
  lang: string;
  /** Whether node sizes follow a measure (degree, betweenness, PageRank) rather than the kind. */
  metricSized: boolean;
  /**
   * Labels left out because they would cover another, bigger or more connected, label
   * (label-declutter.ts). Only in the arrangements computed without regard to labels:
   * the overview and "what underpins what" place their titles apart themselves.
   */
  cluttered: Set<string>;
  /**
   * Nodes of the overview given readable labels because only a few are shown (a focus, a
   * path): their names on up to three lines, decluttered, instead of the grid's refs and cuts.
   */
  readable: Map<string, RoomFont>;
  /** What is shown, as last rendered. */
  shownNow: Visible;
  /** The places nodes came with, for the "preset" arrangement. */
  defaultPositions: Record<string, { x: number; y: number }>;
  /**
   * Declutters the labels and sets the level of detail now if a render left them for later
   * (label-settle.ts): anything that measures the picture (a framing) calls it first.
   */
  settleLabels(): void;
}

export function createCanvasContext(container: HTMLElement, events: CanvasEvents): CanvasContext {
  const cy = cytoscape({
    container,
    style: stylesheet(),
    minZoom: 0.05,
    maxZoom: 4,
    // Shift-drag draws a selection box; a plain drag still pans.
    boxSelectionEnabled: true,
  });
  return {
    cy,
    container,
    events,
    userMoved: false,
    afterResize: null,
    insetTop: 0,
    lastLayout: null,
    cluster: null,
    lang: 'en',
    metricSized: false,
    cluttered: new Set(),
    readable: new Map(),
    shownNow: { nodes: new Set(), edges: new Set() },
    defaultPositions: {},
    settleLabels: () => {},
  };
}
