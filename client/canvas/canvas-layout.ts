import type { EdgeData, NodeData } from '../api';
import { clusterLayout } from '../model/cluster-layout';
import { baseSize } from '../model/node-sizes';
import type { LayoutName } from '../model/state';
import { underpinsLayout } from '../model/underpins-layout';
import type { Visible } from '../model/visibility';
import type { AgreementLabels } from './agreement-labels';
import type { CanvasContext } from './canvas-context';
import type { CanvasLabels } from './canvas-labels';
import type { ClusterStyle } from './cluster-style';
import type { LabelSettle } from './label-settle';
import { LayoutRunner } from './layout-runner';
import type { LevelOfDetail } from './level-of-detail';
import type { Viewport } from './viewport';

export interface CanvasLayout {
  layout(name: LayoutName | 'underpins', visible: Visible): void;
  /** Resolves once the arrangement last asked for is on the canvas (a worker's layout included). */
  laidOut(): Promise<void>;
}

/** The longest a layout computed in the worker keeps the old picture on screen, in ms. */
const HOLD_LIMIT = 4000;

/** Arranging what is shown: here for the quick arrangements, in a worker for the slow ones. */
export function createCanvasLayout(
  ctx: CanvasContext,
  parts: {
    labels: CanvasLabels;
    agreements: AgreementLabels;
    clusterStyle: ClusterStyle;
    viewport: Viewport;
    lod: LevelOfDetail;
    settle: LabelSettle;
  },
): CanvasLayout {
  const { cy, container } = ctx;
  const { labels, agreements, clusterStyle, viewport, lod, settle } = parts;
  const layouts = new LayoutRunner();
  /** Counts layouts asked for: a worker's answer is applied only if none was asked for since. */
  let layoutGeneration = 0;
  /** The worker layout last asked for, applied or dropped when it settles. */
  let pendingLayout: Promise<void> = Promise.resolve();
  /** Ends the hold on drawing while that layout is computed (holdDrawing); idempotent. */
  let releaseHold: () => void = () => {};

  function layout(name: LayoutName | 'underpins', visible: Visible): void {
    const shown = cy
      .elements()
      .filter((el) => (el.isNode() ? visible.nodes.has(el.id()) : visible.edges.has(el.id())));
    const nodes = shown.nodes().map((n) => n.data() as NodeData);
    const edges = shown.edges().map((e) => e.data() as EdgeData);
    const apply = (positions: Record<string, { x: number; y: number }>) => {
      // Decluttered and detailed here, for the new places: what a render left for later is done.
      settle.done();
      cy.batch(() => {
        shown.nodes().forEach((n) => {
          const p = positions[n.id()];
          if (p) n.position(p);
        });
      });
      labels.declutter();
      viewport.fitView(false);
      lod.update();
    };
    // Laid out and framed for the canvas's size now: Cytoscape's, kept from its last resize,
    // may be older (the page around the canvas drawn since), and the resize that followed
    // laid the whole overview out a second time in every first load (follow-resize.ts).
    const size = { w: container.clientWidth, h: container.clientHeight };
    if (size.w && size.h && (size.w !== cy.width() || size.h !== cy.height())) cy.resize();
    ctx.lastLayout = { name, visible, size };
    layoutGeneration += 1;
    // A layout asked for while a worker's is awaited: what is drawn next is this one, in
    // current styles (a batch defers them).
    releaseHold();
    clusterStyle.clear();
    ctx.cluster = null;
    if (name === 'underpins') {
      const result = underpinsLayout(nodes, edges, agreements.nameOf, {
        width: container.clientWidth,
        height: container.clientHeight,
      });
      agreements.apply(shown.nodes('[kind = "Agreement"]'), result.labels);
      apply(result.positions);
      return;
    }
    if (name === 'clusters') {
      const result = clusterLayout(
        nodes,
        edges,
        { width: container.clientWidth, height: container.clientHeight },
        labels.measureTitle,
      );
      ctx.cluster = { ...result, lang: ctx.lang };
      clusterStyle.apply(shown.nodes(), result);
      apply(result.positions);
      return;
    }
    if (name === 'preset') {
      apply(ctx.defaultPositions);
      return;
    }
    // Force-directed, hierarchy and concentric take longer than a frame: a worker computes
    // them. Meanwhile the picture is not redrawn: drawing the new look at the old places
    // was a whole frame of wasted work (every node's texture made again), the longest task
    // of a layout switch. The next drawing is the new arrangement, framed.
    const generation = layoutGeneration;
    const release = holdDrawing();
    pendingLayout = layouts
      .run(
        name,
        nodes.map((n) => ({ id: n.id, kind: n.kind, size: baseSize(n.kind) })),
        edges,
      )
      .then((positions) => {
        release();
        // Another arrangement asked for since (even one laid out here, not in the worker) wins.
        if (positions && generation === layoutGeneration) apply(positions);
        lod.update();
      });
  }

  /**
   * Pauses drawing until the returned function is called: Cytoscape does not draw while
   * batching. Never longer than HOLD_LIMIT, so a slow worker cannot freeze the picture.
   */
  function holdDrawing(): () => void {
    cy.startBatch();
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      window.clearTimeout(timer);
      cy.endBatch();
    };
    const timer = window.setTimeout(release, HOLD_LIMIT);
    releaseHold = release;
    return release;
  }

  return {
    layout,
    async laidOut() {
      // A newer layout may start while an older one is awaited: wait for whichever is last.
      let awaited: Promise<void>;
      do {
        awaited = pendingLayout;
        await awaited;
      } while (awaited !== pendingLayout);
    },
  };
}
