import { DATASET_ID } from '../../core/dataset';
import { ARRAY_DELIMITER } from '../../core/formats/neo4j-csv';
import {
  DATA_DIR,
  type PublishedManifest,
  SITE_FILES,
  SOURCE_META,
} from '../../core/published/site-files';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * A line shown only when the app never starts: from a file:// folder Chromium refuses
 * module scripts, so the page would stay blank. CSS alone shows it (no script runs there):
 * after a few seconds while the body is still "loading"; the app's own states hide it.
 */
const NOT_STARTED = `
    <style>
      .published-fallback { display: none; }
      body[data-state='loading'] .published-fallback {
        display: block; position: fixed; inset: auto 1rem 1rem 1rem; z-index: 10; margin: 0;
        padding: 0.75rem 1rem; font: 14px/1.5 system-ui, sans-serif; background: #fff8e1;
        border: 1px solid #b58900; border-radius: 4px; visibility: hidden;
        animation: published-fallback-show 0s 6s forwards;
      }
      @keyframes published-fallback-show { to { visibility: visible; } }
    </style>
    <p class="published-fallback" data-test="published-fallback">
      <span lang="en">Kizuna has not started. If you opened this page from a folder on disk (file://), open the folder through a web server instead, e.g. <code>python3 -m http.server</code> in it, then http://localhost:8000/.</span>
      <span lang="ja">Kizuna が起動しません。フォルダーから直接（file://）開いた場合は、ウェブサーバー経由で開いてください（例: そのフォルダーで <code>python3 -m http.server</code> を実行し、http://localhost:8000/ を開く）。</span>
    </p>
    <script>
      // A classic inline script runs even from file://: the line in one language, the app's
      // (client/app/language.ts: the one chosen before, else the browser's).
      (() => {
        const stored = localStorage.getItem('kizuna.lang');
        const lang = stored === 'en' || stored === 'ja' ? stored : /^ja\b/i.test(navigator.language) ? 'ja' : 'en';
        for (const span of document.querySelectorAll('.published-fallback > span'))
          span.hidden = span.lang !== lang;
      })();
    </script>`;

/**
 * The built index.html made into the published one: the meta tag by which the client
 * chooses its published data source at start, and the line for when it never starts.
 */
export function publishedIndex(builtIndex: string): string {
  if (!builtIndex.includes('</head>') || !builtIndex.includes('</body>'))
    throw new Error('The built index.html has no </head> or </body>: is it a vite build?');
  return builtIndex
    .replace('</head>', `  <meta name="${SOURCE_META}" content="${DATA_DIR}" />\n  </head>`)
    .replace('</body>', `${NOT_STARTED}\n  </body>`);
}

/**
 * What stands where the Cypher workbench would: the workbench needs a live Neo4j, so the
 * page says where the dataset is and how to load it into one (the commands the bundle's
 * own README gives, core/formats/dataset-bundle.ts). One language at a time, as the app.
 */
