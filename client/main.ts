import { html, nothing, render as renderInto } from 'lit-html';
import { EXPORT_FORMATS } from '../core/formats/export-formats';
import {
  ApiError,
  api,
  type EdgeData,
  type Elements,
  type NodeData,
  type NodeDetails,
  type Paths,
} from './api';
import { type Canvas, createCanvas } from './canvas/canvas';
import { briefOutput, exportDiagram, exportGraphOf, svgToPng } from './export/diagram-export';
import { type Actions, type AppState, actions, type Lang, type LayoutName } from './model/state';
import { decodeState, encodeState } from './model/url-state';
import { computeVisible, type Loaded, type Visible } from './model/visibility';
import { WriteProblem } from './timeline/events-api';
import { mountEvents } from './timeline/events-ui';
import { controlsTemplate } from './views/controls';
import { defaultTitle, openExportDialog } from './views/export-dialog';
import { kindName, relName, t } from './views/labels';
import { mountSavedViews } from './views/saved-views';
import { mountSearchBox } from './views/search-box';
import { sidePanelTemplate } from './views/side-panel';
import { mountTable } from './views/table-view';
import { toolbarTemplate } from './views/toolbar';
import { underpinsListTemplate } from './views/underpins-list';

const LANG_KEY = 'kizuna.lang';
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The language chosen before, else the first of the browser's preferred languages we speak. */
function firstLang(): Lang {
  const stored = localStorage.getItem(LANG_KEY);
  if (stored === 'en' || stored === 'ja') return stored;
  for (const l of navigator.languages ?? [navigator.language]) {
    if (/^ja\b/i.test(l)) return 'ja';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'en';
}

const decoded = decodeState(location.hash, firstLang());
let state: AppState = decoded.state;
let linkProblems = decoded.problems;

/** What has been fetched: the whole plan, expansions, the current path, the selected node's details. */
const loaded: Loaded<NodeData, EdgeData> = {
  nodes: [],
  edges: [],
  expansions: {},
  path: { nodes: [], edges: [] },
};
const nodeIndex = new Map<string, NodeData>();
let details: NodeDetails | null = null;
let detailsLoading = false;
let pathResult: Paths | null = null;
let hit: string | null = null;
let canvas: Canvas;
let visible: Visible = { nodes: new Set(), edges: new Set() };
let copyResult: 'copied' | 'failed' | null = null;
/** Where focus was before it moved to the panel, to return it there when the panel closes. */
let returnFocus: HTMLElement | null = null;
let focusPanelWhenReady = false;
/** Position in the browser history of this app's own entries, for Undo/Redo buttons. */
let historyIndex = 0;
let historyLength = 0;

const status = byId('status');
const controls = byId('controls-body');
const panel = byId('side-panel');
const tablePane = byId('table-pane');
const graphPane = byId('graph-pane');
const underpinsPane = byId('underpins-pane');
const tooltip = byId('tooltip');
const pathsPane = byId('paths-pane');
const toolbar = byId('toolbar');
const selectionBar = byId('selection-bar');

const nameOf = (id: string) => {
  const n = nodeIndex.get(id);
  return n ? String(state.lang === 'ja' ? n.name_ja : n.name_en) : id;
};

function dispatch<K extends keyof Actions>(
  name: K,
  ...args: Actions[K] extends (s: AppState, ...a: infer A) => AppState ? A : never
): void {
  const before = state;
  const action = actions[name] as (s: AppState, ...a: unknown[]) => AppState;
  state = action(state, ...args);
  if (state === before) return;
  copyResult = null;
  // Every change of the view is an entry in the browser's history: Back and Undo restore it.
  const hash = `#${encodeState(state)}`;
  if (hash !== location.hash) {
    historyIndex += 1;
    historyLength = historyIndex + 1;
    history.pushState({ kizuna: historyIndex }, '', hash);
  }
  void afterChange(before);
}

window.addEventListener('popstate', (e) => {
  const before = state;
  const next = decodeState(location.hash, state.lang);
  linkProblems = next.problems;
  historyIndex = (e.state as { kizuna?: number } | null)?.kizuna ?? 0;
  state = next.state;
  copyResult = null;
  void afterChange(before);
});

const pairKey = (e: Pick<EdgeData, 'source' | 'type' | 'target'>) =>
  `${e.source}|${e.type}|${e.target}`;

function addElements(elements: Elements, around?: string): void {
  canvas.add(elements, around);
  for (const n of elements.nodes) {
    if (!nodeIndex.has(n.data.id)) {
      nodeIndex.set(n.data.id, n.data);
      loaded.nodes.push(n.data);
    }
  }
  // One relationship per pair and type, however many times the graph holds it.
  const known = new Set(loaded.edges.flatMap((e) => [e.id, pairKey(e)]));
  for (const e of elements.edges) {
    if (known.has(e.data.id) || known.has(pairKey(e.data))) continue;
    known.add(pairKey(e.data));
    loaded.edges.push(e.data);
  }
}

async function fetchExpansion(id: string): Promise<void> {
  if (loaded.expansions[id]) return;
  const view = await api.neighbours(id);
  addElements(view.elements, id);
  loaded.expansions[id] = view.elements.nodes.map((n) => n.data.id);
}

async function fetchPath(): Promise<void> {
  const { from, to, avoidHierarchy } = state.path;
  pathResult = null;
  loaded.path = { nodes: [], edges: [] };
  if (!from || !to) return;
  pathResult = await api.paths(from, to, avoidHierarchy);
  addElements(pathResult.elements);
  loaded.path = {
    nodes: pathResult.paths.flatMap((p) => p.nodes),
    edges: pathResult.paths.flatMap((p) => p.edges),
  };
}

const signature = (v: Visible) => [...v.nodes].sort().join('|');
/** The arrangement the canvas was last laid out with, and the nodes it last framed. */
let laidOut: LayoutName | 'underpins' | null = null;
let framed = '';

async function afterChange(before: AppState | null): Promise<void> {
  try {
    if (state.lang !== before?.lang) {
      localStorage.setItem(LANG_KEY, state.lang);
      document.documentElement.lang = state.lang;
    }
    const jobs: Promise<void>[] = [];
    for (const id of state.expanded) if (!loaded.expansions[id]) jobs.push(fetchExpansion(id));
    if (
      !before ||
      state.path.from !== before.path.from ||
      state.path.to !== before.path.to ||
      state.path.avoidHierarchy !== before.path.avoidHierarchy
    ) {
      jobs.push(fetchPath());
    }
    if (state.selected !== before?.selected) {
      details = null;
      if (state.selected) {
        detailsLoading = true;
        const id = state.selected;
        jobs.push(
          api.node(id).then((d) => {
            if (state.selected === id) details = d;
            detailsLoading = false;
          }),
        );
      } else if (before?.selected) {
        returnFocusFromPanel();
      }
    }
    render();
    if (jobs.length) {
      await Promise.all(jobs);
      render();
    }
    // The table hides the canvas: the picture is laid out again only when it is shown
    // with another arrangement than it has (the layout laid out frames it too).
    const arrangement = state.tab === 'underpins' ? 'underpins' : state.layout;
    const relayout =
      state.tab !== 'table' &&
      (arrangement !== laidOut ||
        (state.tab === 'underpins' && before !== null && state.filters !== before.filters));
    const shown = signature(visible);
    if (relayout) {
      // New places for every node: they are framed at once, without an animation to redraw.
      laidOut = arrangement;
      framed = shown;
      canvas.layout(arrangement, visible);
    } else if (state.tab !== 'table' && shown !== framed) {
      // A new set of nodes is framed whole; a new selection is brought into view if it is not.
      framed = shown;
      canvas.fitView(Boolean(before));
    } else if (state.selected && state.selected !== before?.selected) canvas.reveal(state.selected);
    if (focusPanelWhenReady && details) {
      focusPanelWhenReady = false;
      byId('panel-title')?.focus();
    }
  } catch (error) {
    showError(error);
  }
}

function returnFocusFromPanel(): void {
  if (!panel.contains(document.activeElement) && document.activeElement !== document.body) return;
  const target = returnFocus?.isConnected ? returnFocus : byId('cy');
  returnFocus = null;
  window.setTimeout(() => target.focus(), 0);
}

/** Moves the keyboard to the chosen node's panel once it has loaded, remembering where it came from. */
function choose(id: string): void {
  const active = document.activeElement;
  if (active instanceof HTMLElement && !panel.contains(active)) returnFocus = active;
  focusPanelWhenReady = true;
  dispatch('select', id);
  if (state.selected === id && details?.id === id) {
    focusPanelWhenReady = false;
    byId('panel-title')?.focus();
  }
}

function render(): void {
  visible = events.restrict(computeVisible(loaded, state), state);
  canvas.render(state, visible, {
    hit,
    pathNodes: loaded.path.nodes,
    pathEdges: loaded.path.edges,
  });
  events.decorate(canvas.cy, state);
  events.render();
  const lang = state.lang;
  const themes = loaded.nodes
    .filter((n) => n.kind === 'Theme')
    .map((n) => ({ id: n.id, name_ja: n.name_ja, name_en: n.name_en }));
  const pillarNames = Object.fromEntries(
    loaded.nodes
      .filter((n) => n.kind === 'Pillar')
      .map((n) => [
        String(n.ref),
        String(lang === 'ja' ? (n.title_ja ?? n.name_ja) : (n.title_en ?? n.name_en)),
      ]),
  );
  renderInto(controlsTemplate(state, { dispatch, themes, nameOf, pillarNames }), controls);
  byId('controls-summary').textContent = t(lang, 'moreFilters');
  panel.hidden = !state.selected && !state.event;
  renderInto(
    events.panel(state) ??
      sidePanelTemplate(details, state, panelActions, detailsLoading, events.ofNode(state)),
    panel,
  );
  graphPane.hidden = state.tab === 'table';
  tablePane.hidden = state.tab !== 'table';
  document.body.dataset.tab = state.tab;
  if (state.tab === 'table')
    table.render(
      loaded.nodes.filter((n) => visible.nodes.has(n.id)),
      canvas.scores(),
      lang,
    );
  underpinsPane.hidden = state.tab !== 'underpins';
  renderInto(
    state.tab === 'underpins'
      ? underpinsListTemplate(loaded.edges, visible.nodes, (id) => nodeIndex.get(id), lang, choose)
      : nothing,
    underpinsPane,
  );
  renderPaths();
  renderToolbar();
  renderSelectionBar();
  savedViews.render(lang);
  searchBox.setLang(lang);
  byId('cy').setAttribute('aria-label', t(lang, 'canvasLabel'));
  byId('hint').textContent = t(lang, 'hint');
  for (const [id, word] of [
    ['zoom-in', 'zoomIn'],
    ['zoom-out', 'zoomOut'],
    ['zoom-fit', 'fit'],
  ] as const) {
    byId(id).setAttribute('aria-label', t(lang, word));
    byId(id).title = t(lang, word);
  }
  renderInto(
    html`<span data-test="counts"
        >${visible.nodes.size} / ${loaded.nodes.length} ${t(lang, 'nodesCount')} ·
        ${visible.edges.size} ${t(lang, 'relsCount')}</span
      >${visible.nodes.size === 0 ? html` <strong class="warn">${t(lang, 'empty')}</strong>` : nothing}${
        linkProblems.length
          ? html` <span class="warn" role="alert" data-test="link-problems"
              >${t(lang, 'badLink')}: ${linkProblems.join('; ')}</span
            >`
          : nothing
      }`,
    status,
  );
}

function renderPaths(): void {
  const lang = state.lang;
  const open = Boolean(pathResult && state.path.from && state.path.to);
  pathsPane.hidden = !open;
  renderInto(
    open && pathResult && state.path.from && state.path.to
      ? html`<h2>${t(lang, 'paths')}: ${nameOf(state.path.from)} → ${nameOf(state.path.to)}</h2>
          ${
            pathResult.paths.length === 0
              ? html`<p data-test="no-path">${t(lang, 'noPath')}</p>`
              : html`<ol data-test="path-list">
                ${pathResult.paths.map((p) => html`<li>${p.nodes.map(nameOf).join(' → ')}</li>`)}
              </ol>`
          }`
      : nothing,
    pathsPane,
  );
}

function renderToolbar(): void {
  renderInto(
    toolbarTemplate(state, {
      dispatch,
      openExport: () => openExportDialog(canvas.cy, state),
      copyLink,
      copyResult,
      canUndo: historyIndex > 0,
      canRedo: historyIndex < historyLength - 1,
    }),
    toolbar,
  );
}

/** Copies the link and says truthfully whether the clipboard took it. */
async function copyLink(): Promise<boolean> {
  let ok = false;
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(location.href);
    ok = true;
  } catch {
    ok = false;
  }
  copyResult = ok ? 'copied' : 'failed';
  renderToolbar();
  return ok;
}

