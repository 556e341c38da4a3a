import { html, nothing, render as renderInto } from 'lit-html';
import type { CypherResult } from '../model/cypher-types';
import { type Sort, sortRows } from '../model/sort-rows';
import type { Lang, WorkbenchState } from '../model/state';
import { toCell } from '../model/values';
import { cellContent } from './value-cell';

/**
 * The result as a table. Column headers are buttons that sort by that column (aria-sort says
 * how); the order the query gave comes back with the next run. Redrawn in place, so the header
 * button just clicked is the same element afterwards and keeps the focus.
 */
export function mountResultTable(el: HTMLElement, onSort: (column: string) => void) {
  let shown: { result: CypherResult | null; sort: Sort | null; lang: Lang } | null = null;

  function header(column: string, sort: Sort | null) {
    const sorted = sort?.column === column ? sort.direction : null;
    return html`<th scope="col" aria-sort=${sorted ?? 'none'}><button
        type="button"
        data-sort=${column}
        @click=${() => onSort(column)}
      >${column}<span class="sort-mark" aria-hidden="true">${
        sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''
      }</span></button></th>`;
  }

  function render(state: WorkbenchState): void {
    const result = state.run.status === 'done' ? state.run.result : null;
    if (shown && shown.result === result && shown.sort === state.sort && shown.lang === state.lang)
      return;
    shown = { result, sort: state.sort, lang: state.lang };
    if (!result) {
      renderInto(nothing, el);
      return;
    }
    const rows = sortRows(result.rows, state.sort, state.lang);
    renderInto(
      html`<table class="result-table" data-test="result-table"
        ><thead><tr>${result.columns.map((c) => header(c, state.sort))}</tr></thead
        ><tbody>${rows.map(
          (row) =>
            html`<tr>${result.columns.map((column) => {
              const cell = toCell(row[column] ?? null, state.lang);
              return html`<td class=${cell.kind === 'scalar' && cell.numeric ? 'num' : ''}>${cellContent(cell)}</td>`;
            })}</tr>`,
        )}</tbody></table
      >`,
      el,
    );
  }

  return { render };
}
