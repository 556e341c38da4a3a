import type { Lang } from '../../model/state';
import type { Failure, Refusal, SourcePosition } from '../model/cypher-types';
import type { ParamsError } from '../model/params';
import type { QueriesMessage } from '../model/state';

/** The workbench's own words in both languages. Graph text comes from the data, not from here. */
const WORDS = {
  title: { en: 'Cypher workbench', ja: 'Cypher ワークベンチ' },
  subtitle: {
    en: 'Query the Action Plan graph in Cypher (read-only)',
    ja: '行動計画のグラフを Cypher で照会（読み取り専用）',
  },
  explorer: { en: '← Back to the explorer', ja: '← エクスプローラーに戻る' },
  language: { en: '日本語', ja: 'English' },
  query: { en: 'Cypher query', ja: 'Cypher クエリ' },
  params: { en: 'Parameters (a JSON object)', ja: 'パラメーター（JSON オブジェクト）' },
  paramsHint: {
    en: 'For $name in the query, e.g. {"ref": "I.3.2"}',
    ja: 'クエリ中の $name に渡す値。例：{"ref": "I.3.2"}',
  },
  run: { en: 'Run', ja: '実行' },
  stop: { en: 'Stop', ja: '停止' },
  stopped: { en: 'Stopped', ja: '停止しました' },
  stoppedDetail: {
    en: 'You stopped the query; the server ended it in the database.',
    ja: 'クエリを停止しました。サーバーがデータベース上の処理も終了しました。',
  },
  downloading: { en: 'Downloading…', ja: 'ダウンロード中…' },
  downloadFailed: { en: 'Download failed', ja: 'ダウンロードに失敗しました' },
  downloadHint: {
    en: 'Downloads run the query again, up to 100,000 rows',
    ja: 'ダウンロードはクエリを再実行します（最大 100,000 行）',
  },
  plan: { en: 'Plan', ja: '実行計画' },
  estimatedRows: { en: 'est. rows', ja: '推定行数' },
  actualRows: { en: 'rows', ja: '行数' },
  dbHits: { en: 'db hits', ja: 'DB ヒット' },
  profileTotals: { en: 'Totals', ja: '合計' },
  rowsReturned: { en: 'rows returned', ja: '返した行数' },
  serverTime: { en: 'time in Neo4j', ja: 'Neo4j での時間' },
  operatorTime: { en: 'operator time', ja: '演算子の時間' },
  pageCacheHits: { en: 'page cache hits', ja: 'ページキャッシュ ヒット' },
  pageCacheMisses: { en: 'misses', ja: 'ミス' },
  pageCacheHitRatio: { en: 'hit ratio', ja: 'ヒット率' },
  memory: { en: 'memory', ja: 'メモリ' },
  bytes: { en: 'bytes', ja: 'バイト' },
  statements: { en: 'Statements', ja: 'ステートメント' },
  inspector: { en: 'Details', ja: '詳細' },
  expand: { en: 'Expand neighbours', ja: '隣接ノードを展開' },
  closeInspector: { en: 'Close', ja: '閉じる' },
  svg: { en: 'SVG', ja: 'SVG' },
  png: { en: 'PNG', ja: 'PNG' },
  runHint: { en: 'Ctrl+Enter (⌘+Enter) runs it', ja: 'Ctrl+Enter（⌘+Enter）で実行' },
  save: { en: 'Save…', ja: '保存…' },
  running: { en: 'Running…', ja: '実行中…' },
  idle: {
    en: 'Run a query, or pick one from the library, to see its result here.',
    ja: 'クエリを実行するか、ライブラリから選ぶと結果がここに表示されます。',
  },
  results: { en: 'Result', ja: '結果' },
  table: { en: 'Table', ja: '表' },
  graph: { en: 'Graph', ja: 'グラフ' },
  csv: { en: 'Download CSV', ja: 'CSV をダウンロード' },
  json: { en: 'Download JSON', ja: 'JSON をダウンロード' },
  rows: { en: 'rows', ja: '行' },
  row: { en: 'row', ja: '行' },
  notifications: { en: 'Notes from Neo4j', ja: 'Neo4j からの注意' },
  noGraph: {
    en: 'Nothing to draw: the result holds no nodes, relationships or paths. Return them (RETURN n, r, path) to see a graph.',
    ja: '図示できるものがありません。ノード・関係・パスを返すと（RETURN n, r, path）グラフになります。',
  },
  relayout: { en: 'Re-run layout', ja: 'レイアウト再実行' },
  graphLabel: {
    en: 'The result’s nodes and relationships as a diagram; the table shows the same result',
    ja: '結果のノードと関係の図。表にも同じ結果があります',
  },
  library: { en: 'Library', ja: 'ライブラリ' },
  saved: { en: 'Saved', ja: '保存済み' },
  history: { en: 'History', ja: '履歴' },
  libraryLoading: { en: 'Loading the library…', ja: 'ライブラリを読み込み中…' },
  libraryFailed: { en: 'The library could not be loaded', ja: 'ライブラリを読み込めませんでした' },
  runThis: { en: 'Run', ja: '実行' },
  open: { en: 'Open', ja: '開く' },
  delete: { en: 'Delete', ja: '削除' },
  name: { en: 'Name', ja: '名前' },
  saveCurrent: { en: 'Save the editor’s query', ja: 'エディタのクエリを保存' },
  exportSaved: { en: 'Export saved queries', ja: '保存済みをエクスポート' },
  exportHistory: { en: 'Export history', ja: '履歴をエクスポート' },
  import: { en: 'Import from a JSON file…', ja: 'JSON ファイルからインポート…' },
  clearHistory: { en: 'Clear history', ja: '履歴を消去' },
  noSaved: { en: 'No saved queries yet.', ja: '保存したクエリはまだありません。' },
  noHistory: { en: 'No queries run yet.', ja: '実行したクエリはまだありません。' },
  refused: { en: 'refused', ja: '拒否' },
  failed: { en: 'failed', ja: '失敗' },
  dismiss: { en: 'Dismiss', ja: '閉じる' },
  emptyQuery: { en: 'Type a query first.', ja: 'まずクエリを入力してください。' },
  notSent: { en: 'Not sent. ', ja: '送信していません。' },
  skip: { en: 'Skip to the query editor', ja: 'クエリ入力へ移動' },
  queriesRegion: { en: 'Queries', ja: 'クエリ' },
  importFile: {
    en: 'Import queries (JSON file)',
    ja: 'クエリを読み込む（JSON ファイル）',
  },
  paramForm: { en: 'Parameters in the query', ja: 'クエリ中のパラメーター' },
  paramType: { en: 'Type of', ja: '型：' },
  type_string: { en: 'string', ja: '文字列' },
  type_number: { en: 'number', ja: '数値' },
  type_boolean: { en: 'boolean', ja: '真偽値' },
  type_list: { en: 'list', ja: 'リスト' },
  type_json: { en: 'JSON', ja: 'JSON' },
  schema: { en: 'Schema', ja: 'スキーマ' },
  schemaLoading: { en: 'Loading the schema…', ja: 'スキーマを読み込み中…' },
  labels: { en: 'Node labels', ja: 'ノードのラベル' },
  relationshipTypes: { en: 'Relationship types', ja: '関係の種類' },
  propertyKeys: { en: 'Property keys', ja: 'プロパティキー' },
  schemaHint: {
    en: 'Click a name to insert it at the cursor. Counts: nodes or relationships; for keys, how many labels and types use it.',
    ja: '名前をクリックするとカーソル位置に挿入します。数はノード数・関係数（キーは使っているラベルと種類の数）。',
  },
  drawSchema: { en: 'Draw the schema graph', ja: 'スキーマのグラフを描く' },
  searchHistory: { en: 'Search the history', ja: '履歴を検索' },
  historyHint: {
    en: 'Ctrl+↑ / Ctrl+↓ in the editor walk through the history.',
    ja: 'エディタで Ctrl+↑ / Ctrl+↓ を押すと履歴をたどれます。',
  },
  noMatch: { en: 'No query in the history matches.', ja: '一致する履歴はありません。' },
  kept: { en: 'Recent results', ja: '最近の結果' },
  show: { en: 'Show', ja: '表示' },
  shown: { en: 'shown', ja: '表示中' },
  pin: { en: 'Pin', ja: 'ピン留め' },
  unpin: { en: 'Unpin', ja: 'ピン解除' },
  compare: { en: 'Compare', ja: '比較' },
  closeCompare: { en: 'Close comparison', ja: '比較を閉じる' },
  comparing: { en: 'Pinned result for comparison', ja: '比較用の結果' },
} satisfies Record<string, Record<Lang, string>>;