/** Several nodes chosen on the canvas (shift-click, box): what can be done with them. */
function renderSelectionBar(): void {
  const lang = state.lang;
  const ids = canvas.selection();
  selectionBar.hidden = ids.length < 2;
  renderInto(
    ids.length < 2
      ? nothing
      : html`<span data-test="selection-count">${ids.length} ${t(lang, 'selectedCount')}</span>
          <button type="button" data-test="sel-hide" @click=${() => dispatch('hideMany', ids)}>
            ${t(lang, 'hide')}
          </button>
          <button
            type="button"
            data-test="sel-hide-others"
            @click=${() => dispatch('hideOthers', ids, [...visible.nodes])}
          >
            ${t(lang, 'hideOthers')}
          </button>
          <button type="button" data-test="sel-expand" @click=${() => dispatch('expandMany', ids)}>
            ${t(lang, 'expandSelection')}
          </button>
          <button type="button" data-test="sel-focus" @click=${() => canvas.fitTo(ids)}>
            ${t(lang, 'focusSelection')}
          </button>
          <button
            type="button"
            data-test="sel-export"
            @click=${() => openExportDialog(canvas.cy, state)}
          >
            ${t(lang, 'exportSelection')}
          </button>
          <button type="button" @click=${() => canvas.clearSelection()}>
            ${t(lang, 'clearSelection')}
          </button>`,
    selectionBar,
  );
}

