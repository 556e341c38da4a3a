import { render as renderInto } from 'lit-html';
import { openExportDialog } from '../views/export-dialog';
import { toolbarTemplate } from '../views/toolbar';
import type { Explorer } from './explorer';
import { canRedo, canUndo } from './history-sync';

export function renderToolbar(app: Explorer): void {
  const { store } = app;
  renderInto(
    toolbarTemplate(store.state, {
      dispatch: store.dispatch,
      openExport: () => openExportDialog(app.canvas.cy, store.state, app.data, store.dataVersion),
      copyLink: () => copyLink(app),
      copyResult: store.copyResult,
      canUndo: canUndo(store),
      canRedo: canRedo(store),
    }),
    app.page.toolbar,
  );
}

/** Copies the link and says truthfully whether the clipboard took it. */
async function copyLink(app: Explorer): Promise<boolean> {
  let ok = false;
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(location.href);
    ok = true;
  } catch {
    ok = false;
  }
  app.store.setCopyResult(ok ? 'copied' : 'failed');
  renderToolbar(app);
  return ok;
}
