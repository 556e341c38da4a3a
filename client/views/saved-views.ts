import { html, render as renderInto } from 'lit-html';
import type { Lang } from '../model/state';
import { t } from './labels';

const KEY = 'kizuna.savedViews';

export interface SavedView {
  name: string;
  /** The view's URL fragment, without the '#'. */
  hash: string;
}

/** Reads saved views from any JSON (the browser's store or an imported file), keeping only well-formed ones. */
export function parseSavedViews(text: string | null): SavedView[] {
  if (!text) return [];
  try {
    const data: unknown = JSON.parse(text);
    const list = Array.isArray(data)
      ? data
      : data && typeof data === 'object' && Array.isArray((data as { views?: unknown }).views)
        ? (data as { views: unknown[] }).views
        : [];
    return list.filter(
      (v): v is SavedView =>
        typeof v === 'object' &&
        v !== null &&
        typeof (v as SavedView).name === 'string' &&
        (v as SavedView).name.trim() !== '' &&
        typeof (v as SavedView).hash === 'string' &&
        /^[\w.,~=&/%+-]*$/.test((v as SavedView).hash),
    );
  } catch {
    return [];
  }
}

/**
 * Named views kept in the browser: save the current one, open one (each is also a link),
 * delete, and export or import them all as a JSON file.
 */
export function mountSavedViews(
  el: HTMLElement,
  ctx: { current(): string; open(hash: string): void },
) {
  let views = parseSavedViews(localStorage.getItem(KEY));
  let message = '';
  let lang: Lang = 'en';
  const store = () => localStorage.setItem(KEY, JSON.stringify(views));

  const save = (e: Event) => {
    e.preventDefault();
    const input = el.querySelector<HTMLInputElement>('#saved-view-name')!;
    const name = input.value.trim();
    if (!name) return;
    views = [...views.filter((v) => v.name !== name), { name, hash: ctx.current() }];
    store();
    input.value = '';
    message = '';
    draw();
  };
  const exportFile = () => {
    const blob = new Blob([JSON.stringify({ kizuna: 'saved-views', views }, null, 2)], {
      type: 'application/json',
    });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'kizuna-views.json';
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const importFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const imported = parseSavedViews(await file.text());
    input.value = '';
    if (!imported.length) message = t(lang, 'importFailed');
    else {
      const names = new Set(imported.map((v) => v.name));
      views = [...views.filter((v) => !names.has(v.name)), ...imported];
      store();
      message = '';
    }
    draw();
  };

  function draw(): void {
    renderInto(
      html`<details class="group" data-group="saved">
        <summary>${t(lang, 'savedViews')}</summary>
        <form class="save-view" @submit=${save}>
          <label for="saved-view-name" class="visually-hidden">${t(lang, 'viewName')}</label>
          <input id="saved-view-name" placeholder=${t(lang, 'viewName')} maxlength="80" />
          <button type="submit" data-test="save-view">${t(lang, 'saveView')}</button>
        </form>
        ${
          views.length
            ? html`<ul class="saved-list" data-test="saved-views">
              ${views.map(
                (v) => html`<li>
                  <a href="#${v.hash}" @click=${(e: Event) => {
                    e.preventDefault();
                    ctx.open(v.hash);
                  }}>${v.name}</a>
                  <button
                    type="button"
                    class="link"
                    aria-label="${t(lang, 'deleteView')}: ${v.name}"
                    @click=${() => {
                      views = views.filter((x) => x !== v);
                      store();
                      draw();
                    }}
                  >×</button>
                </li>`,
              )}
            </ul>`
            : html`<p class="muted">${t(lang, 'noSavedViews')}</p>`
        }
        <div class="saved-files">
          <button type="button" ?disabled=${!views.length} @click=${exportFile}>
            ${t(lang, 'exportViews')}
          </button>
          <label class="file-button"
            >${t(lang, 'importViews')}
            <input type="file" accept="application/json,.json" @change=${importFile} data-test="import-views"
          /></label>
        </div>
        <p class="warn" role="status">${message}</p>
      </details>`,
      el,
    );
  }

  return {
    render(next: Lang) {
      lang = next;
      draw();
    },
  };
}
