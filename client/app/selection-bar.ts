import { html, nothing, render as renderInto } from 'lit-html';
import { openExportDialog } from '../views/export-dialog';
import { t } from '../views/labels';
import type { Explorer } from './explorer';

/** Several nodes chosen on the canvas (shift-click, box): what can be done with them. */
export function renderSelectionBar(app: Explorer): void {
  const { store, canvas } = app;
  const lang = store.state.lang;
  const dispatch = store.dispatch;
  const ids = canvas.selection();
  app.page.selectionBar.hidden = ids.length < 2;
  renderInto(
    ids.length < 2
      ? nothing
      : html`<span data-test="selection-count">${ids.length} ${t(lang, 'selectedCount')}</span>
          <button type="button" data-test="sel-hide" @click=${() => dispatch('hideMany', ids)}>
            ${t(lang, 'hide')}
          </button>
          <button
            type="button"
            data-test="sel-hide-others"
            @click=${() => dispatch('hideOthers', ids, [...store.visible.nodes])}
          >
            ${t(lang, 'hideOthers')}
          </button>
          <button type="button" data-test="sel-expand" @click=${() => dispatch('expandMany', ids)}>
            ${t(lang, 'expandSelection')}
          </button>
          <button type="button" data-test="sel-focus" @click=${() => canvas.fitTo(ids)}>
            ${t(lang, 'focusSelection')}
          </button>
          <button
            type="button"
            data-test="sel-export"
            @click=${() => openExportDialog(canvas.cy, store.state, app.data, store.dataVersion)}
          >
            ${t(lang, 'exportSelection')}
          </button>
          <button type="button" @click=${() => canvas.clearSelection()}>
            ${t(lang, 'clearSelection')}
          </button>`,
    app.page.selectionBar,
  );
}
