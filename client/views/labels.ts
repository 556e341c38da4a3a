import type { ImplementationStatus } from '../../core/model/implementation';
import { EVENT_STYLE, isNodeKind, KIND_STYLES, relStyleOf } from '../model/palette';
import type { Lang } from '../model/state';

/**
 * Every word the interface shows, in both languages, in one table: the interface's own
 * words, the names of node properties, their coded values, relationship roles, theme
 * and country names. Names of plan entities come from the data, not from here.
 * tests/unit/labels.test.ts checks that every entry has both languages and that every
 * coded value the data holds has an entry.
 */
type Pair = { en: string; ja: string };

export const WORDS = {
  search: { en: 'Search names, agreements, commitments…', ja: '名称・協定・取組を検索…' },
  /** The placeholder where the long one would be cut (a phone). */
  searchShort: { en: 'Search the plan…', ja: '計画を検索…' },
  searchLabel: { en: 'Search', ja: '検索' },
  language: { en: '日本語', ja: 'English' },
  languageLabel: { en: 'Switch the interface to Japanese', ja: '表示を英語に切り替える' },
  layout: { en: 'Layout', ja: 'レイアウト' },
  clusters: { en: 'By pillar and area', ja: '柱・分野ごと' },
  preset: { en: 'Network overview', ja: 'ネットワーク全体図' },
  fcose: { en: 'Force-directed', ja: '力学モデル' },
  hierarchy: { en: 'Hierarchy: plan → pillar → area', ja: '階層：計画→柱→分野' },
  concentric: { en: 'Concentric by degree', ja: '次数による同心円' },
  underpins: { en: 'What underpins what', ja: '何が何を支えるか' },
  graph: { en: 'Graph', ja: 'グラフ' },
  table: { en: 'Table', ja: '表' },
  views: { en: 'Views', ja: '表示' },
  reset: { en: 'Reset view', ja: '表示を初期化' },
  share: { en: 'Copy link', ja: 'リンクをコピー' },
  export: { en: 'Export…', ja: 'エクスポート…' },
  copied: { en: 'Link copied', ja: 'コピーしました' },
  copyFailed: {
    en: 'Could not copy: select the address bar and copy the link from there',
    ja: 'コピーできませんでした。アドレスバーからリンクをコピーしてください',
  },
  relayout: { en: 'Re-run layout', ja: 'レイアウト再実行' },
  kinds: { en: 'Kinds', ja: '種類' },
  relationships: { en: 'Relationships', ja: '関係' },
  pillars: { en: 'Pillars', ja: '柱' },
  countries: { en: 'Countries', ja: '国' },
  themes: { en: 'Themes', ja: 'テーマ' },
  allThemes: { en: 'All themes', ja: 'すべてのテーマ' },
  analyse: { en: 'Size by', ja: 'ノードの大きさ' },
  none: { en: 'Kind only', ja: '種類のみ' },
  degree: { en: 'Degree', ja: '次数' },
  betweenness: { en: 'Betweenness', ja: '媒介中心性' },
  pagerank: { en: 'PageRank', ja: 'PageRank' },
  connect: { en: 'Connect two nodes', ja: '2つのノードをつなぐ' },
  from: { en: 'From', ja: '起点' },
  to: { en: 'To', ja: '終点' },
  notChosen: {
    en: '(pick a node, then “Path from/to here”)',
    ja: '（ノードを選び「ここから／ここまで」）',
  },
  analystsRecords: { en: 'Analysts’ records', ja: '分析者の記録' },
  clearPath: { en: 'Clear path', ja: '経路を消去' },
  // Path finder (issue 25 item 2): what paths may go through, what they avoid, the paths found.
  pathVia: { en: 'Paths may go through', ja: '経路が経由してよいもの' },
  viaStructure: {
    en: 'the plan’s structure (pillars and areas)',
    ja: '計画の構成（柱・分野）',
  },
  viaThemes: { en: 'themes', ja: 'テーマ' },
  viaEvents: { en: 'analysts’ records (events)', ja: '分析者の記録（出来事）' },
  pathAvoid: { en: 'Paths avoid', ja: '経由しないノード' },
  pathCount: { en: 'Paths to show', ja: '表示する経路の数' },
  pathSteps: { en: '{n} steps', ja: '{n}ステップ' },
  pathOneStep: { en: '1 step', ja: '1ステップ' },
  avoidNode: { en: 'Avoid {name} and search again', ja: '{name}を経由せずに再検索' },
  noPath: { en: 'No path within 6 steps.', ja: '6ステップ以内の経路はありません。' },
  noPathLeftOut: { en: 'Left out of the search:', ja: '検索から除外しているもの：' },
  noPathNothingLeftOut: {
    en: 'Nothing is left out: the two are not connected within 6 steps.',
    ja: '除外はありません。この2つは6ステップ以内ではつながっていません。',
  },
  liftOne: { en: 'Allow {what}', ja: '{what}を経由する' },
  liftAll: { en: 'Lift all', ja: 'すべて解除' },
  morePaths: { en: 'Show up to {n} paths', ja: '最大{n}件の経路を表示' },
  timeline: { en: 'Events over time', ja: '出来事の年表' },
  timelineChart: {
    en: 'Events per month and pillar; drag to choose a period',
    ja: '月・柱ごとの出来事の件数。ドラッグで期間を選択',
  },
  rangeFrom: { en: 'From', ja: '開始日' },
  rangeTo: { en: 'To', ja: '終了日' },
  clearRange: { en: 'All dates', ja: '全期間' },
  eventsCount: { en: 'events', ja: '件の出来事' },
  commitmentsActive: { en: 'commitments with events', ja: '件の取組に出来事あり' },
  quietSince: { en: 'Quiet since', ja: '動きなしの基準日' },
  quietCount: {
    en: '{n} commitments quiet since {date}',
    ja: '{date}以降に出来事のない取組：{n}件',
  },
  quiet: { en: 'Quiet', ja: '動きなし' },
  quietPanel: {
    en: 'no event since {date}; last event: {last}',
    ja: '{date}以降の出来事なし。最後の出来事：{last}',
  },
  noEventRecorded: { en: 'no event recorded', ja: '出来事の記録なし' },
  noEvents: { en: 'No events in this period.', ja: 'この期間の出来事はありません。' },
  pillar: { en: 'Pillar', ja: '柱' },
  event: { en: EVENT_STYLE.en, ja: EVENT_STYLE.ja },
  workbenchLink: { en: 'Cypher workbench', ja: 'Cypher ワークベンチ' },
  eventsGroup: { en: 'Events', ja: '出来事' },
  eventsOf: { en: 'Events advancing this commitment', ja: 'この取組を進めた出来事' },
  evDate: { en: 'Date', ja: '日付' },
  evPrecision: { en: 'Precision', ja: '日付の精度' },
  precDay: { en: 'day', ja: '日' },
  precMonth: { en: 'month only', ja: '月まで' },
  precYear: { en: 'year only', ja: '年まで' },
  evKind: { en: 'Kind', ja: '種類' },
  kindVisit: { en: 'Visit', ja: '訪問' },
  kindMeeting: { en: 'Meeting', ja: '会談・会議' },
  kindSigning: { en: 'Signing', ja: '署名' },
  kindDialogue: { en: 'Dialogue', ja: '対話' },
  kindExercise: { en: 'Exercise', ja: '演習' },
  kindExchange: { en: 'Exchange', ja: '交流' },
  kindMilestone: { en: 'Milestone', ja: '節目' },
  evTitleJa: { en: 'Title (Japanese)', ja: '表題（日本語）' },
  evTitleEn: { en: 'Title (English)', ja: '表題（英語）' },
  evSummary: { en: 'Summary (English, your own words)', ja: '概要（英語・自分の言葉で）' },
  summaryInEnglish: { en: 'Summary', ja: '概要（英語）' },
  evSource: { en: 'Source', ja: '出典' },
  evSourceUrl: { en: 'Source address (http/https)', ja: '出典URL（http/https）' },
  evPublisher: { en: 'Publisher', ja: '発行元' },
  evAccessed: { en: 'Accessed', ja: '閲覧日' },
  evCertainty: { en: 'Certainty', ja: '確度' },
  certConfirmed: { en: 'Confirmed', ja: '確認済み' },
  certUncertain: { en: 'Uncertain', ja: '不確か' },
  evCertaintyNote: { en: 'What is uncertain', ja: '不確かな点' },
  evAdvances: { en: 'Commitments it advances', ja: '進めた取組' },
  evRef: { en: 'Commitment (ref)', ja: '取組（番号）' },
  evReason: { en: 'Why', ja: '理由' },
  addCommitment: { en: 'Add a commitment', ja: '取組を追加' },
  remove: { en: 'Remove', ja: '削除' },
  evInvolves: {
    en: 'Agencies and countries (ids, comma-separated)',
    ja: '機関・国（ID、カンマ区切り）',
  },
  evUnder: { en: 'Under agreements (ids)', ja: '根拠となる協定（ID）' },
  evPartOf: { en: 'Part of programmes (ids)', ja: '所属するプログラム（ID）' },
  evDeleted: { en: 'Deleted', ja: '削除済み' },
  evEdited: { en: 'Edited by', ja: '編集者' },
  signIn: { en: 'Sign in', ja: 'サインイン' },
  signOut: { en: 'Sign out', ja: 'サインアウト' },
  accountName: { en: 'Account', ja: 'アカウント' },
  password: { en: 'Password', ja: 'パスワード' },
  addEvent: { en: 'Add event', ja: '出来事を追加' },
  editEvent: { en: 'Edit event', ja: '出来事を編集' },
  edit: { en: 'Edit', ja: '編集' },
  deleteEvent: { en: 'Delete', ja: '削除' },
  restoreEvent: { en: 'Restore', ja: '復元' },
  save: { en: 'Save', ja: '保存' },
  cancel: { en: 'Cancel', ja: 'キャンセル' },
  saved: { en: 'Saved', ja: '保存しました' },
  conflict: {
    en: 'Someone changed this event while you edited it. Nothing was saved. Compare and choose:',
    ja: '編集中に他の人がこの出来事を変更しました。保存していません。比べて選んでください：',
  },
  theirVersion: { en: 'Stored now', ja: '現在の保存内容' },
  yourVersion: { en: 'Yours', ja: 'あなたの編集' },
  keepTheirs: {
    en: 'Discard mine, edit the stored version',
    ja: '自分の編集を捨て、保存内容を編集',
  },
  useMine: { en: 'Save mine over it', ja: '自分の編集で上書き保存' },
  fieldName: { en: 'Field', ja: '項目' },
  expand: { en: 'Expand neighbours', ja: '隣接ノードを展開' },
  collapse: { en: 'Collapse', ja: '折りたたむ' },
  hide: { en: 'Hide', ja: '非表示' },
  clearFocus: { en: 'Show everything again', ja: 'フォーカス解除' },
  pathFrom: { en: 'Path from here', ja: 'ここから経路' },
  pathTo: { en: 'Path to here', ja: 'ここまで経路' },
  close: { en: 'Close', ja: '閉じる' },
  source: { en: 'Source text (Japanese, verbatim)', ja: '原文' },
  english: { en: 'English rendering', ja: '英訳' },
  nameMn: { en: 'Mongolian name', ja: 'モンゴル語名' },
  datesHeading: { en: 'Dates', ja: '日付' },
  notInPlan: {
    en: 'Not named in the plan: a later instrument, from a public record (see its dates).',
    ja: '行動計画には記載なし：公的記録による後の文書（日付を参照）。',
  },
  milestoneSigned: { en: 'Signed', ja: '署名' },
  milestoneInForce: { en: 'In force', ja: '発効' },
  milestoneInPlan: { en: 'In the plan', ja: '行動計画での記述' },
  milestoneStatus: { en: 'Status as of', ja: '現在の状況（確認日）' },
  nameMnMissing: {
    en: 'not recorded: no public source found yet',
    ja: '未収録（公開資料が見つかっていません）',
  },
  nameMnSource: { en: 'source', ja: '出典' },
  lines: { en: 'lines', ja: '行' },
  neighbours: { en: 'Connections', ja: 'つながり' },
  properties: { en: 'Details', ja: '詳細' },
  loading: { en: 'Loading the Action Plan…', ja: '行動計画を読み込み中…' },
  retry: { en: 'Try again', ja: '再試行' },
  empty: { en: 'Nothing matches these filters.', ja: 'この条件に合うものはありません。' },
  kind: { en: 'Kind', ja: '種類' },
  name: { en: 'Name', ja: '名称' },
  ref: { en: 'Ref', ja: '番号' },
  country: { en: 'Country', ja: '国' },
  shown: { en: 'shown', ja: '件表示' },
  underpinsTitle: { en: 'What underpins what', ja: '何が何を支えるか' },
  // Time-aware facts (issue 25 item 1): the plan's words hold as of its adoption, an
  // instrument's status as of the day chosen; headings are statuses as of that day.
  asOfLegend: { en: 'Facts as of', ja: '状況の基準日' },
  asOfPlan: { en: 'the plan ({date})', ja: '行動計画（{date}）' },
  asOfToday: { en: 'today', ja: '今日' },
  asOfChosen: { en: 'a date', ja: '日付を指定' },
  asOfDateLabel: { en: 'Facts as of this date', ja: 'この日付時点の状況' },
  asOfText: { en: 'as of {date}', ja: '{date}時点' },
  asOfTextPlan: { en: 'as of {date} (the plan)', ja: '{date}時点（行動計画）' },
  asOfRow: { en: 'Agreements’ statuses {asOf}', ja: '協定の状況：{asOf}' },
  standingOperative: { en: 'In force or in effect {asOf}', ja: '{asOf}で発効・有効' },
  standingPending: { en: 'Not yet in force {asOf}', ja: '{asOf}で未発効' },
  standingEnded: {
    en: 'No longer in force {asOf}: superseded, expired or ended',
    ja: '{asOf}で効力なし（改訂・失効・終了）',
  },
  standingUnknown: { en: 'No status on record {asOf}', ja: '{asOf}の状況は記録なし' },
  planUnderpins: { en: 'underpins in the plan ({year})', ja: '計画（{year}年）では取組の基盤' },
  planWorksTowards: {
    en: 'worked towards in the plan ({year})',
    ja: '計画（{year}年）では締結・発効を目指す',
  },
  planRefersTo: { en: 'referred to in the plan ({year})', ja: '計画（{year}年）では言及のみ' },
  nowOperative: { en: 'underpins {when}', ja: '{when}、取組を支える' },
  nowPending: { en: 'not in force {when}', ja: '{when}、未発効' },
  nowEnded: { en: 'no longer in force {when}', ja: '{when}、効力なし' },
  nowUnknown: { en: 'no status on record {when}', ja: '{when}の状況は記録なし' },
  whenNow: { en: 'now', ja: '現在' },
  whenOn: { en: 'on {date}', ja: '{date}時点' },
  paths: { en: 'Paths', ja: '経路' },
  badLink: {
    en: 'Parts of this link were not understood and were ignored',
    ja: 'リンクの一部を解釈できず無視しました',
  },
  skip: { en: 'Skip to the table view', ja: '表へ移動' },
  nodesCount: { en: 'nodes', ja: 'ノード' },
  relsCount: { en: 'relationships', ja: '関係' },
  of: { en: 'of', ja: '/' },
  zoomIn: { en: 'Zoom in', ja: '拡大' },
  zoomOut: { en: 'Zoom out', ja: '縮小' },
  fit: { en: 'Fit to screen', ja: '全体を表示' },
  canvasLabel: {
    en: 'Relationship diagram of the Action Plan. Arrow keys move between nodes, Enter opens one, Escape comes back here; Shift and an arrow pan, + and − zoom, 0 fits; the table view lists the same nodes',
    ja: '行動計画の関係図。矢印キーでノード間を移動、Enterで開き、Escapeでここへ戻ります。Shift＋矢印で移動、＋と−で拡大縮小、0で全体表示。表でも同じノードを一覧できます',
  },
  hint: {
    en: 'Try: click a pillar or commitment · open “What underpins what” · search “MoU” or “renewable”',
    ja: '試してみる：柱や取組をクリック ·「何が何を支えるか」を開く ·「覚書」「再生可能」を検索',
  },
  noResults: { en: 'No results for', ja: '該当なし：' },
  triedAlso: { en: 'also tried', ja: '次も検索しました' },
  // Search: a name the plan never uses (JICA) is said to be so, above its closest matches.
  notNamedInPlan: {
    en: '“{q}” is not named in the plan; closest matches:',
    ja: '「{q}」は計画に記載がありません。近い候補：',
  },
  notNamedNothingClose: {
    en: '“{q}” is not named in the plan, and nothing in it comes close',
    ja: '「{q}」は計画に記載がなく、近い候補もありません',
  },
  filters: { en: 'Filters and legend', ja: 'フィルターと凡例' },
  selection: { en: 'Selection', ja: '選択' },
  selectedCount: { en: 'selected', ja: '件選択' },
  hideOthers: { en: 'Hide others', ja: 'ほかを非表示' },
  expandSelection: { en: 'Expand', ja: '展開' },
  focusSelection: { en: 'Focus', ja: 'フォーカス' },
  exportSelection: { en: 'Export selection…', ja: '選択をエクスポート…' },
  clearSelection: { en: 'Clear selection', ja: '選択を解除' },
  selectionHint: {
    en: 'Shift-click or Shift-drag on the canvas to select several nodes.',
    ja: 'Shiftを押しながらクリック／ドラッグで複数選択できます。',
  },
  savedViews: { en: 'Saved views', ja: '保存した表示' },
  saveView: { en: 'Save this view', ja: 'この表示を保存' },
  viewName: { en: 'Name of the view', ja: '表示の名前' },
  exportViews: { en: 'Export views to a file', ja: '表示をファイルに書き出す' },
  importViews: { en: 'Import views from a file', ja: 'ファイルから表示を読み込む' },
  deleteView: { en: 'Delete', ja: '削除' },
  importFailed: {
    en: 'That file holds no saved views',
    ja: 'このファイルには保存した表示がありません',
  },
  noSavedViews: { en: 'No saved views yet.', ja: '保存した表示はまだありません。' },
  undo: { en: 'Back (Ctrl+Z)', ja: '戻る（Ctrl+Z）' },
  redo: { en: 'Forward (Ctrl+Shift+Z)', ja: '進む（Ctrl+Shift+Z）' },
  evidence: { en: 'Evidence', ja: '根拠' },
  serverUnreachable: {
    en: 'The Kizuna server did not answer. Is it running?',
    ja: 'Kizunaサーバーが応答しません。起動していますか？',
  },
  error: { en: 'Error', ja: 'エラー' },
  moreFilters: { en: 'Filters', ja: 'フィルター' },
  // Briefing pages (issue 25 item 8): the deck's contents, pages that run on, pictures of several pages.
  briefContents: { en: 'Contents', ja: '目次' },
  briefContinued: { en: 'continued', ja: '続き' },
  briefPage: { en: 'p.', ja: 'ページ' },
  briefPages: { en: 'pp.', ja: 'ページ' },
  picturesAs: { en: 'Pictures of several pages', ja: '複数ページの画像' },
  picturesSeparate: { en: 'Separate pages (zip)', ja: 'ページごとの画像（zip）' },
  picturesTall: { en: 'One tall image', ja: '縦に並べた1枚の画像' },
  picturesTooTall: {
    en: 'At this scale the pages as one image exceed the browser’s canvas limit. Choose a smaller scale, separate pages or SVG.',
    ja: 'この倍率では1枚の画像がブラウザのキャンバス上限を超えます。倍率を下げるか、ページごとの画像かSVGを選んでください。',
  },

  // Selection, feedback and the keyboard (issue 25 items 6 and 7): the panel's focus buttons,
  // the bar of what is hidden or focused on, what an action that changes nothing says, the
  // skip links, and what the canvas says of the node the arrow keys reach.
  focusOneHop: { en: 'Focus: 1 hop', ja: 'フォーカス：1ホップ' },
  focusTwoHops: { en: 'Focus: 2 hops', ja: 'フォーカス：2ホップ' },
  focusedOn: { en: 'Focus on', ja: 'フォーカス：' },
  oneHop: { en: '1 hop', ja: '1ホップ' },
  manyHops: { en: '{n} hops', ja: '{n}ホップ' },
  focusedHidden: { en: '(hidden)', ja: '（非表示）' },
  hiddenCount: { en: '{n} hidden', ja: '非表示 {n}件' },
  showAll: { en: 'Show all', ja: 'すべて表示' },
  restoreLast: { en: 'Restore last', ja: '最後の1件を戻す' },
  restoreLastTitle: { en: 'Show {name} again', ja: '{name}を再表示' },
  skipLinks: { en: 'Skip links', ja: 'スキップリンク' },
  skipToCanvas: { en: 'Skip to the diagram', ja: '関係図へ移動' },
  skipToSearch: { en: 'Skip to search', ja: '検索へ移動' },
  skipToPanel: { en: 'Skip to the details panel', ja: '詳細パネルへ移動' },
  saidNothingToHide: {
    en: 'Nothing to hide: that is hidden already',
    ja: '非表示にするものはありません（すでに非表示です）',
  },
  saidNothingElse: {
    en: 'Nothing else is shown: nothing to hide',
    ja: 'ほかに表示中のものはないため、非表示にするものはありません',
  },
  saidAlreadyExpanded: {
    en: 'Expanded already: nothing new to show',
    ja: 'すでに展開済みです。新たに表示するものはありません',
  },
  saidNotExpanded: {
    en: '{name} is not expanded: nothing to collapse',
    ja: '{name}は展開されていないため、折りたたむものはありません',
  },
  saidNothingHidden: { en: 'Nothing is hidden', ja: '非表示のものはありません' },
  saidAlreadyFocused: {
    en: 'The focus is on {name} already',
    ja: 'すでに{name}にフォーカスしています',
  },
  saidNoFocus: { en: 'There is no focus to clear', ja: '解除するフォーカスはありません' },
  saidAlreadyReset: {
    en: 'Nothing to reset: the filters are as they first were, with no focus and nothing hidden',
    ja: 'リセットするものはありません：フィルターは初期状態で、フォーカスも非表示もありません',
  },
  saidAlreadyFrom: {
    en: '{name} is the path’s start already',
    ja: '{name}はすでに経路の起点です',
  },
  saidAlreadyTo: { en: '{name} is the path’s end already', ja: '{name}はすでに経路の終点です' },
  saidExpandNothingNew: {
    en: 'Nothing new: every neighbour of {name} is shown already',
    ja: '新たに表示するものはありません：{name}の隣接ノードはすべて表示済みです',
  },
  saidExpandNothingNewHidden: {
    en: 'Nothing new: the neighbours of {name} are shown already or hidden ({n} hidden)',
    ja: '新たに表示するものはありません：{name}の隣接ノードは表示済みか非表示です（非表示 {n}件）',
  },
  saidExpanded: { en: '{name}: {n} more shown', ja: '{name}：{n}件を追加表示' },
  saidHidden: { en: 'Hidden: {name}', ja: '非表示：{name}' },
  saidHiddenMany: { en: 'Hidden: {n} nodes', ja: '非表示：{n}件' },
  saidShownAgain: { en: 'Shown again: {name}', ja: '再表示：{name}' },
  saidShownAll: { en: 'Shown again: all {n}', ja: '再表示：{n}件すべて' },
  saidFocus: {
    en: 'Focus on {name}: {n} shown, {e} of them events',
    ja: '{name}にフォーカス：{n}件表示（うち出来事 {e}件）',
  },
  keyNode: {
    en: '{kind}: {name} · {n} connections shown · Enter opens its details',
    ja: '{kind}：{name}・表示中のつながり {n}件・Enterで詳細を開く',
  },
  keyNoneThatWay: { en: 'No node further {dir}', ja: '{dir}にはこれ以上ノードがありません' },
  keyNothingShown: { en: 'No node is shown', ja: '表示中のノードはありません' },
  dirLeft: { en: 'left', ja: '左' },
  dirRight: { en: 'right', ja: '右' },
  dirUp: { en: 'up', ja: '上' },
  dirDown: { en: 'down', ja: '下' },
  // Lists where the canvas counts (issue 25, item 4): the table's new columns, its filters,
  // and the "List" buttons beside the counts with the chip naming the set listed.
  list: { en: 'List', ja: '一覧' },
  listTitle: { en: 'Open as a sortable list', ja: '並べ替えできる一覧で開く' },
  status: { en: 'Status', ja: '状態' },
  inForce: { en: 'In force since', ja: '発効日' },
  lastEvent: { en: 'Last event', ja: '最後の出来事' },
  daysQuiet: { en: 'Days quiet', ja: '動きのない日数' },
  events: { en: 'Events', ja: '出来事' },
  pillarArea: { en: 'Pillar / area', ja: '柱・分野' },
  statusQuiet: { en: 'quiet', ja: '動きなし' },
  statusAdvanced: { en: 'advanced by events', ja: '出来事あり' },
  statusNoEvent: { en: 'no event recorded', ja: '出来事の記録なし' },
  filterBy: { en: 'Filter by', ja: '絞り込み：' },
  filterAny: { en: 'all', ja: 'すべて' },
  filterMin: { en: 'min', ja: '最小' },
  filterMax: { en: 'max', ja: '最大' },
  filterFrom: { en: 'from', ja: '以降' },
  filterTo: { en: 'to', ja: '以前' },
  filterWords: { en: 'words', ja: '語句' },
  clearFilters: { en: 'Clear filters', ja: '絞り込みを解除' },
  rowsOf: { en: '{n} of {total} shown', ja: '{total}件中{n}件を表示' },
  listQuiet: { en: 'Quiet since {date} · {n}', ja: '{date}以降動きなし · {n}件' },
  listPath: { en: 'On the paths {from} → {to} · {n}', ja: '経路 {from} → {to} 上 · {n}件' },
  listFocus: {
    en: 'Focus on {name} ({hops}-hop) · {n}',
    ja: 'フォーカス：{name}（{hops}ホップ） · {n}件',
  },
  listSearch: { en: 'Search “{q}” · {n}', ja: '検索「{q}」 · {n}件' },
  removeList: { en: 'Remove this list: show every node', ja: 'この一覧を解除してすべて表示' },
  searchCount: { en: '{n} results', ja: '{n}件' },
  showOnCanvas: { en: 'Show on the canvas', ja: '図で表示' },
  pathsFound: { en: '{paths} paths · {n} nodes', ja: '経路{paths}本 · ノード{n}件' },
  pathFound: { en: '1 path · {n} nodes', ja: '経路1本 · ノード{n}件' },
  focusCount: { en: 'in focus', ja: 'フォーカス中' },
  reviewTitle: { en: 'Implementation review', ja: '実施状況レビュー' },
  reviewExport: {
    en: 'Implementation review (PDF, PowerPoint or CSV)',
    ja: '実施状況レビュー（PDF・PowerPoint・CSV）',
  },
  reviewFormat: { en: 'Review as', ja: 'レビューの形式' },
  reviewSummary: { en: 'Where the commitments stand, by pillar', ja: '柱ごとの取組の実施状況' },
  reviewPillar: { en: 'Pillar', ja: '柱' },
  reviewTotal: { en: 'Total', ja: '計' },
  reviewRef: { en: 'Ref', ja: '番号' },
  reviewCommitment: { en: 'Commitment', ja: '取組' },
  reviewStatus: { en: 'Status (as of)', ja: '状況（評価時点）' },
  reviewNote: { en: 'Note', ja: '所見' },
  reviewEvidence: { en: 'Cited events and their sources', ja: '根拠の出来事と出典' },
  reviewCurated: { en: 'curated reading', ja: 'キュレーションによる評価' },
  reviewAssessedBy: { en: 'assessed by {name}', ja: '{name}による評価' },
  reviewMissingEvent: { en: '{id} (no longer in the record)', ja: '{id}（記録から削除済み）' },
  reviewReadings: {
    en: 'Statuses are readings of the recorded events, by the curators (“curated reading”) or by a signed-in editor, on the completion levels of the Open Government Partnership’s Independent Reporting Mechanism ({url}). “No evidence recorded” means the record holds nothing yet, not that nothing was done.',
    ja: '状況は、記録された出来事をキュレーション担当（「キュレーションによる評価」）またはログインした編集者が読み取ったもので、オープンガバメント・パートナーシップ独立報告メカニズムの達成度（{url}）によります。「記録なし」は記録がまだないことを示し、何も行われていないことを示すものではありません。',
  },
} as const satisfies Record<string, Pair>;

