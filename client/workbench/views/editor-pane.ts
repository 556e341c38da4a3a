import { EditorSelection } from '@codemirror/state';
import { html, nothing, render as renderInto } from 'lit-html';
import { announce } from '../../views/live-region';
import type { SourcePosition } from '../model/cypher-types';
import type { ParamField } from '../model/param-form';
import type { WorkbenchState } from '../model/state';
import {
  failureDetail,
  failureHeading,
  goToText,
  paramProblemText,
  paramsErrorText,
  refusalHeading,
  t,
} from './labels';
import { mountParamForm } from './param-form';
import { mountQueryEditor, type QueryEditor } from './query-editor';

export interface EditorPaneEvents {
  editQuery(query: string): void;
  editParams(params: string): void;
  editParamField(name: string, field: ParamField): void;
  walkHistory(step: 1 | -1): void;
  run(): void;
  stop(): void;
  save(): void;
}

const isRunKey = (e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey);

/**
 * The query editor, the parameters box, Run and Save, and the alert that says why a query
 * was not run or was refused (a syntax error also offers to jump to where it is).
 */
export function mountEditorPane(
  el: HTMLElement,
  on: EditorPaneEvents,
): { editor: QueryEditor; render(state: WorkbenchState): void } {
  renderInto(
    html`<div class="editor-grid"
        ><div class="query-field"
          ><label id="query-label" class="field-label"></label
          ><div class="query-editor" data-test="query-editor"></div></div
        ><div class="params-field"
          ><div class="param-form-host"></div
          ><label for="params" class="field-label"></label
          ><textarea
            id="params"
            class="params"
            spellcheck="false"
            autocomplete="off"
            aria-describedby="params-hint"
            rows="6"
            @input=${(e: Event) => on.editParams((e.target as HTMLTextAreaElement).value)}
            @keydown=${(e: KeyboardEvent) => {
              if (isRunKey(e)) {
                e.preventDefault();
                on.run();
              }
            }}
          ></textarea
          ><span id="params-hint" class="hint"></span></div></div
      ><div class="editor-actions"
        ><button type="button" id="run" class="primary" @click=${() => on.run()}></button
        ><button type="button" id="stop" class="stop" disabled @click=${() => on.stop()}></button
        ><span id="run-hint" class="hint"></span
        ><button type="button" id="save-open" @click=${() => on.save()}></button></div
      ><div id="query-alert" class="query-alert" role="alert"></div>`,
    el,
  );
  const queryLabel = el.querySelector<HTMLLabelElement>('#query-label')!;
  const runHint = el.querySelector<HTMLElement>('#run-hint')!;
  const paramsLabel = el.querySelector<HTMLLabelElement>('label[for="params"]')!;
  const paramsHint = el.querySelector<HTMLElement>('#params-hint')!;
  const params = el.querySelector<HTMLTextAreaElement>('#params')!;
  const runButton = el.querySelector<HTMLButtonElement>('#run')!;
  const stopButton = el.querySelector<HTMLButtonElement>('#stop')!;
  const saveButton = el.querySelector<HTMLButtonElement>('#save-open')!;
  const alert = el.querySelector<HTMLElement>('#query-alert')!;

  const editor = mountQueryEditor(el.querySelector<HTMLElement>('.query-editor')!, {
    labelledBy: 'query-label',
    describedBy: 'run-hint',
    placeholder: 'MATCH (a:Agreement)-[u:UNDERPINS]->(c:Commitment) RETURN a, u, c',
    onChange: on.editQuery,
    onRun: on.run,
    onWalk: on.walkHistory,
  });
  const paramForm = mountParamForm(el.querySelector<HTMLElement>('.param-form-host')!, {
    edit: on.editParamField,
  });
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !stopButton.disabled) on.stop();
  });

  /** Puts the cursor where Neo4j says the error is, and the focus in the editor. */
  function goTo(position: SourcePosition): void {
    const view = editor.view;
    const at = Math.min(position.offset, view.state.doc.length);
    view.dispatch({ selection: EditorSelection.cursor(at), scrollIntoView: true });
    view.focus();
  }

  let last: WorkbenchState | null = null;

  function alertTemplate({ lang, run, draftProblem }: WorkbenchState) {
    if (draftProblem)
      return draftProblem.what === 'emptyQuery'
        ? t(lang, 'emptyQuery')
        : draftProblem.what === 'paramsInvalid'
          ? `${t(lang, 'notSent')}${paramsErrorText(lang, draftProblem.error)}`
          : `${t(lang, 'notSent')}${paramProblemText(lang, draftProblem)}`;
    if (run.status === 'refused') {
      const { position } = run.refusal;
      return html`<strong data-test="alert-heading">${refusalHeading(lang, run.refusal)}</strong
        > <span data-test="alert-detail">${run.refusal.detail}</span
        >${
          position
            ? html`<button type="button" class="link go-to" @click=${() => goTo(position)}>${goToText(lang, position)}</button>`
            : nothing
        }`;
    }
    if (run.status === 'failed')
      return html`<strong data-test="alert-heading">${failureHeading(lang, run.failure)}</strong
        > <span data-test="alert-detail">${failureDetail(lang, run.failure)}</span>`;
    return nothing;
  }

  function render(state: WorkbenchState): void {
    const { lang } = state;
    if (!last || last.lang !== lang) {
      queryLabel.textContent = t(lang, 'query');
      runHint.textContent = t(lang, 'runHint');
      paramsLabel.textContent = t(lang, 'params');
      paramsHint.textContent = t(lang, 'paramsHint');
      runButton.textContent = t(lang, 'run');
      stopButton.textContent = t(lang, 'stop');
      saveButton.textContent = t(lang, 'save');
    }
    if (params.value !== state.draft.params) params.value = state.draft.params;
    params.setAttribute('aria-invalid', String(state.draftProblem?.what === 'paramsInvalid'));
    runButton.setAttribute('aria-busy', String(state.run.status === 'running'));
    stopButton.disabled = state.run.status !== 'running';
    // Redrawn only when what it says changes: a live region is read out again on every change.
    if (
      !last ||
      last.lang !== lang ||
      last.run !== state.run ||
      last.draftProblem !== state.draftProblem
    )
      announce(alertTemplate(state), alert);
    // Once the query is edited, the error's position no longer points at anything.
    const goToButton = alert.querySelector<HTMLButtonElement>('.go-to');
    if (goToButton)
      goToButton.hidden = state.run.status !== 'refused' || state.draft.query !== state.run.query;
    editor.render(state);
    paramForm.render(state);
    last = state;
  }

  return { editor, render };
}
