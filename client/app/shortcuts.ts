import { canRedo, canUndo } from './history-sync';
import type { Store } from './store';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && Boolean(target.closest('input, select, textarea'));

/** Escape closes the node's panel; Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z or Ctrl/⌘+Y redoes. */
export function listenForShortcuts(store: Store): void {
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && store.state.selected && !typing(e.target)) {
      store.dispatch('select', null);
      return;
    }
    // Undo and redo are Back and Forward within the app's own history, never out of it.
    if ((e.ctrlKey || e.metaKey) && !typing(e.target)) {
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
