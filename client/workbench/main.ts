import type { EditorView } from '@codemirror/view';
import type cytoscape from 'cytoscape';
import { ApiError } from '../api';
import { fetchLibrary, fetchSchema, runCypher } from './api';
import type { Params } from './model/cypher-types';
import { type Actions, actions, initialState, type Run, type WorkbenchState } from './model/state';
import {
  readStoredQueries,
  storedLang,
  storeHistory,
  storeLang,
  storeParamFields,
  storeSaved,
} from './storage';
import { mountEditorPane } from './views/editor-pane';
import { t } from './views/labels';
import { mountQueriesPanel } from './views/queries-panel';
import { mountResultsPane } from './views/results-pane';

/** What the page offers the end-to-end tests: the result canvas and the editor. */
export interface WorkbenchHandle {
  cy: cytoscape.Core;
  editor: EditorView;
  state(): WorkbenchState;
}

declare global {
  interface Window {
    kizunaWorkbench?: WorkbenchHandle;
  }
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;

let state: WorkbenchState = initialState(storedLang(), readStoredQueries());
let inFlight: AbortController | undefined;
/** The run the user stopped: its abort is reported as "stopped", not dropped as superseded. */
let stoppedRun: number | undefined;

/** Stop: closes the request; the server then terminates the query in Neo4j and frees its slot. */
function stop(): void {
  if (state.run.status !== 'running') return;
  stoppedRun = state.run.id;
  inFlight?.abort();
}

function dispatch<K extends keyof Actions>(
  name: K,
  ...args: Actions[K] extends (s: WorkbenchState, ...a: infer A) => WorkbenchState ? A : never
): void {
  const before = state;
  const action = actions[name] as (s: WorkbenchState, ...a: unknown[]) => WorkbenchState;
  state = action(state, ...args);
  if (state !== before) afterChange(before);
}

/** An id for a saved query or history entry; getRandomValues works on plain http too. */
const newId = () =>
  [...crypto.getRandomValues(new Uint8Array(12))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

const stamp = () => ({ id: newId(), at: new Date().toISOString() });

function afterChange(before: WorkbenchState): void {
  if (state.lang !== before.lang) document.documentElement.lang = state.lang;
  try {
    if (state.lang !== before.lang) storeLang(state.lang);
    if (state.saved !== before.saved) storeSaved(state.saved);
    if (state.history !== before.history) storeHistory(state.history);
    if (state.paramFields !== before.paramFields) storeParamFields(state.paramFields);
  } catch (error) {
    state = actions.storageFailed(state, (error as Error).message);
  }
  if (state.run !== before.run && state.run.status === 'running') void send(state.run);
  render();
}

async function send(run: Extract<Run, { status: 'running' }>): Promise<void> {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  try {
    const outcome = await runCypher(run.query, run.params, controller.signal);
    if (outcome.kind === 'result') dispatch('runSucceeded', run.id, outcome.result, stamp());
    else if (outcome.kind === 'refused') dispatch('runRefused', run.id, outcome.refusal, stamp());
    else dispatch('runFailed', run.id, outcome.failure, stamp());
  } catch (error) {
    if ((error as Error).name === 'AbortError') {
      if (stoppedRun === run.id) {
        const lang = state.lang;
        const failure = {
          status: 0,
          title: t(lang, 'stopped'),
          detail: t(lang, 'stoppedDetail'),
          retryAfterS: null,
        };
        dispatch('runFailed', run.id, failure, stamp());
      }
      // Otherwise a newer run took over, and its answer is the one that counts.
      return;
    }
    const failure = { status: 0, title: 'No answer', detail: String(error), retryAfterS: null };
    dispatch('runFailed', run.id, failure, stamp());
  }
}

const loadAndRun = (query: string, params?: Params) => {
  dispatch('loadQuery', query, params);
  dispatch('run');
};

const editorPane = mountEditorPane(byId('editor-pane'), {
  editQuery: (query) => dispatch('editQuery', query),
  editParams: (params) => dispatch('editParams', params),
  editParamField: (name, field) => dispatch('editParamField', name, field),
  walkHistory: (step) => dispatch('walkHistory', step),
  run: () => dispatch('run'),
  stop,
  save: () => {
    dispatch('setPanel', 'saved');
    queriesPanel.focusSaveName();
  },
});

const resultsPane = mountResultsPane(byId('results-pane'), {
  setView: (view) => dispatch('setView', view),
  sortBy: (column) => dispatch('sortBy', column),
  show: (id) => dispatch('showResult', id),
  pin: (id, pinned) => dispatch('pinResult', id, pinned),
  compare: (id) => dispatch('compareWith', id),
});

const queriesPanel = mountQueriesPanel(byId('queries-panel'), {
  setPanel: (panel) => dispatch('setPanel', panel),
  runLibrary: (q) => loadAndRun(q.cypher, q.params),
  open: (q) => {
    dispatch('loadQuery', q.query, q.params);
    editorPane.editor.focus();
  },
  run: (q) => loadAndRun(q.query, q.params),
  save: (name) => dispatch('saveQuery', name, stamp()),
  deleteSaved: (id) => dispatch('deleteSaved', id),
  clearHistory: () => dispatch('clearHistory'),
  importQueries: (outcome) => dispatch('importQueries', outcome),
  dismissMessage: () => dispatch('dismissQueriesMessage'),
  insert: (text) => editorPane.editor.insert(text),
  drawSchema: () => {
    dispatch('setView', 'graph');
    loadAndRun('CALL db.schema.visualization()');
  },
  filterHistory: (text) => dispatch('setHistoryFilter', text),
});

function renderHeader(): void {
  const { lang } = state;
  byId('page-title').textContent = t(lang, 'title');
  byId('subtitle').textContent = t(lang, 'subtitle');
  byId('explorer-link').textContent = t(lang, 'explorer');
  byId('skip').textContent = t(lang, 'skip');
  byId('queries-panel').setAttribute('aria-label', t(lang, 'queriesRegion'));
  byId('editor-pane').setAttribute('aria-label', t(lang, 'query'));
  byId('toolbar').setAttribute('aria-label', t(lang, 'title'));
  const toggle = byId('lang-toggle');
  toggle.textContent = t(lang, 'language');
  // The toggle names the other language in that language.
  toggle.lang = lang === 'ja' ? 'en' : 'ja';
  toggle.setAttribute('aria-pressed', String(lang === 'en'));
  document.title = `Kizuna — ${t(lang, 'title')}`;
}

function render(): void {
  renderHeader();
  editorPane.render(state);
  resultsPane.render(state);
  queriesPanel.render(state);
}

const message = (error: unknown) =>
  error instanceof ApiError ? `${error.title}: ${error.message}` : String(error);

async function start(): Promise<void> {
  document.documentElement.lang = state.lang;
  byId('lang-toggle').addEventListener('click', () =>
    dispatch('setLang', state.lang === 'ja' ? 'en' : 'ja'),
  );
  window.kizunaWorkbench = {
    cy: resultsPane.graph.cy,
    editor: editorPane.editor.view,
    state: () => state,
  };
  render();
  await Promise.all([
    fetchLibrary().then(
      (queries) => dispatch('libraryLoaded', queries),
      (error) => dispatch('libraryFailed', message(error)),
    ),
    // Without the schema the editor still completes keywords; nothing to tell the user.
    fetchSchema().then(
      (schema) => dispatch('schemaLoaded', schema),
      () => undefined,
    ),
  ]);
  document.body.dataset.state = 'ready';
}

void start();
