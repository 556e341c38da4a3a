import type cytoscape from 'cytoscape';
import { datasetBasename } from '../../core/dataset';
import {
  EXPORT_FORMATS,
  type ExportFormatName,
  exportFilename,
} from '../../core/formats/export-formats';
import { briefPages, briefTitle, briefViewOf, splitNotice } from '../export/brief';
import type { Orientation, PaperName } from '../export/brief-model';
import { pageToSvg } from '../export/brief-svg';
import {
  download,
  exportDiagram,
  exportGraphOf,
  pagePictures,
  printPages,
  type Scope,
  svgToPng,
} from '../export/diagram-export';
import { pptxOf } from '../export/pptx-on-demand';
import { largestPngScale } from '../model/compose-diagram';
import type { AppState } from '../model/state';
import { eventsApi, type KizunaEvent } from '../timeline/events-api';
import { h } from './dom';
import { t } from './labels';

type DiagramFormat = 'svg' | 'png' | 'pdf' | 'pptx';
type Format = DiagramFormat | ExportFormatName | 'bundle';
const DIAGRAMS: DiagramFormat[] = ['svg', 'png', 'pdf', 'pptx'];
const FORMAT_NAMES: Record<DiagramFormat, string> = {
  svg: 'SVG',
  png: 'PNG',
  pdf: 'PDF',
  pptx: 'PowerPoint (.pptx)',
};

const today = () => new Date().toISOString().slice(0, 10);

/** The title a briefing diagram gets unless the user writes one. */
export function defaultTitle(state: AppState): string {
  return briefTitle(briefViewOf(state), state.lang);
}

/**
 * Export the picture (SVG, PNG at 1–4×, PDF on A4 or a 16:9 slide) or the data behind it
 * (GraphML, GEXF, Neo4j CSV, Cypher, Cytoscape JSON) for the view, the selection, or (data
 * only) the whole graph. A PNG too large for the browser's canvas is refused with the
 * largest scale that fits, and SVG offered instead.
 */
