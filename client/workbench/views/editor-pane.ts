import { EditorSelection } from '@codemirror/state';
import { clear, h } from '../../views/dom';
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
  const queryLabel = h('label', { id: 'query-label', className: 'field-label' });
  const runHint = h('span', { id: 'run-hint', className: 'hint' });
  const editorHost = h('div', { className: 'query-editor', 'data-test': 'query-editor' });
  const formHost = h('div', { className: 'param-form-host' });
  const paramsLabel = h('label', { for: 'params', className: 'field-label' });
  const paramsHint = h('span', { id: 'params-hint', className: 'hint' });
  const params = h('textarea', {
    id: 'params',
    className: 'params',
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': 'params-hint',
    rows: 6,
  });
  const runButton = h('button', { type: 'button', id: 'run', className: 'primary' });
  const stopButton = h('button', {
    type: 'button',
    id: 'stop',
    className: 'stop',
    disabled: true,
    onclick: () => on.stop(),
  });
  const saveButton = h('button', { type: 'button', id: 'save-open', onclick: () => on.save() });
  const alert = h('div', { id: 'query-alert', className: 'query-alert', role: 'alert' });

  el.replaceChildren(
    h(
      'div',
      { className: 'editor-grid' },
      h('div', { className: 'query-field' }, queryLabel, editorHost),
      h('div', { className: 'params-field' }, formHost, paramsLabel, params, paramsHint),
    ),
    h('div', { className: 'editor-actions' }, runButton, stopButton, runHint, saveButton),
    alert,
  );

  const editor = mountQueryEditor(editorHost, {
    labelledBy: 'query-label',
    describedBy: 'run-hint',
    placeholder: 'MATCH (a:Agreement)-[u:UNDERPINS]->(c:Commitment) RETURN a, u, c',
    onChange: on.editQuery,
    onRun: on.run,
    onWalk: on.walkHistory,
  });
  const paramForm = mountParamForm(formHost, { edit: on.editParamField });
  runButton.addEventListener('click', () => on.run());
  params.addEventListener('input', () => on.editParams(params.value));
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !stopButton.disabled) on.stop();
  });
  params.addEventListener('keydown', (e) => {
    if (isRunKey(e)) {
      e.preventDefault();
      on.run();
    }
  });

  /** Puts the cursor where Neo4j says the error is, and the focus in the editor. */
  function goTo(position: SourcePosition): void {
    const view = editor.view;
    const at = Math.min(position.offset, view.state.doc.length);
    view.dispatch({ selection: EditorSelection.cursor(at), scrollIntoView: true });
    view.focus();
  }

  let last: WorkbenchState | null = null;
  let goToButton: HTMLButtonElement | null = null;

  /** Redrawn only when what it says changes: a live region is read out again on every change. */
  function renderAlert({ lang, run, draftProblem }: WorkbenchState): void {
    goToButton = null;
    if (draftProblem) {
      clear(
        alert,
        draftProblem.what === 'emptyQuery'
          ? t(lang, 'emptyQuery')
          : draftProblem.what === 'paramsInvalid'
            ? `${t(lang, 'notSent')}${paramsErrorText(lang, draftProblem.error)}`
            : `${t(lang, 'notSent')}${paramProblemText(lang, draftProblem)}`,
      );
    } else if (run.status === 'refused') {
      const { position } = run.refusal;
      if (position)
        goToButton = h(
          'button',
          { type: 'button', className: 'link go-to', onclick: () => goTo(position) },
          goToText(lang, position),
        );
      clear(
        alert,
        h('strong', { 'data-test': 'alert-heading' }, refusalHeading(lang, run.refusal)),
        ' ',
        h('span', { 'data-test': 'alert-detail' }, run.refusal.detail),
        goToButton,
      );
    } else if (run.status === 'failed') {
      clear(
        alert,
        h('strong', { 'data-test': 'alert-heading' }, failureHeading(lang, run.failure)),
        ' ',
        h('span', { 'data-test': 'alert-detail' }, failureDetail(lang, run.failure)),
      );
    } else {
      clear(alert);
    }
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
    if (
      !last ||
      last.lang !== lang ||
      last.run !== state.run ||
      last.draftProblem !== state.draftProblem
    )
      renderAlert(state);
    // Once the query is edited, the error's position no longer points at anything.
    if (goToButton)
      goToButton.hidden = state.run.status !== 'refused' || state.draft.query !== state.run.query;
    editor.render(state);
    paramForm.render(state);
    last = state;
  }

  return { editor, render };
}
