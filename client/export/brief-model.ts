import type { DatasetStamp } from '../../core/dataset';
import type { LegendEntry } from '../model/compose-diagram';
import type { BriefLang } from './brief-text';

/**
 * What a briefing page is made of, in points (1 SVG unit = 1 pt on paper): the sheet, the
 * graph it is drawn from, and the boxes, links and texts laid out on it. brief-pages.ts lays
 * them out; brief-svg.ts and brief-pptx.ts draw them.
 */

export { type Orientation, type PaperName, paperSize } from '../../core/model/paper';

import type { Orientation, PaperName } from '../../core/model/paper';

export interface BriefNode {
  id: string;
  kind: string;
  /** The label as shown, in the page's language; a commitment's starts with its ref. */
  label: string;
  ref?: string;
  pillar?: string;
  area?: string;
}

export interface BriefEdge {
  source: string;
  target: string;
  type: string;
}

export interface BriefGraph {
  nodes: BriefNode[];
  edges: BriefEdge[];
}

export interface BriefBox {
  id: string;
  kind: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The whole label (PowerPoint wraps it again in the shape); lines, as wrapped here. */
  label: string;
  lines: string[];
  fontSize: number;
}

export interface BriefLink {
  from: string;
  to: string;
  type: string;
}

export interface BriefText {
  x: number;
  y: number;
  lines: string[];
  fontSize: number;
  bold?: boolean;
  colour?: string;
  width: number;
  /** Set against the right edge of its width (a page number), not its left. */
  align?: 'end';
}

/** A thin horizontal line across a table (the implementation review's rows). */
export interface BriefRule {
  x: number;
  y: number;
  width: number;
}

export interface BriefPage {
  width: number;
  height: number;
  title: string;
  boxes: BriefBox[];
  links: BriefLink[];
  texts: BriefText[];
  /** Lines between a table's rows, drawn under the texts; most pages have none. */
  rules?: BriefRule[];
  legend: LegendEntry[];
  footer: string;
  lang: BriefLang;
  /** What this page of a split view holds, in a few words (for "split onto N pages: …"). */
  part?: string;
  /** The timeline strip above the footer (SVG), and the height it takes with its gap. */
  strip?: { svg: string; space: number };
}

export interface PageSetup {
  paper: PaperName;
  orientation: Orientation;
  lang: BriefLang;
  /** The dataset the pages are drawn from (version, fingerprint, citation). */
  stamp: DatasetStamp;
  /** The line every page ends with: the dataset's citation footer and the date (see footerLine). */
  footer: string;
  /** Legend entries for the kinds and relationship types a page shows. */
  legendFor: (kinds: Set<string>, types: Set<string>) => LegendEntry[];
  /** A timeline strip for every page but the title page: its height, and how to draw it. */
  strip?: { height: number; draw: (box: { x: number; y: number; width: number }) => string };
  /**
   * The day statuses are taken as of, where pages show them (the underpins view, the deck):
   * in words for titles and footers, the day itself, the reader's today, and where an
   * agreement's properties (status, dates) are read.
   */
  asOf?: {
    text: string;
    day: string;
    today: string;
    propertiesOf: (id: string) => Record<string, unknown> | undefined;
  };
}
