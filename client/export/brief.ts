import type cytoscape from 'cytoscape';
import { citationFooter, type DatasetStamp, datasetStamp } from '../../core/dataset';
import { SOURCE_LINE } from '../../core/formats/export-graph';
import { today } from '../model/clock';
import { legendEntries } from '../model/legend-entries';
import { planFingerprintOf } from '../model/link-version';
import { KIND_STYLES } from '../model/palette';
import { type AppState, DEFAULT_FILTERS, type LayoutName } from '../model/state';
import { asOfDay, standingSections } from '../model/status-as-of';
import { computeVisible, type VEdge, type VNode } from '../model/visibility';
import { fill, t } from '../views/labels';
import { asOfText, planAndDay, planAndDayText, titleAsOf } from '../views/status-words';
import {
  type BriefGraph,
  type BriefNode,
  type BriefPage,
  type Orientation,
  type PageSetup,
  type PaperName,
  paperSize,
} from './brief-model';
import {
  type ContentsEntry,
  footerLines,
  indexPages,
  numberPages,
  pillarPages,
  titlePage,
  underpinsPages,
} from './brief-pages';
import { BRIEF_FONTS, type BriefLang } from './brief-text';
import { STRIP_HEIGHT, type StripEvent, timelineStripSvg } from './timeline-strip';

/**
 * Briefing documents from what the explorer shows: a view as pages laid out for a sheet,
 * or the whole deck (title page, what underpins what, one page per pillar, an index of
 * commitments), with the explorer's filters applied.
 */

const SOURCE_LINE_JA =
  '出典：日本とモンゴルの行動計画（2022年～2031年）、2022年11月29日共同声明付属文書';

/**
 * The line every page ends with: the dataset's citation footer (name, version, fingerprint,
 * source and its address, licence; core/dataset.ts) and the date the page was made. On a
 * narrow sheet it wraps to two lines (brief-pages.ts keeps room for two).
 */
export function footerLine(
  lang: BriefLang,
  date: string,
  stamp: DatasetStamp = datasetStamp(),
  asOf?: string,
): string {
  const dot = lang === 'ja' ? '　·　' : '  ·  ';
  return `${citationFooter(stamp, lang)}${dot}${date}${asOf ? `${dot}${asOf}` : ''}`;
}

/**
 * The stamp of the data the explorer drew: the fingerprint the database was seeded from
 * (the Plan node's seed_fingerprint, when the client has it), else the recorded release.
 */
export function stampOf(cy: cytoscape.Core): DatasetStamp {
  return datasetStamp(planFingerprintOf(cy.nodes('[kind = "Plan"]').map((n) => n.data())));
}

const PLAN_NAME = {
  en: 'Japan–Mongolia Action Plan 2022–2031',
  ja: '日本とモンゴルの行動計画（2022年～2031年）',
};

/** What a briefing draws: a layout of the diagram, or the "what underpins what" view. */
export type BriefView = LayoutName | 'underpins';

/** The view the explorer shows now, as a briefing names it. */
export function briefViewOf(state: Pick<AppState, 'tab' | 'layout'>): BriefView {
  return state.tab === 'underpins' ? 'underpins' : state.layout;
}

/** A view named in plain words, as a briefing title says it. */
export function viewName(layout: BriefView, lang: BriefLang): string {
  const names: Record<BriefView, { en: string; ja: string }> = {
    clusters: { en: 'The plan by pillar and area', ja: '柱・分野ごとの計画' },
    preset: { en: 'The whole plan', ja: '計画の全体' },
    fcose: { en: 'Who works with whom', ja: '関係のつながり' },
    hierarchy: { en: 'Pillars, areas and commitments', ja: '柱・分野・取組の構成' },
    concentric: { en: 'The most connected actors and instruments', ja: 'つながりの多い主体と手段' },
    underpins: { en: 'What underpins what', ja: '何が何を支えるか' },
  };
  return names[layout][lang];
}

/** A view's title; the underpins view's says the day its statuses are taken as of. */
export function briefTitle(layout: BriefView, lang: BriefLang, asOf?: string): string {
  const title = `${PLAN_NAME[lang]} — ${viewName(layout, lang)}`;
  return layout === 'underpins' && asOf ? titleAsOf(title, asOf, lang) : title;
}

