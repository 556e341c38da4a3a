import { createHash } from 'node:crypto';
import { defaultLayout, type Positions } from '../../core/default-layout';
import type { Elements } from '../../core/elements';
import {
  HUB_RELATIONSHIP_TYPES,
  NODE_LABELS,
  RELATIONSHIP_TYPES,
} from '../../core/model/graph-model';
import type { Graph } from '../graph';
import { readView } from './view-query';

/** The client's first view: everything but the theme tags, which would pull every commitment together. */
export const DEFAULT_VIEW_KINDS = NODE_LABELS.filter((label) => label !== 'Theme');

/** The relationships the layout is pulled by: not those that tie every commitment to a few hubs. */
const LAYOUT_TYPES = RELATIONSHIP_TYPES.filter((type) => !HUB_RELATIONSHIP_TYPES.includes(type));

/**
 * The most nodes the stored layout places: the default view's own limit. A bigger graph
 * gets its first LAYOUT_LIMIT nodes (structure first) placed; the client places the rest
 * beside their neighbours.
 */
export const LAYOUT_LIMIT = 2000;

/** The layout lives on one node of its own label, outside the plan data. */
const LAYOUT_ID = 'default';

export interface StoredLayout {
  /** What was laid out: a hash of the default view's nodes and edges. */
  viewHash: string;
  positions: Positions;
  /** Why the layout failed, when it did (it is not retried until the view changes). */
  error: string | null;
}

function hashOf(elements: Elements): string {
  const hash = createHash('sha256');
  for (const n of elements.nodes) hash.update(`${n.data.id}|${n.data.kind}\n`);
  for (const e of elements.edges) hash.update(`${e.data.id}|${e.data.source}|${e.data.target}\n`);
  return hash.digest('hex');
}

/** The stored default layout, or null when none was stored (a request never computes one). */
export async function readDefaultLayout(graph: Graph): Promise<StoredLayout | null> {
  const [row] = await graph.read(
    `MATCH (l:DefaultLayout {id: $id})
     RETURN l.view_hash AS viewHash, l.node_ids AS ids, l.xs AS xs, l.ys AS ys, l.error AS error`,
    { id: LAYOUT_ID },
    { timeoutMs: 5000 },
  );
  if (!row) return null;
  const ids = (row.ids as string[] | null) ?? [];
  const xs = (row.xs as number[] | null) ?? [];
  const ys = (row.ys as number[] | null) ?? [];
  const positions: Positions = {};
  ids.forEach((id, i) => {
    positions[id] = { x: xs[i]!, y: ys[i]! };
  });
  return {
    viewHash: String(row.viewHash),
    positions,
    error: row.error === null ? null : String(row.error),
  };
}

/**
 * Lays out the default view and stores the positions, at seed time, so that no request
 * ever runs a layout. Skipped when the stored layout is of the same view (a reload that
 * changed nothing); a layout that fails is stored as failed, with its reason, and not
 * tried again until the view changes. Returns what is stored.
 */
export async function storeDefaultLayout(graph: Graph): Promise<StoredLayout> {
  // Seed time, not a request: a busy or big database may take its time.
  const view = await readView(
    graph,
    { kinds: [...DEFAULT_VIEW_KINDS], types: LAYOUT_TYPES, limit: LAYOUT_LIMIT },
    { timeoutMs: 60_000 },
  );
  const viewHash = hashOf(view.elements);
  const stored = await readDefaultLayout(graph);
  if (stored?.viewHash === viewHash) return stored;
  let positions: Positions = {};
  let error: string | null = null;
  try {
    positions = defaultLayout(view.elements);
  } catch (cause) {
    error = cause instanceof Error ? cause.message : String(cause);
  }
  const ids = Object.keys(positions);
  await graph.write(
    `MERGE (l:DefaultLayout {id: $id})
     SET l.view_hash = $viewHash, l.node_ids = $ids, l.xs = $xs, l.ys = $ys, l.error = $error,
         l.computed_at = datetime()`,
    {
      id: LAYOUT_ID,
      viewHash,
      ids,
      xs: ids.map((id) => positions[id]!.x),
      ys: ids.map((id) => positions[id]!.y),
      error,
    },
  );
  return { viewHash, positions, error };
}
