import cytoscape from 'cytoscape';
import cytoscapeSvg from 'cytoscape-svg';
import type { ExportFormatName } from '../../core/formats/export-formats';
import type { EdgeData, Elements, NodeData } from '../api';
import type { BriefRequest } from '../export/brief';
import type { BriefOutput, Diagram, DiagramRequest } from '../export/diagram-export';
import { centrality, type Scores } from '../model/centrality';
import { type ClusterLayout, clusterLayout } from '../model/cluster-layout';
import { declutter, type LabelBox } from '../model/label-declutter';
import { frameWithLabels, type ThresholdBox } from '../model/label-fit';
import { baseSize, clusterSize } from '../model/node-sizes';
import { REL_STYLES } from '../model/palette';
import type { AppState, LayoutName, Metric } from '../model/state';
import { type UnderpinsLabels, underpinsLabels, underpinsLayout } from '../model/underpins-layout';
import type { Visible } from '../model/visibility';
import { MIN_ZOOMED_FONT_SIZE, stylesheet } from './cy-style';
import { nodeLabelBox } from './label-box';
import { createLabelMeasurer } from './label-measure';
import { LayoutRunner } from './layout-runner';

cytoscape.use(cytoscapeSvg);

/** What the page offers the end-to-end tests, the benchmarks and `npm run export`. */
export interface KizunaHandle {
  cy: cytoscape.Core;
  /** Resolves once the arrangement asked for is on the canvas (layouts run in a worker). */
  laidOut?(): Promise<void>;
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

export interface Canvas {
  cy: cytoscape.Core;
  /** Adds elements not yet on the canvas; new nodes start around `around` (the node expanded) or their neighbours. */
  add(elements: Elements, around?: string): void;
  render(state: AppState, visible: Visible, highlights: Highlights): void;
  layout(name: LayoutName | 'underpins', visible: Visible): void;
  /** Brings a node into view if it is outside it, without changing the zoom. */
  reveal(id: string): void;
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

/** Kana, kanji and full-width forms: such text may wrap between any two characters. */
const CJK = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;

/** Fits never zoom in further than this, so a handful of nodes is not blown up. */
const MAX_FIT_ZOOM = 1.6;
/** The longest a layout computed in the worker keeps the old picture on screen, in ms. */
const HOLD_LIMIT = 4000;
const PADDING = 24;

export function createCanvas(container: HTMLElement, events: CanvasEvents): Canvas {
  const cy = cytoscape({
    container,
    style: stylesheet(),
    minZoom: 0.05,
    maxZoom: 4,
    // Shift-drag draws a selection box; a plain drag still pans.
    boxSelectionEnabled: true,
  });
  const defaultPositions: Record<string, { x: number; y: number }> = {};
  const layouts = new LayoutRunner();
  // A handle for the end-to-end tests and the render benchmark, which read the canvas itself.
  window.kizuna = { cy };

  /** Whether the user zoomed or panned on purpose since the last fit: then a resize keeps their view. */
  let userMoved = false;
  cy.on('scrollzoom pinchzoom dragpan', () => {
    userMoved = true;
  });

  cy.on('tap', 'node', (e) => {
    const shift = (e.originalEvent as MouseEvent | undefined)?.shiftKey;
    if (shift) return;
    cy.nodes(':selected').not(e.target).unselect();
    events.select(e.target.id());
  });
  cy.on('tap', (e) => {
    if (e.target === cy) {
      cy.nodes(':selected').unselect();
      events.select(null);
    }
  });
  let selectionTimer = 0;
  cy.on('select unselect', 'node', () => {
    window.cancelAnimationFrame(selectionTimer);
    selectionTimer = window.requestAnimationFrame(() => events.selectionChanged());
  });
  cy.on('dbltap', 'node', (e) => events.expand(e.target.id()));
  // A node dragged elsewhere may uncover a label or cover one.
  cy.on('free', 'node', () => {
    declutterLabels();
    updateLevelOfDetail();
  });
  cy.on('mouseover', 'node', (e) => {
    const p = e.target.renderedPosition();
    events.hover({ kind: 'node', id: e.target.id(), x: p.x, y: p.y });
  });
  cy.on('mouseover', 'edge', (e) => {
    const p = e.target.renderedMidpoint();
    events.hover({ kind: 'edge', id: e.target.id(), x: p.x, y: p.y });
  });
  cy.on('mouseout', 'node, edge', () => events.hover(null));
  cy.on('zoom', () => {
    container.classList.toggle('zoomed-in', cy.zoom() >= 1);
    window.cancelAnimationFrame(lodFrame);
    lodFrame = window.requestAnimationFrame(updateLevelOfDetail);
  });

  /**
   * Level of detail from the real zoom: a label smaller than MIN_ZOOMED_FONT_SIZE on screen
   * takes the class `lod-hide` (not drawn). Cheap enough for every zoom step: it reads each
   * element's computed font size and restyles only the elements whose state changes.
   */
  const lodHidden = new Set<string>();
  let lodFrame = 0;
  function updateLevelOfDetail(): void {
    const zoom = cy.zoom();
    cy.batch(() => {
      cy.elements().forEach((ele) => {
        const hide =
          cluttered.has(ele.id()) ||
          ele.numericStyle('font-size') * zoom < MIN_ZOOMED_FONT_SIZE - 1e-6;
        const id = ele.id();
        if (hide === lodHidden.has(id)) return;
        if (hide) lodHidden.add(id);
        else lodHidden.delete(id);
        ele.toggleClass('lod-hide', hide);
        const applied = appliedClasses.get(id);
        if (applied !== undefined)
          appliedClasses.set(
            id,
            withLod(
              id,
              applied.split(' ').filter((c) => c && c !== 'lod-hide'),
            ).join(' '),
          );
      });
    });
  }
  const withLod = (id: string, classes: string[]) =>
    lodHidden.has(id) ? [...classes, 'lod-hide'] : classes;

  // The canvas follows its box: panes opening or closing, the window resizing.
  let lastSize = { w: container.clientWidth, h: container.clientHeight };
  let resizeFrame = 0;
  new ResizeObserver(() => {
    window.cancelAnimationFrame(resizeFrame);
    resizeFrame = window.requestAnimationFrame(() => {
      const size = { w: container.clientWidth, h: container.clientHeight };
      if (!size.w || !size.h || (size.w === lastSize.w && size.h === lastSize.h)) return;
      cy.resize();
      if ((lastLayout?.name === 'underpins' || lastLayout?.name === 'clusters') && !userMoved) {
        // Both are laid out for the canvas's size: a new size, a new arrangement.
        lastSize = size;
        layout(lastLayout.name, shownNow);
        return;
      }
      if (userMoved) {
        // Keep what the user was looking at in the middle.
        cy.panBy({ x: (size.w - lastSize.w) / 2, y: (size.h - lastSize.h) / 2 });
      } else fitView(false);
      lastSize = size;
    });
  }).observe(container);

  // Keyboard: arrows pan, + and - zoom, 0 fits.
  container.tabIndex = 0;
  container.addEventListener('keydown', (e) => {
    const step = 60;
    const pans: Record<string, { x: number; y: number }> = {
      ArrowLeft: { x: step, y: 0 },
      ArrowRight: { x: -step, y: 0 },
      ArrowUp: { x: 0, y: step },
      ArrowDown: { x: 0, y: -step },
    };
    const pan = pans[e.key];
    if (pan) {
      userMoved = true;
      cy.panBy(pan);
    } else if (e.key === '+' || e.key === '=') zoomBy(1.25);
    else if (e.key === '-' || e.key === '_') zoomBy(0.8);
    else if (e.key === '0') fitView(true);
    else return;
    e.preventDefault();
  });

  /** Where the zoom animation under way is heading: a click during it steps on from there. */
  let zoomGoal: number | null = null;
  function zoomBy(factor: number): void {
    userMoved = true;
    // Three quick clicks zoom three steps, not three steps from wherever the animation was.
    const from = cy.animated() && zoomGoal !== null ? zoomGoal : cy.zoom();
    const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), from * factor));
    cy.stop();
    zoomGoal = level;
    cy.animate(
      { zoom: { level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } } },
      { duration: 150 },
    );
  }

  /**
   * The zoom and pan that frame these elements, never zoomed in beyond MAX_FIT_ZOOM. In the
   * decluttered layouts, the labels drawn at the chosen zoom are framed too (label-fit.ts).
   */
  function framing(eles: cytoscape.Collection) {
    const w = cy.width();
    const h = cy.height();
    const zoomFor = (bw: number, bh: number) =>
      Math.max(
        cy.minZoom(),
        Math.min(
          MAX_FIT_ZOOM,
          (w - 2 * PADDING) / Math.max(bw, 1),
          (h - 2 * PADDING) / Math.max(bh, 1),
        ),
      );
    let zoom: number;
    let bb: { x1: number; y1: number; x2: number; y2: number };
    if (labelsDecluttered()) {
      ({ zoom, box: bb } = frameWithLabels(
        eles.boundingBox({ includeLabels: false }),
        thresholdLabels(eles.nodes()),
        zoomFor,
      ));
    } else {
      bb = eles.boundingBox({});
      zoom = zoomFor(bb.x2 - bb.x1, bb.y2 - bb.y1);
    }
    return {
      zoom,
      pan: { x: w / 2 - zoom * ((bb.x1 + bb.x2) / 2), y: h / 2 - zoom * ((bb.y1 + bb.y2) / 2) },
    };
  }

  /** The labels these nodes may draw (not left out as clutter), each with the zoom it shows from. */
  function thresholdLabels(nodes: cytoscape.NodeCollection): ThresholdBox[] {
    const labels: ThresholdBox[] = [];
    nodes.forEach((node) => {
      if (node.hasClass('gone') || cluttered.has(node.id())) return;
      const font = node.numericStyle('font-size');
      const box = font > 0 ? nodeLabelBox(node, measureLabel) : null;
      if (box) labels.push({ ...box, threshold: MIN_ZOOMED_FONT_SIZE / font });
    });
    return labels;
  }

  function frame(eles: cytoscape.Collection, animate: boolean): void {
    if (eles.empty() || !cy.width() || !cy.height()) return;
    cy.stop();
    const target = framing(eles);
    // Already framed so: no animation, whose every frame would redraw the whole picture.
    const pan = cy.pan();
    if (
      Math.abs(target.zoom - cy.zoom()) < 1e-3 * target.zoom &&
      Math.abs(target.pan.x - pan.x) < 0.5 &&
      Math.abs(target.pan.y - pan.y) < 0.5
    )
      return;
    if (animate) cy.animate(target, { duration: 250, easing: 'ease-out-cubic' });
    else cy.viewport(target);
  }

  function fitView(animate: boolean): void {
    userMoved = false;
    frame(cy.nodes().not('.gone'), animate);
  }

  function add(elements: Elements, around?: string): void {
    const fresh = elements.nodes.filter((n) => cy.getElementById(n.data.id).empty());
    cy.batch(() => {
      cy.add(
        fresh.map((n) => {
          // Copies: Cytoscape keeps the object it is given as the node's live position, so
          // every later layout wrote its places into the stored default ones (the overview
          // then showed whichever layout ran last, when its worker answered in time).
          if (n.position) defaultPositions[n.data.id] = { ...n.position };
          return {
            group: 'nodes' as const,
            data: { ...n.data, size: baseSize(n.data.kind), label: n.data.name_en },
            position: n.position && { ...n.position },
          };
        }),
      );
      // One edge per pair and type: a second mention of the same relationship is not drawn again.
      const drawn = new Set(
        cy.edges().map((e) => `${e.data('source')}|${e.data('type')}|${e.data('target')}`),
      );
      cy.add(
        elements.edges
          .filter((e) => {
            const key = `${e.data.source}|${e.data.type}|${e.data.target}`;
            if (drawn.has(key) || cy.getElementById(e.data.id).nonempty()) return false;
            drawn.add(key);
            return true;
          })
          .map((e) => ({ group: 'edges' as const, data: { ...e.data, label: e.data.type } })),
      );
      markParallelEdges();
    });
    // Nodes without a precomputed place go in a ring around the node they were expanded from.
    const unplaced = fresh.filter((n) => !n.position);
    const source = around ? cy.getElementById(around) : null;
    unplaced.forEach((n, i) => {
      const node = cy.getElementById(n.data.id);
      let centre = source?.nonempty() ? source.position() : null;
      if (!centre) {
        const placed = node.neighborhood().nodes().not(node);
        if (placed.empty()) return;
        const c = placed.boundingBox({});
        centre = { x: (c.x1 + c.x2) / 2, y: (c.y1 + c.y2) / 2 };
      }
      const radius = 90 + unplaced.length * 6;
      const angle = (2 * Math.PI * i) / Math.max(unplaced.length, 1);
      node.position({
        x: centre.x + radius * Math.cos(angle),
        y: centre.y + radius * Math.sin(angle),
      });
    });
  }

  /** Edges sharing their two ends (either way round, or a loop) are drawn as curves, apart. */
  function markParallelEdges(): void {
    const pairs = new Map<string, cytoscape.EdgeSingular[]>();
    cy.edges().forEach((edge) => {
      const [a, b] = [edge.data('source') as string, edge.data('target') as string].sort();
      const key = `${a}|${b}`;
      const list = pairs.get(key);
      if (list) list.push(edge);
      else pairs.set(key, [edge]);
    });
    for (const edges of pairs.values()) {
      const parallel = edges.length > 1 || edges[0]!.data('source') === edges[0]!.data('target');
      for (const edge of edges)
        if (Boolean(edge.data('parallel')) !== parallel) edge.data('parallel', parallel);
    }
  }

  /** The clustered overview as last laid out (its label sizes), or null when another arrangement is shown. */
  let cluster: (ClusterLayout & { lang: string }) | null = null;
  let lang = 'en';
  let metricSized = false;
  /** Nodes given the clustered overview's sizes and label styles (bypasses, removed on another layout). */
  const clusterStyled = new Set<string>();
  const CLUSTER_STYLE_KEYS =
    'font-size text-max-width text-wrap text-overflow-wrap font-weight text-margin-x text-margin-y width height';
  function clearClusterStyles(): void {
    if (!clusterStyled.size) return;
    // One call on the collection: Cytoscape updates style hints once, not once per node.
    const styled = cy.nodes().filter((n) => clusterStyled.has(n.id()));
    cy.batch(() => styled.removeStyle(CLUSTER_STYLE_KEYS));
    clusterStyled.clear();
  }
  const measureLabel = createLabelMeasurer();
  /** A title's height when drawn at `font` pixels wrapped at `width`, without restyling the node. */
  function measureTitle(id: string, font: number, width: number, bold: boolean): number {
    const text = String(cy.getElementById(id).data('label') ?? '');
    if (!text) return 0;
    return measureLabel(text, {
      size: font,
      bold,
      maxWidth: width,
      wrap: 'wrap',
      anywhere: CJK.test(text),
    }).height;
  }

  /**
   * Labels left out because they would cover another, bigger or more connected, label
   * (label-declutter.ts). Only in the arrangements computed without regard to labels:
   * the overview and "what underpins what" place their titles apart themselves.
   */
  let cluttered = new Set<string>();
  /** The arrangements computed without regard to labels, whose labels are decluttered. */
  function labelsDecluttered(): boolean {
    const name = lastLayout?.name;
    return !!name && name !== 'clusters' && name !== 'underpins';
  }
  function declutterLabels(): void {
    if (!labelsDecluttered()) {
      cluttered = new Set();
      return;
    }
    const boxes: LabelBox[] = [];
    cy.nodes().forEach((node) => {
      if (node.hasClass('gone')) return;
      const box = nodeLabelBox(node, measureLabel);
      if (box) boxes.push(box);
    });
    cluttered = declutter(boxes);
  }

  let shownKey = '';
  let shownNow: Visible = { nodes: new Set(), edges: new Set() };
  let cachedScores: Map<string, Scores> | null = null;

  function scores(): Map<string, Scores> {
    if (cachedScores) return cachedScores;
    const edges: { source: string; target: string }[] = [];
    for (const id of shownNow.edges) {
      const e = cy.getElementById(id);
      if (e.nonempty()) edges.push({ source: e.data('source'), target: e.data('target') });
    }
    cachedScores = centrality(
      [...shownNow.nodes].filter((id) => cy.getElementById(id).nonempty()),
      edges,
    );
    return cachedScores;
  }

  function sizes(metric: Metric): Map<string, number> {
    const out = new Map<string, number>();
    if (metric === 'none') return out;
    const all = scores();
    const values = [...all.values()].map((s) => s[metric]);
    const max = Math.max(...values, 1e-9);
    for (const [id, s] of all) out.set(id, 18 + 62 * Math.sqrt(s[metric] / max));
    return out;
  }

  /**
   * The classes last given to each element. Cytoscape's toggleClass(name, bool) restyles an
   * element even when nothing changed, which restyled and redrew the whole plan on every
   * state change; only elements whose classes really change are touched.
   */
  const appliedClasses = new Map<string, string>();
  /** Agreements given the underpins layout's label width and wrapping. */
  const underpinsLabelled = new Set<string>();
  /** How the underpins layout last drew agreements' names, and their labels in one language. */
  let agreementCut: { labels: UnderpinsLabels; lang: string; byId: Record<string, string> } | null =
    null;
  /** A node's whole name in `language` (its label may be a ref or a shortened name). */
  function fullName(n: cytoscape.NodeSingular, language: string): string {
    const name = language === 'ja' ? n.data('name_ja') : n.data('name_en');
    return String(name ?? n.data('label') ?? n.id());
  }
  /** The agreements' labels for the underpins diagram in `language` (cut to fit, never alike). */
  function agreementLabels(language: string): Record<string, string> {
    if (!agreementCut) return {};
    if (agreementCut.lang !== language) {
      const names: Record<string, string> = {};
      cy.nodes('[kind = "Agreement"]').forEach((n) => {
        names[n.id()] = fullName(n, language);
      });
      agreementCut = {
        ...agreementCut,
        lang: language,
        byId: underpinsLabels(names, agreementCut.labels),
      };
    }
    return agreementCut.byId;
  }
  function setClasses(ele: cytoscape.SingularElementArgument, wanted: string[]): void {
    const classes = withLod(ele.id(), wanted);
    const key = classes.join(' ');
    if (appliedClasses.get(ele.id()) === key) return;
    appliedClasses.set(ele.id(), key);
    ele.classes(classes);
  }

  function render(state: AppState, visible: Visible, hl: Highlights): void {
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
      cy.nodes().forEach((node) => {
        const d = node.data() as NodeData;
        const id = d.id;
        const shown = visible.nodes.has(id);
        // Only what is shown takes the underpins look: hidden nodes are left untouched.
        const underpinsLook = underpins && shown;
        // In "what underpins what" the list beside names the commitments; the diagram shows their refs.
        // So does the clustered overview, and on a phone it names areas by their ref too.
        const byRef =
          typeof d.ref === 'string' &&
          (d.kind === 'Commitment'
            ? underpinsLook || overview
            : d.kind === 'Area' && overview && cluster?.compact === true);
        const name = state.lang === 'ja' ? d.name_ja : d.name_en;
        const label = byRef
          ? d.ref
          : underpinsLook && d.kind === 'Agreement'
            ? (agreementLabels(state.lang)[id] ?? name)
            : name;
        if (node.data('label') !== label) node.data('label', label);
        if (!underpinsLook && underpinsLabelled.delete(id))
          node.removeStyle('text-max-width text-wrap');
        const classes: string[] = [];
        if (underpinsLook) classes.push('underpins-view');
        if (!shown) classes.push('gone');
        if (state.selected === id) classes.push('chosen');
        if (hl.hit === id) classes.push('hit');
        if (pathNodes.has(id)) classes.push('on-path');
        if (state.path.from === id || state.path.to === id) classes.push('path-end');
        if (expanded.has(id)) classes.push('expanded');
        if (dimOthers && !pathNodes.has(id)) classes.push('dim');
        setClasses(node, classes);
      });
      cy.edges().forEach((edge) => {
        const id = edge.id();
        const type = edge.data('type') as string;
        const classes: string[] = [];
        if (underpins && visible.edges.has(id)) classes.push('underpins-view');
        if (!visible.edges.has(id)) classes.push('gone');
        if (pathEdges.has(id)) classes.push('on-path');
        if (dimOthers && !pathEdges.has(id)) classes.push('dim');
        // In the structural overview the many cross-links stay in the background.
        if (faint && type !== 'PART_OF') classes.push('faint');
        setClasses(edge, classes);
        const label = `${REL_STYLES[type as keyof typeof REL_STYLES]?.[state.lang] ?? type}`;
        if (edge.data('label') !== label) edge.data('label', label);
      });
      cy.nodes(':selected')
        .filter((n) => !visible.nodes.has(n.id()))
        .unselect();
      const key = `${[...visible.nodes].sort().join(',')}|${[...visible.edges].sort().join(',')}`;
      if (key !== shownKey) {
        shownKey = key;
        shownNow = visible;
        cachedScores = null;
      }
      const metricSizes = sizes(state.metric);
      metricSized = state.metric !== 'none';
      cy.nodes().forEach((node) => {
        const size =
          metricSizes.get(node.id()) ?? (overview ? clusterSize : baseSize)(node.data('kind'));
        if (node.data('size') !== size) node.data('size', size);
      });
    });
    // Titles of another language take other room: the overview is laid out again.
    const relabelled = cluster !== null && cluster.lang !== state.lang && state.tab !== 'underpins';
    lang = state.lang;
    if (relabelled && lastLayout) layout('clusters', visible);
    else {
      declutterLabels();
      updateLevelOfDetail();
    }
  }

  /** The last arrangement laid out: "what underpins what" is laid out again for a new canvas size. */
  let lastLayout: { name: LayoutName | 'underpins'; visible: Visible } | null = null;
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
      cy.batch(() => {
        shown.nodes().forEach((n) => {
          const p = positions[n.id()];
          if (p) n.position(p);
        });
      });
      declutterLabels();
      fitView(false);
      updateLevelOfDetail();
    };
    lastLayout = { name, visible };
    layoutGeneration += 1;
    // A layout asked for while a worker's is awaited: what is drawn next is this one, in
    // current styles (a batch defers them).
    releaseHold();
    clearClusterStyles();
    cluster = null;
    if (name === 'underpins') {
      const result = underpinsLayout(nodes, edges, nameOfNode, {
        width: container.clientWidth,
        height: container.clientHeight,
      });
      agreementCut = { labels: result.labels, lang: '', byId: {} };
      const labels = agreementLabels(lang);
      cy.batch(() => {
        shown.nodes('[kind = "Agreement"]').forEach((n) => {
          underpinsLabelled.add(n.id());
          const label = labels[n.id()] ?? nameOfNode(n.id());
          if (n.data('label') !== label) n.data('label', label);
          n.style({
            'text-max-width': `${result.labels.labelWidth}px`,
            'text-wrap': result.labels.wrap,
          });
        });
      });
      apply(result.positions);
      return;
    }
    if (name === 'clusters') {
      const result = clusterLayout(
        nodes,
        edges,
        { width: container.clientWidth, height: container.clientHeight },
        measureTitle,
      );
      cluster = { ...result, lang };
      styleCluster(shown.nodes(), result);
      apply(result.positions);
      updateLevelOfDetail();
      return;
    }
    if (name === 'preset') {
      apply(defaultPositions);
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
        updateLevelOfDetail();
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

  /** Sizes and label styles of the clustered overview, in model units for the zoom it is laid out for. */
  function styleCluster(nodes: cytoscape.NodeCollection, result: ClusterLayout): void {
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
        let style: Record<string, string | number>;
        if (d.kind === 'Pillar' || d.kind === 'Area') {
          const pillar = d.kind === 'Pillar';
          style = {
            'font-size': pillar ? l.pillarFont : l.areaFont,
            'text-max-width': `${pillar ? l.pillarWidth : l.areaWidth}px`,
            'text-wrap': pillar
              ? result.mode === 'tight'
                ? 'ellipsis'
                : 'wrap'
              : result.compact
                ? 'none'
                : 'wrap',
            'text-overflow-wrap': wrap,
            'font-weight': pillar ? 'bold' : 'normal',
            'text-margin-x': l.markerSize / 2,
            width: l.markerSize,
            height: l.markerSize,
          };
        } else if (d.kind === 'Plan') {
          style = {
            'font-size': l.commitmentFont,
            'text-max-width': `${l.pillarWidth * result.columns}px`,
            'text-wrap': 'ellipsis',
            'text-overflow-wrap': wrap,
            'text-margin-x': l.markerSize / 2,
            width: l.markerSize,
            height: l.markerSize,
          };
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
        if (!metricSized && !style.width) n.data('size', clusterSize(d.kind));
      });
    });
  }

  /** A node's full name in the page's language (its label may be a shortened one). */
  const nameOfNode = (id: string) => {
    const n = cy.getElementById(id);
    return n.empty() ? id : fullName(n, lang);
  };

  return {
    cy,
    add,
    render,
    layout,
    reveal(id) {
      const node = cy.getElementById(id);
      if (node.empty() || node.hasClass('gone')) return;
      const box = node.renderedBoundingBox({});
      if (box.x1 >= 0 && box.y1 >= 0 && box.x2 <= cy.width() && box.y2 <= cy.height()) return;
      cy.stop();
      cy.animate({ center: { eles: node } }, { duration: 250 });
    },
    fitView,
    fitTo(ids) {
      const nodes = cy.nodes().filter((n) => ids.includes(n.id()));
      userMoved = true;
      frame(nodes, true);
    },
    zoomBy,
    selection: () => cy.nodes(':selected').map((n) => n.id()),
    clearSelection: () => {
      cy.nodes(':selected').unselect();
    },
    scores,
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
