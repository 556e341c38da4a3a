import { html, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { Lang } from '../model/state';
import type { SavedQuery } from '../model/stored-queries';
import { itemButton } from './item-button';
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
): TemplateResult {
  if (saved.length === 0) return html`<p class="muted">${t(lang, 'noSaved')}</p>`;
  return html`<ul class="query-list" data-test="saved-list">${repeat(
    saved,
    (q) => q.id,
    (q) =>
      html`<li data-id=${q.id}><strong class="query-name">${q.name}</strong
        ><pre class="query-preview">${firstLines(q.query)}</pre
        ><div class="item-actions"
          >${itemButton(lang, 'runThis', q.name, () => act.run(q))}${itemButton(
            lang,
            'open',
            q.name,
            () => act.open(q),
          )}${itemButton(lang, 'delete', q.name, () => act.remove(q), 'danger')}</div
      ></li>`,
  )}</ul>`;
}
