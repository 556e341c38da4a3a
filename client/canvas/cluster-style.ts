import type cytoscape from 'cytoscape';
import type { NodeData } from '../api';
import type { ClusterLayout } from '../model/cluster-layout';
import { clusterSize } from '../model/node-sizes';
import type { CanvasContext } from './canvas-context';
import { CJK } from './canvas-labels';

export interface ClusterStyle {
  /** Sizes and label styles of the clustered overview, in model units for the zoom it is laid out for. */
  apply(nodes: cytoscape.NodeCollection, result: ClusterLayout): void;
  /** Takes the overview's sizes and label styles off again, for another arrangement. */
  clear(): void;
}

const CLUSTER_STYLE_KEYS =
  'font-size text-max-width text-wrap text-overflow-wrap font-weight text-margin-x text-margin-y width height';

export function createClusterStyle(ctx: CanvasContext): ClusterStyle {
  const { cy } = ctx;
  /** Nodes given the clustered overview's sizes and label styles (bypasses, removed on another layout). */
  const clusterStyled = new Set<string>();

  return {
    apply(nodes, result) {
      const l = result.labels;
      cy.batch(() => {
        nodes.forEach((n) => {
          const d = n.data() as NodeData;
          const text = String(
            d.ref && (d.kind === 'Commitment' || (d.kind === 'Area' && result.compact))
              ? d.ref
              : (n.data('label') ?? ''),
          );
          if (text !== n.data('label')) n.data('label', text);
          const wrap = CJK.test(text) ? 'anywhere' : 'whitespace';
          // The plan, pillars and areas: a marker with its title beside it.
          const besideMarker = (font: number, width: number, textWrap: string) => ({
            'font-size': font,
            'text-max-width': `${width}px`,
            'text-wrap': textWrap,
            'text-overflow-wrap': wrap,
            'text-margin-x': l.markerSize / 2,
            width: l.markerSize,
            height: l.markerSize,
          });
          let style: Record<string, string | number>;
          if (d.kind === 'Pillar' || d.kind === 'Area') {
            const pillar = d.kind === 'Pillar';
            style = {
              ...besideMarker(
                pillar ? l.pillarFont : l.areaFont,
                pillar ? l.pillarWidth : l.areaWidth,
                pillar
                  ? result.mode === 'tight'
                    ? 'ellipsis'
                    : 'wrap'
                  : result.compact
                    ? 'none'
                    : 'wrap',
              ),
              'font-weight': pillar ? 'bold' : 'normal',
            };
          } else if (d.kind === 'Plan') {
            style = besideMarker(l.commitmentFont, l.pillarWidth * result.columns, 'ellipsis');
          } else if (d.kind === 'Commitment') {
            style = {
              'font-size': l.commitmentFont,
              'text-max-width': '60px',
              'text-wrap': 'none',
              'text-margin-y': 1,
            };
          } else {
            style = {
              'font-size': l.actorFont,
              'text-max-width': `${l.actorWidth}px`,
              'text-wrap': 'ellipsis',
              'text-overflow-wrap': wrap,
              'text-margin-y': 1,
            };
          }
          clusterStyled.add(n.id());
          n.style(style);
          // Sized by a measure, a node keeps that size; else it takes the overview's.
          if (!ctx.metricSized && !style.width) n.data('size', clusterSize(d.kind));
        });
      });
    },
    clear() {
      if (!clusterStyled.size) return;
      // One call on the collection: Cytoscape updates style hints once, not once per node.
      const styled = cy.nodes().filter((n) => clusterStyled.has(n.id()));
      cy.batch(() => styled.removeStyle(CLUSTER_STYLE_KEYS));
      clusterStyled.clear();
    },
  };
}
