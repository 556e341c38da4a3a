import type { AppState } from './state';
import { encodeState } from './url-state';

/** The frame a snippet proposes: big enough for a diagram with its legend beside it. */
export const EMBED_SIZE = { width: 600, height: 400 } as const;

/** The page's address without its fragment: the live app's, or a published copy's, wherever it is served. */
export const pageAddress = (href: string) => href.split('#')[0] ?? href;

/** The same view shown as an embed (diagram and legend only), as a link. */
export const embedUrl = (state: AppState, page: string, version: string) =>
  `${page}#${encodeState({ ...state, embed: true }, version)}`;

/** The same view in the whole app, for the embed's "Open in Kizuna" link. */
export const fullViewUrl = (state: AppState, page: string, version: string) =>
  `${page}#${encodeState({ ...state, embed: false }, version)}`;

const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The HTML a report's page pastes to show this view. Written as text for the user to copy,
 * never put into this page's DOM; the title (a screen reader's name for the frame) may hold
 * any character, so both attributes are escaped.
 */
export function embedSnippet(
  state: AppState,
  page: string,
  version: string,
  title: string,
): string {
  const { width, height } = EMBED_SIZE;
  return `<iframe src="${attribute(embedUrl(state, page, version))}" width="${width}" height="${height}" title="${attribute(title)}" loading="lazy"></iframe>`;
}