export function openExportDialog(cy: cytoscape.Core, state: AppState): void {
  const lang = state.lang;
  const ja = lang === 'ja';
  const message = h('p', {
    className: 'export-message',
    role: 'status',
    'data-test': 'export-message',
  });
  const field = (label: string, control: HTMLElement) =>
    h('label', { className: 'field' }, `${label} `, control);
  const format = h(
    'select',
    { id: 'export-format' },
    h(
      'optgroup',
      { label: ja ? '図' : 'Diagram' },
      ...DIAGRAMS.map((f) => h('option', { value: f }, FORMAT_NAMES[f])),
    ),
    h(
      'optgroup',
      { label: ja ? 'データ' : 'Data' },
      ...(Object.keys(EXPORT_FORMATS) as ExportFormatName[]).map((f) =>
        h('option', { value: f }, f),
      ),
      h('option', { value: 'bundle' }, ja ? 'データセット一式（zip）' : 'Dataset bundle (zip)'),
    ),
  );
  const scope = h(
    'select',
    { id: 'export-scope' },
    h('option', { value: 'view' }, ja ? '表示中のビュー' : 'Current view'),
    h(
      'option',
      { value: 'selection', disabled: !state.selected },
      ja ? '選択ノードと隣接' : 'Selection and its neighbours',
    ),
    h('option', { value: 'whole' }, ja ? 'グラフ全体（データのみ）' : 'Whole graph (data only)'),
  );
  const title = h('input', {
    id: 'export-title',
    type: 'text',
    value: defaultTitle(state),
    size: 48,
  });
  const legend = h('input', { id: 'export-legend', type: 'checkbox', checked: true });
  const source = h('input', { id: 'export-source', type: 'checkbox', checked: true });
  const date = h('input', { id: 'export-date', type: 'checkbox', checked: true });
  // On by default when a period is chosen: the briefing is then about time.
  const timeline = h('input', {
    id: 'export-timeline',
    type: 'checkbox',
    checked: Boolean(state.range),
    'data-test': 'export-timeline',
  });
  const withEvents = h('input', {
    id: 'export-events',
    type: 'checkbox',
    checked: true,
    'data-test': 'export-events',
  });
  let loadingEvents: Promise<KizunaEvent[]> | null = null;
  const stripEvents = () => {
    loadingEvents ??= eventsApi.list(false);
    return loadingEvents;
  };
  const scale = h(
    'select',
    { id: 'export-scale' },
    ...[1, 2, 3, 4].map((s) => h('option', { value: s, selected: s === 2 }, `${s}×`)),
  );
  const background = h(
    'select',
    { id: 'export-background' },
    h('option', { value: 'white' }, ja ? '白' : 'White'),
    h('option', { value: 'transparent' }, ja ? '透明' : 'Transparent'),
  );
  const page = h(
    'select',
    { id: 'export-page' },
    h('option', { value: 'slide' }, ja ? '16:9 スライド' : '16:9 slide'),
    h('option', { value: 'a4' }, 'A4'),
    h('option', { value: 'letter' }, 'Letter'),
    h(
      'option',
      { value: 'screen' },
      ja ? '画面のまま（1枚の画像、SVG・PNGのみ）' : 'As on screen (one picture, SVG and PNG only)',
    ),
  );
  const orientation = h(
    'select',
    { id: 'export-orientation' },
    h('option', { value: 'landscape' }, ja ? '横' : 'Landscape'),
    h('option', { value: 'portrait' }, ja ? '縦' : 'Portrait'),
  );
  const deck = h('input', { id: 'export-deck', type: 'checkbox', 'data-test': 'export-deck' });
  // Told before exporting: how many pages the view will take, and what each holds.
  const split = h('p', { className: 'export-split', role: 'note', 'data-test': 'export-split' });
  const showSplit = () => {
    const chosen = format.value as Format;
    const pictureOnly = page.value === 'screen';
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
  };
  const go = h('button', { type: 'submit', id: 'export-go' }, ja ? 'ダウンロード' : 'Download');
  const close = h('button', { type: 'button', value: 'cancel' }, t(lang, 'close'));

  const dialog = h(
    'dialog',
    { className: 'export-dialog', 'aria-labelledby': 'export-heading' },
    h(
      'form',
      { method: 'dialog' },
      h('h2', { id: 'export-heading' }, ja ? 'エクスポート' : 'Export'),
      field(ja ? '形式' : 'Format', format),
      field(ja ? '範囲' : 'Scope', scope),
      field(ja ? '題' : 'Title', title),
      h(
        'fieldset',
        {},
        h('legend', {}, ja ? '図に含める' : 'On the diagram'),
        field(ja ? '凡例' : 'Legend', legend),
        field(ja ? '出典' : 'Source line', source),
        field(ja ? '日付' : 'Export date', date),
        field(
          ja
            ? '出来事の年表（図の取組の出来事）'
            : 'Timeline (events of the diagram’s commitments)',
          timeline,
        ),
      ),
      h(
        'fieldset',
        {},
        h(
          'legend',
          {},
          ja ? 'データ（グラフ全体・データセット一式）' : 'Data (whole graph, dataset bundle)',
        ),
        field(ja ? '日付のある出来事を含める' : 'Include dated events', withEvents),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, 'PNG'),
        field(ja ? '倍率' : 'Scale', scale),
        field(ja ? '背景' : 'Background', background),
      ),
      h(
        'fieldset',
        {},
        h(
          'legend',
          {},
          ja ? 'ページ（SVG・PNG・PDF・PowerPoint）' : 'Pages (SVG, PNG, PDF, PowerPoint)',
        ),
        field(
          ja
            ? '概要資料一式（表紙・何が何を支えるか・柱ごと・取組一覧）'
            : 'Briefing deck (title page, what underpins what, each pillar, index of commitments)',
          deck,
        ),
        field(ja ? '用紙' : 'Page', page),
        field(ja ? '向き' : 'Orientation', orientation),
        split,
      ),
      message,
      h('div', { className: 'dialog-buttons' }, go, close),
    ),
  );
  // Events go into the data the server writes (the whole graph, the bundle); a view's data
  // is written here from what the canvas holds, which has no events.
  const showEventsChoice = () => {
    withEvents.disabled = !(format.value === 'bundle' || scope.value === 'whole');
  };
  for (const control of [format, scope, page, orientation, deck, timeline])
    control.addEventListener('change', showSplit);
  for (const control of [format, scope]) control.addEventListener('change', showEventsChoice);
  showSplit();
  showEventsChoice();
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  const eventsParam = () => (withEvents.checked ? '' : '&events=false');
  go.addEventListener('click', async (e) => {
    e.preventDefault();
    message.textContent = '';
    const chosen = format.value as Format;
    const where = scope.value as Scope | 'whole';
    try {
      go.disabled = true;
      if ((DIAGRAMS as string[]).includes(chosen)) {
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
            lang,
            background: background.value as 'white' | 'transparent',
            timeline: strip ? { events: strip, range: state.range } : null,
          });
        const name = datasetBasename(briefViewOf(state), today());
        const onScreen = page.value === 'screen';
        if (onScreen && (chosen === 'pdf' || chosen === 'pptx'))
          throw new Error(
            ja
              ? 'PDFとPowerPointには用紙（16:9・A4・Letter）を選んでください。'
              : 'PDF and PowerPoint need a page: choose 16:9 slide, A4 or Letter.',
          );
        if (!onScreen && (chosen === 'svg' || chosen === 'png')) {
          // Laid out for the sheet like the PDF: one picture, or a zip of one per page.
          const { pages } = briefPages(cy, state, {
            deck: deck.checked,
            paper: page.value as PaperName,
            orientation: orientation.value as Orientation,
            timeline: strip,
          });
          const pictures = await pagePictures(
            pages,
            chosen,
            Number(scale.value),
            background.value as 'white' | 'transparent',
            deck.checked ? datasetBasename('briefing', today()) : name,
          );
          download(pictures.blob, pictures.filename);
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
          const file = deck.checked ? datasetBasename('briefing', today()) : name;
          if (chosen === 'pdf')
            download(await printPages(pages.map(pageToSvg), docTitle, paper, turn), `${file}.pdf`);
          else
            download(
              new Blob([(await pptxOf(pages, docTitle)).slice().buffer], {
                type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
              }),
              `${file}.pptx`,
            );
        }
      } else if (chosen === 'bundle') {
        // The whole dataset with its manifest, README and CITATION.cff, built on the server.
        const a = h('a', { href: `/api/export/bundle?lang=${lang}${eventsParam()}` });
        document.body.append(a);
        a.click();
        a.remove();
      } else {
        const spec = EXPORT_FORMATS[chosen as ExportFormatName];
        if (where === 'whole') {
          const a = h('a', { href: `/api/export?format=${chosen}&lang=${lang}${eventsParam()}` });
          document.body.append(a);
          a.click();
          a.remove();
        } else {
          const graph = exportGraphOf(cy, where, state.selected, title.value, lang);
          download(
            new Blob([spec.build(graph)], { type: spec.mediaType }),
            exportFilename(briefViewOf(state), today(), chosen as ExportFormatName),
          );
        }
      }
      message.textContent = ja ? 'ダウンロードしました。' : 'Downloaded.';
    } catch (error) {
      message.textContent = error instanceof Error ? error.message : String(error);
    } finally {
      go.disabled = false;
    }
  });
  document.body.append(dialog);
  dialog.showModal();
}
