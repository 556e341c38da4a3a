import { createHash } from 'node:crypto';
import type { BundleQuery, ExportQuery } from '../../../core/api/export';
import { type DatasetStamp, datasetFilename, datasetStamp, PLAN_ID } from '../../../core/dataset';
import type { Positions } from '../../../core/default-layout';
import { buildDatasetBundle } from '../../../core/formats/dataset-bundle';
import { EXPORT_FORMATS, exportFilename } from '../../../core/formats/export-formats';
import { type ExportGraph, SOURCE_LINE, truncationText } from '../../../core/formats/export-graph';
import type { Graph } from '../../../graph/graph';
import { loadedFingerprint } from '../../../graph/load-graph';
import { readExportEvents } from '../../../graph/queries/events-export-query';
import { readExportView } from '../../../graph/queries/export-query';
import { viewFilterOf } from '../graph/view-filter';

export interface ExportFile {
  filename: string;
  mediaType: string;
  body: string | Uint8Array;
  /** Set when the node limit cut the view: what the X-Kizuna-Truncated header says. */
  truncated?: string;
}

/** The header that tells a downloader, whatever the format, that the view was cut. */
export const TRUNCATED_HEADER = 'X-Kizuna-Truncated';

/**
 * The version and fingerprint of what the database holds: the fingerprint the loader
 * stored on the Plan node, so a database seeded from edited files says so in every export
 * (core/dataset.ts versionFor); the recorded release when no plan is loaded.
 */
export async function databaseStamp(graph: Graph): Promise<DatasetStamp> {
  const fingerprint = await loadedFingerprint(graph, PLAN_ID);
  return datasetStamp(fingerprint || undefined);
}

/** The filters the query sets, in the order they read best in a name. */
function activeFilters(q: Omit<ExportQuery, 'format'>): [name: string, values: string[]][] {
  const all: [string, string[] | undefined][] = [
    ['pillar', q.pillar],
    ['area', q.area],
    ['theme', q.theme?.map((t) => t.replace(/^theme\//, ''))],
    ['country', q.country],
    ['kinds', q.kinds],
    ['rel', q.rel],
  ];
  return all.filter((f): f is [string, string[]] => Boolean(f[1]?.length));
}

/** The view in a file name: "plan" for the whole plan, else its filters (pillar-i+ii_theme-defence). */
function viewSlug(q: Omit<ExportQuery, 'format'>): string {
  const slug = activeFilters(q)
    .map(([name, values]) => `${name}-${values.join('+')}`.toLowerCase())
    .join('_')
    .replace(/[^a-z0-9.+_-]/g, '-')
    .slice(0, 80);
  return slug || 'plan';
}

function viewTitle(
  q: Omit<ExportQuery, 'format'>,
  truncated: boolean,
  kept: number,
  total: number,
): string {
  const parts = activeFilters(q).map(([name, values]) => `${name} ${values.join(', ')}`);
  const view = parts.length > 0 ? parts.join('; ') : 'the whole plan';
  const cap = truncated ? ` (first ${kept} of ${total} nodes)` : '';
  return `Kizuna: Japan–Mongolia Action Plan 2022–2031, ${view}${cap}`;
}

/** The view the query describes, with its metadata: the format-neutral graph. */
async function readGraph(
  graph: Graph,
  q: Omit<ExportQuery, 'format'>,
  now: Date,
  defaultPositions: () => Promise<Positions>,
): Promise<ExportGraph> {
  const view = await readExportView(graph, viewFilterOf(q));
  const placed = q.positions === 'default' ? await defaultPositions() : {};
  const nodes = view.nodes.map((node) => {
    const position = placed[node.id];
    return position ? { ...node, position } : node;
  });
  // Events come after the plan: every one for the whole plan, else those linked to the view.
  const whole = activeFilters(q).length === 0 && !view.truncated;
  const events = q.events
    ? await readExportEvents(graph, new Set(view.nodes.map((n) => n.id)), whole)
    : { nodes: [], edges: [] };
  return {
    metadata: {
      title:
        viewTitle(q, view.truncated, view.nodes.length, view.total) +
        (events.nodes.length > 0 ? `, with ${events.nodes.length} dated events` : ''),
      source: SOURCE_LINE,
      exportedAt: now.toISOString().slice(0, 10),
      language: q.lang,
      dataset: await databaseStamp(graph),
      ...(view.truncated
        ? { truncated: { kept: view.nodes.length, total: view.total, limit: q.limit } }
        : {}),
    },
    nodes: [...nodes, ...events.nodes],
    edges: [...view.edges, ...events.edges],
  };
}

/**
 * The view the query describes, as a file in the format it names; with positions=default,
 * nodes carry their place in the whole plan's default layout, as GET /api/graph gives them.
 */
export async function exportView(
  graph: Graph,
  q: ExportQuery,
  now: Date,
  defaultPositions: () => Promise<Positions>,
): Promise<ExportFile> {
  const exported = await readGraph(graph, q, now, defaultPositions);
  const format = EXPORT_FORMATS[q.format];
  const { metadata } = exported;
  return {
    filename: exportFilename(viewSlug(q), metadata.exportedAt, q.format, metadata.dataset?.version),
    mediaType: format.mediaType,
    body: format.build(exported),
    ...(metadata.truncated ? { truncated: truncationText(metadata.truncated) } : {}),
  };
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * The dataset bundle (core/formats/dataset-bundle.ts) for the view the query describes:
 * without filters, the whole dataset.
 */
export async function exportBundle(
  graph: Graph,
  q: BundleQuery,
  now: Date,
  defaultPositions: () => Promise<Positions>,
): Promise<ExportFile> {
  const exported = await readGraph(graph, q, now, defaultPositions);
  const { zip } = buildDatasetBundle(exported, sha256);
  const { metadata } = exported;
  return {
    filename: datasetFilename(
      `${viewSlug(q)}-bundle`,
      metadata.exportedAt,
      'zip',
      metadata.dataset?.version,
    ),
    mediaType: 'application/zip',
    body: zip,
    ...(metadata.truncated ? { truncated: truncationText(metadata.truncated) } : {}),
  };
}
