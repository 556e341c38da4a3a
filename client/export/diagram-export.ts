import type cytoscape from 'cytoscape';
import { zipSync } from 'fflate';
import { citationFooter } from '../../core/dataset';
import type {
  ExportEdge,
  ExportGraph,
  ExportNode,
  Properties,
} from '../../core/formats/export-graph';
import { SOURCE_LINE } from '../../core/formats/export-graph';
import { recordDay, today } from '../model/clock';
import { composeDiagram, type LegendEntry } from '../model/compose-diagram';
import { legendEntries } from '../model/legend-entries';
import { isNodeKind, relStyleOf } from '../model/palette';
import type { AppState, Lang } from '../model/state';
import { type BriefRequest, briefPages, splitNotice, stampOf } from './brief';
import type { BriefPage } from './brief-model';
import { pageToSvg, stackedPagesSvg } from './brief-svg';
import { pptxOf } from './pptx-on-demand';
import type { StripEvent } from './timeline-strip';

export type Scope = 'view' | 'selection';

export interface DiagramRequest {
  scope: Scope;
  title: string;
  legend: boolean;
  source: boolean;
  date: boolean;
  /** The day the view's statuses are taken as of, in words, for the footer (the underpins view). */
  asOf?: string | null;
  lang: Lang;
  /** The selected node, for scope 'selection': it and its shown neighbours. */
  selected: string | null;
  background: 'white' | 'transparent';
  /** Events to draw as a timeline strip under the diagram (those of its commitments), with the chosen period. */
  timeline?: { events: StripEvent[]; range: AppState['range'] } | null;
}

export interface Diagram {
  svg: string;
  width: number;
  height: number;
}

/** What a diagram or data export covers: the shown elements, or the selection and its shown neighbours. */
function scopeElements(
  cy: cytoscape.Core,
  scope: Scope,
  selected: string | null,
): cytoscape.CollectionReturnValue {
  const shown = cy.elements().not('.gone');
  if (scope === 'selection' && selected) {
    const node = cy.getElementById(selected);
    if (node.nonempty()) return node.closedNeighborhood().intersection(shown);
  }
  return shown;
}

/** The legend of what these elements draw: the exported picture's, and the embed's beside the diagram. */
export function legendFor(elements: cytoscape.CollectionReturnValue, lang: Lang): LegendEntry[] {
  const kinds = new Set(elements.nodes().map((n) => String(n.data('kind'))));
  const types = new Set(elements.edges().map((e) => String(e.data('type'))));
  return legendEntries(kinds, types, lang);
}

/**
 * The drawing as it is on screen (same layout, styles and labels), whole rather than
 * clipped to the viewport, composed with title, legend, source line and date. Elements
 * outside the scope are hidden for the moment of drawing and shown again after.
 */
