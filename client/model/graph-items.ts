/**
 * The loaded graph's nodes and edges as the timeline and implementation panes read them: the
 * few fields they use, so either pane can be handed the store's elements or a test's.
 */
export interface GraphNode {
  id: string;
  kind: string;
  name_ja: string;
  name_en: string;
  ref?: unknown;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
}
