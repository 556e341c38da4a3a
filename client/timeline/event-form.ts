import { html, nothing, render, type TemplateResult } from 'lit-html';
import { today } from '../model/clock';
import type { Lang } from '../model/state';
import { t, type Word } from '../views/labels';
import { eventKindName } from './event-words';
import {
  EVENT_KINDS,
  type EventFields,
  type FieldError,
  type KizunaEvent,
  WriteProblem,
} from './events-api';

type Precision = 'day' | 'month' | 'year';
const LENGTH: Record<Precision, number> = { day: 10, month: 7, year: 4 };

/** What the form holds while it is open: the day input keeps a full date, cut to the precision on save. */
interface Draft {
  day: string;
  precision: Precision;
  kind: EventFields['kind'];
  title_en: string;
  title_ja: string;
  summary_en: string;
  source_url: string;
  source_publisher: string;
  source_accessed: string;
  certainty: EventFields['certainty'];
  certainty_note: string;
  advances: { ref: string; reason: string }[];
  involves: string;
  under: string;
  part_of: string;
}

const TOP_FIELDS = [
  'date',
  'kind',
  'title_en',
  'title_ja',
  'summary_en',
  'source_url',
  'source_publisher',
  'source_accessed',
  'certainty',
  'certainty_note',
  'advances',
  'involves',
  'under',
  'part_of',
];

/** Where the API's field error is shown: advances.2.reason beside that row, involves.1 beside the list. */
export function slotOf(field: string): string {
  if (/^advances\.\d+\.(ref|reason)$/.test(field)) return field;
  const top = field.split('.')[0] ?? '';
  return TOP_FIELDS.includes(top) ? top : 'general';
}

/** The form's words for each field, so a conflict names fields as the form does. */
const FIELD_WORDS: Record<string, Word> = {
  date: 'evDate',
  kind: 'evKind',
  title_en: 'evTitleEn',
  title_ja: 'evTitleJa',
  summary_en: 'evSummary',
  source_url: 'evSourceUrl',
  source_publisher: 'evPublisher',
  source_accessed: 'evAccessed',
  certainty: 'evCertainty',
  certainty_note: 'evCertaintyNote',
  advances: 'evAdvances',
  involves: 'evInvolves',
  under: 'evUnder',
  part_of: 'evPartOf',
};

function draftOf(e: EventFields | null, ref: string | null): Draft {
  if (!e)
    return {
      day: '',
      precision: 'day',
      kind: 'meeting',
      title_en: '',
      title_ja: '',
      summary_en: '',
      source_url: '',
      source_publisher: '',
      source_accessed: today(),
      certainty: 'confirmed',
      certainty_note: '',
      advances: [{ ref: ref ?? '', reason: '' }],
      involves: '',
      under: '',
      part_of: '',
    };
  const precision: Precision =
    e.date.length === 10 ? 'day' : e.date.length === 7 ? 'month' : 'year';
  return {
    day: precision === 'day' ? e.date : precision === 'month' ? `${e.date}-01` : `${e.date}-01-01`,
    precision,
    kind: e.kind,
    title_en: e.title_en,
    title_ja: e.title_ja,
    summary_en: e.summary_en,
    source_url: e.source_url,
    source_publisher: e.source_publisher,
    source_accessed: e.source_accessed,
    certainty: e.certainty,
    certainty_note: e.certainty_note ?? '',
    advances: e.advances.map((a) => ({ ...a })),
    involves: e.involves.join(', '),
    under: e.under.join(', '),
    part_of: e.part_of.join(', '),
  };
}

const ids = (text: string) => text.split(/[\s,、]+/).filter(Boolean);

export function fieldsOf(d: Draft): EventFields {
  const note = d.certainty_note.trim();
  return {
    date: d.day.slice(0, LENGTH[d.precision]),
    kind: d.kind,
    title_en: d.title_en,
    title_ja: d.title_ja,
    summary_en: d.summary_en,
    source_url: d.source_url.trim(),
    source_publisher: d.source_publisher,
    source_accessed: d.source_accessed,
    certainty: d.certainty,
    ...(note ? { certainty_note: note } : {}),
    advances: d.advances.map((a) => ({ ref: a.ref.trim(), reason: a.reason })),
    involves: ids(d.involves),
    under: ids(d.under),
    part_of: ids(d.part_of),
  };
}

export interface FormHost {
  lang(): Lang;
  csrf(): string | null;
  create(fields: EventFields): Promise<KizunaEvent>;
  update(id: string, version: number, fields: EventFields): Promise<KizunaEvent>;
  saved(e: KizunaEvent): void;
}

/**
 * The editor's form in a modal dialog: add or edit one event. Every field error the API
 * names is shown beside its field; a stale edit (409) shows the stored version beside the
 * editor's and saves nothing until the editor chooses.
 */
