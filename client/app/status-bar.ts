import { html, nothing, render as renderInto } from 'lit-html';
import { ApiError } from '../api';
import { WriteProblem } from '../timeline/events-api';
import { t, tf } from '../views/labels';
import type { Explorer } from './explorer';

/** The footer while the plan loads. */
export function showLoading(app: Pick<Explorer, 'store' | 'page'>): void {
  document.body.dataset.state = 'loading';
  renderInto(
    html`<span role="status">${t(app.store.state.lang, 'loading')}</span>`,
    app.page.status,
  );
}

/** The footer: how much of the plan is shown, and what the link said that was not understood. */
export function renderStatus(app: Explorer): void {
  const { lang, focus } = app.store.state;
  const { visible, loaded, linkProblems } = app.store;
  renderInto(
    html`<span data-test="counts"
        >${visible.nodes.size} / ${loaded.nodes.length} ${t(lang, 'nodesCount')} ·
        ${visible.edges.size} ${t(lang, 'relsCount')}</span
      >${
        focus
          ? html` <span class="muted">${t(lang, 'focusCount')}</span>
              <button
                type="button"
                class="list-button"
                data-test="focus-list"
                title=${t(lang, 'listTitle')}
                @click=${() => app.store.dispatch('openList', { kind: 'focus' })}
              >
                ${t(lang, 'list')}
              </button>`
          : nothing
      }${visible.nodes.size === 0 ? html` <strong class="warn">${t(lang, 'empty')}</strong>` : nothing}${
        app.published
          ? html` <span class="muted" data-test="published-edition"
              >· ${tf(lang, 'publishedEdition', {
                version: app.published.datasetVersion,
                day: app.published.publishedAt.slice(0, 10),
              })}</span
            >`
          : nothing
      }${
        linkProblems.length
          ? html` <span class="warn" role="alert" data-test="link-problems"
              >${t(lang, 'badLink')}: ${linkProblems.join('; ')}</span
            >`
          : nothing
      }`,
    app.page.status,
  );
}

export function showError(app: Pick<Explorer, 'store' | 'page' | 'data'>, error: unknown): void {
  const lang = app.store.state.lang;
  // The plan's and the events' requests fail alike (ApiError, WriteProblem): a problem's
  // title and detail, whichever of the two answered first.
  const problem =
    error instanceof ApiError || error instanceof WriteProblem
      ? { status: error.status, title: error.title, detail: error.message }
      : null;
  const message = problem
    ? problem.status === 0
      ? t(lang, app.data.edition === 'published' ? 'filesUnreadable' : 'serverUnreachable')
      : `${problem.title}: ${problem.detail}`
    : `${t(lang, 'error')}: ${String(error)}`;
  renderInto(
    html`<strong class="error" role="alert" data-test="error">${message}</strong>
      <button type="button" @click=${() => location.reload()}>${t(lang, 'retry')}</button>`,
    app.page.status,
  );
  document.body.dataset.state = 'error';
}
