import { html, nothing, render as renderInto } from 'lit-html';
import { t, tf } from '../views/labels';
import type { Explorer } from './explorer';
import { byId } from './page-elements';
import { nameOf } from './store';

/**
 * Over the canvas, what narrows the picture beyond the filters: the focus, and how many nodes
 * are hidden, each with its way back (show everything; show all, or the last one hidden).
 */
export function renderViewBar(app: Explorer): void {
  const { store } = app;
  const { state } = store;
  const { lang, focus, hidden } = state;
  const d = store.dispatch;
  const bar = byId('view-bar');
  const last = hidden.at(-1);
  bar.hidden = !focus && !last;
  renderInto(
    html`${
      focus
        ? html`<span class="view-bar-item" data-test="focus-bar"
            >${t(lang, 'focusedOn')}
            <strong class="focus-name" title=${nameOf(store, focus.id)}>${nameOf(store, focus.id)}</strong>
            ${hidden.includes(focus.id) ? t(lang, 'focusedHidden') : nothing} ·
            ${focus.hops === 1 ? t(lang, 'oneHop') : tf(lang, 'manyHops', { n: focus.hops })}
            <button type="button" data-test="clear-focus" @click=${() => d('clearFocus')}>
              ${t(lang, 'clearFocus')}
            </button></span
          >`
        : nothing
    }${
      last
        ? html`<span class="view-bar-item" data-test="hidden-bar"
            ><span data-test="hidden-count">${tf(lang, 'hiddenCount', { n: hidden.length })}</span>
            <button type="button" data-test="show-all" @click=${() => d('unhideAll')}>
              ${t(lang, 'showAll')}
            </button>
            <button
              type="button"
              data-test="restore-last"
              title=${tf(lang, 'restoreLastTitle', { name: nameOf(store, last) })}
              @click=${() => d('unhideLast')}
            >
              ${t(lang, 'restoreLast')}
            </button></span
          >`
        : nothing
    }`,
    bar,
  );
  // Fits leave the bar's band clear, so it covers no node (on a phone it wraps to two lines).
  app.canvas.setInsetTop(bar.hidden ? 0 : bar.offsetTop + bar.offsetHeight);
}