const panelActions = {
  select: (id: string) => choose(id),
  close: () => dispatch('select', null),
  expand: (id: string) => dispatch('expand', id),
  collapse: (id: string) => dispatch('collapse', id),
  hide: (id: string) => dispatch('hide', id),
  focus: (id: string, hops: number) => dispatch('focusOn', id, hops),
  pathFrom: (id: string) => dispatch('pathFrom', id),
  pathTo: (id: string) => dispatch('pathTo', id),
  edgeFocus: (edge: { source: string; type: string; target: string } | null) =>
    showEdgeTooltip(edge),
};

const events = mountEvents(
  {
    state: () => state,
    nodes: () => loaded.nodes,
    edges: () => loaded.edges,
    setRange: (range) => dispatch('setRange', range),
    setQuietSince: (day) => dispatch('setQuietSince', day),
    selectEvent: (id) => dispatch('selectEvent', id),
    selectNode: (id) => choose(id),
    rerender: () => render(),
  },
  { timeline: byId('timeline'), account: byId('account') },
);

/** The tooltip of a relationship reached by keyboard from the panel: at its middle if drawn, else at the corner. */
function showEdgeTooltip(edge: { source: string; type: string; target: string } | null): void {
  const e = edge && loaded.edges.find((x) => pairKey(x) === pairKey(edge));
  if (!e) {
    showTooltip(null);
    return;
  }
  const drawn = canvas.cy.getElementById(e.id);
  const at =
    drawn.nonempty() && !drawn.hasClass('gone') ? drawn.renderedMidpoint() : { x: 8, y: 8 };
  showTooltip({ kind: 'edge', id: e.id, x: at.x, y: at.y });
}

