import type cytoscape from 'cytoscape';
import { html, render, type TemplateResult } from 'lit-html';
import { datasetBasename } from '../../core/dataset';
import {
  EXPORT_FORMATS,
  type ExportFormatName,
  exportFilename,
} from '../../core/formats/export-formats';
import type { DataSource } from '../data/data-source';
import {
  briefPages,
  briefTitle,
  briefViewOf,
  splitNotice,
  stampOf,
  viewAsOf,
} from '../export/brief';
import type { Orientation, PaperName } from '../export/brief-model';
import { pageToSvg, stackedPagesSvg } from '../export/brief-svg';
import { printInBrowser } from '../export/browser-print';
import {
  download,
  exportDiagram,
  exportGraphOf,
  type PictureArrangement,
  pagePictures,
  type Scope,
  svgToPng,
} from '../export/diagram-export';
import {
  loadReview,
  type ReviewFormat,
  reviewCsv,
  reviewSheets,
} from '../export/implementation-export';
import { pptxOf } from '../export/pptx-on-demand';
import { recordDay, today } from '../model/clock';
import { largestPngScale } from '../model/compose-diagram';
import type { AppState } from '../model/state';
import type { KizunaEvent } from '../timeline/events-api';
import { openEmbedDialog } from './embed-dialog';
import { t } from './labels';

type DiagramFormat = 'svg' | 'png' | 'pdf' | 'pptx';
type ReviewChoice = `review-${ReviewFormat}`;
type Format = DiagramFormat | ExportFormatName | 'bundle' | ReviewChoice;
const REVIEWS: ReviewFormat[] = ['pdf', 'pptx', 'csv'];
const DIAGRAMS: DiagramFormat[] = ['svg', 'png', 'pdf', 'pptx'];
const FORMAT_NAMES: Record<DiagramFormat, string> = {
  svg: 'SVG',
  png: 'PNG',
  pdf: 'PDF',
  pptx: 'PowerPoint (.pptx)',
};

/** Downloads what the server writes at this address, as a link the user clicked would. */
function follow(href: string): void {
  const a = document.createElement('a');
  a.href = href;
  document.body.append(a);
  a.click();
  a.remove();
}

/** The title a briefing diagram gets unless the user writes one. */
export function defaultTitle(state: AppState): string {
  return briefTitle(briefViewOf(state), state.lang, viewAsOf(state, recordDay()));
}

/** The as-of a picture of the view carries in its footer: the underpins view's, else none. */
export const diagramAsOf = (state: AppState): string | null =>
  briefViewOf(state) === 'underpins' ? viewAsOf(state, recordDay()) : null;

/**
 * Export the picture (SVG, PNG at 1–4×, PDF on A4 or a 16:9 slide) or the data behind it
 * (GraphML, GEXF, Neo4j CSV, Cypher, Cytoscape JSON) for the view, the selection, or (data
 * only) the whole graph. A PNG too large for the browser's canvas is refused with the
 * largest scale that fits, and SVG offered instead.
 */
