import { html, nothing, render as renderInto } from 'lit-html';
import type { NodeData } from '../api';
import { recordDay } from '../model/clock';
import { showsCanvas } from '../model/state';
import { computeVisible } from '../model/visibility';
import { controlsTemplate } from '../views/controls';
import { t, tf } from '../views/labels';
import { pathResultsTemplate } from '../views/path-finder';
import { sidePanelTemplate } from '../views/side-panel';
import { underpinsListTemplate } from '../views/underpins-list';
import { renderEmbed } from './embed';
import type { Explorer } from './explorer';
import { byId } from './page-elements';
import { choose } from './panel-focus';
import { renderToolbar } from './render-toolbar';
import { renderSelectionBar } from './selection-bar';
import { renderStatus } from './status-bar';
import { nameOf } from './store';
import { renderVersionNotice } from './version-notice';
import { renderViewBar } from './view-bar';

/** Draws the whole explorer from the store: the canvas, the panels, the toolbar and the footer. */
export function render(app: Explorer): void {
  const { store, canvas, events, implementation, page } = app;
  const { state, loaded } = store;
  implementation.want(state);
  store.setVisible(
    implementation.restrict(events.restrict(computeVisible(loaded, state), state), state),
  );
  const { visible } = store;
  canvas.render(state, visible, {
    hit: store.hit,
    pathNodes: loaded.path.nodes,
    pathEdges: loaded.path.edges,
  });
  events.decorate(canvas.cy, state);
  implementation.decorate(canvas.cy, state);
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
  renderInto(
    controlsTemplate(state, {
      dispatch: store.dispatch,
      themes,
      nameOf: (id) => nameOf(store, id),
      node: (id) => store.nodeIndex.get(id),
      pillarNames,
      pathsOffline: !app.data.paths,
    }),
    page.controls,
  );
  byId('controls-summary').textContent = t(lang, 'moreFilters');
  // Static in index.html (it works before the script runs), so it is translated here.
  // In a published copy workbench.html tells how to get the dataset into Neo4j.
  byId('workbench-link').textContent = t(
    lang,
    app.data.edition === 'published' ? 'workbenchLinkPublished' : 'workbenchLink',
  );
  page.panel.hidden = !state.selected && !state.event;
  renderInto(
    events.panel(state) ??
      sidePanelTemplate(
        store.details,
        state,
        app.panelActions,
        store.detailsLoading,
        html`${events.ofNode(state)}${implementation.panel(state)}`,
      ),
    page.panel,
  );
  page.graphPane.hidden = !showsCanvas(state.tab);
  page.tablePane.hidden = state.tab !== 'table';
  document.body.dataset.tab = state.tab;
  if (state.tab === 'table') {
    const listed = listedNodes(app);
    app.table.render({
      nodes: listed.nodes,
      facts: events.facts(state),
      scores: canvas.scores(),
      lang,
      view: state.table,
      selected: state.selected,
      chip: listed.chip,
    });
  }
  page.underpinsPane.hidden = state.tab !== 'underpins';
  renderInto(
    state.tab === 'underpins'
      ? underpinsListTemplate({
          edges: loaded.edges,
          shown: visible.nodes,
          nodeOf: (id) => store.nodeIndex.get(id),
          lang,
          asOf: state.asOf,
          today: recordDay(),
          onSelect: (id) => choose(app, id),
          onAsOf: (asOf) => store.dispatch('setAsOf', asOf),
        })
      : nothing,
    page.underpinsPane,
  );
  page.implementationPane.hidden = state.tab !== 'implementation';
  renderInto(
    state.tab === 'implementation' ? implementation.view(state) : nothing,
    page.implementationPane,
  );
  renderPaths(app);
  renderToolbar(app);
  renderSelectionBar(app);
  renderViewBar(app);
  app.keys.refresh();
  renderSkipLinks(app);
  app.savedViews.render(lang);
  app.searchBox.setLang(lang);
  byId('cy').setAttribute('aria-label', t(lang, 'canvasLabel'));
  byId('hint').textContent = t(lang, 'hint');
  renderVersionNotice(app);
  for (const [id, word] of [
    ['zoom-in', 'zoomIn'],
    ['zoom-out', 'zoomOut'],
    ['zoom-fit', 'fit'],
  ] as const) {
    byId(id).setAttribute('aria-label', t(lang, word));
    byId(id).title = t(lang, word);
  }
  renderStatus(app);
  renderEmbed(app);
}

/** The skip links, in the page's language; the panel's only while a panel is open. */
function renderSkipLinks(app: Explorer): void {
  const lang = app.store.state.lang;
  byId('skip-links').setAttribute('aria-label', t(lang, 'skipLinks'));
  byId('skip-canvas').textContent = t(lang, 'skipToCanvas');
  byId('skip-search').textContent = t(lang, 'skipToSearch');
  byId('skip-panel').textContent = t(lang, 'skipToPanel');
  byId('skip-panel').hidden = app.page.panel.hidden;
}

/**
 * The table's rows: the nodes shown, or the set a list was opened for, named on its chip.
 * Path result: the node ids of every path found (store.loaded.path.nodes, from pathResult.paths).
 */
export function listedNodes(app: Explorer): { nodes: NodeData[]; chip: string | null } {
  const { store, events } = app;
  const { state, loaded, visible } = store;
  const { list, lang } = state;
  if (!list) return { nodes: loaded.nodes.filter((n) => visible.nodes.has(n.id)), chip: null };
  const ids: Set<string> =
    list.kind === 'quiet'
      ? events.quiet(state)
      : list.kind === 'path'
        ? new Set(loaded.path.nodes)
        : list.kind === 'focus'
          ? state.focus
            ? visible.nodes
            : new Set()
          : new Set(list.ids);
  const nodes = loaded.nodes.filter((n) => ids.has(n.id));
  const n = nodes.length;
  const name = (id: string | null) => (id ? nameOf(store, id) : '—');
  const chip =
    list.kind === 'quiet'
      ? tf(lang, 'listQuiet', { date: state.quietSince ?? '—', n })
      : list.kind === 'path'
        ? tf(lang, 'listPath', { from: name(state.path.from), to: name(state.path.to), n })
        : list.kind === 'focus'
          ? tf(lang, 'listFocus', {
              name: name(state.focus?.id ?? null),
              hops: state.focus?.hops ?? 0,
              n,
            })
          : tf(lang, 'listSearch', { q: list.q, n });
  return { nodes, chip };
}

function renderPaths(app: Explorer): void {
  const { store } = app;
  const { state, pathResult } = store;
  const open = Boolean(pathResult && state.path.from && state.path.to);
  app.page.pathsPane.hidden = !open;
  renderInto(
    open && pathResult
      ? pathResultsTemplate(state, pathResult, {
          dispatch: store.dispatch,
          node: (id) => store.nodeIndex.get(id),
        })
      : nothing,
    app.page.pathsPane,
  );
}
