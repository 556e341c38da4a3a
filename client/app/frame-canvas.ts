import type { AppState } from '../model/state';
import type { Visible } from '../model/visibility';
import type { Explorer } from './explorer';

const signature = (v: Visible) => [...v.nodes].sort().join('|');

/** Lays the canvas out, frames it or brings the selection into view, as the change asks. */
export function frameCanvas(app: Explorer, before: AppState | null): void {
  const { store, canvas } = app;
  const { state, visible } = store;
  // The table hides the canvas: the picture is laid out again only when it is shown
  // with another arrangement than it has (the layout laid out frames it too).
  const arrangement = state.tab === 'underpins' ? 'underpins' : state.layout;
  const relayout =
    state.tab !== 'table' &&
    (arrangement !== store.laidOut ||
      (state.tab === 'underpins' && before !== null && state.filters !== before.filters));
  const shown = signature(visible);
  if (relayout) {
    // New places for every node: they are framed at once, without an animation to redraw.
    store.laidOutAs(arrangement, shown);
    canvas.layout(arrangement, visible);
  } else if (state.tab !== 'table' && shown !== store.framed) {
    // A new set of nodes is framed whole; a new selection is brought into view if it is not.
    store.framedAs(shown);
    canvas.fitView(Boolean(before));
  } else if (state.selected && state.selected !== before?.selected) canvas.reveal(state.selected);
}