export function openExportDialog(
  cy: cytoscape.Core,
  state: AppState,
  data: DataSource,
  version: string,
): void {
  const lang = state.lang;
  const ja = lang === 'ja';
  const field = (label: string, control: TemplateResult) =>
    html`<label class="field">${`${label} `}${control}</label>`;
  const dialog = document.createElement('dialog');
  dialog.className = 'export-dialog';
  dialog.setAttribute('aria-labelledby', 'export-heading');
  // Events go into the data the server writes (the whole graph, the bundle); a view's data
  // is written here from what the canvas holds, which has no events.
  const showEventsChoice = () => {
    withEvents.disabled = !(format.value === 'bundle' || scope.value === 'whole');
  };
  const formatOrScope = () => {
    showSplit();
    showEventsChoice();
  };
  render(
    html`<form method="dialog"
      ><h2 id="export-heading">${ja ? 'エクスポート' : 'Export'}</h2
      >${field(
        ja ? '形式' : 'Format',
        html`<select id="export-format" @change=${formatOrScope}
          ><optgroup label=${ja ? '図' : 'Diagram'}>${DIAGRAMS.map(
            (f) => html`<option value=${f}>${FORMAT_NAMES[f]}</option>`,
          )}</optgroup
          ><optgroup label=${ja ? 'データ' : 'Data'}>${(
            Object.keys(EXPORT_FORMATS) as ExportFormatName[]
          ).map((f) => html`<option value=${f}>${f}</option>`)}<option value="bundle">${
            ja ? 'データセット一式（zip）' : 'Dataset bundle (zip)'
          }</option></optgroup
          ><optgroup label=${t(lang, 'reviewExport')}>${REVIEWS.map(
            (f) =>
              html`<option value=${`review-${f}`}>${`${t(lang, 'reviewTitle')}: ${
                f === 'csv' ? 'CSV' : FORMAT_NAMES[f]
              }`}</option>`,
          )}</optgroup
          ></select
        >`,
      )}${field(
        ja ? '範囲' : 'Scope',
        html`<select id="export-scope" @change=${formatOrScope}
          ><option value="view">${ja ? '表示中のビュー' : 'Current view'}</option
          ><option value="selection" ?disabled=${!state.selected}>${
            ja ? '選択ノードと隣接' : 'Selection and its neighbours'
          }</option
          ><option value="whole">${ja ? 'グラフ全体（データのみ）' : 'Whole graph (data only)'}</option></select
        >`,
      )}${field(
        ja ? '題' : 'Title',
        html`<input id="export-title" type="text" value=${defaultTitle(state)} size="48" />`,
      )}<fieldset
        ><legend>${ja ? '図に含める' : 'On the diagram'}</legend
        >${field(ja ? '凡例' : 'Legend', html`<input id="export-legend" type="checkbox" checked />`)}${field(
          ja ? '出典' : 'Source line',
          html`<input id="export-source" type="checkbox" checked />`,
        )}${field(ja ? '日付' : 'Export date', html`<input id="export-date" type="checkbox" checked />`)}${field(
          ja
            ? '出来事の年表（図の取組の出来事）'
            : 'Timeline (events of the diagram’s commitments)',
          // On by default when a period is chosen: the briefing is then about time.
          html`<input
            id="export-timeline"
            type="checkbox"
            ?checked=${Boolean(state.range)}
            data-test="export-timeline"
            @change=${showSplit}
          />`,
        )}</fieldset
      ><fieldset
        ><legend>${
          ja ? 'データ（グラフ全体・データセット一式）' : 'Data (whole graph, dataset bundle)'
        }</legend
        >${field(
          ja ? '日付のある出来事を含める' : 'Include dated events',
          html`<input id="export-events" type="checkbox" checked data-test="export-events" />`,
        )}</fieldset
      ><fieldset
        ><legend>PNG</legend
        >${field(
          ja ? '倍率' : 'Scale',
          html`<select id="export-scale">${[1, 2, 3, 4].map(
            (s) => html`<option value=${s} ?selected=${s === 2}>${s}×</option>`,
          )}</select>`,
        )}${field(
          ja ? '背景' : 'Background',
          html`<select id="export-background"
            ><option value="white">${ja ? '白' : 'White'}</option
            ><option value="transparent">${ja ? '透明' : 'Transparent'}</option></select
          >`,
        )}</fieldset
      ><fieldset
        ><legend>${
          ja ? 'ページ（SVG・PNG・PDF・PowerPoint）' : 'Pages (SVG, PNG, PDF, PowerPoint)'
        }</legend
        >${field(
          ja
            ? '概要資料一式（表紙・何が何を支えるか・柱ごと・取組一覧）'
            : 'Briefing deck (title page, what underpins what, each pillar, index of commitments)',
          html`<input id="export-deck" type="checkbox" data-test="export-deck" @change=${showSplit} />`,
        )}${field(
          ja ? '用紙' : 'Page',
          html`<select id="export-page" @change=${showSplit}
            ><option value="slide">${ja ? '16:9 スライド' : '16:9 slide'}</option
            ><option value="a4">A4</option
            ><option value="letter">Letter</option
            ><option value="screen">${
              ja
                ? '画面のまま（1枚の画像、SVG・PNGのみ）'
                : 'As on screen (one picture, SVG and PNG only)'
            }</option></select
          >`,
        )}${field(
          ja ? '向き' : 'Orientation',
          html`<select id="export-orientation" @change=${showSplit}
            ><option value="landscape">${ja ? '横' : 'Landscape'}</option
            ><option value="portrait">${ja ? '縦' : 'Portrait'}</option></select
          >`,
        )}${field(
          t(lang, 'picturesAs'),
          html`<select id="export-pictures" data-test="export-pictures"
            ><option value="pages">${t(lang, 'picturesSeparate')}</option
            ><option value="tall">${t(lang, 'picturesTall')}</option></select
          >`,
        )}<p class="export-split" role="note" data-test="export-split"></p></fieldset
      ><p class="export-message" role="status" data-test="export-message"></p
      ><div class="dialog-buttons"
        ><button type="submit" id="export-go" @click=${exportChosen}>${
          ja ? 'ダウンロード' : 'Download'
        }</button
        ><button type="button" data-test="export-embed" @click=${() => {
          dialog.close();
          openEmbedDialog(state, version, title.value || defaultTitle(state));
        }}>${t(lang, 'embedButton')}</button
        ><button type="button" value="cancel" @click=${() => dialog.close()}>${t(lang, 'close')}</button></div
      ></form
    >`,
    dialog,
  );
  const control = <E extends Element>(id: string) => dialog.querySelector<E>(`#${id}`)!;
  const format = control<HTMLSelectElement>('export-format');
  const scope = control<HTMLSelectElement>('export-scope');
  const title = control<HTMLInputElement>('export-title');
  const legend = control<HTMLInputElement>('export-legend');
  const source = control<HTMLInputElement>('export-source');
  const date = control<HTMLInputElement>('export-date');
  const timeline = control<HTMLInputElement>('export-timeline');
  const withEvents = control<HTMLInputElement>('export-events');
  const scale = control<HTMLSelectElement>('export-scale');
  const background = control<HTMLSelectElement>('export-background');
  const page = control<HTMLSelectElement>('export-page');
  const orientation = control<HTMLSelectElement>('export-orientation');
  const deck = control<HTMLInputElement>('export-deck');
  const pictures = control<HTMLSelectElement>('export-pictures');
  const go = control<HTMLButtonElement>('export-go');
  // Told before exporting: how many pages the view will take, and what each holds.
  const split = dialog.querySelector<HTMLElement>('.export-split')!;
  const message = dialog.querySelector<HTMLElement>('.export-message')!;
  let loadingEvents: Promise<KizunaEvent[]> | null = null;
  const stripEvents = () => {
    loadingEvents ??= data.events(false);
    return loadingEvents;
  };
  function showSplit(): void {
    const chosen = format.value as Format;
    const pictureOnly = page.value === 'screen';
    // Separate pages or one tall picture: a choice for SVG and PNG laid out on pages.
    pictures.disabled = !(chosen === 'svg' || chosen === 'png') || pictureOnly;
    split.textContent = '';
    if (!(DIAGRAMS as string[]).includes(chosen) || deck.checked || scope.value === 'whole') return;
    if (pictureOnly) return;
    // The strip's height does not depend on its events, so none are needed to count pages.
    const { pages } = briefPages(cy, state, {
      deck: false,
      paper: page.value as PaperName,
      orientation: orientation.value as Orientation,
      timeline: timeline.checked ? [] : null,
    });
    split.textContent =
      splitNotice(pages, lang) ??
      (ja ? 'このビューは1ページに収まります。' : 'This view fits on one page.');
  }
  showSplit();
  showEventsChoice();
  dialog.addEventListener('close', () => dialog.remove());
  /** A PDF printed by the server and downloaded, or, where there is none, the browser's print dialog. */
  async function deliverPdf(
    svgs: string[],
    docTitle: string,
    paper: PaperName,
    turn: Orientation,
    file: string,
  ): Promise<boolean> {
    if (!data.serverExports) {
      await printInBrowser(svgs, docTitle, paper, turn);
      return true;
    }
    download(await data.serverExports.printPdf(svgs, docTitle, paper, turn), file);
    return false;
  }
  async function exportChosen(e: Event): Promise<void> {
    e.preventDefault();
    message.textContent = '';
    const chosen = format.value as Format;
    const where = scope.value as Scope | 'whole';
    // A PDF the browser prints (a published copy) is not a download: the message says so.
    let printed = false;
    try {
      go.disabled = true;
      if (chosen.startsWith('review-')) {
        // Where each commitment stands on the view's as-of day, with the events it cites.
        const review = chosen.slice('review-'.length) as ReviewFormat;
        const source = await loadReview(cy, state, data);
        const file = datasetBasename('implementation-review', source.day, stampOf(cy).version);
        if (review === 'csv')
          download(new Blob([reviewCsv(source)], { type: 'text/csv' }), `${file}.csv`);
        else {
          const paper = page.value === 'screen' ? 'a4' : (page.value as PaperName);
          const turn = page.value === 'screen' ? 'portrait' : (orientation.value as Orientation);
          const pages = reviewSheets(cy, state, source, paper, turn);
          if (review === 'pdf')
            printed = await deliverPdf(
              pages.map(pageToSvg),
              source.title,
              paper,
              turn,
              `${file}.pdf`,
            );
          else
            download(
              new Blob([(await pptxOf(pages, source.title)).slice().buffer], {
                type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
              }),
              `${file}.pptx`,
            );
        }
      } else if ((DIAGRAMS as string[]).includes(chosen)) {
        if (where === 'whole')
          throw new Error(
            ja
              ? '図は表示中のビューか選択範囲から作ります。'
              : 'Diagrams are drawn from the current view or the selection.',
          );
        const strip = timeline.checked ? await stripEvents() : null;
        const diagram = () =>
          exportDiagram(cy, {
            scope: where,
            selected: state.selected,
            title: title.value,
            legend: legend.checked,
            source: source.checked,
            date: date.checked,
            asOf: diagramAsOf(state),
            lang,
            background: background.value as 'white' | 'transparent',
            timeline: strip ? { events: strip, range: state.range } : null,
          });
        const version = stampOf(cy).version;
        const name = datasetBasename(briefViewOf(state), today(), version);
        const onScreen = page.value === 'screen';
        if (onScreen && (chosen === 'pdf' || chosen === 'pptx'))
          throw new Error(
            ja
              ? 'PDFとPowerPointには用紙（16:9・A4・Letter）を選んでください。'
              : 'PDF and PowerPoint need a page: choose 16:9 slide, A4 or Letter.',
          );
        if (!onScreen && (chosen === 'svg' || chosen === 'png')) {
          // Laid out for the sheet like the PDF: one picture, a zip of one per page, or
          // the pages one under the other in one tall picture.
          const { pages } = briefPages(cy, state, {
            deck: deck.checked,
            paper: page.value as PaperName,
            orientation: orientation.value as Orientation,
            timeline: strip,
          });
          const arrangement = pictures.value as PictureArrangement;
          const wanted = Number(scale.value);
          if (chosen === 'png' && arrangement === 'tall' && pages.length > 1) {
            const tall = stackedPagesSvg(pages);
            if (largestPngScale(tall.width, tall.height) < wanted) {
              message.textContent = t(lang, 'picturesTooTall');
              return;
            }
          }
          const files = await pagePictures(
            pages,
            chosen,
            wanted,
            background.value as 'white' | 'transparent',
            deck.checked ? datasetBasename('briefing', today(), version) : name,
            arrangement,
          );
          download(files.blob, files.filename);
        } else if (chosen === 'svg')
          download(new Blob([diagram().svg], { type: 'image/svg+xml' }), `${name}.svg`);
        else if (chosen === 'png') {
          const picture = diagram();
          const wanted = Number(scale.value);
          const fits = largestPngScale(picture.width, picture.height);
          if (fits < wanted) {
            message.textContent = fits
              ? ja
                ? `${wanted}×ではブラウザのキャンバス上限を超えます。${fits}×以下を選ぶか、SVGをお使いください。`
                : `At ${wanted}× this view exceeds the browser's canvas limit. Choose ${fits}× or less, or export SVG.`
              : ja
                ? 'このビューはPNGには大きすぎます。SVGをお使いください。'
                : 'This view is too large for a PNG. Export SVG instead.';
            return;
          }
          download(
            await svgToPng(picture, wanted, background.value as 'white' | 'transparent'),
            `${name}@${wanted}x.png`,
          );
        } else if (chosen === 'pdf' || chosen === 'pptx') {
          const paper = page.value as PaperName;
          const turn = orientation.value as Orientation;
          const { title: docTitle, pages } = briefPages(cy, state, {
            deck: deck.checked,
            paper,
            orientation: turn,
            timeline: strip,
          });
          const file = deck.checked ? datasetBasename('briefing', today(), version) : name;
          if (chosen === 'pdf')
            printed = await deliverPdf(pages.map(pageToSvg), docTitle, paper, turn, `${file}.pdf`);
          else
            download(
              new Blob([(await pptxOf(pages, docTitle)).slice().buffer], {
                type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
              }),
              `${file}.pptx`,
            );
        }
      } else if (chosen === 'bundle') {
        // The whole dataset with its manifest, README and CITATION.cff: built by the server,
        // or the file a published copy holds.
        follow(data.bundleUrl(lang, withEvents.checked));
      } else {
        const spec = EXPORT_FORMATS[chosen as ExportFormatName];
        if (where === 'whole') {
          if (!data.serverExports) throw new Error(t(lang, 'wholeGraphNeedsServer'));
          follow(data.serverExports.wholeGraphUrl(chosen, lang, withEvents.checked));
        } else {
          const graph = exportGraphOf(cy, where, state.selected, title.value, lang);
          download(
            new Blob([spec.build(graph)], { type: spec.mediaType }),
            exportFilename(briefViewOf(state), today(), chosen as ExportFormatName),
          );
        }
      }
      message.textContent = printed
        ? t(lang, 'pdfPrintDialog')
        : ja
          ? 'ダウンロードしました。'
          : 'Downloaded.';
    } catch (error) {
      message.textContent = error instanceof Error ? error.message : String(error);
    } finally {
      go.disabled = false;
    }
  }
  document.body.append(dialog);
  dialog.showModal();
}
