import { h } from '../../views/dom';
import type { ResearchQuery } from '../model/cypher-types';
import type { Lang, Library } from '../model/state';
import { t } from './labels';

/** The curated research queries: title and description in the chosen language, one click to run. */
export function libraryList(
  library: Library,
  lang: Lang,
  run: (query: ResearchQuery) => void,
): HTMLElement {
  if (library.status === 'loading')
    return h('p', { className: 'muted', role: 'status' }, t(lang, 'libraryLoading'));
  if (library.status === 'failed')
    return h('p', { className: 'error' }, `${t(lang, 'libraryFailed')}: ${library.detail}`);
  return h(
    'ul',
    { className: 'query-list', 'data-test': 'library' },
    ...library.queries.map((q) =>
      h(
        'li',
        { 'data-id': q.id },
        h(
          'button',
          {
            type: 'button',
            className: 'query-title library-run',
            'data-id': q.id,
            onclick: () => run(q),
          },
          h('span', { className: 'run-mark', 'aria-hidden': 'true' }, '▶ '),
          lang === 'ja' ? q.title_ja : q.title_en,
        ),
        h('p', { className: 'description' }, lang === 'ja' ? q.description_ja : q.description),
        q.params
          ? h(
              'p',
              { className: 'params-note' },
              Object.keys(q.params)
                .map((k) => `$${k}`)
                .join(', '),
            )
          : null,
      ),
    ),
  );
}
