import { isEventRelationshipType } from '../../core/model/event-fields';
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
  /**
   * For a node focused on, the analysts' records (events) linked to it: its panel lists them,
   * so its focus shows them too. Absent until a focus has asked for them.
   */
  analysts?: Record<string, string[]>;
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
  // A focused node the user hid still holds the focus: its neighbourhood stays shown, without it.
  const focus = state.focus && nodes.has(state.focus.id) ? state.focus : null;
  for (const id of state.hidden) nodes.delete(id);

  // The analysts' records (events) are no filter's kind or type: they are shown where a focus
  // or a path brings them, with their links to whatever else is shown.
  const edgeVisible = (e: VEdge) =>
    nodes.has(e.source) &&
    nodes.has(e.target) &&
    (f.types.includes(e.type as never) ||
      isEventRelationshipType(e.type) ||
      loaded.path.edges.includes(e.id)) &&
    (state.tab !== 'underpins' || AGREEMENT_LINKS.has(e.type));

  if (focus) {
    const hidden = new Set(state.hidden);
    const reach = new Set([focus.id]);
    let frontier = new Set([focus.id]);
    // The walk starts at the focused node even when it is hidden, but goes through no other hidden one.
    nodes.add(focus.id);
    for (let hop = 0; hop < focus.hops; hop++) {
      const next = new Set<string>();
      for (const e of loaded.edges) {
        if (!edgeVisible(e)) continue;
        for (const [a, b] of [
          [e.source, e.target],
          [e.target, e.source],
        ] as const) {
          if (frontier.has(a) && !reach.has(b)) {
            reach.add(b);
            next.add(b);
          }
        }
      }
      frontier = next;
    }
    for (const id of loaded.analysts?.[focus.id] ?? []) if (byId.has(id)) reach.add(id);
    for (const id of hidden) reach.delete(id);
    nodes = reach;
  }
  return { nodes, edges: new Set(loaded.edges.filter(edgeVisible).map((e) => e.id)) };
}
