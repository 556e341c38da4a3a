import type { Lang } from '../../model/state';
import type {
  CypherResult,
  Failure,
  GraphSchema,
  Params,
  Refusal,
  ResearchQuery,
} from './cypher-types';
import {
  type FieldValue,
  fieldsFromParams,
  fieldValue,
  type ParamField,
  type ParamFields,
} from './param-form';
import { type ParamsError, paramCommands, paramNames, paramsText, parseParams } from './params';
import { nextSort, type Sort } from './sort-rows';
import {
  addToHistory,
  type FileOutcome,
  type HistoryEntry,
  mergeHistory,
  mergeSaved,
  type SavedQuery,
} from './stored-queries';

/**
 * The workbench's one typed state. Actions below are pure: they take a state and return the
 * next one (the same object when nothing changed); main.ts runs the effects a change calls
 * for (send the query, store the lists) and the views draw the state.
 */

export type { Lang };
export type ResultView = 'table' | 'graph';
export type Panel = 'library' | 'saved' | 'history' | 'schema';

/** What the editor and the parameters box hold. */
export interface Draft {
  query: string;
  params: string;
  /** Bumped when an action replaces the text (a library query loaded), not when the user types. */
  revision: number;
}

interface Sent {
  /** Tells a late answer from the current one. */
  id: number;
  query: string;
  params: Params;
}

export type Run =
  | { status: 'idle' }
  | ({ status: 'running' } & Sent)
  | ({ status: 'done'; result: CypherResult } & Sent)
  | ({ status: 'refused'; refusal: Refusal } & Sent)
  | ({ status: 'failed'; failure: Failure } & Sent);

/** A problem with the draft itself, found before anything is sent. */
export type DraftProblem =
  | { what: 'emptyQuery' }
  | { what: 'paramsInvalid'; error: ParamsError }
  /** A field of the parameters form whose text is not a value of its type. */
  | { what: 'paramInvalid'; name: string; type: Extract<FieldValue, { ok: false }>['type'] }
  /** $names the query uses that neither the form nor the JSON gives a value. */
  | { what: 'paramMissing'; names: string[] };

/** A finished result kept in the page to switch back to or compare with; pinned ones stay. */
export interface KeptResult {
  /** The run's id. */
  id: number;
  query: string;
  params: Params;
  at: string;
  result: CypherResult;
  pinned: boolean;
}

/** Unpinned results kept besides the pinned ones; older ones roll off. */
export const RESULTS_KEPT = 5;

export type QueriesMessage =
  | {
      tone: 'error' | 'info';
      what:
        | 'saved'
        | 'updated'
        | 'nameMissing'
        | 'nothingToSave'
        | 'importFailed'
        | 'storageFailed';
      detail: string;
    }
  | { tone: 'error'; what: 'paramsInvalid'; error: ParamsError }
  | { tone: 'info'; what: 'imported'; saved: number; history: number; skipped: number };

type MessageKind = QueriesMessage['what'];

export type Library =
  | { status: 'loading' }
  | { status: 'ready'; queries: ResearchQuery[] }
  | { status: 'failed'; detail: string };

export interface WorkbenchState {
  lang: Lang;
  draft: Draft;
  draftProblem: DraftProblem | null;
  run: Run;
  lastRunId: number;
  view: ResultView;
  sort: Sort | null;
  panel: Panel;
  library: Library;
  schema: GraphSchema | null;
  saved: SavedQuery[];
  history: HistoryEntry[];
  queriesMessage: QueriesMessage | null;
  /** The parameters form, remembered per name. */
  paramFields: ParamFields;
  /** The last results, newest first. */
  results: KeptResult[];
  /** A kept result shown beside the current one. */
  compare: number | null;
  historyFilter: string;
  /** Ctrl+↑/↓ in the editor: which history entry is shown, and the draft to come back to. */
  historyWalk: { index: number; draft: Draft } | null;
}

export const initialState = (
  lang: Lang = 'ja',
  stored: { saved?: SavedQuery[]; history?: HistoryEntry[]; paramFields?: ParamFields } = {},
): WorkbenchState => ({
  lang,
  draft: { query: '', params: '', revision: 0 },
  draftProblem: null,
  run: { status: 'idle' },
  lastRunId: 0,
  view: 'table',
  sort: null,
  panel: 'library',
  library: { status: 'loading' },
  schema: null,
  saved: stored.saved ?? [],
  history: stored.history ?? [],
  queriesMessage: null,
  paramFields: stored.paramFields ?? {},
  results: [],
  compare: null,
  historyFilter: '',
  historyWalk: null,
});

