import { type DatasetStamp, datasetStamp } from '../dataset';

/**
 * The format-neutral graph every export format is built from: what the server reads for a
 * view, or what the client holds for its current view or selection. Plain data only, so
 * the builders run in Node and in the browser alike.
 */

export type Scalar = string | number | boolean;
/** A stored property value: Neo4j holds scalars and homogeneous lists of them, never null. */
export type PropertyValue = Scalar | Scalar[];
export type Properties = Record<string, PropertyValue>;

export type ExportLanguage = 'ja' | 'en';

export interface ExportNode {
  /** The node's `id` property, which is also its identity in every format. */
  id: string;
  /** Its label in the graph (Commitment, Agency …). */
  kind: string;
  /** Every stored property, in both languages; `id` may be among them. */
  properties: Properties;
  /** Where the client's layout put it, when the export comes from a drawn view. */
  position?: { x: number; y: number };
}

export interface ExportEdge {
  /** Unique per edge (the relationship's `key` in Kizuna's graph). */
  id: string;
  source: string;
  target: string;
  /** The relationship type (PART_OF, INVOLVES …). */
  type: string;
  /** Every stored property: evidence, its offsets, role, cue, key … */
  properties: Properties;
}

export interface ExportMetadata {
  title: string;
  /** The provenance line every export carries: SOURCE_LINE. */
  source: string;
  /** The export date, YYYY-MM-DD. */
  exportedAt: string;
  /** The language of labels; both languages' properties are always exported. */
  language: ExportLanguage;
  /**
   * The dataset version, fingerprint and citation the file carries. The server passes what
   * the database was seeded from; left out, it is the recorded release (core/dataset.ts).
   */
  dataset?: DatasetStamp;
  /**
   * Set when the view's node limit cut it short: the file holds the first `kept` of the
   * `total` nodes the view matched (and the relationships among them).
   */
  truncated?: Truncation;
}

export interface Truncation {
  kept: number;
  total: number;
  /** The limit that cut it (the request's `limit`). */
  limit: number;
}

/** Why a view's file was cut: the words after "truncated: " in its trailer, metadata and header. */
export function truncationReason(t: Truncation): string {
  return `the view matched ${t.total} nodes; this export holds the first ${t.kept} (limit=${t.limit})`;
}

/** What a truncated file says of itself: its metadata's comment and the HTTP header. */
export const truncationText = (t: Truncation): string => `truncated: ${truncationReason(t)}`;

export interface ExportGraph {
  metadata: ExportMetadata;
  nodes: ExportNode[];
  edges: ExportEdge[];
}

export const SOURCE_LINE =
  'Source: Japan–Mongolia Action Plan 2022–2031, annex to the joint statement of 29 Nov 2022';

/** The name a tool shows for a node: its name in the export's language, else its id. */
export function nodeLabel(node: ExportNode, language: ExportLanguage): string {
  const name = node.properties[`name_${language}`];
  return typeof name === 'string' && name !== '' ? name : node.id;
}

/** The stamp an export carries: the one it was given, else the recorded release. */
export function stampOf(metadata: ExportMetadata): DatasetStamp {
  return metadata.dataset ?? datasetStamp();
}