/** The as-of of the explorer's view in words ("as of 2026-12-07"), for its titles and footers. */
export function viewAsOf(state: Pick<AppState, 'asOf' | 'lang'>, date: string): string {
  return asOfText(state.asOf, asOfDay(state.asOf, date), state.lang);
}

/**
 * The graph with each agreement the plan links to a commitment labelled with what the plan
 * said and its status as of the day (brief's underpins pages; status-words.ts words it).
 */
function withStatusAsOf(graph: BriefGraph, setup: PageSetup): BriefGraph {
  const asOf = setup.asOf;
  if (!asOf) return graph;
  const lines = new Map(
    standingSections(
      graph.edges,
      new Set(graph.nodes.map((n) => n.id)),
      asOf.propertiesOf,
      asOf.day,
    )
      .flatMap((s) => s.entries)
      .map((e) => [
        e.agreement,
        planAndDayText(planAndDay(e, asOf.day, asOf.today, setup.lang), setup.lang),
      ]),
  );
  return {
    ...graph,
    nodes: graph.nodes.map((n) =>
      lines.has(n.id) ? { ...n, label: `${n.label} — ${lines.get(n.id)}` } : n,
    ),
  };
}

/** Kinds whose label starts with the plan's own reference number (I.3.2 …). */
const REFERENCED = new Set(['Commitment', 'Area', 'Pillar']);

interface NodeData {
  id: string;
  kind: string;
  name_ja?: string;
  name_en?: string;
  ref?: string;
  pillar_ref?: string;
  area_ref?: string;
}

export function briefNode(d: NodeData, lang: BriefLang): BriefNode {
  const name = (lang === 'ja' ? d.name_ja : d.name_en) || d.name_en || d.id;
  const ref = typeof d.ref === 'string' ? d.ref : undefined;
  return {
    id: d.id,
    kind: d.kind,
    label: ref && REFERENCED.has(d.kind) ? `${ref} ${name}` : name,
    ref,
    pillar: d.kind === 'Pillar' ? ref : d.pillar_ref,
    area: d.kind === 'Area' ? ref : d.area_ref,
  };
}

/** The elements the explorer shows now (not hidden by filters, focus or layout). */
export function shownGraph(cy: cytoscape.Core, lang: BriefLang): BriefGraph {
  const shown = cy.elements().not('.gone');
  return {
    nodes: shown.nodes().map((n) => briefNode(n.data() as NodeData, lang)),
    edges: shown.edges().map((e) => ({
      source: String(e.data('source')),
      target: String(e.data('target')),
      type: String(e.data('type')),
    })),
  };
}

/**
 * Everything the filters let through, whatever the tab, layout, focus or hidden nodes: the
 * deck is the same from every tab (the underpins tab alone shows no pillars or areas, and
 * a deck made from it had lost the pillar pages its title page promised).
 */
export function filteredGraph(cy: cytoscape.Core, state: AppState): BriefGraph {
  const nodes = cy.nodes().map((n) => n.data() as VNode & NodeData);
  const edges = cy.edges().map((e) => e.data() as VEdge);
  const visible = computeVisible(
    { nodes, edges, expansions: {}, path: { nodes: [], edges: [] } },
    {
      ...state,
      tab: 'graph',
      layout: 'preset',
      focus: null,
      hidden: [],
      expanded: [],
      selected: null,
    },
  );
  return {
    nodes: nodes.filter((n) => visible.nodes.has(n.id)).map((n) => briefNode(n, state.lang)),
    edges: edges
      .filter((e) => visible.edges.has(e.id))
      .map((e) => ({ source: e.source, target: e.target, type: e.type })),
  };
}

/**
 * The footer for this sheet: citation, the day the pages were made and the day their facts
 * are as of. As of that same day, the as-of says both; where both need more than the
 * footer's two lines (Japanese on a portrait slide), the as-of alone, which the page cannot
 * do without (the file's name keeps the day it was made).
 */
function fittedFooter(
  paper: PaperName,
  orientation: Orientation,
  lang: BriefLang,
  date: string,
  stamp: DatasetStamp,
  asOf?: PageSetup['asOf'],
): string {
  if (!asOf) return footerLine(lang, date, stamp);
  const short = footerLine(lang, asOf.text, stamp);
  if (asOf.day === date) return short;
  const full = footerLine(lang, date, stamp, asOf.text);
  try {
    footerLines(full, paperSize(paper, orientation).width, lang);
    return full;
  } catch {
    return short;
  }
}

