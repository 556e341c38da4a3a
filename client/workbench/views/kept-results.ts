import { h } from '../../views/dom';
import type { KeptResult, Lang, WorkbenchState } from '../model/state';
import { rowCount, t } from './labels';

export interface KeptEvents {
  show(id: number): void;
  pin(id: number, pinned: boolean): void;
  compare(id: number | null): void;
}

const firstLine = (query: string) =>
  query.split('\n').find((l) => l.trim() && !l.trim().startsWith('//')) ?? query;

/**
 * The last results of this visit, newest first, each with its query, time and row count:
 * Show brings one back, Pin keeps it from rolling off, Compare puts a pinned one beside the
 * result shown.
 */
export function keptResults(state: WorkbenchState, on: KeptEvents): HTMLElement | null {
  const { lang, results, run, compare } = state;
  if (results.length === 0) return null;
  const shownId = run.status === 'done' ? run.id : null;
  const when = new Intl.DateTimeFormat(lang, { timeStyle: 'medium' });
  const item = (r: KeptResult, lang: Lang) => {
    const line = firstLine(r.query);
    const shown = r.id === shownId;
    return h(
      'li',
      { 'data-result': String(r.id), className: r.pinned ? 'pinned' : '' },
      h(
        'button',
        {
          type: 'button',
          className: 'kept-show',
          'aria-current': shown ? 'true' : 'false',
          disabled: run.status === 'running',
          onclick: () => on.show(r.id),
        },
        h('span', { className: 'kept-query' }, line),
        h(
          'span',
          { className: 'kept-meta' },
          `${when.format(new Date(r.at))} · ${rowCount(lang, r.result.rows.length)}${shown ? ` · ${t(lang, 'shown')}` : ''}`,
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          className: 'kept-pin',
          'aria-pressed': String(r.pinned),
          'aria-label': `${t(lang, r.pinned ? 'unpin' : 'pin')}: ${line}`,
          onclick: () => on.pin(r.id, !r.pinned),
        },
        t(lang, r.pinned ? 'unpin' : 'pin'),
      ),
      r.pinned && !shown
        ? h(
            'button',
            {
              type: 'button',
              className: 'kept-compare',
              'aria-pressed': String(compare === r.id),
              'aria-label': `${t(lang, 'compare')}: ${line}`,
              onclick: () => on.compare(compare === r.id ? null : r.id),
            },
            t(lang, 'compare'),
          )
        : null,
    );
  };
  return h(
    'nav',
    { className: 'kept', 'aria-label': t(lang, 'kept'), 'data-test': 'kept-results' },
    h('h3', {}, t(lang, 'kept')),
    h('ol', {}, ...results.map((r) => item(r, lang))),
  );
}
