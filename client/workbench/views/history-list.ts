import { html, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { Lang } from '../model/state';
import type { HistoryEntry } from '../model/stored-queries';
import { itemButton } from './item-button';
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
): TemplateResult {
  if (all.length === 0) return html`<p class="muted">${t(lang, 'noHistory')}</p>`;
  const history = matchingHistory(all, search);
  if (history.length === 0) return html`<p class="muted">${t(lang, 'noMatch')}</p>`;
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'medium' });
  return html`<ol class="query-list" data-test="history-list">${repeat(
    history,
    (entry) => entry.id,
    (entry) => {
      const firstLine =
        entry.query.split('\n').find((l) => l.trim() && !l.trim().startsWith('//')) ?? entry.query;
      return html`<li data-id=${entry.id}><p class="history-meta"
          ><time datetime=${entry.ranAt}>${when.format(new Date(entry.ranAt))}</time
          >${` · ${outcome(entry, lang)}`}</p
        ><pre class="query-preview">${firstLine}</pre
        ><div class="item-actions"
          >${itemButton(lang, 'runThis', firstLine, () => act.run(entry))}${itemButton(
            lang,
            'open',
            firstLine,
            () => act.open(entry),
          )}</div
      ></li>`;
    },
  )}</ol>`;
}
