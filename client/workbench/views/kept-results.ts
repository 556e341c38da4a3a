import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
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
export function keptResults(
  state: WorkbenchState,
  on: KeptEvents,
): TemplateResult | typeof nothing {
  const { lang, results, run, compare } = state;
  if (results.length === 0) return nothing;
  const shownId = run.status === 'done' ? run.id : null;
  const when = new Intl.DateTimeFormat(lang, { timeStyle: 'medium' });
  const item = (r: KeptResult, lang: Lang) => {
    const line = firstLine(r.query);
    const shown = r.id === shownId;
    return html`<li data-result=${String(r.id)} class=${r.pinned ? 'pinned' : ''}><button
        type="button"
        class="kept-show"
        aria-current=${shown ? 'true' : 'false'}
        ?disabled=${run.status === 'running'}
        @click=${() => on.show(r.id)}
      ><span class="kept-query">${line}</span><span class="kept-meta">${`${when.format(new Date(r.at))} · ${rowCount(lang, r.result.rows.length)}${shown ? ` · ${t(lang, 'shown')}` : ''}`}</span></button
      ><button
        type="button"
        class="kept-pin"
        aria-pressed=${String(r.pinned)}
        aria-label="${t(lang, r.pinned ? 'unpin' : 'pin')}: ${line}"
        @click=${() => on.pin(r.id, !r.pinned)}
      >${t(lang, r.pinned ? 'unpin' : 'pin')}</button
      >${
        r.pinned && !shown
          ? html`<button
              type="button"
              class="kept-compare"
              aria-pressed=${String(compare === r.id)}
              aria-label="${t(lang, 'compare')}: ${line}"
              @click=${() => on.compare(compare === r.id ? null : r.id)}
            >${t(lang, 'compare')}</button>`
          : nothing
      }</li>`;
  };
  return html`<nav class="kept" aria-label=${t(lang, 'kept')} data-test="kept-results"
    ><h3>${t(lang, 'kept')}</h3
    ><ol>${repeat(
      results,
      (r) => r.id,
      (r) => item(r, lang),
    )}</ol></nav
  >`;
}
