import { html, nothing } from 'lit-html';
import type { Lang } from '../model/state';
import { t, type Word } from './labels';

/** One action on a list item: its word on the button, and the item it acts on in its name. */
export const itemButton = (lang: Lang, word: Word, item: string, act: () => void, className = '') =>
  html`<button
    type="button"
    class=${className || nothing}
    aria-label="${t(lang, word)}: ${item}"
    @click=${act}
  >${t(lang, word)}</button>`;
