import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { ResearchQuery } from '../model/cypher-types';
import type { Lang, Library } from '../model/state';
import { t } from './labels';

/** The curated research queries: title and description in the chosen language, one click to run. */
export function libraryList(
  library: Library,
  lang: Lang,
  run: (query: ResearchQuery) => void,
): TemplateResult {
  if (library.status === 'loading')
    return html`<p class="muted" role="status">${t(lang, 'libraryLoading')}</p>`;
  if (library.status === 'failed')
    return html`<p class="error">${t(lang, 'libraryFailed')}: ${library.detail}</p>`;
  return html`<ul class="query-list" data-test="library">${repeat(
    library.queries,
    (q) => q.id,
    (q) =>
      html`<li data-id=${q.id}><button
          type="button"
          class="query-title library-run"
          data-id=${q.id}
          @click=${() => run(q)}
        ><span class="run-mark" aria-hidden="true">▶ </span>${lang === 'ja' ? q.title_ja : q.title_en}</button
        ><p class="description">${lang === 'ja' ? q.description_ja : q.description}</p
        >${
          q.params
            ? html`<p class="params-note">${Object.keys(q.params)
                .map((k) => `$${k}`)
                .join(', ')}</p>`
            : nothing
        }</li>`,
  )}</ul>`;
}