/**
 * The implementation scale's levels in words (core/model/implementation.ts): the review
 * export's tables, and wherever else a status is shown.
 */
export const IMPLEMENTATION_STATUS_WORDS = {
  no_evidence: { en: 'No evidence recorded', ja: '記録なし' },
  not_started: { en: 'Not started', ja: '未着手' },
  limited: { en: 'Limited', ja: '限定的' },
  substantial: { en: 'Substantial', ja: '相当程度' },
  complete: { en: 'Complete', ja: '完了' },
} as const satisfies Record<ImplementationStatus, Pair>;

export type Word = keyof typeof WORDS;

export const t = (lang: Lang, word: Word): string => WORDS[word][lang];

/** A word with its {placeholders} ({name}, {n}, {date}) filled in. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

export const tf = (lang: Lang, word: Word, values: Record<string, string | number>): string =>
  fill(t(lang, word), values);

/** Names of the node properties the side panel shows. */
export const PROPERTY_NAMES = {
  ref: { en: 'Ref', ja: '番号' },
  action: { en: 'Action', ja: '行為' },
  action_ja: { en: 'Action (Japanese)', ja: '行為（原文）' },
  soft: { en: 'Soft commitment', ja: '努力目標' },
  direction: { en: 'Direction', ja: '方向' },
  agreement_type: { en: 'Type of agreement', ja: '文書の種類' },
  status: { en: 'Status', ja: '状態' },
  year: { en: 'Year', ja: '年' },
  program_type: { en: 'Type of programme', ja: '事業の種類' },
  scope: { en: 'Scope', ja: '範囲' },
  agency_type: { en: 'Type of body', ja: '機関の種類' },
  place_type: { en: 'Type of place', ja: '場所の種類' },
  country: { en: 'Country', ja: '国' },
  quantity: { en: 'Quantity', ja: '数量' },
  unit: { en: 'Unit', ja: '単位' },
  period_years: { en: 'Period (years)', ja: '期間（年）' },
  adopted: { en: 'Adopted', ja: '採択' },
  period_start: { en: 'From', ja: '開始' },
  period_end: { en: 'To', ja: '終了' },
  aliases: { en: 'Also called', ja: '別名' },
  role: { en: 'Role', ja: '役割' },
  grammatical_role: { en: 'Grammatical role', ja: '文法上の役割' },
} as const satisfies Record<string, Pair>;

