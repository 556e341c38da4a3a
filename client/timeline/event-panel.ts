import { html, nothing, type TemplateResult } from 'lit-html';
import type { Lang } from '../model/state';
import { t } from '../views/labels';
import {
  eventDateText,
  eventKindName,
  eventTitle,
  precisionName,
  quietPanelText,
} from './event-words';
import type { KizunaEvent } from './events-api';

export interface EventPanelActions {
  close(): void;
  selectNode(id: string): void;
  edit(e: KizunaEvent): void;
  remove(e: KizunaEvent): void;
  restore(e: KizunaEvent): void;
}

export interface NodeRef {
  id: string;
  name: string;
}

/** An event's details in the side panel: what, when (as precisely as known), the source, and why it matters. */
export function eventPanelTemplate(
  e: KizunaEvent | null,
  lang: Lang,
  ctx: {
    commitment: (ref: string) => NodeRef | null;
    node: (id: string) => NodeRef | null;
    canEdit: boolean;
    message: string | null;
    act: EventPanelActions;
  },
): TemplateResult {
  const close = html`<button
    type="button"
    class="close"
    aria-label=${t(lang, 'close')}
    @click=${ctx.act.close}
  >×</button>`;
  if (!e)
    return html`<header>${close}</header><p class="muted" role="status">${t(lang, 'noEvents')}</p>`;
  const nodeButton = (n: NodeRef | null, fallback: string) =>
    n
      ? html`<button type="button" class="link" data-id=${n.id} @click=${() => ctx.act.selectNode(n.id)}>
          ${n.name}
        </button>`
      : html`<span>${fallback}</span>`;
  const linked = (ids: string[]) =>
    ids.length
      ? html`<ul class="ev-links">
          ${ids.map((id) => html`<li>${nodeButton(ctx.node(id), id)}</li>`)}
        </ul>`
      : nothing;
  return html`
    <header>
      <span class="kind-tag" data-test="panel-kind">${t(lang, 'event')} · ${eventKindName(e.kind, lang)}</span>
      <h2 id="panel-title" data-test="panel-title" tabindex="-1">${eventTitle(e, lang)}</h2>
      ${close}
    </header>
    ${e.deleted ? html`<p class="ev-deleted" data-test="event-deleted">${t(lang, 'evDeleted')}</p>` : nothing}
    ${ctx.message ? html`<p class="error" role="alert" data-test="event-message">${ctx.message}</p>` : nothing}
    ${
      ctx.canEdit
        ? html`<div class="panel-actions">
          ${
            e.deleted
              ? html`<button type="button" data-test="event-restore" @click=${() => ctx.act.restore(e)}>
                ${t(lang, 'restoreEvent')}
              </button>`
              : html`<button type="button" data-test="event-edit" @click=${() => ctx.act.edit(e)}>
                  ${t(lang, 'edit')}
                </button>
                <button type="button" data-test="event-delete" @click=${() => ctx.act.remove(e)}>
                  ${t(lang, 'deleteEvent')}
                </button>`
          }
        </div>`
        : nothing
    }
    <dl class="props" data-test="event-props">
      <dt>${t(lang, 'evDate')}</dt>
      <dd data-test="event-date">
        <time datetime=${e.date}>${eventDateText(e.date, lang)}</time>
        ${e.date_precision === 'day' ? nothing : html`<span class="muted">(${precisionName(e.date_precision, lang)})</span>`}
      </dd>
      <dt>${t(lang, 'evCertainty')}</dt>
      <dd data-test="event-certainty">
        ${t(lang, e.certainty === 'confirmed' ? 'certConfirmed' : 'certUncertain')}
        ${e.certainty_note ? html`<span class="ev-note" lang="en">— ${e.certainty_note}</span>` : nothing}
      </dd>
      <dt>${t(lang, 'evSource')}</dt>
      <dd>
        <a
          data-test="event-source"
          href=${e.source_url}
          target="_blank"
          rel="noopener noreferrer"
        >${e.source_publisher}</a>
        <span class="muted">(${t(lang, 'evAccessed')} ${eventDateText(e.source_accessed, lang)})</span>
      </dd>
    </dl>
    <section>
      <h3>${t(lang, 'summaryInEnglish')}</h3>
      <p lang="en" data-test="event-summary">${e.summary_en}</p>
    </section>
    <section>
      <h3>${t(lang, 'evAdvances')}</h3>
      <ul class="ev-advances" data-test="event-advances">
        ${e.advances.map((a) => {
          const c = ctx.commitment(a.ref);
          return html`<li data-ref=${a.ref}>
            <span class="ref">${a.ref}</span> ${nodeButton(c, '')}
            <span class="ev-reason" lang="en">${a.reason}</span>
          </li>`;
        })}
      </ul>
    </section>
    ${
      e.involves.length + e.under.length + e.part_of.length
        ? html`<section>
          <h3>${t(lang, 'neighbours')}</h3>
          ${linked([...e.involves, ...e.under, ...e.part_of])}
        </section>`
        : nothing
    }
    ${
      e.origin === 'analyst' || e.edited
        ? html`<p class="muted">${t(lang, 'evEdited')} ${e.updated_by} · ${e.updated_at.slice(0, 10)}</p>`
        : nothing
    }
  `;
}

/** The events that advance one commitment, for its panel. */
export function commitmentEventsTemplate(
  events: KizunaEvent[],
  lang: Lang,
  open: (id: string) => void,
  quiet: { since: string; last: KizunaEvent | undefined } | null = null,
): TemplateResult | typeof nothing {
  if (!events.length && !quiet) return nothing;
  return html`<section data-test="commitment-events">
    ${
      quiet
        ? html`<p class="ev-quiet" data-test="commitment-quiet">
          <strong>${t(lang, 'quiet')}</strong>: ${quietPanelText(quiet.since, quiet.last, lang)}
        </p>`
        : nothing
    }
    ${
      events.length
        ? html`<h3>${t(lang, 'eventsOf')} (${events.length})</h3>
          <ul class="ev-list">
            ${events.map(
              (e) => html`<li>
                <button type="button" class="link" data-event-id=${e.id} @click=${() => open(e.id)}>
                  <time datetime=${e.date}>${eventDateText(e.date, lang)}</time> · ${eventTitle(e, lang)}
                </button>
              </li>`,
            )}
          </ul>`
        : nothing
    }
  </section>`;
}
