import { html, nothing, type TemplateResult } from 'lit-html';
import type { AssessmentHistoryResponse } from '../../core/api/implementation';
import {
  CURATION_ASSESSOR,
  IMPLEMENTATION_STATUSES,
  type ImplementationStatus,
} from '../../core/model/implementation';
import type { Suggestion } from '../../core/model/suggested-status';
import type { Lang } from '../model/state';
import { eventTitle } from '../timeline/event-words';
import type { KizunaEvent } from '../timeline/events-api';
import { fill, t } from '../views/labels';
import { statusText } from './status-marks';

/** What the editor has typed so far: kept across redraws, a 409 and a failed save. */
export interface AssessmentDraft {
  status: ImplementationStatus;
  as_of: string;
  evidence: string[];
  note: string;
}

export interface AssessmentPanelContext {
  lang: Lang;
  ref: string;
  /** Null while it loads. */
  history: AssessmentHistoryResponse | null;
  /** The commitment's live events, oldest first (the evidence to choose from). */
  events: KizunaEvent[];
  canEdit: boolean;
  draft: AssessmentDraft;
  suggestion: Suggestion;
  saving: boolean;
  message: { text: string; error: boolean } | null;
  /** Field errors the server named: field → message. */
  fieldErrors: Record<string, string>;
  change: (draft: Partial<AssessmentDraft>) => void;
  save: () => void;
  selectEvent: (id: string) => void;
}

/** The hint beside the form: the suggested level and the facts it rests on. */
function suggestionTemplate(c: AssessmentPanelContext): TemplateResult {
  const { lang, suggestion: s } = c;
  const reasons =
    s.count === 0
      ? fill(t(lang, 'implSuggestNone'), { day: c.draft.as_of })
      : [
          fill(t(lang, 'implSuggestReasons'), {
            n: s.count,
            days: s.daysSince ?? 0,
            day: c.draft.as_of,
          }),
          ...(s.delivering ? [fill(t(lang, 'implSuggestDelivering'), { n: s.delivering })] : []),
        ].join(lang === 'ja' ? '、' : '; ');
  return html`<div class="impl-suggestion" data-test="impl-suggestion">
    <p>
      <strong>${fill(t(lang, 'implSuggested'), { status: statusText(s.status, lang) })}</strong>
      — ${reasons}
    </p>
    <p class="muted">${t(lang, 'implSuggestNote')}</p>
    ${
      c.draft.status !== s.status
        ? html`<button
            type="button"
            data-test="impl-use-suggestion"
            @click=${() =>
              c.change({
                status: s.status,
                ...(s.status === 'no_evidence' ? { evidence: [] } : {}),
              })}
          >
            ${t(lang, 'implUseSuggestion')}
          </button>`
        : nothing
    }
  </div>`;
}

const fieldError = (c: AssessmentPanelContext, field: string) =>
  c.fieldErrors[field]
    ? html`<span class="error" data-test=${`impl-error-${field}`}>${c.fieldErrors[field]}</span>`
    : nothing;

