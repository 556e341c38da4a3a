import { nothing } from 'lit-html';
import type { AppState } from '../model/state';
import { t, tf } from '../views/labels';
import { announce } from '../views/live-region';
import type { Explorer } from './explorer';
import { byId } from './page-elements';
import { nameOf, type UnchangedListener } from './store';

/** Puts a message in the status line (a live region) in place of the last one, or clears it. */
function say(message: string | null): void {
  announce(message ?? nothing, byId('announcer'));
}

/** An action that changed nothing says so, rather than seeming to be ignored. */
export function sayWhenUnchanged(app: Explorer): void {
  app.store.onUnchanged((name, args) => {
    const message = unchangedMessage(app, name, args);
    if (message) say(message);
  });
}

function unchangedMessage(
  app: Explorer,
  ...[name, args]: Parameters<UnchangedListener>
): string | null {
  const { store } = app;
  const lang = store.state.lang;
  const first = typeof args[0] === 'string' ? nameOf(store, args[0]) : '';
  switch (name) {
    case 'hide':
    case 'hideMany':
      return t(lang, 'saidNothingToHide');
    case 'hideOthers':
      return t(lang, 'saidNothingElse');
    case 'expand':
    case 'expandMany':
      return t(lang, 'saidAlreadyExpanded');
    case 'collapse':
      return tf(lang, 'saidNotExpanded', { name: first });
    case 'unhideAll':
    case 'unhideLast':
      return t(lang, 'saidNothingHidden');
    case 'focusOn':
      return tf(lang, 'saidAlreadyFocused', { name: first });
    case 'clearFocus':
      return t(lang, 'saidNoFocus');
    case 'resetFilters':
      return t(lang, 'saidAlreadyReset');
    case 'pathFrom':
      return tf(lang, 'saidAlreadyFrom', { name: first });
    case 'pathTo':
      return tf(lang, 'saidAlreadyTo', { name: first });
    default:
      // Choosing the node chosen already, opening the tab that is open: plain to see, nothing to say.
      return null;
  }
}

/**
 * What a change did that the picture may not make plain (how much an expansion added, or that
 * it added nothing; what was hidden or shown again; what a focus holds), once its data has
 * arrived and it is drawn. `shownBefore` is what was shown before the change.
 */
export function reportChange(app: Explorer, before: AppState, shownBefore: Set<string>): void {
  const { store } = app;
  const { state, visible } = store;
  const lang = state.lang;
  const names = (ids: string[]) => ids.map((id) => nameOf(store, id)).join(', ');
  const expanded = state.expanded.filter((id) => !before.expanded.includes(id));
  const hidden = state.hidden.filter((id) => !before.hidden.includes(id));
  const shownAgain = before.hidden.filter((id) => !state.hidden.includes(id));
  let message: string | null = null;
  if (expanded.length) {
    const added = [...visible.nodes].filter((id) => !shownBefore.has(id)).length;
    const neighboursHidden = new Set(
      expanded.flatMap((id) =>
        (store.loaded.expansions[id] ?? []).filter((n) => state.hidden.includes(n)),
      ),
    ).size;
    message =
      added > 0
        ? tf(lang, 'saidExpanded', { name: names(expanded), n: added })
        : neighboursHidden > 0
          ? tf(lang, 'saidExpandNothingNewHidden', { name: names(expanded), n: neighboursHidden })
          : tf(lang, 'saidExpandNothingNew', { name: names(expanded) });
  } else if (hidden.length)
    message =
      hidden.length === 1
        ? tf(lang, 'saidHidden', { name: names(hidden) })
        : tf(lang, 'saidHiddenMany', { n: hidden.length });
  else if (shownAgain.length)
    message =
      shownAgain.length === 1
        ? tf(lang, 'saidShownAgain', { name: names(shownAgain) })
        : tf(lang, 'saidShownAll', { n: shownAgain.length });
  else if (
    state.focus &&
    (state.focus.id !== before.focus?.id || state.focus.hops !== before.focus.hops)
  ) {
    const events = [...visible.nodes].filter(
      (id) => store.nodeIndex.get(id)?.kind === 'Event',
    ).length;
    message = tf(lang, 'saidFocus', {
      name: nameOf(store, state.focus.id),
      n: visible.nodes.size,
      e: events,
    });
  }
  say(message);
}