export function workbenchStandIn(manifest: PublishedManifest): string {
  const folder = `${DATASET_ID}-v${escapeHtml(manifest.datasetVersion)}`;
  const bundle = SITE_FILES.bundle;
  const importCommand = `neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv --array-delimiter="${ARRAY_DELIMITER}" --multiline-fields=true neo4j`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>Kizuna — the dataset in your own Neo4j</title>
    <style>
      body { font: 16px/1.6 system-ui, sans-serif; margin: 0 auto; padding: 1rem; max-width: 46rem; color: #1a1a1a; }
      pre { background: #f4f4f4; padding: 0.5rem 0.75rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; font-size: 13px; }
      code { font-size: 0.9em; }
      nav { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
      button { font: inherit; font-size: 14px; }
      [hidden] { display: none !important; }
    </style>
  </head>
  <body>
    <nav>
      <a href="./index.html" data-lang="en">← Back to the explorer</a>
      <a href="./index.html" data-lang="ja" lang="ja" hidden>← エクスプローラーに戻る</a>
      <button type="button" id="switch-lang" data-test="switch-lang">日本語</button>
    </nav>
    <main data-lang="en">
      <h1>The Cypher workbench is not part of this copy</h1>
      <p>This is a published, read-only Kizuna (dataset ${escapeHtml(manifest.datasetVersion)}, published ${escapeHtml(manifest.publishedAt.slice(0, 10))}): it runs in your browser from static files, without a database. To query the graph in Cypher, load the dataset into a Neo4j 5 of your own.</p>
      <ol>
        <li>Download the dataset bundle: <a href="./${bundle}" download>${bundle.split('/').pop()}</a> (a zip with the folder <code>${folder}/</code>).</li>
        <li>Either run its Cypher script in an empty database (it creates the constraints, the full-text indexes, the nodes and the relationships):
          <pre>cypher-shell -a bolt://localhost:7687 -u neo4j -p PASSWORD -f ${folder}/kizuna.cypher</pre></li>
        <li>Or, for a new database, import its CSVs with the database stopped, then run the constraint and index statements at the top of <code>kizuna.cypher</code>:
          <pre>${escapeHtml(importCommand)}</pre></li>
      </ol>
      <p>The bundle's <code>README.md</code> lists its other files (typed tables, JSON, JSON-LD, <code>CITATION.cff</code>) and <code>manifest.json</code> their checksums.</p>
    </main>
    <main data-lang="ja" lang="ja" hidden>
      <h1>この版には Cypher ワークベンチがありません</h1>
      <p>これは公開用の読み取り専用の Kizuna（データセット ${escapeHtml(manifest.datasetVersion)}、${escapeHtml(manifest.publishedAt.slice(0, 10))} 公開）で、データベースなしに静的ファイルだけでブラウザー上で動きます。Cypher でグラフを照会するには、データセットをご自身の Neo4j 5 に読み込んでください。</p>
      <ol>
        <li>データセット一式をダウンロード: <a href="./${bundle}" download>${bundle.split('/').pop()}</a>（フォルダー <code>${folder}/</code> を含む zip）。</li>
        <li>空のデータベースで Cypher スクリプトを実行する（制約、全文索引、ノード、関係を作成）:
          <pre>cypher-shell -a bolt://localhost:7687 -u neo4j -p PASSWORD -f ${folder}/kizuna.cypher</pre></li>
        <li>または新しいデータベースに CSV を取り込む（データベース停止中に実行し、その後 <code>kizuna.cypher</code> 冒頭の制約・索引の文を実行）:
          <pre>${escapeHtml(importCommand)}</pre></li>
      </ol>
      <p>一式の <code>README.md</code> にほかのファイル（型付き表、JSON、JSON-LD、<code>CITATION.cff</code>）、<code>manifest.json</code> にチェックサムがあります。</p>
    </main>
    <script>
      // The explorer's language (client/app/language.ts keeps it under this key), switchable here.
      const KEY = 'kizuna.lang';
      const show = (lang) => {
        for (const el of document.querySelectorAll('[data-lang]')) el.hidden = el.dataset.lang !== lang;
        document.documentElement.lang = lang;
        document.getElementById('switch-lang').textContent = lang === 'ja' ? 'English' : '日本語';
      };
      let lang = localStorage.getItem(KEY) ?? (/^ja\\b/i.test(navigator.language) ? 'ja' : 'en');
      show(lang);
      document.getElementById('switch-lang').addEventListener('click', () => {
        lang = lang === 'ja' ? 'en' : 'ja';
        localStorage.setItem(KEY, lang);
        show(lang);
      });
    </script>
  </body>
</html>
`;
}

/** README.txt at the site's root: what the folder is and how to serve it. */
export function siteReadme(manifest: PublishedManifest): string {
  return `Kizuna, published: a read-only copy of the explorer of the Japan–Mongolia Action Plan (2022–2031)
Dataset ${DATASET_ID} ${manifest.datasetVersion}, published ${manifest.publishedAt}
(${manifest.counts.nodes} nodes, ${manifest.counts.relationships} relationships, ${manifest.counts.events} events).

Put this folder on any static web host (GitHub Pages, GitLab Pages, Netlify, S3, nginx,
Apache ...), at its root or in any subfolder: every link in it is relative. Nothing runs on
the server: no Node, Java or Neo4j.

To look at it on your own machine, serve the folder, e.g.
  cd this-folder && python3 -m http.server 8000     then open http://localhost:8000/
Opening index.html straight from disk (file://) does not work in Chromium, Chrome or Edge:
they refuse module scripts from file:// pages (a line on the page then says to serve the
folder). Other browsers were not tried; serve the folder.

${SITE_FILES.bundle} is the dataset itself; workbench.html says how to load it into Neo4j.
The data files are under ${DATA_DIR}/ (${SITE_FILES.manifest} says which version they hold).
`;
}
