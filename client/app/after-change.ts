import type { AppState } from '../model/state';
import type { Explorer } from './explorer';
import { reportChange } from './feedback';
import { frameCanvas } from './frame-canvas';
import { rememberLang } from './language';
import { fetchForView } from './load-data';
import { focusPanelIfReady, returnFocusFromPanel } from './panel-focus';
import { render } from './render-app';
import { showError } from './status-bar';

/**
 * What follows a change of the view (`before` is null for the first one): fetch what it
 * needs, draw it (again once fetched), frame the canvas, move the keyboard and say what
 * the change did where the picture may not.
 */
export async function afterChange(app: Explorer, before: AppState | null): Promise<void> {
  const { store } = app;
  try {
    if (store.state.lang !== before?.lang) rememberLang(store.state.lang);
    const shownBefore = store.visible.nodes;
    const jobs = fetchForView(app, before);
    if (!store.state.selected && before?.selected) returnFocusFromPanel(app);
    render(app);
    if (jobs.length) {
      await Promise.all(jobs);
      render(app);
    }
    frameCanvas(app, before);
    if (store.state.selected && store.state.selected !== before?.selected) showPanelTop(app);
    focusPanelIfReady(app);
    if (before) reportChange(app, before, shownBefore);
  } catch (error) {
    showError(app, error);
  }
}

/**
 * A newly chosen node's panel opens at its heading, not where the last one was scrolled to;
 * on a phone, where the panel lies below the canvas and the timeline, the page scrolls so the
 * whole panel (its heading first) is on screen.
 */
function showPanelTop(app: Explorer): void {
  const { panel } = app.page;
  if (panel.hidden) return;
  panel.scrollTop = 0;
  if (window.matchMedia('(max-width: 900px)').matches) panel.scrollIntoView({ block: 'nearest' });
}
