import type { NodeData } from '../api';
import type { Lang } from '../model/state';
import type { UnderpinsRow } from '../model/underpins-layout';
import { h } from './dom';
import { t } from './labels';

/** The "what underpins what" view as a list beside the picture: each agreement with its commitments. */
export function renderUnderpinsList(
  el: HTMLElement,
  rows: UnderpinsRow[] | null,
  nodeOf: (id: string) => NodeData | undefined,
  lang: Lang,
  onSelect: (id: string) => void,
): void {
  if (!rows) {
    el.hidden = true;
    el.replaceChildren();
    return;
  }
  el.hidden = false;
  const name = (id: string) => {
    const n = nodeOf(id);
    return n ? String(lang === 'ja' ? n.name_ja : n.name_en) : id;
  };
  el.replaceChildren(
    h('h2', {}, t(lang, 'underpinsTitle')),
    h(
      'ul',
      { 'data-test': 'underpins-list' },
      ...rows.map((row) =>
        h(
          'li',
          { 'data-agreement': row.agreement },
          h(
            'button',
            { type: 'button', className: 'link agreement', onclick: () => onSelect(row.agreement) },
            name(row.agreement),
          ),
          h(
            'ul',
            {},
            ...row.commitments.map((c) =>
              h(
                'li',
                { 'data-commitment': c },
                h(
                  'button',
                  { type: 'button', className: 'link', onclick: () => onSelect(c) },
                  `${String(nodeOf(c)?.ref ?? '')} ${name(c)}`,
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