const table = mountTable(tablePane, (id) => {
  dispatch('setTab', 'graph');
  choose(id);
});

const searchBox = mountSearchBox(
  byId('search-box'),
  () => state.lang,
  (id) => {
    if (events.isEvent(id)) return dispatch('selectEvent', id);
    hit = id;
    if (!nodeIndex.has(id)) dispatch('expand', id);
    choose(id);
  },
  (q, lang) => events.search(q, lang),
);

const savedViews = mountSavedViews(byId('saved-views'), {
  current: () => encodeState(state),
  open: (hash) => {
    location.hash = hash;
  },
});

function showError(error: unknown): void {
  const lang = state.lang;
  // The plan's and the events' requests fail alike (ApiError, WriteProblem): a problem's
  // title and detail, whichever of the two answered first.
  const problem =
    error instanceof ApiError || error instanceof WriteProblem
      ? { status: error.status, title: error.title, detail: error.message }
      : null;
  const message = problem
    ? problem.status === 0
      ? t(lang, 'serverUnreachable')
      : `${problem.title}: ${problem.detail}`
    : `${t(lang, 'error')}: ${String(error)}`;
  renderInto(
    html`<strong class="error" role="alert" data-test="error">${message}</strong>
      <button type="button" @click=${() => location.reload()}>${t(lang, 'retry')}</button>`,
    status,
  );
  document.body.dataset.state = 'error';
}

