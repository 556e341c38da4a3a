import type { NodeData } from '../api';
import { baseSize, clusterSize } from '../model/node-sizes';
import { relStyleOf } from '../model/palette';
import type { AppState } from '../model/state';
import type { Visible } from '../model/visibility';
import type { AgreementLabels } from './agreement-labels';
import type { CanvasContext, Highlights } from './canvas-context';
import { type CanvasLabels, overviewRoom, type RoomFont, stylesheetRoom } from './canvas-labels';
import type { CanvasLayout } from './canvas-layout';
import type { CanvasScores } from './canvas-scores';
import type { ClusterStyle } from './cluster-style';
import type { ElementClasses } from './element-classes';
import type { LabelSettle } from './label-settle';

/** The state applied to the canvas: labels, classes and sizes, changed only where they differ. */
export function createCanvasRender(
  ctx: CanvasContext,
  parts: {
    classes: ElementClasses;
    labels: CanvasLabels;
    agreements: AgreementLabels;
    clusterStyle: ClusterStyle;
    scores: CanvasScores;
    settle: LabelSettle;
    layout: CanvasLayout['layout'];
  },
): (state: AppState, visible: Visible, hl: Highlights) => void {
  const { cy } = ctx;
  const { classes, labels, agreements, clusterStyle, scores, settle, layout } = parts;

  return (state, visible, hl) => {
    cy.batch(() => {
      const pathNodes = new Set(hl.pathNodes);
      const pathEdges = new Set(hl.pathEdges);
      const dimOthers = pathNodes.size > 0;
      const expanded = new Set(state.expanded);
      const underpins = state.tab === 'underpins';
      // The table hides the canvas: leaving the picture's look as it was spares a restyle.
      const faint = state.tab !== 'underpins' && state.layout === 'clusters' && !state.selected;
      // The overview's labels and sizes follow the arrangement asked for, not the one last
      // laid out: render runs before the new layout, and leaving the overview for another
      // arrangement kept its refs and small sizes until the next state change.
      const overview = !underpins && state.layout === 'clusters';
      // A focus or a path in the overview shows few nodes: each with its name, readable.
      const readable = new Set<string>();
      if (overview && (state.focus || pathNodes.size))
        for (const id of state.focus ? visible.nodes : pathNodes) {
          if (!visible.nodes.has(id)) continue;
          const kind = cy.getElementById(id).data('kind');
          if (kind !== 'Plan' && kind !== 'Pillar' && kind !== 'Area') readable.add(id);
        }
      // Their rooms first: how wide each may be depends on which others are shown.
      clusterStyle.readable(readable);
      const cluster = overview ? ctx.cluster : null;
      const labelOf = labels.labeller(
        state.lang,
        (n): RoomFont | null =>
          ctx.readable.get(n.id) ??
          (cluster ? overviewRoom(n.kind, cluster) : stylesheetRoom(n.kind)),
      );
      cy.nodes().forEach((node) => {
        const d = node.data() as NodeData;
        const id = d.id;
        const shown = visible.nodes.has(id);
        // Only what is shown takes the underpins look: hidden nodes are left untouched.
        const underpinsLook = underpins && shown;
        // In "what underpins what" the list beside names the commitments; the diagram shows their refs.
        // So does the clustered overview, and on a phone it names areas by their ref too.
        const byRef =
          !readable.has(id) &&
          typeof d.ref === 'string' &&
          (d.kind === 'Commitment'
            ? underpinsLook || overview
            : d.kind === 'Area' && overview && ctx.cluster?.compact === true);
        const name = state.lang === 'ja' ? d.name_ja : d.name_en;
        const label = byRef
          ? d.ref
          : underpinsLook && d.kind === 'Agreement'
            ? (agreements.inLanguage(state.lang)[id] ?? name)
            : labelOf(d);
        if (node.data('label') !== label) node.data('label', label);
        if (!underpinsLook) agreements.restore(node);
        const wanted: string[] = [];
        if (underpinsLook) wanted.push('underpins-view');
        if (!shown) wanted.push('gone');
        if (state.selected === id) wanted.push('chosen');
        if (hl.hit === id) wanted.push('hit');
        if (pathNodes.has(id)) wanted.push('on-path');
        if (state.path.from === id || state.path.to === id) wanted.push('path-end');
        if (expanded.has(id)) wanted.push('expanded');
        if (dimOthers && !pathNodes.has(id)) wanted.push('dim');
        classes.set(node, wanted);
      });
      cy.edges().forEach((edge) => {
        const id = edge.id();
        const type = edge.data('type') as string;
        const wanted: string[] = [];
        if (underpins && visible.edges.has(id)) wanted.push('underpins-view');
        if (!visible.edges.has(id)) wanted.push('gone');
        if (pathEdges.has(id)) wanted.push('on-path');
        if (dimOthers && !pathEdges.has(id)) wanted.push('dim');
        // In the structural overview the many cross-links stay in the background.
        if (faint && type !== 'PART_OF') wanted.push('faint');
        classes.set(edge, wanted);
        const label = relStyleOf(type)?.[state.lang] ?? type;
        if (edge.data('label') !== label) edge.data('label', label);
      });
      cy.nodes(':selected')
        .filter((n) => !visible.nodes.has(n.id()))
        .unselect();
      scores.show(visible);
      const metricSizes = scores.sizes(state.metric);
      ctx.metricSized = state.metric !== 'none';
      cy.nodes().forEach((node) => {
        const size =
          metricSizes.get(node.id()) ?? (overview ? clusterSize : baseSize)(node.data('kind'));
        if (node.data('size') !== size) node.data('size', size);
      });
    });
    // Titles of another language take other room: the overview is laid out again.
    const relabelled =
      ctx.cluster !== null && ctx.cluster.lang !== state.lang && state.tab !== 'underpins';
    ctx.lang = state.lang;
    if (relabelled && ctx.lastLayout) layout('clusters', visible);
    // Left for later: a layout that follows in this task (frame-canvas.ts) does it itself.
    else settle.later();
  };
}
