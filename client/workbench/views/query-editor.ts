import { forceLinting, linter, lintGutter, lintKeymap } from '@codemirror/lint';
import { Prec, StateEffect } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { createCypherEditor, type EditorApi } from '@neo4j-cypher/codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import type { GraphSchema } from '../model/cypher-types';
import { diagnosticsFor } from '../model/diagnostics';
import { parseParams } from '../model/params';
import type { Run, WorkbenchState } from '../model/state';

/** The schema as @neo4j-cypher/editor-support completes it: labels and types after their colon. */
function editorSchema(schema: GraphSchema | null, paramsText: string) {
  const parsed = parseParams(paramsText);
  return {
    labels: schema?.labels.map((l) => `:${l.label}`) ?? [],
    relationshipTypes: schema?.relationshipTypes.map((r) => `:${r.type}`) ?? [],
    propertyKeys: schema?.propertyKeys ?? [],
    parameters: parsed.ok ? Object.keys(parsed.params) : [],
  };
}

const isEditorApi = (x: EditorApi | { editor: EditorApi }): x is EditorApi => 'codemirror' in x;

export interface QueryEditor {
  render(state: WorkbenchState): void;
  focus(): void;
  /** Puts text where the cursor is (replacing a selection), and the focus in the editor. */
  insert(text: string): void;
  /** The CodeMirror view, for the end-to-end tests' handle. */
  view: EditorView;
  unmount(): void;
}

/**
 * The Cypher editor: Neo4j's CodeMirror 6 integration (highlighting, bracket matching,
 * completion of this graph's labels, types, property keys and parameters), Ctrl/Cmd+Enter to
 * run, and the last run's syntax error or notifications marked where they point.
 */
export function mountQueryEditor(
  el: HTMLElement,
  options: {
    labelledBy: string;
    describedBy: string;
    placeholder: string;
    onChange(query: string): void;
    onRun(): void;
    /** Ctrl+↑ (1, older) and Ctrl+↓ (-1, newer) through the history. */
    onWalk(step: 1 | -1): void;
  },
): QueryEditor {
  let run: Run = { status: 'idle' };
  const refresh = StateEffect.define<null>();
  // The package runs its own (silent) linter on every change; diagnostics from the server go
  // through a second linter, so that a lint pass scheduled before the answer came cannot wipe them.
  const serverDiagnostics = linter(
    (view) => diagnosticsFor(run, view.state.doc.toString()).map((d) => ({ ...d })),
    { needsRefresh: (u) => u.transactions.some((tr) => tr.effects.some((e) => e.is(refresh))) },
  );
  const created = createCypherEditor(el, {
    autofocus: false,
    cursorWide: false,
    lineWrapping: true,
    // Tab moves focus on, so the page works with the keyboard alone.
    tabKey: false,
    // Fixed, so the completion list is not clipped by the editor's pane.
    tooltipAbsolute: false,
    lineNumberFormatter: (line) => String(line),
    placeholder: options.placeholder,
    preExtensions: [
      Prec.highest(
        keymap.of([
          {
            key: 'Mod-Enter',
            run: () => {
              options.onRun();
              return true;
            },
          },
          {
            key: 'Ctrl-ArrowUp',
            mac: 'Cmd-ArrowUp',
            run: () => {
              options.onWalk(1);
              return true;
            },
          },
          {
            key: 'Ctrl-ArrowDown',
            mac: 'Cmd-ArrowDown',
            run: () => {
              options.onWalk(-1);
              return true;
            },
          },
        ]),
      ),
    ],
    postExtensions: [
      serverDiagnostics,
      lintGutter(),
      keymap.of(lintKeymap),
      EditorView.contentAttributes.of({
        'aria-labelledby': options.labelledBy,
        'aria-describedby': options.describedBy,
        id: 'query',
      }),
    ],
  }) as EditorApi | { editor: EditorApi };
  // Version 1.0.3 returns { editor }, though its declarations say it returns the editor itself.
  const editor = isEditorApi(created) ? created : created.editor;
  const view = editor.codemirror;
  const off = editor.onValueChanged((value) => options.onChange(value));

  let revision = -1;
  let schema: GraphSchema | null = null;
  let params: string | null = null;

  return {
    view,
    render(state) {
      if (state.draft.revision !== revision) {
        revision = state.draft.revision;
        if (view.state.doc.toString() !== state.draft.query) editor.setValue(state.draft.query);
      }
      if (state.schema !== schema || state.draft.params !== params) {
        schema = state.schema;
        params = state.draft.params;
        editor.setSchema(editorSchema(schema, params));
      }
      if (state.run !== run) {
        run = state.run;
        view.dispatch({ effects: refresh.of(null) });
        forceLinting(view);
      }
    },
    focus: () => editor.focus(),
    insert(text) {
      view.dispatch(view.state.replaceSelection(text));
      view.focus();
    },
    unmount() {
      off();
      editor.destroy();
    },
  };
}
