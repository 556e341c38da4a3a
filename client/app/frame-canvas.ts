import { type AppState, showsCanvas } from '../model/state';
import type { Visible } from '../model/visibility';
import type { Explorer } from './explorer';
import { pathKey } from './load-data';

const signature = (v: Visible) => [...v.nodes].sort().join('|');

/** Lays the canvas out, frames it or frames the node just chosen, as the change asks. */
export function frameCanvas(app: Explorer, before: AppState | null): void {
  const { store, canvas } = app;
  const { state, visible } = store;
  // The table and the implementation view hide the canvas: the picture is laid out again only when it is shown
  // with another arrangement than it has (the layout laid out frames it too).
  const arrangement = state.tab === 'underpins' ? 'underpins' : state.layout;
  const relayout =
    showsCanvas(state.tab) &&
    (arrangement !== store.laidOut ||
      (state.tab === 'underpins' && before !== null && state.filters !== before.filters));
  const shown = signature(visible);
  // A node just chosen (a click, a search result, a row of a list) is framed with its neighbours.
  const chosen =
    before && showsCanvas(state.tab) && state.selected && state.selected !== before.selected
      ? state.selected
      : null;
  if (relayout) {
    // New places for every node: they are framed at once, without an animation to redraw.
    store.laidOutAs(arrangement, shown);
    canvas.layout(arrangement, visible);
  } else if (showsCanvas(state.tab) && shown !== store.framed) {
    // A new set of nodes is framed whole, unless a node was chosen: then its neighbourhood.
    store.framedAs(shown);
    if (chosen) canvas.frameAround(chosen);
    else canvas.fitView(Boolean(before));
  } else if (chosen) canvas.frameAround(chosen);
  else if (
    showsCanvas(state.tab) &&
    before &&
    state.path.from &&
    state.path.to &&
    pathKey(state.path) !== pathKey(before.path)
  ) {
    // Paths found anew (other ends or options) are drawn among what is shown: the whole is
    // framed, even when the paths brought no node that was not shown already.
    canvas.fitView(true);
  }
}