export type Word = keyof typeof WORDS;

export const t = (lang: Lang, word: Word): string => WORDS[word][lang];

/** A heading for each refusal code the console sends; the server's detail says the rest. */
const REFUSALS: Record<string, Record<Lang, string>> = {
  write: { en: 'Writes are not allowed', ja: '書き込みはできません' },
  syntax: { en: 'Syntax error', ja: '構文エラー' },
  admin: { en: 'Administration commands are not allowed', ja: '管理コマンドは使えません' },
  'load-csv': { en: 'LOAD CSV is not allowed', ja: 'LOAD CSV は使えません' },
  procedure: { en: 'Procedure not available', ja: 'このプロシージャは使えません' },
  'in-transactions': {
    en: 'IN TRANSACTIONS is not allowed',
    ja: 'IN TRANSACTIONS は使えません',
  },
  timeout: { en: 'Query stopped: it ran too long', ja: '時間切れで停止しました' },
  memory: { en: 'Query stopped: it needed too much memory', ja: 'メモリ不足で停止しました' },
  'expression-size': {
    en: 'Expression too large to stop safely',
    ja: '式が大きすぎて安全に停止できません',
  },
  'too-long': { en: 'Query too long', ja: 'クエリが長すぎます' },
  params: { en: 'Parameters refused', ja: 'パラメーターが受け付けられません' },
  failed: { en: 'Query failed', ja: 'クエリが失敗しました' },
};

