import { decodeState, encodeState } from '../model/url-state';
import type { Store } from './store';

/** Which of this app's history entries the browser is at: stored with each entry we make. */
const entryIndex = (historyState: unknown) =>
  (historyState as { kizuna?: number } | null)?.kizuna ?? 0;

export const canUndo = (store: Store) => store.historyIndex > 0;
export const canRedo = (store: Store) => store.historyIndex < store.historyLength - 1;

/**
 * Keeps the URL and the browser's history in step with the view. Subscribe this before
 * anything that renders: the toolbar's Undo and Redo read the position it moves.
 */
export function syncHistory(store: Store): void {
  // A reload keeps its place in the app's history, so Undo still knows how far it can go.
  store.newHistoryEntry(entryIndex(history.state));
  // The link's view keeps the version it was made with: reloading it, or coming Back to it,
  // says again that it was made on other data. What the user changes is pinned to the data's.
  history.replaceState(
    { kizuna: store.historyIndex },
    '',
    `#${encodeState(store.state, store.linkVersion ?? store.dataVersion)}`,
  );
  store.subscribe((_before, cause) => {
    if (cause !== 'action') return;
    // Every change of the view is an entry in the browser's history: Back and Undo restore it.
    const hash = `#${encodeState(store.state, store.dataVersion)}`;
    if (hash !== location.hash) {
      store.newHistoryEntry(store.historyIndex + 1);
      history.pushState({ kizuna: store.historyIndex }, '', hash);
    }
  });
  window.addEventListener('popstate', (e) => {
    store.restore(decodeState(location.hash, store.state.lang), entryIndex(e.state));
  });
}

/**
 * Once the data say their version: a view opened without one (a link or saved view from
 * before versions) is pinned to it, so that Copy link and a reload carry it, and a reload
 * on edited data (1.4.0+data.…) does not look like a link from another version.
 */
export function pinEntry(store: Store): void {
  if (store.linkVersion !== null) return;
  history.replaceState(history.state, '', `#${encodeState(store.state, store.dataVersion)}`);
}