export function pageSetup(
  paper: PaperName,
  orientation: Orientation,
  lang: BriefLang,
  date: string,
  stamp: DatasetStamp = datasetStamp(),
  asOf?: PageSetup['asOf'],
): PageSetup {
  return {
    paper,
    orientation,
    lang,
    stamp,
    footer: fittedFooter(paper, orientation, lang, date, stamp, asOf),
    legendFor: (kinds, types) => legendEntries(kinds, types, lang),
    ...(asOf ? { asOf } : {}),
  };
}

function pillarsOf(graph: BriefGraph): BriefNode[] {
  return graph.nodes
    .filter((n) => n.kind === 'Pillar')
    .sort((a, b) => (a.ref ?? '').localeCompare(b.ref ?? '', 'en', { numeric: true }));
}

function pillarTitle(pillar: BriefNode, lang: BriefLang): string {
  const name =
    pillar.ref && pillar.label.startsWith(pillar.ref)
      ? pillar.label.slice(pillar.ref.length).trim()
      : pillar.label;
  return lang === 'ja' ? `柱${pillar.ref}：${name}` : `Pillar ${pillar.ref}: ${name}`;
}

/**
 * A view as pages for the sheet: the underpins view split by agreement; the others
 * shown pillar by pillar (their agreements, areas, agencies and programmes), since a
 * whole network does not stay readable at 9 pt on one sheet.
 */
export function viewPages(graph: BriefGraph, layout: BriefView, setup: PageSetup): BriefPage[] {
  const title = briefTitle(layout, setup.lang, setup.asOf?.text);
  if (layout === 'underpins') {
    return numberPages(underpinsPages(withStatusAsOf(graph, setup), setup, title));
  }
  const view = `${viewName(layout, setup.lang)} — `;
  return numberPages(
    pillarsOf(graph).flatMap((p) =>
      pillarPages(graph, setup, p, `${view}${pillarTitle(p, setup.lang)}`).map((page) => ({
        ...page,
        part: page.title.slice(view.length),
      })),
    ),
  );
}

/**
 * What the user is told before a view is exported over several pages, and what the export
 * command prints: "This view will be split onto 3 pages: …". Null for a single page.
 */
export function splitNotice(pages: BriefPage[], lang: BriefLang): string | null {
  if (pages.length < 2) return null;
  const parts = pages.map((p, i) => `${i + 1}. ${p.part ?? p.title}`);
  return lang === 'ja'
    ? `このビューは${pages.length}ページに分けて出力されます：${parts.join('、')}`
    : `This view will be split onto ${pages.length} pages: ${parts.join('; ')}.`;
}

export interface DeckInfo {
  date: string;
  /** The filters in words, when any narrow the plan. */
  filters: string | null;
}

/** "p. 4", "pp. 2–3" (ja: "4ページ", "2–3ページ"): the pages a part of the deck takes. */
export function pageRange(first: number, last: number, lang: BriefLang): string {
  const span = first === last ? `${first}` : `${first}–${last}`;
  if (lang === 'ja') return `${span}${t(lang, 'briefPage')}`;
  return `${t(lang, first === last ? 'briefPage' : 'briefPages')} ${span}`;
}

/**
 * The briefing deck: title page, what underpins what, one page per pillar, the index of
 * commitments, each part there when the filters leave it anything to show. The title
 * page's contents are made from the parts as laid out, with their pages, so it lists
 * exactly what follows; every page is numbered.
 */
