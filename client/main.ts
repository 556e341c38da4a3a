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
import { type Actions, type AppState, actions, type Lang } from './model/state';
import { underpinsLayout } from './model/underpins-layout';
import { decodeState, encodeState } from './model/url-state';
import { computeVisible, type Loaded } from './model/visibility';
import { renderControls } from './views/controls';
import { h } from './views/dom';
import { defaultTitle, openExportDialog } from './views/export-dialog';
import { t } from './views/labels';
import { mountSearchBox } from './views/search-box';
import { renderSidePanel } from './views/side-panel';
import { mountTable } from './views/table-view';
import { renderUnderpinsList } from './views/underpins-list';

const LANG_KEY = 'kizuna.lang';
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const storedLang = (): Lang => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'ja');
const decoded = decodeState(location.hash, storedLang());
let state: AppState = decoded.state;

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

const status = byId('status');
const controls = byId('controls');
const panel = byId('side-panel');
const tablePane = byId('table-pane');
const graphPane = byId('graph-pane');
const underpinsPane = byId('underpins-pane');
const tooltip = byId('tooltip');
const pathsPane = byId('paths-pane');

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
  void afterChange(before);
}

function addElements(elements: Elements): void {
  canvas.add(elements);
  for (const n of elements.nodes) {
    if (!nodeIndex.has(n.data.id)) {
      nodeIndex.set(n.data.id, n.data);
      loaded.nodes.push(n.data);
    }
  }
  const known = new Set(loaded.edges.map((e) => e.id));
  for (const e of elements.edges) if (!known.has(e.data.id)) loaded.edges.push(e.data);
}

async function fetchExpansion(id: string): Promise<void> {
  if (loaded.expansions[id]) return;
  const view = await api.neighbours(id);
  addElements(view.elements);
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
      }
    }
    render();
    if (jobs.length) {
      await Promise.all(jobs);
      render();
    }
    const relayout =
      !before ||
      state.layout !== before.layout ||
      (state.layout === 'underpins' && state.filters !== before.filters);
    if (relayout) canvas.layout(state.layout, computeVisible(loaded, state), nameOf);
    const pathChanged =
      before && (state.path.from !== before.path.from || state.path.to !== before.path.to);
    if (pathChanged && loaded.path.nodes.length) canvas.fitTo(loaded.path.nodes);
    else if (state.selected && state.selected !== before?.selected) canvas.center(state.selected);
  } catch (error) {
    showError(error);
  }
}

function render(): void {
  const visible = computeVisible(loaded, state);
  canvas.render(state, visible, {
    hit,
    pathNodes: loaded.path.nodes,
    pathEdges: loaded.path.edges,
  });
  history.replaceState(null, '', `#${encodeState(state)}`);
  const themes = loaded.nodes
    .filter((n) => n.kind === 'Theme')
    .map((n) => ({ id: n.id, name_ja: n.name_ja, name_en: n.name_en }));
  renderControls(controls, state, { dispatch, themes, nameOf });
  renderSidePanel(panel, details, state, panelActions, detailsLoading);
  graphPane.hidden = state.tab !== 'graph';
  tablePane.hidden = state.tab !== 'table';
  if (state.tab === 'table')
    table.render(
      loaded.nodes.filter((n) => visible.nodes.has(n.id)),
      canvas.scores(),
      state.lang,
    );
  const rows =
    state.layout === 'underpins'
      ? underpinsLayout(
          loaded.nodes.filter((n) => visible.nodes.has(n.id)),
          loaded.edges,
          nameOf,
        ).rows
      : null;
  renderUnderpinsList(
    underpinsPane,
    rows,
    (id) => nodeIndex.get(id),
    state.lang,
    (id) => dispatch('select', id),
  );
  renderPaths();
  renderToolbar();
  const edgeCount = visible.edges.size;
  const problems = decoded.problems.length
    ? h(
        'span',
        { className: 'warn', role: 'alert', 'data-test': 'link-problems' },
        ` ${t(state.lang, 'badLink')}: ${decoded.problems.join('; ')}`,
      )
    : '';
  status.replaceChildren(
    h(
      'span',
      { 'data-test': 'counts' },
      `${visible.nodes.size} / ${loaded.nodes.length} nodes · ${edgeCount} relationships`,
    ),
    visible.nodes.size === 0
      ? h('strong', { className: 'warn' }, ` ${t(state.lang, 'empty')}`)
      : '',
    problems,
  );
}

function renderPaths(): void {
  if (!pathResult || !state.path.from || !state.path.to) {
    pathsPane.hidden = true;
    pathsPane.replaceChildren();
    return;
  }
  pathsPane.hidden = false;
  pathsPane.replaceChildren(
    h('h2', {}, `${t(state.lang, 'paths')}: ${nameOf(state.path.from)} → ${nameOf(state.path.to)}`),
    pathResult.paths.length === 0
      ? h('p', { 'data-test': 'no-path' }, t(state.lang, 'noPath'))
      : h(
          'ol',
          { 'data-test': 'path-list' },
          ...pathResult.paths.map((p) => h('li', {}, p.nodes.map(nameOf).join(' → '))),
        ),
  );
}

