import { html, nothing, render as renderInto } from 'lit-html';
import { download, exportDiagram, svgToPng } from '../../export/diagram-export';
import { downloadQuery, runCypher } from '../api';
import type { CypherResult, StatementResult } from '../model/cypher-types';
import { resultGraph } from '../model/result-graph';
import { nextSort, type Sort } from '../model/sort-rows';
import type { ResultView, WorkbenchState } from '../model/state';
import { type KeptEvents, keptResults } from './kept-results';
import { downloadTruncatedNotice, rowCount, t, truncatedNotice } from './labels';
import { elementsOf, type GraphElement, inspector, planTree, statementList } from './result-extras';
import { mountResultGraph, type ResultGraphView } from './results-graph';
import { mountResultTable } from './results-table';
import { tabList } from './tabs';

const stampForFile = (date: Date) =>
  date.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/** Read-only, through the console and its guards like any query the researcher types. */
const NEIGHBOURS = 'MATCH (n)-[r]-(m) WHERE elementId(n) = $id RETURN n, r, m LIMIT 100';

/**
 * The result area: how it went (rows, time, truncation, Neo4j's notes), the Table / Graph
 * switch, the downloads, and the two views themselves.
 */
export function mountResultsPane(
  el: HTMLElement,
  on: { setView(view: ResultView): void; sortBy(column: string): void } & KeptEvents,
): { graph: ResultGraphView; render(state: WorkbenchState): void } {
  let state: WorkbenchState | null = null;
  renderInto(
    html`<div class="results-bar"
        ><h2 id="results-heading"></h2
        ><div class="view-tabs"></div
        ><p class="result-meta" role="status" data-test="result-meta"></p
        ><span class="downloads"
          ><button
            type="button"
            id="download-csv"
            aria-describedby="download-hint"
            @click=${() => void serverDownload('csv')}
          ></button
          ><button
            type="button"
            id="download-json"
            aria-describedby="download-hint"
            @click=${() => void serverDownload('json')}
          ></button
          ><span id="download-hint" class="hint"></span></span></div
      ><p class="download-status" role="status" data-test="download-status"></p
      ><p class="notice" data-test="truncated" hidden></p
      ><div class="notifications" data-test="notifications"></div
      ><div class="statements-host"></div
      ><div class="plan-host"></div
      ><div class="inspector-host"></div
      ><div class="kept-host"></div
      ><div class="result-panes"
        ><div class="current-result"
          ><div
            id="result-table-pane"
            class="result-table-pane"
            role="tabpanel"
            aria-labelledby="view-table"
            tabindex="0"
          ></div
          ><div
            id="result-graph-pane"
            class="result-graph-pane"
            role="tabpanel"
            aria-labelledby="view-graph"
          ></div></div
        ><section class="compare-pane" aria-labelledby="compare-heading" data-test="compare" hidden
          ><div class="compare-bar"
            ><h3 id="compare-heading"></h3
            ><button type="button" id="compare-close" @click=${() => on.compare(null)}></button></div
          ><pre class="query-preview"></pre
          ><div class="result-table-pane" tabindex="0"></div></section></div
      >`,
    el,
  );
  const heading = el.querySelector<HTMLElement>('#results-heading')!;
  const tabs = el.querySelector<HTMLElement>('.view-tabs')!;
  const status = el.querySelector<HTMLElement>('.result-meta')!;
  const csv = el.querySelector<HTMLButtonElement>('#download-csv')!;
  const json = el.querySelector<HTMLButtonElement>('#download-json')!;
  const downloadHint = el.querySelector<HTMLElement>('#download-hint')!;
  const downloadStatus = el.querySelector<HTMLElement>('.download-status')!;
  const truncated = el.querySelector<HTMLElement>('[data-test="truncated"]')!;
  const notifications = el.querySelector<HTMLElement>('.notifications')!;
  const statements = el.querySelector<HTMLElement>('.statements-host')!;
  const planHost = el.querySelector<HTMLElement>('.plan-host')!;
  const inspectorHost = el.querySelector<HTMLElement>('.inspector-host')!;
  const keptHost = el.querySelector<HTMLElement>('.kept-host')!;
  const panes = el.querySelector<HTMLElement>('.result-panes')!;
  const tablePane = el.querySelector<HTMLElement>('#result-table-pane')!;
  const graphPane = el.querySelector<HTMLElement>('#result-graph-pane')!;
  const comparePane = el.querySelector<HTMLElement>('.compare-pane')!;
  const compareHeading = el.querySelector<HTMLElement>('#compare-heading')!;
  const compareClose = el.querySelector<HTMLButtonElement>('#compare-close')!;
  const compareQuery = comparePane.querySelector<HTMLElement>('.query-preview')!;
  const compareTable = comparePane.querySelector<HTMLElement>('.result-table-pane')!;
  const table = mountResultTable(tablePane, on.sortBy);
  let compareSort: Sort | null = null;
  const compared = mountResultTable(compareTable, (column) => {
    compareSort = nextSort(compareSort, column);
    if (state) renderCompare(state);
  });

  /** A pinned result beside the one shown, with its own sort. */
  function renderCompare(next: WorkbenchState): void {
    const kept = next.results.find((r) => r.id === next.compare);
    comparePane.hidden = !kept;
    panes.classList.toggle('comparing', Boolean(kept));
    if (!kept) {
      compareSort = null;
      return;
    }
    compareHeading.textContent = `${t(next.lang, 'comparing')} · ${rowCount(next.lang, kept.result.rows.length)}`;
    compareClose.textContent = t(next.lang, 'closeCompare');
    compareQuery.textContent = kept.query;
    const { query, params, result, id } = kept;
    compared.render({
      ...next,
      run: { status: 'done', id, query, params, result },
      sort: compareSort,
    });
  }
  const graph = mountResultGraph(graphPane);
  // The picture exports sit in the graph's own bar, after its buttons.
  renderInto(
    html`<button type="button" id="export-svg" @click=${() => picture('svg')}></button
      ><button type="button" id="export-png" @click=${() => void picture('png')}></button>`,
    graphPane.querySelector<HTMLElement>('.graph-bar')!,
  );
  const svgButton = el.querySelector<HTMLButtonElement>('#export-svg')!;
  const pngButton = el.querySelector<HTMLButtonElement>('#export-png')!;

  const result = (): CypherResult | null =>
    state?.run.status === 'done' ? state.run.result : null;

  /** Which statement of a script is shown (the last by default). */
  let chosen: { result: CypherResult; index: number } | null = null;
  const shownResult = (): StatementResult | null => {
    const r = result();
    if (!r) return null;
    const all = r.results ?? [r];
    const index = chosen?.result === r ? chosen.index : all.length - 1;
    return all[index] ?? r;
  };

  /** The nodes and relationships of the result and of what was expanded, for the inspector. */
  let elements = new Map<string, GraphElement>();
  let elementsOfResult: StatementResult | null = null;

  function inspect(id: string | null): void {
    const element = id ? elements.get(id) : undefined;
    if (!state || !element) {
      renderInto(nothing, inspectorHost);
      return;
    }
    const lang = state.lang;
    renderInto(
      inspector(element, lang, {
        close: () => inspect(null),
        ...(element.$type === 'node' && { expand: () => void expand(element.elementId) }),
      }),
      inspectorHost,
    );
  }

  tablePane.addEventListener('click', (e) => {
    const chip = (e.target as HTMLElement).closest<HTMLElement>('[data-element-id]');
    if (chip?.dataset.elementId) inspect(chip.dataset.elementId);
  });
  graph.cy.on('tap', 'node, edge', (e) => inspect(e.target.id()));

  /** Adds a node's neighbours to the result graph (not to the table); the layout runs again. */
  async function expand(id: string): Promise<void> {
    if (!state) return;
    const outcome = await runCypher(NEIGHBOURS, { id }, new AbortController().signal);
    if (outcome.kind !== 'result') {
      downloadStatus.textContent =
        outcome.kind === 'refused' ? outcome.refusal.detail : outcome.failure.detail;
      return;
    }
    elementsOf(outcome.result.rows, elements);
    const added = resultGraph(outcome.result.rows, state.lang);
    const cy = graph.cy;
    cy.batch(() => {
      for (const data of added.nodes)
        if (cy.getElementById(data.id).empty()) cy.add({ group: 'nodes', data });
      for (const data of added.edges)
        if (cy.getElementById(data.id).empty()) cy.add({ group: 'edges', data });
    });
    graph.relayout();
  }

  async function serverDownload(format: 'csv' | 'json'): Promise<void> {
    if (state?.run.status !== 'done') return;
    const lang = state.lang;
    const statement = shownResult()?.statement ?? state.run.query;
    downloadStatus.textContent = t(lang, 'downloading');
    const outcome = await downloadQuery(statement, state.run.params, format);
    if (!outcome.ok) {
      downloadStatus.textContent = `${t(lang, 'downloadFailed')}: ${outcome.detail}`;
      return;
    }
    downloadStatus.textContent = `${outcome.name} · ${rowCount(lang, outcome.rows)}${
      outcome.truncated ? ` · ${downloadTruncatedNotice(lang, format)}` : ''
    }`;
    download(outcome.blob, outcome.name);
  }

  /** The result graph as SVG or PNG, drawn by the explorer's export code. */
  async function picture(format: 'svg' | 'png'): Promise<void> {
    if (!state || graph.cy.nodes().empty()) return;
    const diagram = exportDiagram(graph.cy, {
      scope: 'view',
      title: 'Kizuna — Cypher',
      legend: true,
      source: true,
      date: true,
      lang: state.lang,
      selected: null,
      background: 'white',
    });
    const name = `kizuna-result-${stampForFile(new Date())}.${format}`;
    if (format === 'svg') download(new Blob([diagram.svg], { type: 'image/svg+xml' }), name);
    else download(await svgToPng(diagram, 2, 'white'), name);
  }

  let last: WorkbenchState | null = null;

  function renderTabs({ lang, view }: WorkbenchState): void {
    const hadFocus = tabs.contains(document.activeElement);
    heading.textContent = t(lang, 'results');
    renderInto(
      tabList(
        t(lang, 'results'),
        'view',
        [
          { key: 'table', label: t(lang, 'table'), controls: tablePane.id },
          { key: 'graph', label: t(lang, 'graph'), controls: graphPane.id },
        ],
        view,
        on.setView,
      ),
      tabs,
    );
    // Focus in the tab list stays on the chosen tab.
    if (hadFocus) document.getElementById(`view-${view}`)?.focus();
    tablePane.hidden = view !== 'table';
    graphPane.hidden = view !== 'graph';
  }

  function renderOutcome({ lang, run }: WorkbenchState): void {
    const whole = run.status === 'done' ? run.result : null;
    const r = shownResult();
    csv.textContent = t(lang, 'csv');
    json.textContent = t(lang, 'json');
    svgButton.textContent = t(lang, 'svg');
    pngButton.textContent = t(lang, 'png');
    downloadHint.textContent = t(lang, 'downloadHint');
    csv.disabled = json.disabled = r === null || r.mode === 'EXPLAIN' || r.mode === 'PROFILE';
    if (r !== elementsOfResult) {
      elements = elementsOf(r?.rows ?? []);
      elementsOfResult = r;
      downloadStatus.textContent = '';
      inspect(null);
    }
    renderInto(
      whole?.results && whole.results.length > 1
        ? statementList(
            whole.results,
            whole.results.indexOf(r as StatementResult),
            lang,
            (index) => {
              chosen = { result: whole, index };
              if (state) {
                renderOutcome(state);
                table.render(shownState(state));
                graph.render(shownState(state));
              }
            },
          )
        : nothing,
      statements,
    );
    renderInto(r?.plan ? planTree(r.plan, lang, r.profileTotals ?? null) : nothing, planHost);
    status.textContent =
      run.status === 'running'
        ? t(lang, 'running')
        : r
          ? `${rowCount(lang, r.rows.length)} · ${r.elapsedMs.toLocaleString(lang)} ms`
          : run.status === 'idle'
            ? t(lang, 'idle')
            : '';
    truncated.hidden = !r?.truncated;
    truncated.textContent =
      r?.truncated && r.truncatedBy
        ? truncatedNotice(lang, r.truncatedBy, r.rows.length, r.limits.maxResultChars)
        : '';
    renderInto(
      r && r.notifications.length > 0
        ? html`<h3>${t(lang, 'notifications')}</h3
            ><ul>${r.notifications.map(
              (n) =>
                html`<li class="severity-${n.severity.toLowerCase()}"
                  ><strong>${n.title}</strong
                  >${n.position ? ` (${n.position.line}:${n.position.column}) ` : ' '}${n.description}</li
                >`,
            )}</ul>`
        : nothing,
      notifications,
    );
  }

  /** The state with the chosen statement's result in place of the script's. */
  let shown: {
    from: WorkbenchState;
    result: StatementResult | null;
    state: WorkbenchState;
  } | null = null;
  function shownState(next: WorkbenchState): WorkbenchState {
    const r = shownResult();
    if (next.run.status !== 'done' || !r || r === next.run.result) return next;
    if (shown?.from === next && shown.result === r) return shown.state;
    const derived = { ...next, run: { ...next.run, result: r as CypherResult } };
    shown = { from: next, result: r, state: derived };
    return derived;
  }

  function render(next: WorkbenchState): void {
    state = next;
    if (!last || last.lang !== next.lang || last.view !== next.view) renderTabs(next);
    if (!last || last.lang !== next.lang || last.run !== next.run) renderOutcome(next);
    if (
      !last ||
      last.lang !== next.lang ||
      last.results !== next.results ||
      last.run !== next.run ||
      last.compare !== next.compare
    ) {
      // Keyed by result: the button just pressed is the same element afterwards, and keeps the focus.
      renderInto(keptResults(next, on), keptHost);
      if (last?.compare !== next.compare) compareSort = null;
      renderCompare(next);
    }
    last = next;
    table.render(shownState(next));
    graph.render(shownState(next));
  }

  return { graph, render };
}
