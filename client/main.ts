import { afterChange } from './app/after-change';
import { mountCanvasKeys } from './app/canvas-keys';
import type { Explorer } from './app/explorer';
import { sayWhenUnchanged } from './app/feedback';
import { syncHistory } from './app/history-sync';
import { firstLang } from './app/language';
import { byId, pageElements } from './app/page-elements';
import { offerPageHandle } from './app/page-handle';
import { choose } from './app/panel-focus';
import { render } from './app/render-app';
import { renderSelectionBar } from './app/selection-bar';
import { followSkipLinks, listenForShortcuts } from './app/shortcuts';
import { openFirstView, preparePage } from './app/start-up';
import { createStore } from './app/store';
import { showEdgeTooltip, showTooltip } from './app/tooltip';
import { checkLinkVersion } from './app/version-notice';
import { createCanvas } from './canvas/canvas';
import { chooseSource } from './data/choose-source';
import { mountImplementation } from './implementation/implementation-ui';
import { decodeState, encodeState } from './model/url-state';
import { mountEvents } from './timeline/events-ui';
import { mountSavedViews } from './views/saved-views';
import { mountSearchBox } from './views/search-box';
import type { PanelActions } from './views/side-panel';
import { mountTable } from './views/table-view';

/**
 * The explorer's entry point: it makes the store, mounts the views and the canvas, and
 * wires their events to the store's actions. What each part does lives in client/app/.
 * The callbacks below reach `app` only once the page runs, after it is made at the end.
 */

// The live API or a published copy's files: chosen once, from the page itself.
const data = chooseSource(document);
const store = createStore(decodeState(location.hash, firstLang()));
const { dispatch } = store;
const page = pageElements();

const panelActions: PanelActions = {
  select: (id) => choose(app, id),
  close: () => dispatch('select', null),
  expand: (id) => dispatch('expand', id),
  collapse: (id) => dispatch('collapse', id),
  hide: (id) => dispatch('hide', id),
  focus: (id, hops) => dispatch('focusOn', id, hops),
  pathFrom: (id) => dispatch('pathFrom', id),
  pathTo: (id) => dispatch('pathTo', id),
  edgeFocus: (edge) => showEdgeTooltip(app, edge),
};

const events = mountEvents(
  {
    state: () => store.state,
    nodes: () => store.loaded.nodes,
    edges: () => store.loaded.edges,
    setRange: (range) => dispatch('setRange', range),
    setQuietSince: (day) => dispatch('setQuietSince', day),
    selectEvent: (id) => dispatch('selectEvent', id),
    selectNode: (id) => choose(app, id),
    openList: (list) => dispatch('openList', list),
    rerender: () => render(app),
  },
  { timeline: byId('timeline'), account: byId('account') },
  data,
);

const implementation = mountImplementation(
  {
    state: () => store.state,
    nodes: () => store.loaded.nodes,
    edges: () => store.loaded.edges,
    events: () => events.all(),
    canEdit: () => events.canEdit(),
    csrf: () => events.session().csrf_token,
    selectNode: (id) => choose(app, id),
    selectEvent: (id) => dispatch('selectEvent', id),
    dispatch: {
      setAsOf: (asOf) => dispatch('setAsOf', asOf),
      openCell: (pillar, status) => dispatch('openImplementationCell', pillar, status),
      sort: (column) => dispatch('sortImplementation', column),
    },
    rerender: () => render(app),
  },
  data,
);

const table = mountTable(page.tablePane, {
  choose: (id) => {
    dispatch('setTab', 'graph');
    choose(app, id);
  },
  sort: (column, numeric) => dispatch('sortTable', column, numeric),
  filter: (column, value) => dispatch('filterTable', column, value),
  clearFilters: () => dispatch('clearTableFilters'),
  closeList: () => dispatch('closeList'),
});

const searchBox = mountSearchBox(
  byId('search-box'),
  (q, signal) => data.search(q, signal),
  () => store.state.lang,
  (id) => {
    if (events.isEvent(id)) return dispatch('selectEvent', id);
    store.setHit(id);
    if (!store.nodeIndex.has(id)) dispatch('expand', id);
    choose(app, id);
  },
  (q, lang) => events.search(q, lang),
  () => app.keys.focusNode(null),
  (q, ids) => dispatch('openList', { kind: 'search', q, ids }),
);

const savedViews = mountSavedViews(byId('saved-views'), {
  current: () => encodeState(store.state, store.dataVersion),
  open: (hash) => {
    location.hash = hash;
  },
});

listenForShortcuts(store, (id) => app.keys.focusNode(id));
followSkipLinks(() => app.keys.focusNode(null));
preparePage({ store, page });
syncHistory(store);

const canvas = createCanvas(byId('cy'), {
  select: (id) => {
    store.setHit(null);
    dispatch('select', id);
  },
  expand: (id) => dispatch(store.state.expanded.includes(id) ? 'collapse' : 'expand', id),
  hover: (target) => showTooltip(app, target),
  selectionChanged: () => renderSelectionBar(app),
});
byId('zoom-in').addEventListener('click', () => canvas.zoomBy(1.4));
byId('zoom-out').addEventListener('click', () => canvas.zoomBy(1 / 1.4));
byId('zoom-fit').addEventListener('click', () => canvas.fitView(true));
offerPageHandle(canvas, store, data);
const keys = mountCanvasKeys(canvas, () => app);

const app: Explorer = {
  data,
  published: null,
  store,
  page,
  canvas,
  events,
  implementation,
  table,
  searchBox,
  savedViews,
  panelActions,
  keys,
};
sayWhenUnchanged(app);
// After syncHistory's subscriber: the history entry is made before the view is drawn.
store.subscribe((before) => void afterChange(app, before));
// A link or saved view opened, or Back to the link's own entry: made with the data shown?
store.subscribe((_before, cause) => {
  if (cause === 'history' && store.loaded.nodes.length) void checkLinkVersion(app);
});
void openFirstView(app);
