import type cytoscape from 'cytoscape';
import { IMPLEMENTATION_STATUSES } from '../../core/model/implementation';
import { STATUS_WEDGE } from '../implementation/status-marks';
import {
  EVENT_REL_STYLES,
  EVENT_REL_TYPES,
  EVENT_STYLE,
  KIND_STYLES,
  NODE_KINDS,
  REL_STYLES,
  REL_TYPES,
  type RelStyle,
} from '../model/palette';
import { UNDERPINS_FONT } from '../model/underpins-layout';

/**
 * Level of detail: a label is drawn only when it is at least this many pixels high on
 * screen (font size times the zoom), so the overview shows pillar and area names and the
 * commitments' refs and actors' names appear as the reader zooms in. The canvas decides it
 * from the real zoom (class `lod-hide`, canvas.ts): Cytoscape's own min-zoomed-font-size
 * rounds the zoom up to a power of two and lets labels of half the size through.
 */
export const MIN_ZOOMED_FONT_SIZE = 9;

// Unquoted: Cytoscape's style parser rejects quoted family names and falls back to Helvetica.
export const FONT =
  'Noto Sans CJK JP, Noto Sans JP, Hiragino Sans, Yu Gothic, system-ui, sans-serif';

/** The stylesheet: node look by kind, edge look by type, and the classes render() and the decorations toggle. */
export function stylesheet(): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 11,
        'min-zoomed-font-size': 0,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'border-width': 1,
        'border-color': '#1b1f24',
        width: 'data(size)',
        height: 'data(size)',
      },
    },
    ...[
      ...NODE_KINDS.map((kind) => [kind, KIND_STYLES[kind]] as const),
      ['Event', EVENT_STYLE] as const,
    ].map(([kind, look]) => ({
      selector: `node[kind = "${kind}"]`,
      style: {
        'background-color': look.colour,
        shape: look.shape as cytoscape.Css.NodeShape,
      },
    })),
    { selector: 'node[kind = "Commitment"]', style: { 'font-size': 9, 'text-max-width': '110px' } },
    // The plan, pillars and areas are drawn after the other nodes, so where their titles
    // cross a crowded layout they are read whole instead of being drawn over.
    {
      selector: 'node[kind = "Pillar"]',
      style: {
        'z-index': 2,
        'font-size': 40,
        'font-weight': 'bold',
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': 8,
        'text-max-width': '520px',
        'text-background-opacity': 0.9,
      },
    },
    {
      selector: 'node[kind = "Area"]',
      style: {
        'z-index': 1,
        'font-size': 28,
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': 6,
        'text-max-width': '540px',
        'text-background-opacity': 0.9,
      },
    },
    {
      selector: 'node[kind = "Plan"]',
      style: {
        'z-index': 3,
        'font-size': 30,
        'font-weight': 'bold',
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': 10,
        'text-max-width': '900px',
      },
    },
    { selector: 'edge.faint', style: { opacity: 0.2 } },
    // "What underpins what" is laid out for the canvas at a zoom of about 1 (underpins-layout.ts):
    // its labels are drawn at UNDERPINS_FONT pixels; the agreements' label width and
    // wrapping are set per layout on the nodes themselves.
    {
      selector: 'node.underpins-view',
      style: {
        'font-size': UNDERPINS_FONT,
        'text-valign': 'center',
        'text-margin-y': 0,
        'text-background-opacity': 0.9,
      },
    },
    {
      selector: 'node.underpins-view[kind = "Agreement"]',
      style: { 'text-halign': 'left', 'text-margin-x': -6, width: 18, height: 18 },
    },
    {
      selector: 'node.underpins-view[kind = "Commitment"]',
      style: {
        'text-halign': 'right',
        'text-margin-x': 6,
        'font-weight': 'bold',
        width: 14,
        height: 14,
      },
    },
    {
      selector: 'node[?soft]',
      style: {
        'border-style': 'dashed',
        'border-color': '#0072B2',
        'border-width': 2,
        'background-opacity': 0.55,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1,
        // Straight unless a pair holds several relationships (render marks those `parallel`):
        // a lone bezier edge is drawn straight anyway, but Cytoscape looks for its parallel
        // edges on every redraw, a third of a layout switch's edge work.
        'curve-style': 'straight',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        opacity: 0.8,
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 7,
        'min-zoomed-font-size': 0,
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        color: '#333333',
      },
    },
    { selector: 'edge[?parallel]', style: { 'curve-style': 'bezier' } },
    ...[
      ...REL_TYPES.map((type) => [type, REL_STYLES[type]] as const),
      ...EVENT_REL_TYPES.map((type) => [type, EVENT_REL_STYLES[type]] as const),
    ].map(([type, look]: readonly [string, RelStyle]) => ({
      selector: `edge[type = "${type}"]`,
      style: {
        'line-color': look.colour,
        'target-arrow-color': look.colour,
        'line-style': look.line,
        'target-arrow-shape': look.arrow as cytoscape.Css.ArrowShape,
        width: look.width,
      },
    })),
    { selector: 'edge.underpins-view', style: { 'font-size': 9 } },
    // Set by the canvas on labels smaller than MIN_ZOOMED_FONT_SIZE at the real zoom. No
    // label at all, so that Cytoscape does not measure and wrap text it will not draw (the
    // commitments' long names, a third of a layout switch's frame); the export puts
    // the names back (diagram-export.ts).
    { selector: '.lod-hide', style: { label: '' } },
    { selector: '.gone', style: { display: 'none' } },
    { selector: '.dim', style: { opacity: 0.15 } },
    {
      selector: 'node.chosen',
      style: { 'border-width': 4, 'border-color': '#111111', 'z-index': 20 },
    },
    {
      selector: 'node.hit',
      style: { 'border-width': 5, 'border-color': '#ff00aa', 'z-index': 30 },
    },
    {
      selector: 'node.on-path',
      style: { 'border-width': 4, 'border-color': '#000000', 'z-index': 25 },
    },
    {
      selector: 'edge.on-path',
      style: {
        width: 6,
        'line-color': '#000000',
        'target-arrow-color': '#000000',
        opacity: 1,
        'z-index': 25,
      },
    },
    {
      selector: 'node.path-end',
      style: { 'border-width': 6, 'border-color': '#000000', 'border-style': 'double' },
    },
    {
      selector: 'node:selected',
      style: {
        'overlay-color': '#5a2ca0',
        'overlay-opacity': 0.25,
        'overlay-padding': 6,
        'border-width': 3,
        'border-color': '#5a2ca0',
      },
    },
    { selector: 'edge:selected', style: { 'overlay-opacity': 0 } },
    {
      selector: 'node.expanded',
      style: { 'border-width': 3, 'border-color': '#009E73', 'border-style': 'double' },
    },
    // Here from the start, not added when the timeline and the implementation monitor first
    // decorate the canvas: adding a rule restyles every element, twice in each first load.
    // A commitment no event has advanced since the chosen day (timeline/events-ui.ts); one
    // also dimmed (a focus elsewhere) stays as faint as the dimming says.
    {
      selector: 'node.quiet',
      style: { opacity: 0.4, 'border-style': 'dashed', 'border-width': 2 },
    },
    { selector: 'node.quiet.dim', style: { opacity: 0.15 } },
    // A commitment's status (implementation/implementation-ui.ts): a dark wedge that grows
    // with the level, a dotted ring for not started.
    ...IMPLEMENTATION_STATUSES.flatMap((status) =>
      STATUS_WEDGE[status]
        ? [
            {
              selector: `node.impl-${status}`,
              style: {
                'pie-size': '100%',
                'pie-1-background-color': '#1b1b1b',
                'pie-1-background-opacity': 0.45,
                'pie-1-background-size': STATUS_WEDGE[status],
              } as cytoscape.Css.Node,
            },
          ]
        : [],
    ),
    {
      selector: 'node.impl-not_started',
      style: { 'border-style': 'dotted', 'border-width': 2, 'border-color': '#1b1b1b' },
    },
  ];
}
