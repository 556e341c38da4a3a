import { html, render as renderInto } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { repeat } from 'lit-html/directives/repeat.js';
import {
  fieldValue,
  inferType,
  PARAM_TYPES,
  type ParamField,
  type ParamType,
} from '../model/param-form';
import { paramNames } from '../model/params';
import type { WorkbenchState } from '../model/state';
import { paramProblemText, t } from './labels';

/** A name safe in an id: the $name may be any Unicode letter. */
const idOf = (name: string, i: number) => `param-${i}-${name.replace(/[^\w-]/g, '_')}`;

/**
 * One typed field per `$name` in the editor's query: the type (string, number, boolean,
 * list, JSON) and the value. Rows are keyed by name, so typing never loses focus.
 */
export function mountParamForm(
  el: HTMLElement,
  on: { edit(name: string, field: ParamField): void },
): { render(state: WorkbenchState): void } {
  /** Each row keeps the id it was given when its name appeared, while the name stays. */
  let ids = new Map<string, string>();

  /** What the row shows now: its type and text, read from the row itself. */
  const send = (name: string) => (e: Event) => {
    const row = (e.target as HTMLElement).closest('.param-row')!;
    on.edit(name, {
      type: row.querySelector('select')!.value as ParamType,
      text: row.querySelector('input')!.value,
    });
  };

  function row(state: WorkbenchState, name: string) {
    const { lang } = state;
    const id = ids.get(name)!;
    const field = state.paramFields[name] ?? {
      type: inferType(state.draft.query, name),
      text: '',
    };
    const read = state.paramFields[name] ? fieldValue(field) : null;
    return html`<div class="param-row"
      ><label for=${id} class="param-name">${`$${name}`}</label
      ><select
        id="${id}-type"
        data-param-type=${name}
        aria-label="${t(lang, 'paramType')} $${name}"
        .value=${live(field.type)}
        @change=${send(name)}
      >${PARAM_TYPES.map(
        (type) =>
          html`<option value=${type} ?selected=${type === field.type}>${t(lang, `type_${type}`)}</option>`,
      )}</select
      ><input
        id=${id}
        type="text"
        autocomplete="off"
        spellcheck="false"
        data-param=${name}
        aria-describedby="${id}-error"
        aria-invalid=${String(read !== null && !read.ok)}
        .value=${live(field.text)}
        @input=${send(name)}
      /><span id="${id}-error" class="param-error" role="status">${
        read && !read.ok
          ? paramProblemText(lang, { what: 'paramInvalid', name, type: read.type })
          : ''
      }</span></div
    >`;
  }

  function render(state: WorkbenchState): void {
    const names = paramNames(state.draft.query);
    ids = new Map<string, string>(names.map((name, i) => [name, ids.get(name) ?? idOf(name, i)]));
    // Shown only while the query uses a $name: an empty form would be noise.
    renderInto(
      html`<fieldset class="param-form" ?hidden=${names.length === 0}
        ><legend>${t(state.lang, 'paramForm')}</legend
        ><div class="param-rows">${repeat(
          names,
          (name) => name,
          (name) => row(state, name),
        )}</div></fieldset
      >`,
      el,
    );
  }

  return { render };
}