/** Pinned results all, and the newest RESULTS_KEPT others. */
function keep(results: KeptResult[]): KeptResult[] {
  let unpinned = 0;
  return results.filter((r) => r.pinned || ++unpinned <= RESULTS_KEPT);
}

const withoutGone = (s: WorkbenchState, results: KeptResult[]): WorkbenchState => ({
  ...s,
  results,
  compare: results.some((r) => r.id === s.compare) ? s.compare : null,
});

/**
 * The parameters to send: the JSON's, plus what the form holds for the query's other $names.
 * Stops at the first form field that is not a value of its type, or at names with no value.
 */
function paramsToSend(
  query: string,
  params: Params,
  fields: ParamFields,
): { ok: true; params: Params } | { ok: false; problem: DraftProblem } {
  const sent = { ...params };
  const missing: string[] = [];
  for (const name of paramNames(query)) {
    const field = fields[name];
    const read = field ? fieldValue(field) : null;
    if (read && !read.ok)
      return { ok: false, problem: { what: 'paramInvalid', name, type: read.type } };
    if (name in sent) continue;
    if (read?.ok) sent[name] = read.value;
    else missing.push(name);
  }
  if (missing.length > 0) return { ok: false, problem: { what: 'paramMissing', names: missing } };
  return { ok: true, params: sent };
}

/** When and under which id a finished run enters the history; given by the caller so actions stay pure. */
export interface Stamp {
  id: string;
  at: string;
}

function finish(
  s: WorkbenchState,
  id: number,
  run: Run & Sent,
  outcome: HistoryEntry['outcome'],
  rows: number | null,
  stamp: Stamp,
): WorkbenchState {
  if (s.run.status !== 'running' || s.run.id !== id) return s;
  const entry: HistoryEntry = {
    id: stamp.id,
    query: run.query,
    params: run.params,
    ranAt: stamp.at,
    outcome,
    rows,
  };
  const next = { ...s, run, sort: null, history: addToHistory(s.history, entry) };
  if (run.status !== 'done') return next;
  const kept: KeptResult = {
    id,
    query: run.query,
    params: run.params,
    at: stamp.at,
    result: run.result,
    pinned: false,
  };
  return withoutGone(next, keep([kept, ...s.results]));
}

