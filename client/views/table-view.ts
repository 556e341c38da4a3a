import type { NodeData } from '../api';
import type { Scores } from '../canvas/canvas';
import { isNodeKind, KIND_STYLES } from '../model/palette';
import type { Lang } from '../model/state';
import { h } from './dom';
import { propertyValue, t } from './labels';

type Column = 'kind' | 'name' | 'ref' | 'country' | 'degree' | 'betweenness' | 'pagerank';
const COLUMNS: Column[] = ['kind', 'name', 'ref', 'country', 'degree', 'betweenness', 'pagerank'];
const NUMERIC = new Set<Column>(['degree', 'betweenness', 'pagerank']);

/**
 * The nodes currently shown, as a sortable table: the accessible alternative to the
 * picture. Headers are buttons (keyboard-sortable, aria-sort); names select the node.
 */
export function mountTable(el: HTMLElement, onSelect: (id: string) => void) {
  let sort: { column: Column; descending: boolean } = { column: 'degree', descending: true };
  let last: { nodes: NodeData[]; scores: Map<string, Scores>; lang: Lang } | undefined;

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

  function render(nodes: NodeData[], scores: Map<string, Scores>, lang: Lang): void {
    last = { nodes, scores, lang };
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
              if (last) render(last.nodes, last.scores, last.lang);
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
    el.replaceChildren(
      h('p', { className: 'muted' }, `${rows.length} ${t(lang, 'shown')}`),
      h(
        'table',
        { className: 'node-table', 'data-test': 'node-table' },
        h('thead', {}, h('tr', {}, ...COLUMNS.map(header))),
        h(
          'tbody',
          {},
          ...rows.map((n) =>
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
            ),
          ),
        ),
      ),
    );
    if (focused) el.querySelector<HTMLElement>(focused)?.focus();
  }
  return { render };
}
