import { h } from '../../views/dom';
import type { Lang } from '../model/state';
import type { SavedQuery } from '../model/stored-queries';
import { t } from './labels';

export interface SavedActions {
  open(query: SavedQuery): void;
  run(query: SavedQuery): void;
  remove(query: SavedQuery): void;
}

const firstLines = (query: string) => query.split('\n').slice(0, 3).join('\n');

/** The researcher's named queries, each to open in the editor, run, or delete. */
export function savedList(
  saved: readonly SavedQuery[],
  lang: Lang,
  act: SavedActions,
): HTMLElement {
  if (saved.length === 0) return h('p', { className: 'muted' }, t(lang, 'noSaved'));
  return h(
    'ul',
    { className: 'query-list', 'data-test': 'saved-list' },
    ...saved.map((q) =>
      h(
        'li',
        { 'data-id': q.id },
        h('strong', { className: 'query-name' }, q.name),
        h('pre', { className: 'query-preview' }, firstLines(q.query)),
        h(
          'div',
          { className: 'item-actions' },
          h(
            'button',
            {
              type: 'button',
              'aria-label': `${t(lang, 'runThis')}: ${q.name}`,
              onclick: () => act.run(q),
            },
            t(lang, 'runThis'),
          ),
          h(
            'button',
            {
              type: 'button',
              'aria-label': `${t(lang, 'open')}: ${q.name}`,
              onclick: () => act.open(q),
            },
            t(lang, 'open'),
          ),
          h(
            'button',
            {
              type: 'button',
              className: 'danger',
              'aria-label': `${t(lang, 'delete')}: ${q.name}`,
              onclick: () => act.remove(q),
            },
            t(lang, 'delete'),
          ),
        ),
      ),
    ),
  );
}
