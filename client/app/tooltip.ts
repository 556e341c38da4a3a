import { html, nothing, render as renderInto } from 'lit-html';
import type { CanvasEvents } from '../canvas/canvas';
import { kindName, relName, t } from '../views/labels';
import type { Explorer } from './explorer';
import { nameOf, pairKey } from './store';

/** The name of the node or relationship under the pointer, beside it; `null` hides it. */
export function showTooltip(app: Explorer, target: Parameters<CanvasEvents['hover']>[0]): void {
  const { store, page } = app;
  const { tooltip } = page;
  if (!target) {
    tooltip.hidden = true;
    return;
  }
  const lang = store.state.lang;
  const name = (id: string) => nameOf(store, id);
  if (target.kind === 'node') {
    const n = store.nodeIndex.get(target.id);
    const status =
      n?.kind === 'Commitment' && typeof n.ref === 'string'
        ? app.implementation.statusWords(store.state, n.ref)
        : null;
    renderInto(
      html`<strong>${name(target.id)}</strong
        ><span> · ${kindName(n?.kind ?? '', lang)}${typeof n?.ref === 'string' ? ` ${n.ref}` : ''}</span
        >${status ? html`<span class="tip-status" data-test="tip-status"> · ${status}</span>` : nothing}`,
      tooltip,
    );
  } else {
    const e = store.loaded.edges.find((x) => x.id === target.id);
    if (!e) return;
    renderInto(
      html`<strong>${name(e.source)}</strong> <em>${relName(e.type, lang)}</em>
        <strong>${name(e.target)}</strong>
        ${
          typeof e.evidence === 'string'
            ? html`<span class="tip-evidence"
              >${t(lang, 'evidence')}: <q lang="ja">${e.evidence}</q></span
            >`
            : nothing
        }`,
      tooltip,
    );
  }
  const box = page.graphPane.getBoundingClientRect();
  tooltip.style.left = `${Math.min(target.x + 14, box.width - 260)}px`;
  tooltip.style.top = `${Math.min(target.y + 14, box.height - 80)}px`;
  tooltip.hidden = false;
}

/** The tooltip of a relationship reached by keyboard from the panel: at its middle if drawn, else at the corner. */
export function showEdgeTooltip(
  app: Explorer,
  edge: { source: string; type: string; target: string } | null,
): void {
  const e = edge && app.store.loaded.edges.find((x) => pairKey(x) === pairKey(edge));
  if (!e) {
    showTooltip(app, null);
    return;
  }
  const drawn = app.canvas.cy.getElementById(e.id);
  const at =
    drawn.nonempty() && !drawn.hasClass('gone') ? drawn.renderedMidpoint() : { x: 8, y: 8 };
  showTooltip(app, { kind: 'edge', id: e.id, x: at.x, y: at.y });
}
