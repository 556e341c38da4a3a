import type { Elements } from '../api';
import type { AppState } from '../model/state';
import type { Explorer } from './explorer';

/** Puts fetched elements on the canvas and in the store; new nodes start around `around`. */
export function addElements(app: Explorer, elements: Elements, around?: string): void {
  app.canvas.add(elements, around);
  app.store.addElements(elements);
}

async function fetchExpansion(app: Explorer, id: string): Promise<void> {
  if (app.store.loaded.expansions[id]) return;
  const view = await app.data.neighbours(id);
  addElements(app, view.elements, id);
  app.store.expansionLoaded(
    id,
    view.elements.nodes.map((n) => n.data.id),
  );
}

/** The path finder's question: its ends and options, as a key to tell one from another. */
export const pathKey = (path: AppState['path']) =>
  JSON.stringify([path.from, path.to, path.via, path.avoid, path.k]);

async function fetchPath(app: Explorer): Promise<void> {
  const path = app.store.state.path;
  app.store.setPath(null);
  // A published copy has no path finder (the filters panel says so): nothing is asked.
  if (!path.from || !path.to || !app.data.paths) return;
  const asked = pathKey(path);
  const result = await app.data.paths(path.from, path.to, path);
  // A quicker answer to a later question may have come first: this one is kept only if current.
  if (pathKey(app.store.state.path) !== asked) return;
  addElements(app, result.elements);
  app.store.setPath(result);
}

/** Starts fetching what the view needs and has not got: expansions, the path, the selected node's details; adds a focus's events. */
export function fetchForView(app: Explorer, before: AppState | null): Promise<void>[] {
  const { store } = app;
  const { state } = store;
  const jobs: Promise<void>[] = [];
  for (const id of state.expanded)
    if (!store.loaded.expansions[id]) jobs.push(fetchExpansion(app, id));
  if (!before || pathKey(state.path) !== pathKey(before.path)) {
    // Without both ends there is nothing to fetch: no job, so a first view without a path
    // is drawn once, not drawn and then drawn again when an empty job settles.
    if (state.path.from && state.path.to) jobs.push(fetchPath(app));
    else store.setPath(null);
  }
  // A focus shows the node's events too, as its panel lists them: the events are in the page.
  const focus = state.focus;
  if (focus && (focus.id !== before?.focus?.id || !store.loaded.analysts?.[focus.id])) {
    const around = app.events.elementsAround(focus.id);
    addElements(app, around, focus.id);
    store.analystsLoaded(
      focus.id,
      around.nodes.map((n) => n.data.id),
    );
  }
  if (state.selected !== before?.selected) {
    store.forgetDetails();
    if (state.selected) {
      store.loadingDetails();
      const id = state.selected;
      jobs.push(app.data.node(id).then((d) => store.detailsArrived(id, d)));
    }
  }
  return jobs;
}