/** Coded property values, by property. */
export const PROPERTY_VALUES: Record<string, Record<string, Pair>> = {
  soft: { true: { en: 'yes', ja: 'はい' }, false: { en: 'no', ja: 'いいえ' } },
  direction: {
    jp_to_mn: { en: 'Japan → Mongolia', ja: '日本→モンゴル' },
    mn_to_jp: { en: 'Mongolia → Japan', ja: 'モンゴル→日本' },
    mutual: { en: 'mutual', ja: '相互' },
  },
  action: {
    maintain: { en: 'maintain', ja: '維持' },
    promote: { en: 'promote', ja: '促進' },
    strengthen: { en: 'strengthen', ja: '強化' },
    support: { en: 'support', ja: '支援' },
    continue: { en: 'continue', ja: '継続' },
    implement: { en: 'implement', ja: '実施' },
    consider: { en: 'consider', ja: '検討' },
    realise: { en: 'realise', ja: '実現' },
    cooperate: { en: 'cooperate', ja: '協力' },
    expand: { en: 'expand', ja: '拡大' },
    exchange_views: { en: 'exchange views', ja: '意見交換' },
    study: { en: 'study', ja: '調査' },
    ensure: { en: 'ensure', ja: '確保' },
    reaffirm: { en: 'reaffirm', ja: '再確認' },
    emphasise: { en: 'emphasise', ja: '強調' },
    establish: { en: 'establish', ja: '設立' },
  },
  agreement_type: {
    joint_statement: { en: 'joint statement', ja: '共同声明' },
    memorandum: { en: 'memorandum', ja: '覚書' },
    agreement: { en: 'agreement', ja: '協定' },
    legal_framework: { en: 'legal framework', ja: '法的枠組み' },
    treaty: { en: 'treaty', ja: '条約' },
  },
  status: {
    adopted: { en: 'adopted', ja: '採択済み' },
    signed: { en: 'signed', ja: '署名済み' },
    in_force: { en: 'in force', ja: '発効済み' },
    in_effect: { en: 'in effect', ja: '有効' },
    superseded: { en: 'superseded', ja: '改訂・更新済み' },
    expired: { en: 'expired', ja: '失効' },
    terminated: { en: 'terminated', ja: '終了' },
    under_consideration: { en: 'under consideration', ja: '検討中' },
    under_negotiation: { en: 'under negotiation', ja: '交渉中' },
  },
  program_type: {
    dialogue: { en: 'dialogue', ja: '対話' },
    exercise: { en: 'exercise', ja: '演習' },
    council: { en: 'council', ja: '協議会' },
    project: { en: 'project', ja: 'プロジェクト' },
    exchange: { en: 'exchange', ja: '交流' },
    scholarship: { en: 'scholarship', ja: '奨学金' },
    volunteer: { en: 'volunteers', ja: 'ボランティア' },
    scheme: { en: 'scheme', ja: '制度' },
    training: { en: 'training', ja: '研修' },
    platform: { en: 'platform', ja: 'プラットフォーム' },
    mechanism: { en: 'mechanism', ja: 'メカニズム' },
    event: { en: 'event', ja: '行事' },
  },
  scope: {
    UN: { en: 'United Nations', ja: '国連' },
    multilateral: { en: 'multilateral', ja: '多国間' },
    national_policy: { en: 'national policy', ja: '国家政策' },
  },
  agency_type: {
    parliament: { en: 'parliament', ja: '議会' },
    ministry: { en: 'ministry', ja: '省庁' },
    armed_forces: { en: 'armed forces', ja: '軍・自衛隊' },
    school: { en: 'school', ja: '学校' },
    research_institute: { en: 'research institute', ja: '研究機関' },
    military_unit: { en: 'military unit', ja: '部隊' },
    hospital: { en: 'hospital', ja: '病院' },
    centre: { en: 'centre', ja: 'センター' },
  },
  place_type: {
    city: { en: 'city', ja: '都市' },
    facility: { en: 'facility', ja: '施設' },
    region: { en: 'region', ja: '地域' },
  },
  country: {
    JP: { en: 'Japan', ja: '日本' },
    MN: { en: 'Mongolia', ja: 'モンゴル' },
    US: { en: 'United States', ja: '米国' },
    KP: { en: 'North Korea', ja: '北朝鮮' },
    bilateral: { en: 'Japan–Mongolia (bilateral)', ja: '日・モンゴル（二国間）' },
    multilateral: { en: 'International', ja: '国際・多国間' },
  },
  /** The semantic role of an actor or instrument in a commitment (INVOLVES.role). */
  role: {
    actor: { en: 'actor', ja: '実施主体' },
    partner: { en: 'partner', ja: '協力相手' },
    beneficiary: { en: 'beneficiary', ja: '受益者' },
    location: { en: 'location', ja: '場所' },
    mentioned: { en: 'mentioned', ja: '言及' },
    subject_of_concern: { en: 'subject of concern', ja: '懸念の対象' },
  },
  /** The particle-based reading of the same mention (INVOLVES.grammatical_role). */
  grammatical_role: {
    actor: { en: 'actor (が/は)', ja: '主体（が・は）' },
    recipient: { en: 'recipient (に/へ)', ja: '相手（に・へ）' },
    partner: { en: 'partner (と)', ja: '相手方（と）' },
    location: { en: 'location (で)', ja: '場所（で）' },
    subject: { en: 'subject (を)', ja: '対象（を）' },
    mentioned: { en: 'mentioned (の)', ja: '言及（の）' },
  },
};

