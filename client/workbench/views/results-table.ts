import { h } from '../../views/dom';
import type { CypherResult } from '../model/cypher-types';
import { type Sort, sortRows } from '../model/sort-rows';
import type { Lang, WorkbenchState } from '../model/state';
import { toCell } from '../model/values';
import { cellContent } from './value-cell';

/**
 * The result as a table. Column headers are buttons that sort by that column (aria-sort says
 * how); the order the query gave comes back with the next run.
 */
export function mountResultTable(el: HTMLElement, onSort: (column: string) => void) {
  let shown: { result: CypherResult | null; sort: Sort | null; lang: Lang } | null = null;

  function header(column: string, sort: Sort | null): HTMLElement {
    const sorted = sort?.column === column ? sort.direction : null;
    return h(
      'th',
      { scope: 'col', 'aria-sort': sorted ?? 'none' },
      h(
        'button',
        { type: 'button', 'data-sort': column, onclick: () => onSort(column) },
        column,
        h(
          'span',
          { className: 'sort-mark', 'aria-hidden': 'true' },
          sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : '',
        ),
      ),
    );
  }

  function render(state: WorkbenchState): void {
    const result = state.run.status === 'done' ? state.run.result : null;
    if (shown && shown.result === result && shown.sort === state.sort && shown.lang === state.lang)
      return;
    shown = { result, sort: state.sort, lang: state.lang };
    if (!result) {
      el.replaceChildren();
      return;
    }
    // Re-rendering replaces the header buttons; the one that was clicked keeps the focus.
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.sort;
    const rows = sortRows(result.rows, state.sort, state.lang);
    el.replaceChildren(
      h(
        'table',
        { className: 'result-table', 'data-test': 'result-table' },
        h('thead', {}, h('tr', {}, ...result.columns.map((c) => header(c, state.sort)))),
        h(
          'tbody',
          {},
          ...rows.map((row) =>
            h(
              'tr',
              {},
              ...result.columns.map((column) => {
                const cell = toCell(row[column] ?? null, state.lang);
                return h(
                  'td',
                  { className: cell.kind === 'scalar' && cell.numeric ? 'num' : '' },
                  cellContent(cell),
                );
              }),
            ),
          ),
        ),
      ),
    );
    if (focused !== undefined)
      el.querySelector<HTMLButtonElement>(`button[data-sort="${CSS.escape(focused)}"]`)?.focus();
  }

  return { render };
}