export const actions = {
  setLang: (s: WorkbenchState, lang: Lang): WorkbenchState =>
    s.lang === lang ? s : { ...s, lang },

  /** The user typed in the editor. */
  editQuery: (s: WorkbenchState, query: string): WorkbenchState =>
    s.draft.query === query
      ? s
      : {
          ...s,
          draft: { ...s.draft, query },
          draftProblem:
            s.draftProblem?.what === 'emptyQuery' || s.draftProblem?.what === 'paramMissing'
              ? null
              : s.draftProblem,
          historyWalk: null,
        },

  /** The user typed in the parameters box. */
  editParams: (s: WorkbenchState, params: string): WorkbenchState => {
    if (s.draft.params === params) return s;
    const parsed = parseParams(params);
    return {
      ...s,
      draft: { ...s.draft, params },
      draftProblem: s.draftProblem?.what === 'paramsInvalid' ? null : s.draftProblem,
      paramFields: parsed.ok ? fieldsFromParams(s.paramFields, parsed.params) : s.paramFields,
    };
  },

  /**
   * The user changed a field of the parameters form. A value of the field's type goes into
   * the JSON at once; text that is not one stays in the field, and Run says which it is.
   */
  editParamField: (s: WorkbenchState, name: string, field: ParamField): WorkbenchState => {
    const current = s.paramFields[name];
    if (current?.type === field.type && current.text === field.text) return s;
    const read = fieldValue(field);
    const parsed = parseParams(s.draft.params);
    const params =
      read.ok && parsed.ok ? paramsText({ ...parsed.params, [name]: read.value }) : s.draft.params;
    const problem = s.draftProblem;
    const solved =
      (problem?.what === 'paramInvalid' && problem.name === name && read.ok) ||
      (problem?.what === 'paramMissing' && problem.names.includes(name));
    return {
      ...s,
      draft: { ...s.draft, params },
      draftProblem: solved ? null : problem,
      paramFields: { ...s.paramFields, [name]: field },
    };
  },

  /** Puts a query (from the library, the saved list or the history) in the editor. */
  loadQuery: (s: WorkbenchState, query: string, params?: Params): WorkbenchState => ({
    ...s,
    draft: { query, params: paramsText(params), revision: s.draft.revision + 1 },
    draftProblem: null,
    paramFields: params ? fieldsFromParams(s.paramFields, params) : s.paramFields,
    historyWalk: null,
  }),

  /**
   * Ctrl+↑ (older, +1) and Ctrl+↓ (newer, -1): the history's queries in the editor, one by
   * one; past the newest comes back the draft the walk started from.
   */
  walkHistory: (s: WorkbenchState, step: 1 | -1): WorkbenchState => {
    const to = (s.historyWalk?.index ?? -1) + step;
    if (to < -1 || to >= s.history.length) return s;
    const revision = s.draft.revision + 1;
    if (to === -1) {
      const back = s.historyWalk?.draft ?? s.draft;
      return { ...s, draft: { ...back, revision }, historyWalk: null, draftProblem: null };
    }
    const entry = s.history[to]!;
    return {
      ...s,
      draft: { query: entry.query, params: paramsText(entry.params), revision },
      draftProblem: null,
      historyWalk: { index: to, draft: s.historyWalk?.draft ?? s.draft },
    };
  },

  /**
   * Sends the draft, unless it is empty or its parameters are not a JSON object. A draft of
   * `:param name => value` lines (as in Neo4j Browser) sets those parameters instead.
   */
  run: (s: WorkbenchState): WorkbenchState => {
    if (s.draft.query.trim() === '') return { ...s, draftProblem: { what: 'emptyQuery' } };
    const assigned = paramCommands(s.draft.query, s.draft.params);
    if (assigned) {
      if (!assigned.ok)
        return { ...s, draftProblem: { what: 'paramsInvalid', error: assigned.error } };
      const set = parseParams(assigned.params);
      return {
        ...s,
        draftProblem: null,
        draft: { query: '', params: assigned.params, revision: s.draft.revision + 1 },
        paramFields: set.ok ? fieldsFromParams(s.paramFields, set.params) : s.paramFields,
      };
    }
    const parsed = parseParams(s.draft.params);
    if (!parsed.ok) return { ...s, draftProblem: { what: 'paramsInvalid', error: parsed.error } };
    const sent = paramsToSend(s.draft.query, parsed.params, s.paramFields);
    if (!sent.ok) return { ...s, draftProblem: sent.problem };
    const id = s.lastRunId + 1;
    const added = Object.keys(sent.params).length > Object.keys(parsed.params).length;
    return {
      ...s,
      // What the form added is written into the JSON too, so the box shows what was sent.
      draft: added ? { ...s.draft, params: paramsText(sent.params) } : s.draft,
      draftProblem: null,
      lastRunId: id,
      historyWalk: null,
      run: { status: 'running', id, query: s.draft.query, params: sent.params },
    };
  },

  runSucceeded: (s: WorkbenchState, id: number, result: CypherResult, stamp: Stamp) =>
    s.run.status === 'running'
      ? finish(s, id, { ...s.run, status: 'done', result }, 'rows', result.rows.length, stamp)
      : s,

  runRefused: (s: WorkbenchState, id: number, refusal: Refusal, stamp: Stamp) =>
    s.run.status === 'running'
      ? finish(s, id, { ...s.run, status: 'refused', refusal }, 'refused', null, stamp)
      : s,

  runFailed: (s: WorkbenchState, id: number, failure: Failure, stamp: Stamp) =>
    s.run.status === 'running'
      ? finish(s, id, { ...s.run, status: 'failed', failure }, 'failed', null, stamp)
      : s,

  setView: (s: WorkbenchState, view: ResultView): WorkbenchState =>
    s.view === view ? s : { ...s, view },

  sortBy: (s: WorkbenchState, column: string): WorkbenchState => ({
    ...s,
    sort: nextSort(s.sort, column),
  }),

  /** Shows a kept result again, as if it had just run (not while a query is running). */
  showResult: (s: WorkbenchState, id: number): WorkbenchState => {
    const kept = s.results.find((r) => r.id === id);
    if (!kept || s.run.status === 'running') return s;
    if (s.run.status === 'done' && s.run.id === id) return s;
    const { query, params, result } = kept;
    return {
      ...s,
      run: { status: 'done', id, query, params, result },
      sort: null,
      compare: s.compare === id ? null : s.compare,
    };
  },

  pinResult: (s: WorkbenchState, id: number, pinned: boolean): WorkbenchState =>
    withoutGone(s, keep(s.results.map((r) => (r.id === id ? { ...r, pinned } : r)))),

  /** A kept result beside the one shown, or none. */
  compareWith: (s: WorkbenchState, id: number | null): WorkbenchState =>
    s.compare === id ? s : { ...s, compare: id },

  setHistoryFilter: (s: WorkbenchState, text: string): WorkbenchState =>
    s.historyFilter === text ? s : { ...s, historyFilter: text },

  setPanel: (s: WorkbenchState, panel: Panel): WorkbenchState =>
    s.panel === panel ? s : { ...s, panel },

  libraryLoaded: (s: WorkbenchState, queries: ResearchQuery[]): WorkbenchState => ({
    ...s,
    library: { status: 'ready', queries },
  }),

  libraryFailed: (s: WorkbenchState, detail: string): WorkbenchState => ({
    ...s,
    library: { status: 'failed', detail },
  }),

  schemaLoaded: (s: WorkbenchState, schema: GraphSchema): WorkbenchState => ({ ...s, schema }),

  /** Saves the draft under a name; the same name again replaces that saved query. */
  saveQuery: (s: WorkbenchState, name: string, stamp: Stamp): WorkbenchState => {
    const trimmed = name.trim();
    const message = (
      tone: 'error' | 'info',
      what: Exclude<MessageKind, 'imported' | 'paramsInvalid'>,
      detail = '',
    ): WorkbenchState => ({ ...s, queriesMessage: { tone, what, detail } });
    if (trimmed === '') return message('error', 'nameMissing');
    if (s.draft.query.trim() === '') return message('error', 'nothingToSave');
    const parsed = parseParams(s.draft.params);
    if (!parsed.ok)
      return {
        ...s,
        queriesMessage: { tone: 'error', what: 'paramsInvalid', error: parsed.error },
      };
    const existing = s.saved.find((q) => q.name === trimmed);
    const query: SavedQuery = {
      id: existing?.id ?? stamp.id,
      name: trimmed,
      query: s.draft.query,
      params: parsed.params,
      savedAt: stamp.at,
    };
    return {
      ...s,
      saved: existing ? s.saved.map((q) => (q === existing ? query : q)) : [...s.saved, query],
      queriesMessage: { tone: 'info', what: existing ? 'updated' : 'saved', detail: trimmed },
    };
  },

  deleteSaved: (s: WorkbenchState, id: string): WorkbenchState => ({
    ...s,
    saved: s.saved.filter((q) => q.id !== id),
  }),

  clearHistory: (s: WorkbenchState): WorkbenchState => ({ ...s, history: [] }),

  /** Adds what a file holds; a file that is not right changes nothing and says why. */
  importQueries: (s: WorkbenchState, outcome: FileOutcome): WorkbenchState => {
    if (!outcome.ok)
      return {
        ...s,
        queriesMessage: { tone: 'error', what: 'importFailed', detail: outcome.error },
      };
    const saved = mergeSaved(s.saved, outcome.file.saved ?? []);
    const history = mergeHistory(s.history, outcome.file.history ?? []);
    return {
      ...s,
      saved: saved.list,
      history: history.list,
      queriesMessage: {
        tone: 'info',
        what: 'imported',
        saved: saved.added,
        history: history.added,
        skipped: saved.skipped + history.skipped,
      },
    };
  },

  /** localStorage refused to keep the lists (full, or disabled). */
  storageFailed: (s: WorkbenchState, detail: string): WorkbenchState => ({
    ...s,
    queriesMessage: { tone: 'error', what: 'storageFailed', detail },
  }),

  dismissQueriesMessage: (s: WorkbenchState): WorkbenchState =>
    s.queriesMessage === null ? s : { ...s, queriesMessage: null },
};

export type Actions = typeof actions;
