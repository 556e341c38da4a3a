import type { ExportFormatName, ExportOutput } from '../../core/formats/export-formats';
import type { Elements } from '../api';
import type { BriefRequest } from '../export/brief';
import type { BriefOutput, Diagram, DiagramRequest } from '../export/diagram-export';
import type { ReviewOutput, ReviewRequest } from '../export/implementation-export';
import type { Scores } from '../model/centrality';
import type { AppState, LayoutName } from '../model/state';
import type { Visible } from '../model/visibility';
import { addElements } from './add-elements';
import { createAgreementLabels } from './agreement-labels';
import type { CanvasEvents, Highlights } from './canvas-context';
import { createCanvasContext } from './canvas-context';
import { createCanvasLabels } from './canvas-labels';
import { createCanvasLayout } from './canvas-layout';
import { createCanvasRender } from './canvas-render';
import { createCanvasScores } from './canvas-scores';
import { createCanvasSelection } from './canvas-selection';
import { createClusterStyle } from './cluster-style';
import { createElementClasses } from './element-classes';
import { followResize } from './follow-resize';
import { createLabelSettle } from './label-settle';
import { createLevelOfDetail } from './level-of-detail';
import { reportHover } from './report-hover';
import { createViewport } from './viewport';

/** What the page offers the end-to-end tests, the benchmarks and `npm run export`. */
export interface KizunaHandle {
  cy: cytoscape.Core;
  /** Resolves once the arrangement asked for is on the canvas (layouts run in a worker). */
  laidOut?(): Promise<void>;
  diagram?(request: Partial<DiagramRequest>): Diagram;
  png?(diagram: Diagram, scale: number, background: 'white' | 'transparent'): Promise<string>;
  data?<F extends ExportFormatName>(format: F): ExportOutput<F>;
  brief?(request: BriefRequest & { pptx?: boolean }): Promise<BriefOutput>;
  /** The implementation review as of the state's day, as pages, PowerPoint or CSV. */
  review?(request: ReviewRequest): Promise<ReviewOutput>;
}

declare global {
  interface Window {
    kizuna?: KizunaHandle;
  }
}

// Declared beside the state the controllers share, which needs them; callers import them from here.
export type { CanvasEvents, Highlights };

export interface Canvas {
  cy: cytoscape.Core;
  /** Adds elements not yet on the canvas; new nodes start around `around` (the node expanded) or their neighbours. */
  add(elements: Elements, around?: string): void;
  render(state: AppState, visible: Visible, highlights: Highlights): void;
  layout(name: LayoutName | 'underpins', visible: Visible): void;
  /** Brings a node into view if it is outside it, without changing the zoom. */
  reveal(id: string): void;
  /** Frames a chosen node and its shown neighbours (viewport.ts says how the zoom is chosen). */
  frameAround(id: string): void;
  /** How much of the canvas's top a bar over it covers: fits leave it clear. */
  setInsetTop(px: number): void;
  /** Frames everything shown, and forgets that the user had zoomed. */
  fitView(animate: boolean): void;
  /** Frames these nodes (a selection, say). */
  fitTo(ids: string[]): void;
  zoomBy(factor: number): void;
  /** Ids of the nodes selected on the canvas. */
  selection(): string[];
  clearSelection(): void;
  /** Degree, betweenness and PageRank of every shown node, computed once per change of what is shown. */
  scores(): Map<string, Scores>;
  /** Resolves once the arrangement last asked for is on the canvas (a worker's layout included). */
  laidOut(): Promise<void>;
}

export type { Scores };

/**
 * The canvas: Cytoscape and the controllers around its one shared state (canvas-context.ts),
 * each one concern: selection, hover, zoom and framing, level of detail, labels, layout, render.
 */
export function createCanvas(container: HTMLElement, events: CanvasEvents): Canvas {
  const ctx = createCanvasContext(container, events);
  const { cy } = ctx;
  // A handle for the end-to-end tests and the render benchmark, which read the canvas itself.
  window.kizuna = { cy };

  const labels = createCanvasLabels(ctx);
  const viewport = createViewport(ctx, labels);
  const selection = createCanvasSelection(ctx);
  reportHover(ctx);
  const classes = createElementClasses();
  const lod = createLevelOfDetail(ctx, classes);
  const settle = createLabelSettle(ctx, labels, lod);
  // A node dragged elsewhere may uncover a label or cover one.
  cy.on('free', 'node', () => {
    labels.declutter();
    lod.update();
  });

  const agreements = createAgreementLabels(ctx);
  const clusterStyle = createClusterStyle(ctx, labels);
  const { layout, laidOut } = createCanvasLayout(ctx, {
    labels,
    agreements,
    clusterStyle,
    viewport,
    lod,
    settle,
  });
  const scores = createCanvasScores(ctx);
  const render = createCanvasRender(ctx, {
    classes,
    labels,
    agreements,
    clusterStyle,
    scores,
    settle,
    layout,
  });
  followResize(ctx, { layout, fitView: viewport.fitView });

  return {
    cy,
    add: (elements, around) => addElements(ctx, elements, around),
    render,
    layout,
    reveal: viewport.reveal,
    frameAround: viewport.frameAround,
    setInsetTop: (px) => {
      ctx.insetTop = px;
    },
    fitView: viewport.fitView,
    fitTo: viewport.fitTo,
    zoomBy: viewport.zoomBy,
    selection: selection.selection,
    clearSelection: selection.clearSelection,
    scores: scores.scores,
    laidOut,
  };
}