export function deckPages(graph: BriefGraph, setup: PageSetup, info: DeckInfo): BriefPage[] {
  const ja = setup.lang === 'ja';
  const parts = [
    {
      name: viewName('underpins', setup.lang),
      pages: underpinsPages(
        withStatusAsOf(graph, setup),
        setup,
        briefTitle('underpins', setup.lang, setup.asOf?.text),
      ),
    },
    ...pillarsOf(graph).map((p) => {
      const name = pillarTitle(p, setup.lang);
      return { name, pages: pillarPages(graph, setup, p, name) };
    }),
    (() => {
      const name = ja ? '取組一覧' : 'Index of commitments';
      return { name, pages: indexPages(graph, setup, name) };
    })(),
  ].filter((part) => part.pages.length);
  let next = 2;
  const contents: ContentsEntry[] = parts.map((part) => {
    const first = next;
    next += part.pages.length;
    return { name: part.name, pages: pageRange(first, next - 1, setup.lang) };
  });
  const title = titlePage(setup, {
    heading: PLAN_NAME[setup.lang],
    rows: [
      `${ja ? '作成日' : 'Date'}: ${info.date}`,
      ...(setup.asOf ? [fill(t(setup.lang, 'asOfRow'), { asOf: setup.asOf.text })] : []),
      `Kizuna ${setup.stamp.version}`,
      ja ? SOURCE_LINE_JA : SOURCE_LINE,
      `${ja ? '引用' : 'Cite as'}: ${setup.stamp.citation}`,
      ...(info.filters ? [`${ja ? '絞り込み' : 'Filters'}: ${info.filters}`] : []),
    ],
    contents,
  });
  return numberPages([title, ...parts.flatMap((part) => part.pages)]);
}

export interface BriefRequest {
  /** The whole deck, or the current view's pages. */
  deck: boolean;
  paper: PaperName;
  orientation: Orientation;
  /** Events to draw as a timeline strip under each page's diagram; none without. */
  timeline?: StripEvent[] | null;
}

/** The commitments (refs) a briefing's graph holds: the ones its timeline strip counts events of. */
export const commitmentRefs = (graph: BriefGraph): Set<string> =>
  new Set(graph.nodes.filter((n) => n.kind === 'Commitment' && n.ref).map((n) => n.ref!));

/** The filters that narrow the plan, in words, or null when none do. */
export function filtersInWords(state: AppState): string | null {
  const ja = state.lang === 'ja';
  const f = state.filters;
  const parts: string[] = [];
  if (f.pillars.length < DEFAULT_FILTERS.pillars.length)
    parts.push(`${ja ? '柱' : 'pillars'} ${f.pillars.join(', ')}`);
  if (f.countries.length < DEFAULT_FILTERS.countries.length)
    parts.push(`${ja ? '国' : 'countries'} ${f.countries.join(', ')}`);
  if (f.themes.length)
    parts.push(
      `${ja ? 'テーマ' : 'themes'} ${f.themes.map((t) => t.replace(/^theme\//, '')).join(', ')}`,
    );
  const kinds = DEFAULT_FILTERS.kinds.filter((k) => !f.kinds.includes(k));
  if (kinds.length)
    parts.push(
      `${ja ? '非表示の種類' : 'kinds left out'} ${kinds.map((k) => KIND_STYLES[k][state.lang]).join(', ')}`,
    );
  return parts.length ? parts.join('; ') : null;
}

/** The pages a briefing request asks for, from what the explorer holds now. */
export function briefPages(
  cy: cytoscape.Core,
  state: AppState,
  request: BriefRequest,
): { title: string; pages: BriefPage[] } {
  const date = today();
  // Statuses as of a day are shown where the underpins view is: its own pages, and the deck.
  const asOf =
    request.deck || briefViewOf(state) === 'underpins'
      ? {
          text: viewAsOf(state, date),
          day: asOfDay(state.asOf, date),
          today: date,
          propertiesOf: (id: string) => {
            const node = cy.getElementById(id);
            return node.empty() ? undefined : (node.data() as Record<string, unknown>);
          },
        }
      : undefined;
  const setup = pageSetup(request.paper, request.orientation, state.lang, date, stampOf(cy), asOf);
  const graph = request.deck ? filteredGraph(cy, state) : shownGraph(cy, state.lang);
  const events = request.timeline;
  if (events) {
    const data = {
      events,
      refs: commitmentRefs(graph),
      range: state.range,
      today: date,
      lang: state.lang,
    };
    setup.strip = {
      height: STRIP_HEIGHT,
      draw: (box) => timelineStripSvg(data, box, BRIEF_FONTS[state.lang]),
    };
  }
  if (request.deck) {
    const deckTitle = `${PLAN_NAME[state.lang]} — ${state.lang === 'ja' ? '概要資料' : 'briefing'}`;
    return {
      title: asOf ? titleAsOf(deckTitle, asOf.text, state.lang) : deckTitle,
      pages: deckPages(graph, setup, { date, filters: filtersInWords(state) }),
    };
  }
  return {
    title: briefTitle(briefViewOf(state), state.lang, asOf?.text),
    pages: viewPages(graph, briefViewOf(state), setup),
  };
}
