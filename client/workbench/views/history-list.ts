import { h } from '../../views/dom';
import type { Lang } from '../model/state';
import type { HistoryEntry } from '../model/stored-queries';
import { rowCount, t } from './labels';

export interface HistoryActions {
  open(entry: HistoryEntry): void;
  run(entry: HistoryEntry): void;
}

function outcome(entry: HistoryEntry, lang: Lang): string {
  if (entry.outcome === 'rows') return rowCount(lang, entry.rows ?? 0);
  return t(lang, entry.outcome);
}

/** The last runs, newest first: when, how it went, and the query's first line. */
export function historyList(
  history: readonly HistoryEntry[],
  lang: Lang,
  act: HistoryActions,
): HTMLElement {
  if (history.length === 0) return h('p', { className: 'muted' }, t(lang, 'noHistory'));
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'medium' });
  return h(
    'ol',
    { className: 'query-list', 'data-test': 'history-list' },
    ...history.map((entry) => {
      const firstLine =
        entry.query.split('\n').find((l) => l.trim() && !l.trim().startsWith('//')) ?? entry.query;
      return h(
        'li',
        { 'data-id': entry.id },
        h(
          'p',
          { className: 'history-meta' },
          h('time', { datetime: entry.ranAt }, when.format(new Date(entry.ranAt))),
          ` · ${outcome(entry, lang)}`,
        ),
        h('pre', { className: 'query-preview' }, firstLine),
        h(
          'div',
          { className: 'item-actions' },
          h(
            'button',
            {
              type: 'button',
              'aria-label': `${t(lang, 'runThis')}: ${firstLine}`,
              onclick: () => act.run(entry),
            },
            t(lang, 'runThis'),
          ),
          h(
            'button',
            {
              type: 'button',
              'aria-label': `${t(lang, 'open')}: ${firstLine}`,
              onclick: () => act.open(entry),
            },
            t(lang, 'open'),
          ),
        ),
      );
    }),
  );
}
