import type cytoscape from 'cytoscape';
import { implementationCsv } from '../../core/formats/implementation-csv';
import type { DataSource } from '../data/data-source';
import { recordDay, today } from '../model/clock';
import type { AppState } from '../model/state';
import { asOfDay } from '../model/status-as-of';
import { pageSetup, stampOf, viewAsOf } from './brief';
import type { BriefPage, Orientation, PaperName } from './brief-model';
import { pageToSvg } from './brief-svg';
import { base64 } from './diagram-export';
import { reviewPages, reviewRows, reviewTitle } from './implementation-review';
import { pptxOf } from './pptx-on-demand';

/**
 * The implementation review from what the server records: where each commitment stands on
 * the explorer's as-of day, the events the assessments cite (both from the data source), and the commitments' and pillars' names from the graph on the canvas.
 */

export type ReviewFormat = 'pdf' | 'pptx' | 'csv';

export interface ReviewSource {
  title: string;
  /** The day the statuses are taken as of. */
  day: string;
  rows: ReturnType<typeof reviewRows>;
  pillarNames: Map<string, string>;
  asOfText: string;
  scaleSource: string;
}

/** Names by ref of the nodes of one kind on the canvas, in the state's language. */
function namesOf(cy: cytoscape.Core, kind: string, lang: AppState['lang']): Map<string, string> {
  const names = new Map<string, string>();
  cy.nodes().forEach((n) => {
    if (n.data('kind') !== kind || typeof n.data('ref') !== 'string') return;
    const name = (lang === 'ja' ? n.data('name_ja') : n.data('name_en')) || n.data('name_en');
    if (typeof name === 'string') names.set(n.data('ref') as string, name);
  });
  return names;
}

export async function loadReview(
  cy: cytoscape.Core,
  state: AppState,
  data: DataSource,
): Promise<ReviewSource> {
  const date = recordDay();
  const day = asOfDay(state.asOf, date);
  const [standing, events] = await Promise.all([data.standings(day), data.events(false)]);
  const commitments = namesOf(cy, 'Commitment', state.lang);
  const asOfText = viewAsOf(state, date);
  return {
    title: reviewTitle(asOfText, state.lang),
    day,
    rows: reviewRows(standing.commitments, events, (ref) => commitments.get(ref), state.lang),
    pillarNames: namesOf(cy, 'Pillar', state.lang),
    asOfText,
    scaleSource: standing.scale_source,
  };
}

/** The review's pages for the sheet, with the dataset's footer and the as-of day in it. */
export function reviewSheets(
  cy: cytoscape.Core,
  state: AppState,
  source: ReviewSource,
  paper: PaperName,
  orientation: Orientation,
): BriefPage[] {
  const date = today();
  const setup = pageSetup(paper, orientation, state.lang, date, stampOf(cy), {
    text: source.asOfText,
    day: source.day,
    today: recordDay(),
    propertiesOf: () => undefined,
  });
  return reviewPages(source, setup);
}

export const reviewCsv = (source: ReviewSource): string => implementationCsv(source.rows);

export interface ReviewRequest {
  format: ReviewFormat;
  paper: PaperName;
  orientation: Orientation;
}

/** What a script or test gets: the review's pages as SVG (for the PDF printer), the .pptx or the CSV. */
export interface ReviewOutput {
  title: string;
  svgs: string[];
  /** The .pptx file, base64, for format pptx. */
  pptx?: string;
  /** The CSV text, for format csv (and no pages). */
  csv?: string;
}

export async function reviewOutput(
  cy: cytoscape.Core,
  state: AppState,
  data: DataSource,
  request: ReviewRequest,
): Promise<ReviewOutput> {
  const source = await loadReview(cy, state, data);
  if (request.format === 'csv') return { title: source.title, svgs: [], csv: reviewCsv(source) };
  const pages = reviewSheets(cy, state, source, request.paper, request.orientation);
  return {
    title: source.title,
    svgs: pages.map(pageToSvg),
    ...(request.format === 'pptx' ? { pptx: base64(await pptxOf(pages, source.title)) } : {}),
  };
}
