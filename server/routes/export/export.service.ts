import type { Positions } from '../../../core/default-layout';
import { EXPORT_FORMATS, exportFilename } from '../../../core/formats/export-formats';
import { SOURCE_LINE } from '../../../core/formats/export-graph';
import type { Graph } from '../../../graph/graph';
import { readExportView } from '../../../graph/queries/export-query';
import { viewFilterOf } from '../graph/graph.schema';
import type { ExportQuery } from './export.schema';

export interface ExportFile {
  filename: string;
  mediaType: string;
  body: string;
}

/** The filters the query sets, in the order they read best in a name. */
function activeFilters(q: ExportQuery): [name: string, values: string[]][] {
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
function viewSlug(q: ExportQuery): string {
  const slug = activeFilters(q)
    .map(([name, values]) => `${name}-${values.join('+')}`.toLowerCase())
    .join('_')
    .replace(/[^a-z0-9.+_-]/g, '-')
    .slice(0, 80);
  return slug || 'plan';
}

function viewTitle(q: ExportQuery, truncated: boolean, kept: number, total: number): string {
  const parts = activeFilters(q).map(([name, values]) => `${name} ${values.join(', ')}`);
  const view = parts.length > 0 ? parts.join('; ') : 'the whole plan';
  const cap = truncated ? ` (first ${kept} of ${total} nodes)` : '';
  return `Kizuna: Japan–Mongolia Action Plan 2022–2031, ${view}${cap}`;
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
  const view = await readExportView(graph, viewFilterOf(q));
  const placed = q.positions === 'default' ? await defaultPositions() : {};
  const nodes = view.nodes.map((node) => {
    const position = placed[node.id];
    return position ? { ...node, position } : node;
  });
  const date = now.toISOString().slice(0, 10);
  const format = EXPORT_FORMATS[q.format];
  const body = format.build({
    metadata: {
      title: viewTitle(q, view.truncated, view.nodes.length, view.total),
      source: SOURCE_LINE,
      exportedAt: date,
      language: q.lang,
    },
    nodes,
    edges: view.edges,
  });
  return {
    filename: exportFilename(viewSlug(q), date, q.format),
    mediaType: format.mediaType,
    body,
  };
}
