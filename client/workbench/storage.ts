import type { Lang } from '../model/state';
import { type ParamFields, readStoredFields } from './model/param-form';
import {
  type HistoryEntry,
  historyEntrySchema,
  readStoredList,
  type SavedQuery,
  savedQuerySchema,
} from './model/stored-queries';

/** The explorer's key: one language choice serves both pages. */
const LANG_KEY = 'kizuna.lang';
const SAVED_KEY = 'kizuna.workbench.saved';
const HISTORY_KEY = 'kizuna.workbench.history';
const PARAMS_KEY = 'kizuna.workbench.params';

export const storedLang = (): Lang => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'ja');

export function storeLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
}

export function readStoredQueries(): {
  saved: SavedQuery[];
  history: HistoryEntry[];
  paramFields: ParamFields;
} {
  return {
    saved: readStoredList(localStorage.getItem(SAVED_KEY), savedQuerySchema),
    history: readStoredList(localStorage.getItem(HISTORY_KEY), historyEntrySchema),
    paramFields: readStoredFields(localStorage.getItem(PARAMS_KEY)),
  };
}

/** Throws what localStorage throws when it is full or disabled; the caller says so. */
export function storeSaved(saved: readonly SavedQuery[]): void {
  localStorage.setItem(SAVED_KEY, JSON.stringify(saved));
}

export function storeHistory(history: readonly HistoryEntry[]): void {
  localStorage.setItem(HISTORY_KEY, JSON.stringify(history));
}

/** The parameters form's fields, remembered per name across queries and visits. */
export function storeParamFields(fields: ParamFields): void {
  localStorage.setItem(PARAMS_KEY, JSON.stringify(fields));
}
