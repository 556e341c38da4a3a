/**
 * The graph's vocabulary (its node labels and relationship types) and the typed property
 * graph the loader writes: plain data, no driver types. In core, not in seed/, since the
 * server, the client and every export speak it, and seed/ is one stage that produces it.
 */

export const NODE_LABELS = [
  'Plan',
  'Pillar',
  'Area',
  'Commitment',
  'Agency',
  'Agreement',
  'Program',
  'Framework',
  'Country',
  'Place',
  'Theme',
  'Target',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const RELATIONSHIP_TYPES = [
  'PART_OF',
  'ANNEX_OF',
  'UNDERPINS',
  'WORKS_TOWARDS',
  'REFERS_TO',
  'INVOLVES',
  'IMPLEMENTED_VIA',
  'ALIGNS_WITH',
  'CONCERNS',
  'BELONGS_TO',
  'PARTY_TO',
  'UNDERTAKEN_BY',
  'SETS',
  'TAGGED',
  'SUPERSEDES',
  'RENEWS',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/**
 * Types that tie nearly every commitment to a few nodes (a theme; both countries, by the
 * preamble): the explorer does not draw them at first, the stored layout is not pulled by
 * them, and paths that avoid the plan's hierarchy avoid them too.
 */
export const HUB_RELATIONSHIP_TYPES: readonly RelationshipType[] = ['TAGGED', 'UNDERTAKEN_BY'];

export type Scalar = string | number | boolean | null;
export type Properties = Record<string, Scalar | string[] | number[]>;

export interface GraphNode {
  label: NodeLabel;
  id: string;
  properties: Properties;
}

export interface NodeRef {
  label: NodeLabel;
  id: string;
}

export interface GraphRelationship {
  type: RelationshipType;
  from: NodeRef;
  to: NodeRef;
  /**
   * `TYPE|from|to`: one relationship per (start, type, end), holding every piece of evidence;
   * what the loader MERGEs on, so loading twice changes nothing.
   */
  key: string;
  properties: Properties;
}

export interface GraphModel {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
}
