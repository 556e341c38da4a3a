import { html, nothing, render as renderInto, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { NodeData } from '../api';
import type { Scores } from '../canvas/canvas';
import type { Lang } from '../model/state';
import {
  compareCells,
  DATE_COLUMNS,
  FILTER_KINDS,
  formatRange,
  NUMERIC_COLUMNS,
  parseRange,
  passes,
  pillarOfRef,
  type RowFacts,
  TABLE_COLUMNS,
  type TableColumn,
  type TableView,
} from '../model/table-model';
import { kindName, propertyValue, t, tf, type Word } from './labels';

/** Rows built per turn of the event loop: the page answers between chunks. */
const CHUNK = 40;

const HEADERS: Record<TableColumn, Word> = {
  kind: 'kind',
  name: 'name',
  ref: 'ref',
  status: 'status',
  inForce: 'inForce',
  lastEvent: 'lastEvent',
  daysQuiet: 'daysQuiet',
  events: 'events',
  pillar: 'pillarArea',
  country: 'country',
  degree: 'degree',
  betweenness: 'betweenness',
  pagerank: 'pagerank',
};

const COMMITMENT_STATUS: Record<string, Word> = {
  quiet: 'statusQuiet',
  advanced: 'statusAdvanced',
  no_event: 'statusNoEvent',
};

/** What the table shows: its rows, what is known of them, and how they are sorted and filtered. */
export interface TableInput {
  nodes: NodeData[];
  facts: Map<string, RowFacts>;
  scores: Map<string, Scores>;
  lang: Lang;
  view: TableView;
  selected: string | null;
  /** The set the table is restricted to, in words ("Quiet since 2024-01-01 · 66"), or null. */
  chip: string | null;
}

export interface TableActions {
  /** A row's name chosen: the node is selected and framed on the canvas. */
  choose(id: string): void;
  sort(column: TableColumn, numeric: boolean): void;
  filter(column: TableColumn, value: string): void;
  clearFilters(): void;
  closeList(): void;
}

type Cell = string | number | string[] | null;

/**
 * The nodes currently shown, or a set the canvas counts, as a sortable, filterable table:
 * the accessible alternative to the picture. Headers are buttons (keyboard-sortable,
 * aria-sort); under each a filter fitting its column (a choice, words, or a range); names
 * select the node. Rows are added in chunks, yielding between them, so opening the table
 * never holds the page for long; the table is aria-busy until the last row is in.
 * Rendering the same input again does nothing; a new selection only marks its row.
 */
export function mountTable(el: HTMLElement, act: TableActions) {
  let last: (TableInput & { key: string }) | undefined;
  /** Bumped on every rebuild: a chunk of an older build stops. */
  let generation = 0;

  const raw = (n: NodeData, column: TableColumn, input: TableInput): Cell => {
    const f = input.facts.get(n.id);
    switch (column) {
      case 'kind':
        return n.kind;
      case 'name':
        return String(input.lang === 'ja' ? n.name_ja : n.name_en);
      case 'ref':
        return typeof n.ref === 'string' ? n.ref : '';
      case 'country':
        return typeof n.country === 'string' ? n.country : '';
      case 'status':
        return f?.status ?? null;
      case 'inForce':
        return f?.inForce ?? null;
      case 'lastEvent':
        return f?.lastEvent ?? null;
      case 'daysQuiet':
        return f?.daysQuiet ?? null;
      case 'events':
        return f?.events ?? 0;
      case 'pillar':
        return f?.pillar ?? [];
      default:
        return input.scores.get(n.id)?.[column] ?? 0;
    }
  };

  /** A coded value in the reader's words. */
  const words = (column: TableColumn, v: string, kind: string, lang: Lang): string => {
    if (column === 'kind') return kindName(v, lang);
    if (column === 'country') return propertyValue('country', v, lang);
    if (column === 'status')
      return kind === 'Commitment' && COMMITMENT_STATUS[v]
        ? t(lang, COMMITMENT_STATUS[v]!)
        : propertyValue('status', v, lang);
    return v;
  };

  const cellText = (n: NodeData, column: TableColumn, v: Cell, lang: Lang): string => {
    if (v === null) return '';
    if (Array.isArray(v)) return v.join(', ');
    if (typeof v === 'number')
      return ['betweenness', 'pagerank'].includes(column) ? v.toFixed(3) : String(v);
    return v ? words(column, v, n.kind, lang) : '';
  };

  const row = (n: NodeData, input: TableInput) =>
    html`<tr data-id=${n.id}>${TABLE_COLUMNS.map((c) => {
      const v = raw(n, c, input);
      return c === 'name'
        ? html`<td><button type="button" class="link" title=${t(input.lang, 'showOnCanvas')} @click=${() => act.choose(n.id)}>${String(v)}</button></td>`
        : html`<td class=${NUMERIC_COLUMNS.has(c) ? 'num' : ''} data-col=${c}>${cellText(n, c, v, input.lang)}</td>`;
    })}</tr>`;

  /** The filter under a column's header: a choice among the values the rows hold, words, or two ends. */
  const filterControl = (column: TableColumn, input: TableInput): TemplateResult => {
    const { lang, view } = input;
    const current = view.filters[column] ?? '';
    const name = t(lang, HEADERS[column]);
    const label = `${t(lang, 'filterBy')} ${name}`;
    const kind = FILTER_KINDS[column];
    if (kind === 'select') {
      const values = new Map<string, string>();
      for (const n of input.nodes) {
        const v = raw(n, column, input);
        for (const one of Array.isArray(v) ? v.map(pillarOfRef) : [v])
          if (typeof one === 'string' && one) values.set(one, words(column, one, n.kind, lang));
      }
      if (current && !values.has(current)) values.set(current, current);
      const options = [...values].sort((a, b) =>
        column === 'pillar'
          ? compareCells('pillar', a[0], b[0], lang)
          : a[1].localeCompare(b[1], lang),
      );
      return html`<select
        aria-label=${label}
        data-filter=${column}
        @change=${(e: Event) => act.filter(column, (e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!current}>${t(lang, 'filterAny')}</option>
        ${options.map(([v, w]) => html`<option value=${v} ?selected=${v === current}>${w}</option>`)}
      </select>`;
    }
    if (kind === 'text')
      return html`<input
        type="search"
        aria-label=${label}
        data-filter=${column}
        placeholder=${t(lang, 'filterWords')}
        .value=${current}
        @change=${(e: Event) => act.filter(column, (e.target as HTMLInputElement).value.trim())}
      />`;
    const { min, max } = parseRange(current);
    const date = DATE_COLUMNS.has(column);
    const end = (which: 'min' | 'max', value: string) =>
      html`<input
        type=${date ? 'text' : 'number'}
        step="any"
        inputmode=${date ? 'numeric' : 'decimal'}
        aria-label=${`${label}: ${t(lang, date ? (which === 'min' ? 'filterFrom' : 'filterTo') : which === 'min' ? 'filterMin' : 'filterMax')}`}
        data-filter=${`${column}-${which}`}
        placeholder=${date ? (which === 'min' ? 'YYYY-MM-DD' : t(lang, 'filterTo')) : t(lang, which === 'min' ? 'filterMin' : 'filterMax')}
        .value=${value}
        @change=${(e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          const now = parseRange(view.filters[column] ?? '');
          act.filter(column, which === 'min' ? formatRange(v, now.max) : formatRange(now.min, v));
        }}
      />`;
    return html`<span class="range">${end('min', min)}${end('max', max)}</span>`;
  };

  function render(input: TableInput): void {
    const key = [
      input.nodes.map((n) => n.id).join('|'),
      input.lang,
      JSON.stringify(input.view),
      input.chip ?? '',
    ].join('#');
    if (last && last.key === key && last.scores === input.scores && last.facts === input.facts) {
      if (last.selected !== input.selected) {
        last = { ...last, selected: input.selected };
        mark();
      }
      return;
    }
    last = { ...input, key };
    build();
  }

  /** The selected node's row is marked (the canvas's selection, shown in the list). */
  function mark(): void {
    for (const tr of el.querySelectorAll<HTMLElement>('tbody tr')) {
      const chosen = tr.dataset.id === last?.selected;
      tr.classList.toggle('chosen', chosen);
      if (chosen) tr.setAttribute('aria-current', 'true');
      else tr.removeAttribute('aria-current');
    }
  }

  function build(): void {
    if (!last) return;
    const input = last;
    const { lang, view } = input;
    const { sort } = view;
    const active = TABLE_COLUMNS.filter((c) => view.filters[c]);
    const rows = input.nodes
      .filter((n) => active.every((c) => passes(c, view.filters[c]!, raw(n, c, input))))
      .sort((a, b) => {
        const x = raw(a, sort.column, input);
        const y = raw(b, sort.column, input);
        const cmp = compareCells(sort.column, x, y, lang);
        // Empty cells stay last whichever way the column is sorted.
        const empty = (v: Cell) => v === null || v === '' || (Array.isArray(v) && !v.length);
        if (empty(x) !== empty(y)) return cmp;
        return sort.descending ? -cmp : cmp;
      });
    const header = (column: TableColumn) =>
      html`<th
        scope="col"
        aria-sort=${sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}
        ><button
          type="button"
          data-sort=${column}
          @click=${() => act.sort(column, NUMERIC_COLUMNS.has(column))}
        >${t(lang, HEADERS[column])}${sort.column === column ? (sort.descending ? ' ▼' : ' ▲') : ''}</button></th
      >`;
    // The table is redrawn from its first rows, so the keyboard's place in it is carried across.
    const focusedEl = document.activeElement;
    const focused =
      focusedEl instanceof HTMLElement && el.contains(focusedEl)
        ? focusedEl.dataset.sort
          ? `button[data-sort="${focusedEl.dataset.sort}"]`
          : focusedEl.dataset.filter
            ? `[data-filter="${focusedEl.dataset.filter}"]`
            : focusedEl.closest('tr')?.dataset.id
              ? `tr[data-id="${CSS.escape(focusedEl.closest('tr')!.dataset.id!)}"] button`
              : null
        : null;
    const filtered = active.length > 0;
    const draw = (shown: number) =>
      renderInto(
        html`${
          input.chip
            ? html`<p class="list-chip" data-test="list-chip"
                ><span data-test="list-chip-text">${input.chip}</span
                ><button
                  type="button"
                  class="chip-remove"
                  data-test="list-chip-remove"
                  aria-label=${t(lang, 'removeList')}
                  title=${t(lang, 'removeList')}
                  @click=${act.closeList}
                >
                  ×
                </button></p
              >`
            : nothing
        }<p class="muted table-count" data-test="table-count"
            >${
              filtered
                ? tf(lang, 'rowsOf', { n: rows.length, total: input.nodes.length })
                : `${rows.length} ${t(lang, 'shown')}`
            }${
              filtered
                ? html` <button type="button" data-test="clear-filters" @click=${act.clearFilters}>
                    ${t(lang, 'clearFilters')}
                  </button>`
                : nothing
            }</p
          ><table class="node-table" data-test="node-table" aria-busy=${shown < rows.length ? 'true' : 'false'}
            ><thead><tr>${TABLE_COLUMNS.map(header)}</tr
            ><tr class="filters">${TABLE_COLUMNS.map((c) => html`<td>${filterControl(c, input)}</td>`)}</tr></thead
            ><tbody>${repeat(
              rows.slice(0, shown),
              (n) => n.id,
              (n) => row(n, input),
            )}</tbody></table
          >`,
        el,
      );
    const mine = ++generation;
    let next = 0;
    let refocus = focused;
    const chunk = () => {
      if (mine !== generation) return;
      next = Math.min(rows.length, next + CHUNK);
      draw(next);
      mark();
      const target = refocus ? el.querySelector<HTMLElement>(refocus) : null;
      if (target) {
        refocus = null;
        target.focus();
      }
      if (next < rows.length) window.setTimeout(chunk, 0);
    };
    chunk();
  }
  return { render };
}