function showTooltip(
  target: { kind: 'node' | 'edge'; id: string; x: number; y: number } | null,
): void {
  if (!target) {
    tooltip.hidden = true;
    return;
  }
  const lang = state.lang;
  if (target.kind === 'node') {
    const n = nodeIndex.get(target.id);
    renderInto(
      html`<strong>${nameOf(target.id)}</strong
        ><span> · ${kindName(n?.kind ?? '', lang)}${typeof n?.ref === 'string' ? ` ${n.ref}` : ''}</span>`,
      tooltip,
    );
  } else {
    const e = loaded.edges.find((x) => x.id === target.id);
    if (!e) return;
    renderInto(
      html`<strong>${nameOf(e.source)}</strong> <em>${relName(e.type, lang)}</em>
        <strong>${nameOf(e.target)}</strong>
        ${
          typeof e.evidence === 'string'
            ? html`<span class="tip-evidence"
              >${t(lang, 'evidence')}: <q lang="ja">${e.evidence}</q></span
            >`
            : nothing
        }`,
      tooltip,
    );
  }
  const box = graphPane.getBoundingClientRect();
  tooltip.style.left = `${Math.min(target.x + 14, box.width - 260)}px`;
  tooltip.style.top = `${Math.min(target.y + 14, box.height - 80)}px`;
  tooltip.hidden = false;
}

async function start(): Promise<void> {
  // On a phone the filters start folded, so the graph gets the screen.
  if (window.matchMedia('(max-width: 900px)').matches)
    (byId('controls-details') as HTMLDetailsElement).open = false;
  document.documentElement.lang = state.lang;
  document.body.dataset.state = 'loading';
  renderInto(html`<span role="status">${t(state.lang, 'loading')}</span>`, status);
  // A reload keeps its place in the app's history, so Undo still knows how far it can go.
  historyIndex = (history.state as { kizuna?: number } | null)?.kizuna ?? 0;
  historyLength = historyIndex + 1;
  history.replaceState({ kizuna: historyIndex }, '', `#${encodeState(state)}`);
  canvas = createCanvas(byId('cy'), {
    select: (id) => {
      hit = null;
      dispatch('select', id);
    },
    expand: (id) => dispatch(state.expanded.includes(id) ? 'collapse' : 'expand', id),
    hover: showTooltip,
    selectionChanged: () => renderSelectionBar(),
  });
  byId('zoom-in').addEventListener('click', () => canvas.zoomBy(1.4));
  byId('zoom-out').addEventListener('click', () => canvas.zoomBy(1 / 1.4));
  byId('zoom-fit').addEventListener('click', () => canvas.fitView(true));
  window.kizuna = {
    cy: canvas.cy,
    laidOut: () => canvas.laidOut(),
    diagram: (request) =>
      exportDiagram(canvas.cy, {
        scope: 'view',
        selected: state.selected,
        title: defaultTitle(state),
        legend: true,
        source: true,
        date: true,
        lang: state.lang,
        background: 'white',
        ...request,
      }),
    png: async (diagram, scale, background) => {
      const bytes = new Uint8Array(
        await (await svgToPng(diagram, scale, background)).arrayBuffer(),
      );
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return btoa(binary);
    },
    brief: (request) => briefOutput(canvas.cy, state, request),
    data: (format) =>
      EXPORT_FORMATS[format].build(
        exportGraphOf(canvas.cy, 'view', null, defaultTitle(state), state.lang),
      ),
  };
  try {
    const [whole] = await Promise.all([api.wholePlan(), events.load()]);
    addElements(whole.elements);
    await afterChange(null);
    // A link to a worker-computed arrangement is ready once that arrangement is shown.
    await canvas.laidOut();
    canvas.fitView(false);
    document.body.dataset.state = 'ready';
    performance.mark('kizuna:first-render');
  } catch (error) {
    showError(error);
  }
}

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && Boolean(target.closest('input, select, textarea'));

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && state.selected && !typing(e.target)) {
    dispatch('select', null);
    return;
  }
  // Undo and redo are Back and Forward within the app's own history, never out of it.
  if ((e.ctrlKey || e.metaKey) && !typing(e.target)) {
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey && historyIndex > 0) {
      e.preventDefault();
      history.back();
    } else if (((key === 'z' && e.shiftKey) || key === 'y') && historyIndex < historyLength - 1) {
      e.preventDefault();
      history.forward();
    }
  }
});

void start();