function formTemplate(c: AssessmentPanelContext): TemplateResult {
  const { lang, draft } = c;
  const noEvidence = draft.status === 'no_evidence';
  return html`<form
    class="impl-form"
    data-test="impl-form"
    @submit=${(e: Event) => {
      e.preventDefault();
      c.save();
    }}
  >
    <h4>${t(lang, 'implAssess')}</h4>
    ${suggestionTemplate(c)}
    <label
      >${t(lang, 'implColStatus')}
      <select
        name="status"
        data-test="impl-status"
        .value=${draft.status}
        @change=${(e: Event) => {
          const status = (e.target as HTMLSelectElement).value as ImplementationStatus;
          c.change({ status, ...(status === 'no_evidence' ? { evidence: [] } : {}) });
        }}
      >
        ${IMPLEMENTATION_STATUSES.map(
          (s) =>
            html`<option value=${s} ?selected=${draft.status === s}>${statusText(s, lang)}</option>`,
        )}
      </select>
      ${fieldError(c, 'status')}
    </label>
    <label
      >${t(lang, 'implAsOf')}
      <input
        type="date"
        name="as_of"
        data-test="impl-as-of"
        required
        .value=${draft.as_of}
        @change=${(e: Event) => c.change({ as_of: (e.target as HTMLInputElement).value })}
      />
      ${fieldError(c, 'as_of')}
    </label>
    <fieldset class="impl-evidence" data-test="impl-evidence">
      <legend>${t(lang, 'implEvidencePick')}</legend>
      ${
        c.events.length === 0
          ? html`<p class="muted">${t(lang, 'implNoEvents')}</p>`
          : c.events.map(
              (e) => html`<label class="check"
                ><input
                  type="checkbox"
                  value=${e.id}
                  ?disabled=${noEvidence}
                  .checked=${draft.evidence.includes(e.id)}
                  @change=${(ev: Event) => {
                    const on = (ev.target as HTMLInputElement).checked;
                    c.change({
                      evidence: on
                        ? [...draft.evidence.filter((x) => x !== e.id), e.id]
                        : draft.evidence.filter((x) => x !== e.id),
                    });
                  }}
                />${e.date} ${eventTitle(e, lang)}</label
              >`,
            )
      }
      ${fieldError(c, 'evidence')}
    </fieldset>
    <label
      >${t(lang, 'implNote')}
      <textarea
        name="note"
        data-test="impl-note"
        maxlength="600"
        rows="3"
        required
        .value=${draft.note}
        @input=${(e: Event) => c.change({ note: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      ${fieldError(c, 'note')}
    </label>
    <button type="submit" data-test="impl-save" ?disabled=${c.saving}>${t(lang, 'implSave')}</button>
    ${
      c.message
        ? html`<p
            class=${c.message.error ? 'error' : 'muted'}
            role=${c.message.error ? 'alert' : 'status'}
            data-test="impl-message"
          >
            ${c.message.text}
          </p>`
        : html`<p role="status" class="visually-hidden"></p>`
    }
  </form>`;
}

/**
 * A commitment's assessments in its side panel: the dated history for everyone (who, when,
 * the note, the events cited), newest first, and for editors the form that adds one.
 */
export function assessmentPanelTemplate(c: AssessmentPanelContext): TemplateResult {
  const { lang, history } = c;
  const titleOf = (id: string) => {
    const e = c.events.find((x) => x.id === id);
    return e ? `${e.date} ${eventTitle(e, lang)}` : id;
  };
  return html`<section class="impl-panel" data-test="impl-panel">
    <h3>${t(lang, 'implHistory')}</h3>
    ${
      !history
        ? html`<p class="muted">${t(lang, 'implLoading')}</p>`
        : history.history.length === 0
          ? html`<p data-test="impl-no-history">${t(lang, 'implNoHistory')}</p>`
          : html`<ol class="impl-history" data-test="impl-history">
            ${history.history.map(
              (a) => html`<li data-test="impl-history-item">
                <p>
                  <strong data-status=${a.status}>${statusText(a.status, lang)}</strong>
                  · ${t(lang, 'implAsOf')} ${a.as_of}
                  ${
                    a.assessed_by === CURATION_ASSESSOR
                      ? html`<span class="impl-curated">${t(lang, 'implCurated')}</span>`
                      : nothing
                  }
                </p>
                <p class="muted">
                  ${fill(t(lang, 'implBy'), {
                    who:
                      a.assessed_by === CURATION_ASSESSOR ? t(lang, 'implCurated') : a.assessed_by,
                    when: a.assessed_at.slice(0, 10),
                  })}
                </p>
                <p class="impl-note-text">${a.note}</p>
                ${
                  a.evidence.length
                    ? html`<p>
                      ${t(lang, 'implCites')}:
                      ${a.evidence.map(
                        (id) =>
                          html`<button type="button" class="link" @click=${() => c.selectEvent(id)}>
                            ${titleOf(id)}
                          </button> `,
                      )}
                    </p>`
                    : nothing
                }
              </li>`,
            )}
          </ol>`
    }
    ${c.canEdit ? formTemplate(c) : nothing}
  </section>`;
}
