import { html, nothing, render as renderInto } from 'lit-html';
import type { NodeChangeIndex } from '../../core/dataset-node-changes';
import { dataVersionOf, linkNodeIds, needsChangeIndex, versionNotice } from '../model/link-version';
import { t, tf } from '../views/labels';
import type { Explorer } from './explorer';
import { pinEntry } from './history-sync';
import { byId } from './page-elements';
import { nameOf } from './store';

/**
 * The notice over the view when a link or saved view was made with another dataset version
 * than the data shown (model/link-version.ts): both versions, and which of the link's nodes
 * changed or are gone since. The change index is fetched only then, so a page opened from a
 * link of the same version (or none) never loads it.
 */

const loadChangeIndex = async (): Promise<NodeChangeIndex | null> => {
  try {
    return (await import('../../core/dataset-node-changes.json')).default as NodeChangeIndex;
  } catch {
    // Without the index the notice still names both versions; only its list is missing.
    return null;
  }
};

/** Once the plan is loaded: the data's own version, the first entry pinned to it, and the notice. */
export function dataLoaded(app: Explorer): Promise<void> {
  app.store.setDataVersion(dataVersionOf(app.store.loaded.nodes));
  return checkLinkVersion(app);
}

/** Says whether the link that opened the view (or the history entry restored) was made on other data. */
export async function checkLinkVersion(app: Explorer): Promise<void> {
  const { store } = app;
  pinEntry(store);
  const made = store.linkVersion;
  const shown = store.dataVersion;
  const index = needsChangeIndex(made, shown) ? await loadChangeIndex() : null;
  // Another link opened while the index loaded speaks for itself.
  if (store.linkVersion !== made) return;
  store.setVersionNotice(versionNotice(made, shown, linkNodeIds(store.state), index));
  renderVersionNotice(app);
}

/** Draws the notice, or hides it; called with every render, so it follows the language. */
export function renderVersionNotice(app: Explorer): void {
  const el = byId('version-notice');
  const notice = app.store.versionNotice;
  el.hidden = notice === null;
  if (!notice) {
    renderInto(nothing, el);
    return;
  }
  const { lang } = app.store.state;
  const names = (ids: string[]) =>
    html`<ul class="version-nodes">
      ${ids.map((id) => html`<li>${nameOf(app.store, id)}</li>`)}
    </ul>`;
  const nodes = notice.nodes;
  const dismiss = () => {
    app.store.setVersionNotice(null);
    renderVersionNotice(app);
  };
  renderInto(
    html`<p>
        <strong>${tf(lang, 'linkVersionMade', { made: notice.made, shown: notice.shown })}</strong>
        ${
          notice.newer
            ? t(lang, 'linkVersionNewer')
            : nodes === null
              ? t(lang, 'linkVersionUnknown')
              : nodes.changed.length + nodes.removed.length === 0
                ? t(lang, 'linkVersionSame')
                : nothing
        }
      </p>
      ${
        nodes?.changed.length
          ? html`<div data-test="version-changed">
              ${tf(lang, 'linkVersionChanged', { made: notice.made })} ${names(nodes.changed)}
            </div>`
          : nothing
      }
      ${
        nodes?.removed.length
          ? html`<div data-test="version-removed">
              ${tf(lang, 'linkVersionRemoved', { shown: notice.shown })}
              <ul class="version-nodes">
                ${nodes.removed.map((id) => html`<li><code>${id}</code></li>`)}
              </ul>
            </div>`
          : nothing
      }
      <button type="button" data-test="dismiss-version-notice" @click=${dismiss}>
        ${t(lang, 'close')}
      </button>`,
    el,
  );
}
