import type { Lang } from '../../model/state';
import type {
  CypherResult,
  Failure,
  GraphSchema,
  Params,
  Refusal,
  ResearchQuery,
} from './cypher-types';
import { type ParamsError, paramCommands, paramsText, parseParams } from './params';
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
export type Panel = 'library' | 'saved' | 'history';

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
export type DraftProblem = { what: 'emptyQuery' } | { what: 'paramsInvalid'; error: ParamsError };

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
}

export const initialState = (
  lang: Lang = 'ja',
  stored: { saved?: SavedQuery[]; history?: HistoryEntry[] } = {},
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
});

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
  return { ...s, run, sort: null, history: addToHistory(s.history, entry) };
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
          draftProblem: s.draftProblem?.what === 'emptyQuery' ? null : s.draftProblem,
        },

  /** The user typed in the parameters box. */
  editParams: (s: WorkbenchState, params: string): WorkbenchState =>
    s.draft.params === params
      ? s
      : {
          ...s,
          draft: { ...s.draft, params },
          draftProblem: s.draftProblem?.what === 'paramsInvalid' ? null : s.draftProblem,
        },

  /** Puts a query (from the library, the saved list or the history) in the editor. */
  loadQuery: (s: WorkbenchState, query: string, params?: Params): WorkbenchState => ({
    ...s,
    draft: { query, params: paramsText(params), revision: s.draft.revision + 1 },
    draftProblem: null,
  }),

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
      return {
        ...s,
        draftProblem: null,
        draft: { query: '', params: assigned.params, revision: s.draft.revision + 1 },
      };
    }
    const parsed = parseParams(s.draft.params);
    if (!parsed.ok) return { ...s, draftProblem: { what: 'paramsInvalid', error: parsed.error } };
    const id = s.lastRunId + 1;
    return {
      ...s,
      draftProblem: null,
      lastRunId: id,
      run: { status: 'running', id, query: s.draft.query, params: parsed.params },
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
