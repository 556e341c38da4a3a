import { html, render as renderInto } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { NodeData } from '../api';
import type { Scores } from '../canvas/canvas';
import type { Lang } from '../model/state';
import { kindName, propertyValue, t } from './labels';

type Column = 'kind' | 'name' | 'ref' | 'country' | 'degree' | 'betweenness' | 'pagerank';
const COLUMNS: Column[] = ['kind', 'name', 'ref', 'country', 'degree', 'betweenness', 'pagerank'];
const NUMERIC = new Set<Column>(['degree', 'betweenness', 'pagerank']);

/** Rows built per turn of the event loop: the page answers between chunks. */
const CHUNK = 40;

/**
 * The nodes currently shown, as a sortable table: the accessible alternative to the
 * picture. Headers are buttons (keyboard-sortable, aria-sort); names select the node.
 * Rows are added in chunks, yielding between them, so opening the table never holds the
 * page for long; the table is aria-busy until the last row is in. Rendering the same
 * nodes, scores and language again does nothing.
 */
export function mountTable(el: HTMLElement, onSelect: (id: string) => void) {
  let sort: { column: Column; descending: boolean } = { column: 'degree', descending: true };
  let last: { nodes: NodeData[]; scores: Map<string, Scores>; lang: Lang; key: string } | undefined;
  /** Bumped on every rebuild: a chunk of an older build stops. */
  let generation = 0;

  const value = (
    n: NodeData,
    column: Column,
    scores: Map<string, Scores>,
    lang: Lang,
  ): string | number => {
    const s = scores.get(n.id);
    switch (column) {
      case 'kind':
        return kindName(n.kind, lang);
      case 'name':
        return String(lang === 'ja' ? n.name_ja : n.name_en);
      case 'ref':
        return typeof n.ref === 'string' ? n.ref : '';
      case 'country':
        return typeof n.country === 'string' ? n.country : '';
      default:
        return s ? s[column] : 0;
    }
  };

  const cellText = (v: string | number, column: Column, lang: Lang) =>
    typeof v === 'number'
      ? column === 'degree'
        ? String(v)
        : v.toFixed(3)
      : column === 'country' && v
        ? propertyValue('country', v, lang)
        : v;

  const row = (n: NodeData, scores: Map<string, Scores>, lang: Lang) =>
    html`<tr data-id=${n.id}>${COLUMNS.map((c) => {
      const v = value(n, c, scores, lang);
      return c === 'name'
        ? html`<td><button type="button" class="link" @click=${() => onSelect(n.id)}>${String(v)}</button></td>`
        : html`<td class=${NUMERIC.has(c) ? 'num' : ''}>${cellText(v, c, lang)}</td>`;
    })}</tr>`;

  function render(nodes: NodeData[], scores: Map<string, Scores>, lang: Lang): void {
    const key = nodes.map((n) => n.id).join('|');
    if (last && last.key === key && last.scores === scores && last.lang === lang) return;
    last = { nodes, scores, lang, key };
    build();
  }

  function build(): void {
    if (!last) return;
    const { nodes, scores, lang } = last;
    const rows = [...nodes].sort((a, b) => {
      const x = value(a, sort.column, scores, lang);
      const y = value(b, sort.column, scores, lang);
      const cmp =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x).localeCompare(String(y), lang, { numeric: true });
      return sort.descending ? -cmp : cmp;
    });
    const header = (column: Column) =>
      html`<th
        scope="col"
        aria-sort=${sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}
        ><button
          type="button"
          data-sort=${column}
          @click=${() => {
            sort = {
              column,
              descending: sort.column === column ? !sort.descending : NUMERIC.has(column),
            };
            build();
          }}
        >${t(lang, column)}${sort.column === column ? (sort.descending ? ' ▼' : ' ▲') : ''}</button></th
      >`;
    // The table is redrawn from its first rows, so the keyboard's place in it is carried across.
    const active = document.activeElement;
    const focused =
      active instanceof HTMLElement && el.contains(active)
        ? active.dataset.sort
          ? `button[data-sort="${active.dataset.sort}"]`
          : active.closest('tr')?.dataset.id
            ? `tr[data-id="${CSS.escape(active.closest('tr')!.dataset.id!)}"] button`
            : null
        : null;
    const draw = (shown: number) =>
      renderInto(
        html`<p class="muted">${rows.length} ${t(lang, 'shown')}</p
          ><table class="node-table" data-test="node-table" aria-busy=${shown < rows.length ? 'true' : 'false'}
            ><thead><tr>${COLUMNS.map(header)}</tr></thead
            ><tbody>${repeat(
              rows.slice(0, shown),
              (n) => n.id,
              (n) => row(n, scores, lang),
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