export function exportDiagram(cy: cytoscape.Core, request: DiagramRequest): Diagram {
  // Drawing is held while a layout is computed (canvas.ts): styles must be current to draw.
  while ((cy as unknown as { batching(): boolean }).batching()) cy.endBatch();
  const inScope = scopeElements(cy, request.scope, request.selected);
  const outOfScope = cy.elements().not('.gone').difference(inScope);
  outOfScope.addClass('gone');
  // Labels hidden below a zoom threshold on screen must show in a briefing at any size;
  // the stylesheet is put back as it was after (an appended rule would outlive the export).
  const stylesheet = (cy.style() as unknown as { json(): cytoscape.StylesheetJson }).json();
  cy.style().selector('node.lod-hide').style('label', 'data(label)').update();
  try {
    const svg = cy.svg({
      full: true,
      scale: 1,
      bg: request.background === 'white' ? '#ffffff' : 'transparent',
    });
    const width = Number(/<svg[^>]*\swidth="([\d.]+)/.exec(svg)?.[1] ?? 800);
    const height = Number(/<svg[^>]*\sheight="([\d.]+)/.exec(svg)?.[1] ?? 600);
    return composeDiagram(
      { svg, width, height },
      {
        title: request.title,
        legend: request.legend ? legendFor(inScope, request.lang) : null,
        source: request.source ? citationFooter(stampOf(cy), request.lang) : null,
        date:
          [request.date ? today() : null, request.asOf ?? null].filter(Boolean).join('  ·  ') ||
          null,
        lang: request.lang,
        timeline: request.timeline
          ? {
              events: request.timeline.events,
              refs: new Set(
                inScope
                  .nodes('[kind = "Commitment"]')
                  .map((n) => String(n.data('ref')))
                  .filter(Boolean),
              ),
              range: request.timeline.range,
              today: recordDay(),
              lang: request.lang,
            }
          : null,
      },
    );
  } finally {
    cy.style().fromJson(stylesheet).update();
    outOfScope.removeClass('gone');
  }
}

/** Draws the SVG onto a canvas at the given scale; the caller checks the size first (largestPngScale). */
export async function svgToPng(
  diagram: Diagram,
  scale: number,
  background: 'white' | 'transparent',
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([diagram.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(diagram.width * scale);
    canvas.height = Math.round(diagram.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw to a canvas of that size.');
    if (background === 'white') {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
    }
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) =>
          blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG.')),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

const scalarProps = (data: Record<string, unknown>): Properties => {
  const out: Properties = {};
  for (const [k, v] of Object.entries(data)) {
    if (['label', 'size', 'source', 'target'].includes(k)) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v as string[];
  }
  return out;
};

/** The shown elements (or the selection) as an export graph, with their positions on screen. */
export function exportGraphOf(
  cy: cytoscape.Core,
  scope: Scope,
  selected: string | null,
  title: string,
  lang: Lang,
): ExportGraph {
  const elements = scopeElements(cy, scope, selected);
  const nodes: ExportNode[] = elements.nodes().map((n) => {
    const data = n.data() as Record<string, unknown>;
    const kind = String(data.kind);
    const { kind: _kind, ...rest } = scalarProps(data);
    return {
      id: n.id(),
      kind: isNodeKind(kind) ? kind : 'Node',
      properties: rest,
      position: { ...n.position() },
    };
  });
  const edges: ExportEdge[] = elements.edges().map((e) => {
    const data = e.data() as Record<string, unknown>;
    const type = String(data.type);
    const { type: _type, id: _id, ...rest } = scalarProps(data);
    return {
      id: e.id(),
      source: String(data.source),
      target: String(data.target),
      type: relStyleOf(type) ? type : 'RELATED',
      properties: { ...rest, key: e.id() },
    };
  });
  return {
    metadata: {
      title,
      source: SOURCE_LINE,
      exportedAt: today(),
      language: lang,
    },
    nodes,
    edges,
  };
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface BriefOutput {
  title: string;
  /** One SVG per page, for the PDF printer. */
  svgs: string[];
  /** The sheet's size in points (1 SVG unit = 1 pt; a PNG at 1× has this many pixels). */
  width: number;
  height: number;
  /** "This view will be split onto N pages: …", or null for one page or the deck. */
  notice: string | null;
  /** The .pptx file, base64, when asked for. */
  pptx?: string;
}

/** Bytes as base64, in chunks: one String.fromCharCode per byte was the other way, and slower. */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A view's pages or the deck, as SVG pages and optionally PowerPoint (for scripts and tests). */
export async function briefOutput(
  cy: cytoscape.Core,
  state: AppState,
  request: BriefRequest & { pptx?: boolean },
): Promise<BriefOutput> {
  const { title, pages } = briefPages(cy, state, request);
  return {
    title,
    svgs: pages.map(pageToSvg),
    width: pages[0]?.width ?? 0,
    height: pages[0]?.height ?? 0,
    notice: request.deck ? null : splitNotice(pages, state.lang),
    ...(request.pptx ? { pptx: base64(await pptxOf(pages, title)) } : {}),
  };
}

/** How several pages become pictures: a file each (in a zip), or one tall picture of them all. */
export type PictureArrangement = 'pages' | 'tall';

/**
 * Pages as pictures: one SVG or PNG file for a single page; for several, one zip with a
 * file per page, numbered in order, since each page is meant for its own slide and a
 * briefer should not find half a view silently missing; or, asked for, one tall picture
 * of the pages one under the other. A tall PNG too large for the browser's canvas at
 * this scale is the caller's to refuse first (largestPngScale of stackedPagesSvg's size).
 */
export async function pagePictures(
  pages: BriefPage[],
  format: 'svg' | 'png',
  scale: number,
  background: 'white' | 'transparent',
  basename: string,
  arrangement: PictureArrangement = 'pages',
): Promise<{ blob: Blob; filename: string }> {
  if (arrangement === 'tall' && pages.length > 1) {
    const tall = stackedPagesSvg(pages);
    const name = `${basename}-${pages.length}-pages`;
    return format === 'svg'
      ? { blob: new Blob([tall.svg], { type: 'image/svg+xml' }), filename: `${name}.svg` }
      : { blob: await svgToPng(tall, scale, background), filename: `${name}@${scale}x.png` };
  }
  const files: Array<{ name: string; blob: Blob }> = [];
  for (const [i, page] of pages.entries()) {
    const svg = pageToSvg(page);
    const suffix = pages.length > 1 ? `-p${String(i + 1).padStart(2, '0')}` : '';
    files.push(
      format === 'svg'
        ? { name: `${basename}${suffix}.svg`, blob: new Blob([svg], { type: 'image/svg+xml' }) }
        : {
            name: `${basename}${suffix}@${scale}x.png`,
            blob: await svgToPng(
              { svg, width: page.width, height: page.height },
              scale,
              background,
            ),
          },
    );
  }
  if (files.length === 1) return { blob: files[0]!.blob, filename: files[0]!.name };
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.name] = new Uint8Array(await f.blob.arrayBuffer());
  // PNGs are compressed already; SVG text is worth deflating.
  const zipped = zipSync(entries, { level: format === 'svg' ? 6 : 0 });
  return {
    blob: new Blob([zipped.slice().buffer], { type: 'application/zip' }),
    filename: `${basename}-${format}.zip`,
  };
}
