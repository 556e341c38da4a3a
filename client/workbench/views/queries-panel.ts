import { html, nothing, render as renderInto } from 'lit-html';
import { createRef, ref } from 'lit-html/directives/ref.js';
import { download } from '../../export/diagram-export';
import { today } from '../../model/clock';
import { announce } from '../../views/live-region';
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
  // Both lists offer the import; either button opens the one file picker.
  const pickFile = () => fileInput.click();
  // The lists' own places have no id or class to find them by.
  const savedBody = createRef<HTMLDivElement>();
  const historyBody = createRef<HTMLDivElement>();
  renderInto(
    html`<div class="panel-tabs"></div
      ><div class="queries-message error" role="alert"></div
      ><div class="queries-message info" role="status"></div
      ><div id="panel-library" role="tabpanel" aria-labelledby="panel-tab-library"></div
      ><div id="panel-saved" role="tabpanel" aria-labelledby="panel-tab-saved"
        ><form
          class="save-form"
          id="save-form"
          @submit=${(e: Event) => {
            e.preventDefault();
            on.save(nameInput.value);
          }}
          ><label for="save-name"></label
          ><div class="save-row"
            ><input id="save-name" type="text" autocomplete="off" /><button
              type="submit"
              id="save"
            ></button></div></form
        ><div class="list-actions"
          ><button type="button" id="export-saved" @click=${() => exportList('saved')}></button
          ><button type="button" id="import-0" class="import" @click=${pickFile}></button></div
        ><div ${ref(savedBody)}></div></div
      ><div id="panel-history" role="tabpanel" aria-labelledby="panel-tab-history"
        ><div class="list-actions"
          ><button type="button" id="export-history" @click=${() => exportList('history')}></button
          ><button type="button" id="import-1" class="import" @click=${pickFile}></button
          ><button type="button" id="clear-history" @click=${() => on.clearHistory()}></button></div
        ><div class="history-search"
          ><label for="history-search"></label
          ><input
            id="history-search"
            type="search"
            autocomplete="off"
            aria-describedby="history-hint"
            @input=${(e: Event) => on.filterHistory((e.target as HTMLInputElement).value)}
          /></div
        ><p id="history-hint" class="hint"></p
        ><div ${ref(historyBody)}></div></div
      ><div id="panel-schema" role="tabpanel" aria-labelledby="panel-tab-schema"></div
      ><input
        type="file"
        id="import-file"
        accept="application/json,.json"
        class="visually-hidden"
        tabindex="-1"
        aria-label="クエリを読み込む（JSON ファイル）"
        @change=${importFile}
      />`,
    el,
  );
  // Reached through the Import buttons; named (in the page's language) all the same.
  const fileInput = el.querySelector<HTMLInputElement>('#import-file')!;
  const tabs = el.querySelector<HTMLElement>('.panel-tabs')!;
  const error = el.querySelector<HTMLElement>('.queries-message.error')!;
  const info = el.querySelector<HTMLElement>('.queries-message.info')!;
  const nameLabel = el.querySelector<HTMLLabelElement>('label[for="save-name"]')!;
  const nameInput = el.querySelector<HTMLInputElement>('#save-name')!;
  const saveButton = el.querySelector<HTMLButtonElement>('#save')!;
  const exportSaved = el.querySelector<HTMLButtonElement>('#export-saved')!;
  const exportHistory = el.querySelector<HTMLButtonElement>('#export-history')!;
  const importButtons = [...el.querySelectorAll<HTMLButtonElement>('button.import')];
  const clearHistory = el.querySelector<HTMLButtonElement>('#clear-history')!;
  const libraryPanel = el.querySelector<HTMLElement>('#panel-library')!;
  const savedPanel = el.querySelector<HTMLElement>('#panel-saved')!;
  const historyPanel = el.querySelector<HTMLElement>('#panel-history')!;
  const searchLabel = el.querySelector<HTMLLabelElement>('label[for="history-search"]')!;
  const search = el.querySelector<HTMLInputElement>('#history-search')!;
  const historyHint = el.querySelector<HTMLElement>('#history-hint')!;
  const schemaPanel = el.querySelector<HTMLElement>('#panel-schema')!;

  let state: WorkbenchState | null = null;

  function exportList(list: 'saved' | 'history'): void {
    if (!state) return;
    if (list === 'saved')
      downloadJson(queriesFile({ saved: state.saved }), `kizuna-saved-queries-${today()}.json`);
    else
      downloadJson(queriesFile({ history: state.history }), `kizuna-query-history-${today()}.json`);
  }

  async function importFile(): Promise<void> {
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
  }

  const open = (q: SavedQuery | HistoryEntry) => on.open({ query: q.query, params: q.params });
  const run = (q: SavedQuery | HistoryEntry) => on.run({ query: q.query, params: q.params });

  let last: WorkbenchState | null = null;

  function render(next: WorkbenchState): void {
    state = next;
    const { lang } = next;
    const langChanged = last?.lang !== lang;
    if (langChanged || last?.panel !== next.panel) {
      const hadFocus = tabs.contains(document.activeElement);
      renderInto(
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
        tabs,
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
      renderInto(
        schemaList(next.schema, lang, { insert: on.insert, drawSchema: on.drawSchema }),
        schemaPanel,
      );
    if (langChanged || last?.library !== next.library)
      renderInto(libraryList(next.library, lang, on.runLibrary), libraryPanel);
    if (langChanged || last?.saved !== next.saved)
      renderInto(
        savedList(next.saved, lang, { open, run, remove: (q) => on.deleteSaved(q.id) }),
        savedBody.value!,
      );
    if (
      langChanged ||
      last?.history !== next.history ||
      last?.historyFilter !== next.historyFilter
    ) {
      renderInto(
        historyList(next.history, next.historyFilter, lang, { open, run }),
        historyBody.value!,
      );
      exportHistory.disabled = clearHistory.disabled = next.history.length === 0;
    }
    exportSaved.disabled = next.saved.length === 0;
    if (langChanged || last?.queriesMessage !== next.queriesMessage) {
      const m = next.queriesMessage;
      const text = m ? queriesMessageText(lang, m) : '';
      const message = html`${text} <button
          type="button"
          class="link"
          @click=${() => on.dismissMessage()}
        >${t(lang, 'dismiss')}</button>`;
      announce(m?.tone === 'error' ? message : nothing, error);
      announce(m?.tone === 'info' ? message : nothing, info);
      if (m?.what === 'saved' || m?.what === 'updated') nameInput.value = '';
    }
    last = next;
  }

  return {
    render,
    focusSaveName: () => nameInput.focus(),
  };
}
