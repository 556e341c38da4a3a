import { html, nothing, render as renderInto } from 'lit-html';
import type { NodeData } from '../api';
import { computeVisible } from '../model/visibility';
import { controlsTemplate } from '../views/controls';
import { kindName, t, tf } from '../views/labels';
import { sidePanelTemplate } from '../views/side-panel';
import { underpinsListTemplate } from '../views/underpins-list';
import type { Explorer } from './explorer';
import { byId } from './page-elements';
import { choose } from './panel-focus';
import { renderToolbar } from './render-toolbar';
import { renderSelectionBar } from './selection-bar';
import { renderStatus } from './status-bar';
import { nameOf } from './store';

/** Draws the whole explorer from the store: the canvas, the panels, the toolbar and the footer. */
export function render(app: Explorer): void {
  const { store, canvas, events, page } = app;
  const { state, loaded } = store;
  store.setVisible(events.restrict(computeVisible(loaded, state), state));
  const { visible } = store;
  canvas.render(state, visible, {
    hit: store.hit,
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
  renderInto(
    controlsTemplate(state, {
      dispatch: store.dispatch,
      themes,
      nameOf: (id) => nameOf(store, id),
      pillarNames,
    }),
    page.controls,
  );
  byId('controls-summary').textContent = t(lang, 'moreFilters');
  // Static in index.html (it works before the script runs), so it is translated here.
  byId('workbench-link').textContent = t(lang, 'workbenchLink');
  page.panel.hidden = !state.selected && !state.event;
  renderInto(
    events.panel(state) ??
      sidePanelTemplate(
        store.details,
        state,
        app.panelActions,
        store.detailsLoading,
        events.ofNode(state),
      ),
    page.panel,
  );
  page.graphPane.hidden = state.tab === 'table';
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
      ? underpinsListTemplate(
          loaded.edges,
          visible.nodes,
          (id) => store.nodeIndex.get(id),
          lang,
          (id) => choose(app, id),
        )
      : nothing,
    page.underpinsPane,
  );
  renderPaths(app);
  renderToolbar(app);
  renderSelectionBar(app);
  app.savedViews.render(lang);
  app.searchBox.setLang(lang);
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
  renderStatus(app);
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
  const lang = state.lang;
  const name = (id: string) => nameOf(store, id);
  // An analysts' record on a path says so: it is not what the plan says.
  const step = (id: string) =>
    store.nodeIndex.get(id)?.kind === 'Event'
      ? `${name(id)} (${kindName('Event', lang)})`
      : name(id);
  const open = Boolean(pathResult && state.path.from && state.path.to);
  app.page.pathsPane.hidden = !open;
  renderInto(
    open && pathResult && state.path.from && state.path.to
      ? html`<h2>${t(lang, 'paths')}: ${name(state.path.from)} → ${name(state.path.to)}</h2>
          ${
            pathResult.paths.length
              ? html`<p class="list-count" data-test="path-count">
                  ${tf(lang, 'pathCount', {
                    paths: pathResult.paths.length,
                    n: new Set(store.loaded.path.nodes).size,
                  })}
                  <button
                    type="button"
                    class="list-button"
                    data-test="path-list-open"
                    title=${t(lang, 'listTitle')}
                    @click=${() => store.dispatch('openList', { kind: 'path' })}
                  >
                    ${t(lang, 'list')}
                  </button>
                </p>`
              : nothing
          }
          ${
            pathResult.paths.length === 0
              ? html`<p data-test="no-path">${t(lang, 'noPath')}</p>`
              : html`<ol data-test="path-list">
                ${pathResult.paths.map((p) => html`<li>${p.nodes.map(step).join(' → ')}</li>`)}
              </ol>`
          }`
      : nothing,
    app.page.pathsPane,
  );
}