/** English names of the plan's themes; the Japanese names come with the data. */
export const THEME_NAMES: Record<string, Pair> = {
  diplomacy: { en: 'Diplomacy', ja: '外交' },
  defence: { en: 'Defence', ja: '防衛' },
  security: { en: 'Security', ja: '安全保障' },
  un: { en: 'United Nations', ja: '国連' },
  non_proliferation: { en: 'Disarmament and non-proliferation', ja: '軍縮・不拡散' },
  economy: { en: 'Economy', ja: '経済' },
  trade_investment: { en: 'Trade and investment', ja: '貿易・投資' },
  finance: { en: 'Finance', ja: '金融・財政' },
  energy: { en: 'Energy', ja: 'エネルギー' },
  mining: { en: 'Mining', ja: '鉱業' },
  infrastructure: { en: 'Infrastructure', ja: 'インフラ' },
  aviation: { en: 'Aviation', ja: '航空' },
  tourism: { en: 'Tourism', ja: '観光' },
  agriculture_food: { en: 'Agriculture and food', ja: '農牧業・食料' },
  digital: { en: 'Digital', ja: 'デジタル' },
  education: { en: 'Education', ja: '教育' },
  culture: { en: 'Culture', ja: '文化' },
  science_technology: { en: 'Science and technology', ja: '科学技術' },
  people_exchange: { en: 'People-to-people exchange', ja: '人的交流' },
  labour: { en: 'Labour and skills', ja: '労働・人材' },
  social_welfare: { en: 'Social security and welfare', ja: '社会保障・福祉' },
  health: { en: 'Health', ja: '保健・医療' },
  climate: { en: 'Climate change', ja: '気候変動' },
  environment: { en: 'Environment', ja: '環境' },
  disaster_risk_reduction: { en: 'Disaster risk reduction', ja: '防災' },
  sport: { en: 'Sport', ja: 'スポーツ' },
};