export function mountEventForm(host: FormHost) {
  const dialog = document.createElement('dialog');
  dialog.className = 'event-dialog';
  dialog.dataset.test = 'event-form';
  document.body.append(dialog);
  let draft = draftOf(null, null);
  let editing: { id: string; version: number } | null = null;
  let errors: FieldError[] = [];
  let general: string | null = null;
  let conflict: { current: KizunaEvent; yours: EventFields } | null = null;
  let busy = false;

  const errorsAt = (slot: string) => {
    const here = errors.filter((e) => slotOf(e.field) === slot);
    return here.length
      ? html`<span class="field-error" role="alert" data-error-for=${slot}
          >${here.map((e) => e.message).join('; ')}</span
        >`
      : nothing;
  };

  const input = (
    field: keyof Draft,
    label: Word,
    errorSlot: string,
    options: { type?: string; multiline?: boolean } = {},
  ) => {
    const lang = host.lang();
    const value = String(draft[field]);
    const set = (e: Event) => {
      (draft as unknown as Record<string, string>)[field] = (e.target as HTMLInputElement).value;
    };
    return html`<label class="field" data-field=${errorSlot}>
      <span>${t(lang, label)}</span>
      ${
        options.multiline
          ? html`<textarea name=${field} rows="3" .value=${value} @input=${set}></textarea>`
          : html`<input name=${field} type=${options.type ?? 'text'} .value=${value} @input=${set} />`
      }
      ${errorsAt(errorSlot)}
    </label>`;
  };

  const conflictTemplate = (lang: Lang): TemplateResult | typeof nothing => {
    if (!conflict) return nothing;
    const { current, yours } = conflict;
    const keys = Object.keys(yours).concat(
      yours.certainty_note === undefined ? ['certainty_note'] : [],
    );
    const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v ?? ''));
    const differing = [...new Set(keys)].filter(
      (k) =>
        show((current as unknown as Record<string, unknown>)[k]) !==
        show((yours as unknown as Record<string, unknown>)[k]),
    );
    return html`<section class="conflict" role="alert" data-test="conflict">
      <p>${t(lang, 'conflict')}</p>
      <table>
        <thead>
          <tr><th>${t(lang, 'fieldName')}</th><th>${t(lang, 'theirVersion')}</th><th>${t(lang, 'yourVersion')}</th></tr>
        </thead>
        <tbody>
          ${differing.map(
            (k) => html`<tr data-field=${k}>
              <th>${FIELD_WORDS[k] ? t(lang, FIELD_WORDS[k]) : k}</th>
              <td data-test="theirs">${show((current as unknown as Record<string, unknown>)[k])}</td>
              <td data-test="yours">${show((yours as unknown as Record<string, unknown>)[k])}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <div class="dialog-buttons">
        <button type="button" data-test="keep-theirs" @click=${keepTheirs}>${t(lang, 'keepTheirs')}</button>
        <button type="button" data-test="use-mine" @click=${useMine}>${t(lang, 'useMine')}</button>
      </div>
    </section>`;
  };

  function keepTheirs(): void {
    if (!conflict) return;
    draft = draftOf(conflict.current, null);
    editing = { id: conflict.current.id, version: conflict.current.version };
    conflict = null;
    errors = [];
    draw();
  }

  function useMine(): void {
    if (!conflict || !editing) return;
    // The editor has seen the stored version and chose theirs over it: based on it now.
    editing = { ...editing, version: conflict.current.version };
    conflict = null;
    void submit();
  }

  async function submit(): Promise<void> {
    if (busy) return;
    busy = true;
    errors = [];
    general = null;
    draw();
    const fields = fieldsOf(draft);
    try {
      const saved = editing
        ? await host.update(editing.id, editing.version, fields)
        : await host.create(fields);
      busy = false;
      close();
      host.saved(saved);
    } catch (error) {
      busy = false;
      if (error instanceof WriteProblem) {
        if (error.status === 409 && error.current)
          conflict = { current: error.current, yours: fields };
        else {
          errors = error.errors;
          // Field errors are shown beside their fields; the heading only says the save failed.
          general = errors.length ? error.title : `${error.title}: ${error.message}`;
        }
      } else general = String(error);
      draw();
      // The editor clicked Save at the bottom: bring what went wrong into view.
      dialog.querySelector('.conflict, .error, .field-error')?.scrollIntoView({ block: 'nearest' });
    }
  }

  function draw(): void {
    const lang = host.lang();
    const setAdvance = (i: number, key: 'ref' | 'reason') => (e: Event) => {
      draft.advances[i]![key] = (e.target as HTMLInputElement).value;
    };
    render(
      html`<form
        method="dialog"
        class="event-form"
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2>${t(lang, editing ? 'editEvent' : 'addEvent')}</h2>
        ${general ? html`<p class="error" role="alert" data-test="form-error">${general}</p>` : nothing}
        ${errorsAt('general')}
        ${conflictTemplate(lang)}
        <div class="form-row">
          <label class="field" data-field="date">
            <span>${t(lang, 'evDate')}</span>
            <input name="day" type="date" .value=${draft.day} @input=${(e: Event) => {
              draft.day = (e.target as HTMLInputElement).value;
            }} />
            ${errorsAt('date')}
          </label>
          <label class="field">
            <span>${t(lang, 'evPrecision')}</span>
            <select name="precision" @change=${(e: Event) => {
              draft.precision = (e.target as HTMLSelectElement).value as Precision;
            }}>
              ${(['day', 'month', 'year'] as const).map(
                (p) => html`<option value=${p} ?selected=${draft.precision === p}>
                  ${t(lang, p === 'day' ? 'precDay' : p === 'month' ? 'precMonth' : 'precYear')}
                </option>`,
              )}
            </select>
          </label>
          <label class="field" data-field="kind">
            <span>${t(lang, 'evKind')}</span>
            <select name="kind" @change=${(e: Event) => {
              draft.kind = (e.target as HTMLSelectElement).value as EventFields['kind'];
            }}>
              ${EVENT_KINDS.map(
                (k) =>
                  html`<option value=${k} ?selected=${draft.kind === k}>${eventKindName(k, lang)}</option>`,
              )}
            </select>
            ${errorsAt('kind')}
          </label>
        </div>
        ${input('title_ja', 'evTitleJa', 'title_ja')}
        ${input('title_en', 'evTitleEn', 'title_en')}
        ${input('summary_en', 'evSummary', 'summary_en', { multiline: true })}
        <fieldset>
          <legend>${t(lang, 'evSource')}</legend>
          ${input('source_url', 'evSourceUrl', 'source_url', { type: 'url' })}
          <div class="form-row">
            ${input('source_publisher', 'evPublisher', 'source_publisher')}
            ${input('source_accessed', 'evAccessed', 'source_accessed', { type: 'date' })}
          </div>
        </fieldset>
        <div class="form-row">
          <label class="field" data-field="certainty">
            <span>${t(lang, 'evCertainty')}</span>
            <select name="certainty" @change=${(e: Event) => {
              draft.certainty = (e.target as HTMLSelectElement).value as EventFields['certainty'];
            }}>
              <option value="confirmed" ?selected=${draft.certainty === 'confirmed'}>${t(lang, 'certConfirmed')}</option>
              <option value="uncertain" ?selected=${draft.certainty === 'uncertain'}>${t(lang, 'certUncertain')}</option>
            </select>
            ${errorsAt('certainty')}
          </label>
          ${input('certainty_note', 'evCertaintyNote', 'certainty_note')}
        </div>
        <fieldset data-field="advances">
          <legend>${t(lang, 'evAdvances')}</legend>
          ${errorsAt('advances')}
          ${draft.advances.map(
            (a, i) => html`<div class="form-row advance-row" data-row=${i}>
              <label class="field ref-field">
                <span>${t(lang, 'evRef')}</span>
                <input name="advances.${i}.ref" .value=${a.ref} @input=${setAdvance(i, 'ref')} placeholder="I.3.2" />
                ${errorsAt(`advances.${i}.ref`)}
              </label>
              <label class="field">
                <span>${t(lang, 'evReason')}</span>
                <input name="advances.${i}.reason" .value=${a.reason} @input=${setAdvance(i, 'reason')} />
                ${errorsAt(`advances.${i}.reason`)}
              </label>
              <button type="button" class="row-remove" @click=${() => {
                draft.advances.splice(i, 1);
                draw();
              }}>${t(lang, 'remove')}</button>
            </div>`,
          )}
          <button type="button" data-test="add-advance" @click=${() => {
            draft.advances.push({ ref: '', reason: '' });
            draw();
          }}>${t(lang, 'addCommitment')}</button>
        </fieldset>
        ${input('involves', 'evInvolves', 'involves')}
        <div class="form-row">
          ${input('under', 'evUnder', 'under')}
          ${input('part_of', 'evPartOf', 'part_of')}
        </div>
        <div class="dialog-buttons">
          <button type="button" data-test="form-cancel" @click=${close}>${t(lang, 'cancel')}</button>
          <button type="submit" data-test="form-save" ?disabled=${busy || Boolean(conflict)}>${t(lang, 'save')}</button>
        </div>
      </form>`,
      dialog,
    );
  }

  function open(e: KizunaEvent | null, ref: string | null = null): void {
    draft = draftOf(e, ref);
    editing = e ? { id: e.id, version: e.version } : null;
    errors = [];
    general = null;
    conflict = null;
    draw();
    if (!dialog.open) dialog.showModal();
  }

  function close(): void {
    if (dialog.open) dialog.close();
    render(nothing, dialog);
  }

  return { open, close, isOpen: () => dialog.open };
}