export const refusalHeading = (lang: Lang, refusal: Refusal): string =>
  REFUSALS[refusal.code]?.[lang] ?? refusal.title;

export function failureHeading(lang: Lang, failure: Failure): string {
  const wait =
    failure.retryAfterS === null
      ? ''
      : lang === 'ja'
        ? `（${failure.retryAfterS} 秒後に再試行できます）`
        : ` (try again in ${failure.retryAfterS} s)`;
  if (failure.status === 429)
    return (lang === 'ja' ? '実行回数の上限に達しました' : 'Too many queries') + wait;
  if (failure.status === 503)
    return (lang === 'ja' ? '現在実行できません' : 'Not available right now') + wait;
  if (failure.status === 0) return lang === 'ja' ? 'サーバーに接続できません' : failure.title;
  return failure.title;
}

/** The server's detail, in Japanese for the failures whose title says what happened. */
const FAILURE_DETAILS: Record<string, string> = {
  'Console restarting':
    'コンソール用のデータベースが再起動中か、接続できません。エクスプローラーには影響ありません。数秒後にもう一度お試しください。',
  'Console not set up':
    'このサーバーではリサーチコンソールが動いていません（専用のデータベースが必要です：同梱のもの、または CONSOLE_NEO4J_URI）。',
};

export const failureDetail = (lang: Lang, failure: Failure): string =>
  (lang === 'ja' ? FAILURE_DETAILS[failure.title] : undefined) ?? failure.detail;

export const goToText = (lang: Lang, at: SourcePosition): string =>
  lang === 'ja'
    ? `${at.line} 行 ${at.column} 列へ移動`
    : `Go to line ${at.line}, column ${at.column}`;

export const rowCount = (lang: Lang, n: number): string =>
  lang === 'ja'
    ? `${n.toLocaleString('ja')} 行`
    : `${n.toLocaleString('en')} ${n === 1 ? 'row' : 'rows'}`;

export function truncatedNotice(lang: Lang, by: 'rows' | 'size', rows: number, limitChars: number) {
  if (by === 'rows')
    return lang === 'ja'
      ? `${rows.toLocaleString('ja')} 行で打ち切りました（コンソールが返すのは最大 ${rows.toLocaleString('ja')} 行）。LIMIT や集計で絞り込んでください。`
      : `Truncated at ${rows.toLocaleString('en')} rows: the console returns no more. Add a LIMIT, or aggregate, to see what you need.`;
  return lang === 'ja'
    ? `${rows.toLocaleString('ja')} 行で打ち切りました（結果が ${limitChars.toLocaleString('ja')} 文字を超えたため）。`
    : `Truncated at ${rows.toLocaleString('en')} rows: the result passed ${limitChars.toLocaleString('en')} characters of JSON.`;
}

/** After a download the server cut at its limit: what was cut, and where the file says so. */
export const downloadTruncatedNotice = (lang: Lang, format: 'csv' | 'json'): string =>
  lang === 'ja'
    ? `ダウンロードの上限で打ち切られています（${
        format === 'csv' ? 'ファイルの最終行「# truncated: …」' : 'ファイルの "truncated": true'
      }）。LIMIT や集計で絞り込んでください。`
    : `Cut at the download limit (the file says so: ${
        format === 'csv' ? 'its last line, "# truncated: …"' : '"truncated": true'
      }). Add a LIMIT, or aggregate.`;

