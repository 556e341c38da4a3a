import { canRedo, canUndo } from './history-sync';
import { byId } from './page-elements';
import type { Store } from './store';

/** Input types whose text the browser edits, with an undo of their own. */
const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number']);

/**
 * Whether the keyboard is editing text there: Ctrl+Z is then the field's own undo, and Escape
 * the field's own. A checkbox, a button or a list is not: the app's undo works there.
 */
export const editsText = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type)));

/**
 * Escape closes the node's panel and puts the keyboard on the canvas, on that node; Ctrl/⌘+Z
 * undoes, Ctrl/⌘+Shift+Z or Ctrl/⌘+Y redoes, wherever the keyboard is but in a text field.
 */
export function listenForShortcuts(store: Store, toCanvas: (id: string | null) => void): void {
  document.addEventListener('keydown', (e) => {
    const selected = store.state.selected;
    const inDialog = e.target instanceof HTMLElement && Boolean(e.target.closest('dialog'));
    if (e.key === 'Escape' && selected && !editsText(e.target) && !inDialog) {
      // Back to the canvas, not to wherever the panel was opened from (the search box, say).
      store.takeReturnFocus();
      store.dispatch('select', null);
      toCanvas(selected);
      return;
    }
    // Undo and redo are Back and Forward within the app's own history, never out of it.
    if ((e.ctrlKey || e.metaKey) && !editsText(e.target)) {
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey && canUndo(store)) {
        e.preventDefault();
        history.back();
      } else if (((key === 'z' && e.shiftKey) || key === 'y') && canRedo(store)) {
        e.preventDefault();
        history.forward();
      }
    }
  });
}

/**
 * The skip links past the header and the filters: to the canvas, the search box, the panel.
 * Their targets are focused here, for the page's address (#…) is the view's state.
 */
export function followSkipLinks(toCanvas: () => void): void {
  const targets: Record<string, () => void> = {
    'skip-canvas': toCanvas,
    'skip-search': () => byId('search').focus(),
    'skip-panel': () => byId('panel-title')?.focus(),
  };
  for (const [id, go] of Object.entries(targets))
    byId(id).addEventListener('click', (e) => {
      e.preventDefault();
      go();
    });
}
