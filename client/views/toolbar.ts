import { html, type TemplateResult } from 'lit-html';
import { type AppState, LAYOUTS, type LayoutName, TABS } from '../model/state';
import type { Dispatch } from './controls';
import { t } from './labels';

export interface ToolbarContext {
  dispatch: Dispatch;
  openExport(): void;
  copyLink(): Promise<boolean>;
  /** What the copy button last said, if it was pressed: the truth about the clipboard. */
  copyResult: 'copied' | 'failed' | null;
  canUndo: boolean;
  canRedo: boolean;
}

/** The header's controls: language, views (tabs), layout, reset, export, copy link, back and forward. */
export function toolbarTemplate(state: AppState, ctx: ToolbarContext): TemplateResult {
  const { lang } = state;
  const d = ctx.dispatch;
  return html`
    <div role="tablist" class="tabs" aria-label=${t(lang, 'views')}>
      ${TABS.map(
        (tab) =>
          html`<button
            type="button"
            role="tab"
            id="tab-${tab}"
            aria-selected=${String(state.tab === tab)}
            aria-controls=${tab === 'table' ? 'table-pane' : tab === 'implementation' ? 'implementation-pane' : 'graph-pane'}
            @click=${() => d('setTab', tab)}
          >
            ${t(lang, tab === 'underpins' ? 'underpins' : tab)}
          </button>`,
      )}
    </div>
    <label class="layout-choice" ?hidden=${state.tab !== 'graph'}
      >${t(lang, 'layout')}
      <select
        id="layout"
        .value=${state.layout}
        @change=${(e: Event) => d('setLayout', (e.target as HTMLSelectElement).value as LayoutName)}
      >
        ${LAYOUTS.map(
          (l) => html`<option value=${l} ?selected=${state.layout === l}>${t(lang, l)}</option>`,
        )}
      </select></label
    >
    <button type="button" @click=${() => d('resetFilters')}>${t(lang, 'reset')}</button>
    <!-- Back and forward stay side by side when the toolbar wraps (a phone). -->
    <span class="history-buttons"
      ><button
      type="button"
      id="undo"
      aria-label=${t(lang, 'undo')}
      title=${t(lang, 'undo')}
      ?disabled=${!ctx.canUndo}
      @click=${() => history.back()}
    >
      ↶
    </button>
    <button
      type="button"
      id="redo"
      aria-label=${t(lang, 'redo')}
      title=${t(lang, 'redo')}
      ?disabled=${!ctx.canRedo}
      @click=${() => history.forward()}
    >
      ↷
    </button></span
    >
    <button type="button" id="export" @click=${ctx.openExport}>${t(lang, 'export')}</button>
    <button type="button" id="share" @click=${ctx.copyLink}>${t(lang, 'share')}</button>
    <span class="share-result" role="status" data-test="share-result"
      >${ctx.copyResult ? t(lang, ctx.copyResult === 'copied' ? 'copied' : 'copyFailed') : ''}</span
    >
    <button
      type="button"
      id="lang-toggle"
      lang=${lang === 'ja' ? 'en' : 'ja'}
      title=${t(lang, 'languageLabel')}
      @click=${() => d('setLanguage', lang === 'ja' ? 'en' : 'ja')}
    >${t(lang, 'language')}</button>
  `;
}
