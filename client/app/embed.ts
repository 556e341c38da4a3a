import { html, nothing, render as renderInto } from 'lit-html';
import { legendFor } from '../export/diagram-export';
import { fullViewUrl, pageAddress } from '../model/embed-link';
import { showsCanvas } from '../model/state';
import { swatch } from '../views/controls';
import { t } from '../views/labels';
import type { Explorer } from './explorer';
import { byId } from './page-elements';
import './embed.css';

/**
 * A frame this small gets its legend folded to a toggle, so the diagram keeps the room; the
 * snippet's 600×400 keeps it open beside the diagram.
 */
const roomyFrame = () => window.innerWidth >= 480 && window.innerHeight >= 300;

/**
 * Marks the page as an embed before anything is laid out, so the canvas gets the frame's
 * size from the start (client/app/embed.css hides the app's chrome).
 */
export function markEmbed(embed: boolean): void {
  document.body.toggleAttribute('data-embed', embed);
}

/**
 * An embed's column beside the diagram: the legend of what is drawn, and a link to the same
 * view in the whole app (in a new tab: the embedding page stays). Nothing in it opens the
 * app's panels; a node's name is its tooltip, as everywhere on the canvas.
 */
export function renderEmbed(app: Explorer): void {
  const { state } = app.store;
  const aside = byId('embed-aside');
  markEmbed(state.embed);
  aside.hidden = !state.embed;
  if (!state.embed) {
    renderInto(nothing, aside);
    return;
  }
  const { lang } = state;
  const entries = showsCanvas(state.tab)
    ? legendFor(app.canvas.cy.elements().not('.gone'), lang)
    : [];
  aside.setAttribute('aria-label', t(lang, 'embedLegend'));
  renderInto(
    html`${
      entries.length
        ? html`<details class="embed-legend" data-test="embed-legend" ?open=${roomyFrame()}
            ><summary>${t(lang, 'embedLegend')}</summary
            ><ul>
              ${entries.map(
                (e) => html`<li>${swatch(e.colour, e.mark)}<span>${e.label}</span></li>`,
              )}
            </ul></details
          >`
        : nothing
    }<a
        class="embed-open"
        data-test="embed-open"
        href=${fullViewUrl(state, pageAddress(location.href), app.store.dataVersion)}
        target="_blank"
        rel="noopener"
        title=${t(lang, 'embedOpenTitle')}
        >${t(lang, 'embedOpen')}</a
      >`,
    aside,
  );
}
