import { download } from '../../export/diagram-export';
import { h } from '../../views/dom';
import { resultCsv } from '../model/csv';
import type { CypherResult } from '../model/cypher-types';
import { sortRows } from '../model/sort-rows';
import type { ResultView, WorkbenchState } from '../model/state';
import { rowCount, t, truncatedNotice } from './labels';
import { mountResultGraph, type ResultGraphView } from './results-graph';
import { mountResultTable } from './results-table';
import { tabList } from './tabs';

const stampForFile = (date: Date) =>
  date.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/**
 * The result area: how it went (rows, time, truncation, Neo4j's notes), the Table / Graph
 * switch, the downloads, and the two views themselves.
 */
export function mountResultsPane(
  el: HTMLElement,
  on: { setView(view: ResultView): void; sortBy(column: string): void },
): { graph: ResultGraphView; render(state: WorkbenchState): void } {
  let state: WorkbenchState | null = null;
  const heading = h('h2', { id: 'results-heading' });
  const tabs = h('div', { className: 'view-tabs' });
  const status = h('p', { className: 'result-meta', role: 'status', 'data-test': 'result-meta' });
  const csv = h('button', { type: 'button', id: 'download-csv', onclick: () => downloadCsv() });
  const json = h('button', { type: 'button', id: 'download-json', onclick: () => downloadJson() });
  const truncated = h('p', { className: 'notice', 'data-test': 'truncated', hidden: true });
  const notifications = h('div', { className: 'notifications', 'data-test': 'notifications' });
  const tablePane = h('div', {
    id: 'result-table-pane',
    className: 'result-table-pane',
    role: 'tabpanel',
    'aria-labelledby': 'view-table',
    tabindex: 0,
  });
  const graphPane = h('div', {
    id: 'result-graph-pane',
    className: 'result-graph-pane',
    role: 'tabpanel',
    'aria-labelledby': 'view-graph',
  });
  el.replaceChildren(
    h(
      'div',
      { className: 'results-bar' },
      heading,
      tabs,
      status,
      h('span', { className: 'downloads' }, csv, json),
    ),
    truncated,
    notifications,
    tablePane,
    graphPane,
  );
  const table = mountResultTable(tablePane, on.sortBy);
  const graph = mountResultGraph(graphPane);

  const result = (): CypherResult | null =>
    state?.run.status === 'done' ? state.run.result : null;

  function downloadCsv(): void {
    const r = result();
    if (!state || !r) return;
    const rows = sortRows(r.rows, state.sort, state.lang);
    // The byte order mark lets spreadsheet programs read the Japanese as UTF-8.
    const text = `\uFEFF${resultCsv(r.columns, rows, state.lang)}`;
    download(
      new Blob([text], { type: 'text/csv; charset=utf-8; header=present' }),
      `kizuna-result-${stampForFile(new Date())}.csv`,
    );
  }

  function downloadJson(): void {
    const r = result();
    if (!r) return;
    download(
      new Blob([JSON.stringify(r, null, 2)], { type: 'application/json' }),
      `kizuna-result-${stampForFile(new Date())}.json`,
    );
  }

  let last: WorkbenchState | null = null;

  function renderTabs({ lang, view }: WorkbenchState): void {
    const hadFocus = tabs.contains(document.activeElement);
    heading.textContent = t(lang, 'results');
    tabs.replaceChildren(
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
    );
    // Rebuilding the tabs would drop the focus of the one just clicked.
    if (hadFocus) document.getElementById(`view-${view}`)?.focus();
    tablePane.hidden = view !== 'table';
    graphPane.hidden = view !== 'graph';
  }

  function renderOutcome({ lang, run }: WorkbenchState): void {
    const r = run.status === 'done' ? run.result : null;
    csv.textContent = t(lang, 'csv');
    json.textContent = t(lang, 'json');
    csv.disabled = json.disabled = r === null;
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
    notifications.replaceChildren(
      ...(r && r.notifications.length > 0
        ? [
            h('h3', {}, t(lang, 'notifications')),
            h(
              'ul',
              {},
              ...r.notifications.map((n) =>
                h(
                  'li',
                  { className: `severity-${n.severity.toLowerCase()}` },
                  h('strong', {}, n.title),
                  n.position ? ` (${n.position.line}:${n.position.column}) ` : ' ',
                  n.description,
                ),
              ),
            ),
          ]
        : []),
    );
  }

  function render(next: WorkbenchState): void {
    state = next;
    if (!last || last.lang !== next.lang || last.view !== next.view) renderTabs(next);
    if (!last || last.lang !== next.lang || last.run !== next.run) renderOutcome(next);
    last = next;
    table.render(next);
    graph.render(next);
  }

  return { graph, render };
}
