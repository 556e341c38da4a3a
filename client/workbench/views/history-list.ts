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

/** Entries whose query holds every word of the search, in any case. */
export function matchingHistory(
  history: readonly HistoryEntry[],
  search: string,
): readonly HistoryEntry[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return history;
  return history.filter((entry) => {
    const text = entry.query.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** The last runs, newest first: when, how it went, and the query's first line. */
export function historyList(
  all: readonly HistoryEntry[],
  search: string,
  lang: Lang,
  act: HistoryActions,
): HTMLElement {
  if (all.length === 0) return h('p', { className: 'muted' }, t(lang, 'noHistory'));
  const history = matchingHistory(all, search);
  if (history.length === 0) return h('p', { className: 'muted' }, t(lang, 'noMatch'));
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
