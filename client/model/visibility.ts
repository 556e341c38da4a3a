import type { AppState } from './state';

/** The few fields visibility needs from a node or an edge's data. */
export interface VNode {
  id: string;
  kind: string;
  pillar_ref?: unknown;
  country?: unknown;
  ref?: unknown;
  area_ref?: unknown;
  name_en?: unknown;
}

export interface VEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}

export interface Loaded<N extends VNode = VNode, E extends VEdge = VEdge> {
  nodes: N[];
  edges: E[];
  /** For each expanded node, the neighbours its expansion brought. */
  expansions: Record<string, string[]>;
  /** Nodes and edges of the current path result, always shown. */
  path: { nodes: string[]; edges: string[] };
}

export interface Visible {
  nodes: Set<string>;
  edges: Set<string>;
}

const STRUCTURE = new Set(['Plan', 'Pillar', 'Area', 'Commitment']);
const AGREEMENT_LINKS = new Set(['UNDERPINS', 'WORKS_TOWARDS', 'REFERS_TO']);

/**
 * Which loaded nodes and edges the current state shows. Filters narrow the base view;
 * pillar and theme filters narrow the commitments and then keep only the actors and
 * instruments those touch (as the API does). Expansions and the path bypass filters;
 * hidden nodes never show; focus keeps the k-hop neighbourhood of one node; the
 * "what underpins what" layout keeps agreements and the commitments they underpin.
 */
export function computeVisible(loaded: Loaded, state: AppState): Visible {
  const f = state.filters;
  const byId = new Map(loaded.nodes.map((n) => [n.id, n]));
  const themed = new Set<string>();
  if (f.themes.length) {
    for (const e of loaded.edges)
      if (e.type === 'TAGGED' && f.themes.includes(e.target)) themed.add(e.source);
  }
  const pillarOf = (n: VNode) =>
    n.kind === 'Pillar' ? String(n.ref) : typeof n.pillar_ref === 'string' ? n.pillar_ref : null;
  const passes = (n: VNode): boolean => {
    if (!f.kinds.includes(n.kind as never)) return false;
    const pillar = pillarOf(n);
    if (pillar && !f.pillars.includes(pillar as never)) return false;
    if (n.kind === 'Commitment' && f.themes.length && !themed.has(n.id)) return false;
    if (typeof n.country === 'string' && !f.countries.includes(n.country as never)) return false;
    return true;
  };
  let nodes = new Set(loaded.nodes.filter(passes).map((n) => n.id));
  const scoped = f.pillars.length < 4 || f.themes.length > 0;
  if (scoped) {
    const touched = new Set<string>();
    for (const e of loaded.edges) {
      if (byId.get(e.source)?.kind === 'Commitment' && nodes.has(e.source)) touched.add(e.target);
      if (byId.get(e.target)?.kind === 'Commitment' && nodes.has(e.target)) touched.add(e.source);
    }
    nodes = new Set(
      [...nodes].filter((id) => STRUCTURE.has(byId.get(id)!.kind) || touched.has(id)),
    );
  }
  if (state.tab === 'underpins') {
    const kept = new Set<string>();
    for (const e of loaded.edges) {
      if (!AGREEMENT_LINKS.has(e.type)) continue;
      const commitment = e.type === 'UNDERPINS' ? e.target : e.source;
      const agreement = e.type === 'UNDERPINS' ? e.source : e.target;
      const c = byId.get(commitment);
      if (c && (!pillarOf(c) || f.pillars.includes(pillarOf(c) as never))) {
        kept.add(commitment);
        kept.add(agreement);
      }
    }
    nodes = kept;
  }
  for (const id of state.expanded) {
    if (byId.has(id)) nodes.add(id);
    for (const n of loaded.expansions[id] ?? []) nodes.add(n);
  }
  for (const id of loaded.path.nodes) nodes.add(id);
  if (state.selected && byId.has(state.selected)) nodes.add(state.selected);
  for (const id of state.hidden) nodes.delete(id);

  const edgeVisible = (e: VEdge) =>
    nodes.has(e.source) &&
    nodes.has(e.target) &&
    (f.types.includes(e.type as never) || loaded.path.edges.includes(e.id)) &&
    (state.tab !== 'underpins' || AGREEMENT_LINKS.has(e.type));

  if (state.focus && nodes.has(state.focus.id)) {
    const reach = new Set([state.focus.id]);
    let frontier = [state.focus.id];
    for (let hop = 0; hop < state.focus.hops; hop++) {
      const next: string[] = [];
      for (const e of loaded.edges) {
        if (!edgeVisible(e)) continue;
        for (const [a, b] of [
          [e.source, e.target],
          [e.target, e.source],
        ] as const) {
          if (frontier.includes(a) && !reach.has(b)) {
            reach.add(b);
            next.push(b);
          }
        }
      }
      frontier = next;
    }
    nodes = reach;
  }
  return { nodes, edges: new Set(loaded.edges.filter(edgeVisible).map((e) => e.id)) };
}
