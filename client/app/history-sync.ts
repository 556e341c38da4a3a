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
  history.replaceState({ kizuna: store.historyIndex }, '', `#${encodeState(store.state)}`);
  store.subscribe((_before, cause) => {
    if (cause !== 'action') return;
    // Every change of the view is an entry in the browser's history: Back and Undo restore it.
    const hash = `#${encodeState(store.state)}`;
    if (hash !== location.hash) {
      store.newHistoryEntry(store.historyIndex + 1);
      history.pushState({ kizuna: store.historyIndex }, '', hash);
    }
  });
  window.addEventListener('popstate', (e) => {
    store.restore(decodeState(location.hash, store.state.lang), entryIndex(e.state));
  });
}
