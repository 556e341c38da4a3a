import { download } from '../../export/diagram-export';
import { h } from '../../views/dom';
import type { ResearchQuery } from '../model/cypher-types';
import type { Panel, WorkbenchState } from '../model/state';
import {
  type FileOutcome,
  type HistoryEntry,
  parseQueriesFile,
  queriesFile,
  type SavedQuery,
} from '../model/stored-queries';
import { historyList } from './history-list';
import { queriesMessageText, t } from './labels';
import { libraryList } from './library-list';
import { savedList } from './saved-list';
import { schemaList } from './schema-list';
import { tabList } from './tabs';

/** Larger than a list of 500 runs and a few hundred saved queries; a bigger file is not ours. */
const MAX_IMPORT_BYTES = 8_000_000;

export interface QueriesPanelEvents {
  setPanel(panel: Panel): void;
  runLibrary(query: ResearchQuery): void;
  open(query: { query: string; params: SavedQuery['params'] }): void;
  run(query: { query: string; params: SavedQuery['params'] }): void;
  save(name: string): void;
  deleteSaved(id: string): void;
  clearHistory(): void;
  importQueries(outcome: FileOutcome): void;
  dismissMessage(): void;
  insert(text: string): void;
  drawSchema(): void;
  filterHistory(text: string): void;
}

const dateForFile = () => new Date().toISOString().slice(0, 10);

function downloadJson(value: unknown, name: string): void {
  download(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }), name);
}

/**
 * The side panel: the research library, the researcher's saved queries (with the form to save
 * the editor's query under a name) and the history, as tabs; export and import of the lists.
 */
