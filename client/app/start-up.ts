import { recordEndsOn } from '../model/clock';
import { afterChange } from './after-change';
import { markEmbed } from './embed';
import type { Explorer } from './explorer';
import { addElements } from './load-data';
import { byId } from './page-elements';
import { showError, showLoading } from './status-bar';
import { dataLoaded } from './version-notice';

/** The page before anything is fetched: its language, the loading line, and on a phone folded filters. */
export function preparePage(app: Pick<Explorer, 'store' | 'page'>): void {
  // On a phone the filters start folded, so the graph gets the screen.
  if (window.matchMedia('(max-width: 900px)').matches)
    byId<HTMLDetailsElement>('controls-details').open = false;
  document.documentElement.lang = app.store.state.lang;
  markEmbed(app.store.state.embed);
  showLoading(app);
}

/** Loads the plan and the events, shows the view the link asks for, and says when it is ready. */
export async function openFirstView(app: Explorer): Promise<void> {
  try {
    const [whole, published] = await Promise.all([
      app.data.wholePlan(),
      app.data.manifest(),
      app.events.load(),
    ]);
    app.published = published;
    recordEndsOn(published ? published.publishedAt.slice(0, 10) : null);
    addElements(app, whole.elements);
    void dataLoaded(app);
    await afterChange(app, null);
    // A link to a worker-computed arrangement is ready once that arrangement is shown.
    await app.canvas.laidOut();
    app.canvas.fitView(false);
    document.body.dataset.state = 'ready';
    performance.mark('kizuna:first-render');
  } catch (error) {
    showError(app, error);
  }
}
