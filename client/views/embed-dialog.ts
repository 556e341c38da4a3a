import { html, render } from 'lit-html';
import { embedSnippet, pageAddress } from '../model/embed-link';
import type { AppState } from '../model/state';
import { t, tf } from './labels';

/**
 * The HTML that shows the current view in another page: an iframe of the same address with
 * embed=1, from this page's own location, so a published copy's snippet points at the copy.
 * Copy uses the clipboard; where the browser refuses it, the snippet is selected for Ctrl+C.
 */
export function openEmbedDialog(state: AppState, version: string, viewTitle: string): void {
  const { lang } = state;
  const snippet = embedSnippet(
    state,
    pageAddress(location.href),
    version,
    tf(lang, 'embedFrameTitle', { title: viewTitle }),
  );
  const dialog = document.createElement('dialog');
  dialog.className = 'export-dialog embed-dialog';
  dialog.setAttribute('aria-labelledby', 'embed-heading');
  const copy = async () => {
    const area = dialog.querySelector<HTMLTextAreaElement>('#embed-snippet')!;
    const said = dialog.querySelector<HTMLElement>('.export-message')!;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(snippet);
      said.textContent = t(lang, 'embedCopied');
    } catch {
      area.focus();
      area.select();
      said.textContent = t(lang, 'embedCopyRefused');
    }
  };
  render(
    html`<form method="dialog"
      ><h2 id="embed-heading">${t(lang, 'embedHeading')}</h2
      ><p>${t(lang, 'embedIntro')}</p
      ><label class="field" for="embed-snippet">${t(lang, 'embedSnippetLabel')}</label
      ><textarea
        id="embed-snippet"
        class="embed-snippet"
        data-test="embed-snippet"
        readonly
        rows="5"
        spellcheck="false"
        .value=${snippet}
      ></textarea
      ><p class="legend-note">${t(lang, 'embedHostNote')}</p
      ><p class="export-message" role="status" data-test="embed-message"></p
      ><div class="dialog-buttons"
        ><button type="button" data-test="embed-copy" @click=${copy}>${t(lang, 'embedCopy')}</button
        ><button type="button" @click=${() => dialog.close()}>${t(lang, 'close')}</button></div
      ></form
    >`,
    dialog,
  );
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}
