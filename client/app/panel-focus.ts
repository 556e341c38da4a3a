import type { Explorer } from './explorer';
import { byId } from './page-elements';
import { editsText } from './shortcuts';

/** Moves the keyboard to the chosen node's panel once it has loaded, remembering where it came from. */
export function choose(app: Explorer, id: string): void {
  const { store, page } = app;
  const active = document.activeElement;
  if (active instanceof HTMLElement && !page.panel.contains(active))
    store.rememberReturnFocus(active);
  store.setFocusPanelWhenReady(true);
  store.dispatch('select', id);
  if (store.state.selected === id && store.details?.id === id) {
    store.setFocusPanelWhenReady(false);
    byId('panel-title')?.focus();
  }
}

/** The panel asked for by `choose` has its details now: the keyboard moves to it. */
export function focusPanelIfReady(app: Explorer): void {
  if (app.store.focusPanelWhenReady && app.store.details) {
    app.store.setFocusPanelWhenReady(false);
    byId('panel-title')?.focus();
  }
}

/**
 * The panel closed: focus goes back where it was before the panel took it, else to the canvas.
 * Never into a text field (the search box that found the node): its text is stale by now, and
 * Ctrl+Z there would undo the typing rather than the view.
 */
export function returnFocusFromPanel(app: Explorer): void {
  if (!app.page.panel.contains(document.activeElement) && document.activeElement !== document.body)
    return;
  const returnTo = app.store.takeReturnFocus();
  window.setTimeout(() => {
    if (returnTo?.isConnected && !editsText(returnTo)) returnTo.focus();
    else app.keys.focusNode(null);
  }, 0);
}
