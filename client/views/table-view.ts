import type { NodeData } from '../api';
import type { Scores } from '../canvas/canvas';
import { isNodeKind, KIND_STYLES } from '../model/palette';
import type { Lang } from '../model/state';
import { h } from './dom';
import { propertyValue, t } from './labels';

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
        return isNodeKind(n.kind) ? KIND_STYLES[n.kind][lang] : n.kind;
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

  const row = (n: NodeData, scores: Map<string, Scores>, lang: Lang) =>
    h(
      'tr',
      { 'data-id': n.id },
      ...COLUMNS.map((c) => {
        const v = value(n, c, scores, lang);
        if (c === 'name')
          return h(
            'td',
            {},
            h(
              'button',
              { type: 'button', className: 'link', onclick: () => onSelect(n.id) },
              String(v),
            ),
          );
        return h(
          'td',
          { className: NUMERIC.has(c) ? 'num' : '' },
          typeof v === 'number'
            ? c === 'degree'
              ? String(v)
              : v.toFixed(3)
            : c === 'country' && v
              ? propertyValue('country', v, lang)
              : v,
        );
      }),
    );

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
      h(
        'th',
        {
          scope: 'col',
          'aria-sort':
            sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none',
        },
        h(
          'button',
          {
            type: 'button',
            'data-sort': column,
            onclick: () => {
              sort = {
                column,
                descending: sort.column === column ? !sort.descending : NUMERIC.has(column),
              };
              build();
            },
          },
          t(lang, column),
          sort.column === column ? (sort.descending ? ' ▼' : ' ▲') : '',
        ),
      );
    // The table is rebuilt, so the keyboard's place in it is carried across.
    const active = document.activeElement;
    const focused =
      active instanceof HTMLElement && el.contains(active)
        ? active.dataset.sort
          ? `button[data-sort="${active.dataset.sort}"]`
          : active.closest('tr')?.dataset.id
            ? `tr[data-id="${CSS.escape(active.closest('tr')!.dataset.id!)}"] button`
            : null
        : null;
    const body = h('tbody', {});
    const table = h(
      'table',
      { className: 'node-table', 'data-test': 'node-table', 'aria-busy': 'true' },
      h('thead', {}, h('tr', {}, ...COLUMNS.map(header))),
      body,
    );
    el.replaceChildren(h('p', { className: 'muted' }, `${rows.length} ${t(lang, 'shown')}`), table);
    const mine = ++generation;
    let next = 0;
    let refocus = focused;
    const chunk = () => {
      if (mine !== generation) return;
      const end = Math.min(rows.length, next + CHUNK);
      for (; next < end; next++) body.appendChild(row(rows[next]!, scores, lang));
      const target = refocus ? el.querySelector<HTMLElement>(refocus) : null;
      if (target) {
        refocus = null;
        target.focus();
      }
      if (next < rows.length) window.setTimeout(chunk, 0);
      else table.setAttribute('aria-busy', 'false');
    };
    chunk();
  }
  return { render };
}
