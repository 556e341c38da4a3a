import { h } from '../../views/dom';
import {
  fieldValue,
  inferType,
  PARAM_TYPES,
  type ParamField,
  type ParamType,
} from '../model/param-form';
import { paramNames } from '../model/params';
import type { Lang, WorkbenchState } from '../model/state';
import { paramProblemText, t } from './labels';

interface Row {
  el: HTMLElement;
  input: HTMLInputElement;
  type: HTMLSelectElement;
  error: HTMLElement;
  label: HTMLElement;
}

/** A name safe in an id: the $name may be any Unicode letter. */
const idOf = (name: string, i: number) => `param-${i}-${name.replace(/[^\w-]/g, '_')}`;

/**
 * One typed field per `$name` in the editor's query: the type (string, number, boolean,
 * list, JSON) and the value. Rows are kept while the names stay, so typing never loses focus.
 */
export function mountParamForm(
  el: HTMLElement,
  on: { edit(name: string, field: ParamField): void },
): { render(state: WorkbenchState): void } {
  const legend = h('legend', {});
  const list = h('div', { className: 'param-rows' });
  // Shown only while the query uses a $name: an empty form would be noise.
  const fieldset = h('fieldset', { className: 'param-form', hidden: true }, legend, list);
  el.replaceChildren(fieldset);
  let rows = new Map<string, Row>();
  let lastLang: Lang | null = null;

  function makeRow(name: string, index: number): Row {
    const id = idOf(name, index);
    const label = h('label', { for: id, className: 'param-name' }, `$${name}`);
    const input = h('input', {
      id,
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      'data-param': name,
      'aria-describedby': `${id}-error`,
    });
    const type = h('select', { id: `${id}-type`, 'data-param-type': name });
    const error = h('span', { id: `${id}-error`, className: 'param-error', role: 'status' });
    const send = () => on.edit(name, { type: type.value as ParamType, text: input.value });
    input.addEventListener('input', send);
    type.addEventListener('change', send);
    const el = h('div', { className: 'param-row' }, label, type, input, error);
    return { el, input, type, error, label };
  }

  function render(state: WorkbenchState): void {
    const { lang } = state;
    const names = paramNames(state.draft.query);
    if (lang !== lastLang) {
      legend.textContent = t(lang, 'paramForm');
    }
    fieldset.hidden = names.length === 0;
    const next = new Map<string, Row>();
    names.forEach((name, i) => {
      const row = rows.get(name) ?? makeRow(name, i);
      next.set(name, row);
      if (lang !== lastLang || row.type.options.length === 0) {
        row.type.replaceChildren(
          ...PARAM_TYPES.map((type) => h('option', { value: type }, t(lang, `type_${type}`))),
        );
        row.type.setAttribute('aria-label', `${t(lang, 'paramType')} $${name}`);
      }
      const field = state.paramFields[name] ?? {
        type: inferType(state.draft.query, name),
        text: '',
      };
      if (row.type.value !== field.type) row.type.value = field.type;
      if (row.input.value !== field.text) row.input.value = field.text;
      const read = state.paramFields[name] ? fieldValue(field) : null;
      const invalid = read !== null && !read.ok;
      row.input.setAttribute('aria-invalid', String(invalid));
      row.error.textContent =
        read && !read.ok
          ? paramProblemText(lang, { what: 'paramInvalid', name, type: read.type })
          : '';
    });
    const wanted = [...next.values()].map((r) => r.el);
    if (wanted.length !== list.children.length || wanted.some((e, i) => list.children[i] !== e))
      list.replaceChildren(...wanted);
    rows = next;
    lastLang = lang;
  }

  return { render };
}