const panelActions = {
  select: (id: string) => dispatch('select', id),
  close: () => dispatch('select', null),
  expand: (id: string) => dispatch('expand', id),
  collapse: (id: string) => dispatch('collapse', id),
  hide: (id: string) => dispatch('hide', id),
  focus: (id: string, hops: number) => dispatch('focusOn', id, hops),
  pathFrom: (id: string) => dispatch('pathFrom', id),
  pathTo: (id: string) => dispatch('pathTo', id),
};

const table = mountTable(tablePane, (id) => {
  dispatch('setTab', 'graph');
  dispatch('select', id);
});

const toolbar = byId('toolbar');
const searchBox = mountSearchBox(
  byId('search-box'),
  () => state.lang,
  (id) => {
    hit = id;
    if (!nodeIndex.has(id)) dispatch('expand', id);
    dispatch('select', id);
  },
);

function renderToolbar(): void {
  const lang = state.lang;
  searchBox.setLang(lang);
  toolbar.replaceChildren(
    h(
      'button',
      {
        type: 'button',
        id: 'lang-toggle',
        'aria-pressed': String(lang === 'en'),
        onclick: () => dispatch('setLanguage', lang === 'ja' ? 'en' : 'ja'),
      },
      t(lang, 'language'),
    ),
    h(
      'label',
      {},
      `${t(lang, 'layout')} `,
      h(
        'select',
        {
          id: 'layout',
          onchange: (e: Event) =>
            dispatch('setLayout', (e.target as HTMLSelectElement).value as AppState['layout']),
        },
        ...(['preset', 'fcose', 'hierarchy', 'concentric', 'underpins'] as const).map((l) =>
          h('option', { value: l, selected: state.layout === l }, t(lang, l)),
        ),
      ),
    ),
    h(
      'button',
      {
        type: 'button',
        onclick: () => canvas.layout(state.layout, computeVisible(loaded, state), nameOf),
      },
      t(lang, 'relayout'),
    ),
    h(
      'div',
      { role: 'tablist', className: 'tabs' },
      ...(['graph', 'table'] as const).map((tab) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            id: `tab-${tab}`,
            'aria-selected': String(state.tab === tab),
            onclick: () => dispatch('setTab', tab),
          },
          t(lang, tab),
        ),
      ),
    ),
    h('button', { type: 'button', onclick: () => dispatch('resetFilters') }, t(lang, 'reset')),
    h(
      'button',
      { type: 'button', id: 'export', onclick: () => openExportDialog(canvas.cy, state) },
      t(lang, 'export'),
    ),
    h(
      'button',
      {
        type: 'button',
        id: 'share',
        onclick: async (e: Event) => {
          const button = e.currentTarget as HTMLButtonElement;
          await navigator.clipboard?.writeText(location.href).catch(() => {});
          button.textContent = t(lang, 'copied');
        },
      },
      t(lang, 'share'),
    ),
  );
}

function showError(error: unknown): void {
  const message = error instanceof ApiError ? `${error.title}: ${error.message}` : String(error);
  status.replaceChildren(
    h('strong', { className: 'error', role: 'alert', 'data-test': 'error' }, message),
    ' ',
    h('button', { type: 'button', onclick: () => location.reload() }, t(state.lang, 'retry')),
  );
  document.body.dataset.state = 'error';
}

async function start(): Promise<void> {
  document.documentElement.lang = state.lang;
  document.body.dataset.state = 'loading';
  status.replaceChildren(h('span', { role: 'status' }, t(state.lang, 'loading')));
  canvas = createCanvas(byId('cy'), {
    select: (id) => {
      hit = null;
      dispatch('select', id);
    },
    expand: (id) => dispatch(state.expanded.includes(id) ? 'collapse' : 'expand', id),
    hover: (node) => {
      if (!node) {
        tooltip.hidden = true;
        return;
      }
      const n = nodeIndex.get(node.id);
      tooltip.replaceChildren(
        h('strong', {}, nameOf(node.id)),
        h('span', {}, ` · ${n?.kind ?? ''}${typeof n?.ref === 'string' ? ` ${n.ref}` : ''}`),
      );
      tooltip.style.left = `${node.x + 14}px`;
      tooltip.style.top = `${node.y + 14}px`;
      tooltip.hidden = false;
    },
  });
  window.kizuna = {
    cy: canvas.cy,
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
    const whole = await api.wholePlan();
    addElements(whole.elements);
    await afterChange(null);
    canvas.fit();
    document.body.dataset.state = 'ready';
    performance.mark('kizuna:first-render');
  } catch (error) {
    showError(error);
  }
}

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && state.selected && !(e.target as HTMLElement).closest('input, select'))
    dispatch('select', null);
});

void start();