export const propertyName = (key: string, lang: Lang): string =>
  (PROPERTY_NAMES as Record<string, Pair>)[key]?.[lang] ?? key;

/** A coded value in words; free text (names, numbers) is returned as it is. */
export const propertyValue = (key: string, value: unknown, lang: Lang): string =>
  PROPERTY_VALUES[key]?.[String(value)]?.[lang] ?? String(value);

/** A theme's name: from the table, or the data's own name if a theme is new. */
export function themeName(id: string, dataName: { name_ja: string; name_en: string }, lang: Lang) {
  const pair = THEME_NAMES[id.replace(/^theme\//, '')];
  return pair ? pair[lang] : lang === 'ja' ? dataName.name_ja : dataName.name_en;
}

/** A kind in the reader's language; events are not plan kinds but have a look and a word (EVENT_STYLE). */
export const kindName = (kind: string, lang: Lang): string =>
  isNodeKind(kind) ? KIND_STYLES[kind][lang] : kind === 'Event' ? EVENT_STYLE[lang] : kind;

/** A relationship type of either layer in the reader's language. */
export const relName = (type: string, lang: Lang): string => relStyleOf(type)?.[lang] ?? type;

/** A status badge with its date: "in force since 2025-01-22", "under negotiation (as of 2026-11-30)". */
export function datedStatus(
  value: string,
  dated: { since?: string; asOf?: string },
  lang: Lang,
): string {
  if (dated.since)
    return lang === 'ja' ? `${value}（${dated.since}〜）` : `${value} since ${dated.since}`;
  if (dated.asOf)
    return lang === 'ja' ? `${value}（${dated.asOf}時点）` : `${value} (as of ${dated.asOf})`;
  return value;
}