export function mountQueriesPanel(
  el: HTMLElement,
  on: QueriesPanelEvents,
): { render(state: WorkbenchState): void; focusSaveName(): void } {
  const tabs = h('div', { className: 'panel-tabs' });
  const error = h('div', { className: 'queries-message error', role: 'alert' });
  const info = h('div', { className: 'queries-message info', role: 'status' });
  const nameLabel = h('label', { for: 'save-name' });
  const nameInput = h('input', { id: 'save-name', type: 'text', autocomplete: 'off' });
  const saveButton = h('button', { type: 'submit', id: 'save' });
  const form = h(
    'form',
    { className: 'save-form', id: 'save-form' },
    nameLabel,
    h('div', { className: 'save-row' }, nameInput, saveButton),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    on.save(nameInput.value);
  });
  const fileInput = h('input', {
    type: 'file',
    id: 'import-file',
    accept: 'application/json,.json',
    className: 'visually-hidden',
    tabindex: -1,
    // Reached through the Import buttons; named (in the page's language) all the same.
    'aria-label': 'クエリを読み込む（JSON ファイル）',
  });
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      on.importQueries({
        ok: false,
        error: `the file is ${file.size.toLocaleString('en')} bytes, more than a list of queries could be`,
      });
      return;
    }
    on.importQueries(parseQueriesFile(await file.text()));
  });
  const exportSaved = h('button', { type: 'button', id: 'export-saved' });
  const exportHistory = h('button', { type: 'button', id: 'export-history' });
  // Both lists offer the import; either button opens the one file picker.
  const importButtons = [0, 1].map((i) =>
    h('button', {
      type: 'button',
      id: `import-${i}`,
      className: 'import',
      onclick: () => fileInput.click(),
    }),
  );
  const clearHistory = h('button', { type: 'button', id: 'clear-history' });
  clearHistory.addEventListener('click', () => on.clearHistory());
  const libraryPanel = h('div', {
    id: 'panel-library',
    role: 'tabpanel',
    'aria-labelledby': 'panel-tab-library',
  });
  const savedBody = h('div', {});
  const savedPanel = h(
    'div',
    { id: 'panel-saved', role: 'tabpanel', 'aria-labelledby': 'panel-tab-saved' },
    form,
    h('div', { className: 'list-actions' }, exportSaved, importButtons[0]),
    savedBody,
  );
  const historyBody = h('div', {});
  const searchLabel = h('label', { for: 'history-search' });
  const search = h('input', {
    id: 'history-search',
    type: 'search',
    autocomplete: 'off',
    'aria-describedby': 'history-hint',
  });
  search.addEventListener('input', () => on.filterHistory(search.value));
  const historyHint = h('p', { id: 'history-hint', className: 'hint' });
  const historyPanel = h(
    'div',
    { id: 'panel-history', role: 'tabpanel', 'aria-labelledby': 'panel-tab-history' },
    h('div', { className: 'list-actions' }, exportHistory, importButtons[1], clearHistory),
    h('div', { className: 'history-search' }, searchLabel, search),
    historyHint,
    historyBody,
  );
  const schemaPanel = h('div', {
    id: 'panel-schema',
    role: 'tabpanel',
    'aria-labelledby': 'panel-tab-schema',
  });
  el.replaceChildren(
    tabs,
    error,
    info,
    libraryPanel,
    savedPanel,
    historyPanel,
    schemaPanel,
    fileInput,
  );

  let state: WorkbenchState | null = null;
  exportSaved.addEventListener('click', () => {
    if (state)
      downloadJson(
        queriesFile({ saved: state.saved }),
        `kizuna-saved-queries-${dateForFile()}.json`,
      );
  });
  exportHistory.addEventListener('click', () => {
    if (state)
      downloadJson(
        queriesFile({ history: state.history }),
        `kizuna-query-history-${dateForFile()}.json`,
      );
  });

  const open = (q: SavedQuery | HistoryEntry) => on.open({ query: q.query, params: q.params });
  const run = (q: SavedQuery | HistoryEntry) => on.run({ query: q.query, params: q.params });

  let last: WorkbenchState | null = null;

  function render(next: WorkbenchState): void {
    state = next;
    const { lang } = next;
    const langChanged = last?.lang !== lang;
    if (langChanged || last?.panel !== next.panel) {
      const hadFocus = tabs.contains(document.activeElement);
      tabs.replaceChildren(
        tabList(
          lang === 'ja' ? 'クエリ' : 'Queries',
          'panel-tab',
          [
            { key: 'library', label: t(lang, 'library'), controls: libraryPanel.id },
            { key: 'saved', label: t(lang, 'saved'), controls: savedPanel.id },
            { key: 'history', label: t(lang, 'history'), controls: historyPanel.id },
            { key: 'schema', label: t(lang, 'schema'), controls: schemaPanel.id },
          ],
          next.panel,
          on.setPanel,
        ),
      );
      if (hadFocus) document.getElementById(`panel-tab-${next.panel}`)?.focus();
      libraryPanel.hidden = next.panel !== 'library';
      savedPanel.hidden = next.panel !== 'saved';
      historyPanel.hidden = next.panel !== 'history';
      schemaPanel.hidden = next.panel !== 'schema';
    }
    if (langChanged) {
      nameLabel.textContent = t(lang, 'name');
      saveButton.textContent = t(lang, 'saveCurrent');
      exportSaved.textContent = t(lang, 'exportSaved');
      exportHistory.textContent = t(lang, 'exportHistory');
      for (const b of importButtons) b.textContent = t(lang, 'import');
      fileInput.setAttribute('aria-label', t(lang, 'importFile'));
      clearHistory.textContent = t(lang, 'clearHistory');
      searchLabel.textContent = t(lang, 'searchHistory');
      historyHint.textContent = t(lang, 'historyHint');
    }
    if (search.value !== next.historyFilter) search.value = next.historyFilter;
    if (langChanged || last?.schema !== next.schema)
      schemaPanel.replaceChildren(
        schemaList(next.schema, lang, { insert: on.insert, drawSchema: on.drawSchema }),
      );
    if (langChanged || last?.library !== next.library)
      libraryPanel.replaceChildren(libraryList(next.library, lang, on.runLibrary));
    if (langChanged || last?.saved !== next.saved)
      savedBody.replaceChildren(
        savedList(next.saved, lang, { open, run, remove: (q) => on.deleteSaved(q.id) }),
      );
    if (
      langChanged ||
      last?.history !== next.history ||
      last?.historyFilter !== next.historyFilter
    ) {
      historyBody.replaceChildren(
        historyList(next.history, next.historyFilter, lang, { open, run }),
      );
      exportHistory.disabled = clearHistory.disabled = next.history.length === 0;
    }
    exportSaved.disabled = next.saved.length === 0;
    if (langChanged || last?.queriesMessage !== next.queriesMessage) {
      const m = next.queriesMessage;
      const text = m ? queriesMessageText(lang, m) : '';
      const dismiss = () =>
        h(
          'button',
          { type: 'button', className: 'link', onclick: () => on.dismissMessage() },
          t(lang, 'dismiss'),
        );
      error.replaceChildren(...(m?.tone === 'error' ? [text, ' ', dismiss()] : []));
      info.replaceChildren(...(m?.tone === 'info' ? [text, ' ', dismiss()] : []));
      if (m?.what === 'saved' || m?.what === 'updated') nameInput.value = '';
    }
    last = next;
  }

  return {
    render,
    focusSaveName: () => nameInput.focus(),
  };
}
