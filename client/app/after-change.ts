import type { AppState } from '../model/state';
import type { Explorer } from './explorer';
import { frameCanvas } from './frame-canvas';
import { rememberLang } from './language';
import { fetchForView } from './load-data';
import { focusPanelIfReady, returnFocusFromPanel } from './panel-focus';
import { render } from './render-app';
import { showError } from './status-bar';

/**
 * What follows a change of the view (`before` is null for the first one): fetch what it
 * needs, draw it (again once fetched), frame the canvas and move the keyboard.
 */
export async function afterChange(app: Explorer, before: AppState | null): Promise<void> {
  const { store } = app;
  try {
    if (store.state.lang !== before?.lang) rememberLang(store.state.lang);
    const jobs = fetchForView(app, before);
    if (!store.state.selected && before?.selected) returnFocusFromPanel(app);
    render(app);
    if (jobs.length) {
      await Promise.all(jobs);
      render(app);
    }
    frameCanvas(app, before);
    focusPanelIfReady(app);
  } catch (error) {
    showError(app, error);
  }
}