export const undrawnNotice = (lang: Lang, n: number): string =>
  lang === 'ja'
    ? `両端のノードが結果にない関係 ${n} 件は描画していません。`
    : `${n} relationship${n === 1 ? '' : 's'} not drawn: the result does not hold both of its nodes.`;

const GOT: Record<Extract<ParamsError, { reason: 'not-object' }>['got'], Record<Lang, string>> = {
  array: { en: 'an array', ja: '配列' },
  null: { en: 'null', ja: 'null' },
  string: { en: 'a string', ja: '文字列' },
  number: { en: 'a number', ja: '数値' },
  boolean: { en: 'a boolean', ja: '真偽値' },
};

/** Why the parameters box cannot be used, in words a researcher can act on. */
export function paramsErrorText(lang: Lang, error: ParamsError): string {
  if (error.reason === 'json')
    return lang === 'ja'
      ? `パラメーターが JSON として読めません（${error.message}）。`
      : `The parameters are not valid JSON (${error.message}).`;
  return lang === 'ja'
    ? `パラメーターは {"ref": "I.3.2"} のような JSON オブジェクトにしてください（${GOT[error.got].ja}ではなく）。`
    : `The parameters must be a JSON object such as {"ref": "I.3.2"}, not ${GOT[error.got].en}.`;
}

/** Why a field of the parameters form, or a $name with no value, stops the run. */
export function paramProblemText(
  lang: Lang,
  problem:
    | { what: 'paramInvalid'; name: string; type: string }
    | { what: 'paramMissing'; names: string[] },
): string {
  const ja = lang === 'ja';
  if (problem.what === 'paramMissing') {
    const names = problem.names.map((n) => `$${n}`).join(', ');
    return ja
      ? `${names} に値がありません。パラメーターの入力欄か JSON で指定してください。`
      : `${names} ${problem.names.length === 1 ? 'has' : 'have'} no value: fill ${problem.names.length === 1 ? 'it' : 'them'} in the parameters form or the JSON.`;
  }
  const example: Record<string, Record<Lang, string>> = {
    number: { en: 'a number such as 10', ja: '10 のような数値' },
    boolean: { en: 'true or false', ja: 'true か false' },
    list: {
      en: 'a JSON list such as ["I.3.2", "I.3.4"]',
      ja: '["I.3.2", "I.3.4"] のような JSON のリスト',
    },
    json: { en: 'valid JSON', ja: '正しい JSON' },
  };
  const wanted = example[problem.type]?.[lang] ?? problem.type;
  return ja
    ? `$${problem.name} の値は${wanted}にしてください。`
    : `$${problem.name} must be ${wanted}.`;
}

export function queriesMessageText(lang: Lang, m: QueriesMessage): string {
  const ja = lang === 'ja';
  switch (m.what) {
    case 'saved':
      return ja ? `「${m.detail}」を保存しました。` : `Saved “${m.detail}”.`;
    case 'updated':
      return ja ? `「${m.detail}」を更新しました。` : `Updated “${m.detail}”.`;
    case 'nameMissing':
      return ja ? 'まず名前を付けてください。' : 'Give the query a name first.';
    case 'nothingToSave':
      return ja
        ? 'エディタが空なので保存するものがありません。'
        : 'The editor is empty: nothing to save.';
    case 'paramsInvalid':
      return `${ja ? '保存していません。' : 'Not saved. '}${paramsErrorText(lang, m.error)}`;
    case 'importFailed':
      return ja
        ? `インポートしませんでした（何も変わっていません）：${m.detail}`
        : `Nothing was imported, and nothing was changed: ${m.detail}.`;
    case 'imported':
      return ja
        ? `保存済み ${m.saved} 件と履歴 ${m.history} 件をインポートしました（既存と重複した ${m.skipped} 件は除外）。`
        : `Imported ${m.saved} saved ${m.saved === 1 ? 'query' : 'queries'} and ${m.history} history ${m.history === 1 ? 'entry' : 'entries'} (${m.skipped} already here or over the limit).`;
    case 'storageFailed':
      return ja
        ? `ブラウザに保存できませんでした：${m.detail}`
        : `The browser would not keep the lists: ${m.detail}`;
  }
}
