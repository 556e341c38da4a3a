import type { Lang } from '../../model/state';
import {
  type GraphNode,
  type GraphPath,
  type GraphRelationship,
  isGraphNode,
  isGraphPath,
  isGraphRelationship,
  type Plain,
} from './cypher-types';

/**
 * One result value, described for display: the table draws a Cell as chips, and its text
 * (cellText) is what the CSV holds and what sorting compares. Nothing here touches the DOM.
 */
export type NodeCell = {
  kind: 'node';
  labels: string[];
  name: string | null;
  elementId?: string;
};
export type RelationshipCell = { kind: 'relationship'; type: string; elementId?: string };
export type PathStep = { relationship: RelationshipCell; forward: boolean; node: NodeCell };

export type Cell =
  | { kind: 'null' }
  | { kind: 'scalar'; text: string; numeric: boolean }
  | NodeCell
  | RelationshipCell
  | { kind: 'path'; start: NodeCell; steps: PathStep[] }
  | { kind: 'list'; items: Cell[] }
  | { kind: 'map'; entries: [string, Cell][] };

export const NULL_TEXT = '—';

const otherLang = (lang: Lang): Lang => (lang === 'ja' ? 'en' : 'ja');

/**
 * The name a reader knows a node by, in the chosen language first. Nodes of this graph all
 * have name_ja and name_en; a query over other data may return nodes with only a ref or id.
 */
export function nodeName(node: GraphNode, lang: Lang): string | null {
  const p = node.properties;
  const keys = [
    `name_${lang}`,
    `name_${otherLang(lang)}`,
    `title_${lang}`,
    `title_${otherLang(lang)}`,
    'name',
    'ref',
    'id',
  ];
  for (const key of keys) {
    const value = p[key];
    if ((typeof value === 'string' && value !== '') || typeof value === 'number')
      return String(value);
  }
  return null;
}

const nodeCell = (node: GraphNode, lang: Lang): NodeCell => ({
  kind: 'node',
  labels: node.labels,
  name: nodeName(node, lang),
  elementId: node.elementId,
});

const relationshipCell = (relationship: GraphRelationship): RelationshipCell => ({
  kind: 'relationship',
  type: relationship.type,
  elementId: relationship.elementId,
});

function pathCell(path: GraphPath, lang: Lang): Cell {
  return {
    kind: 'path',
    start: nodeCell(path.start, lang),
    steps: path.segments.map((segment) => ({
      relationship: relationshipCell(segment.relationship),
      // A path may walk a relationship against its direction; the arrow shows which way it points.
      forward: segment.relationship.start === segment.start.elementId,
      node: nodeCell(segment.end, lang),
    })),
  };
}

export function toCell(value: Plain, lang: Lang): Cell {
  if (value === null) return { kind: 'null' };
  if (typeof value === 'number') return { kind: 'scalar', text: String(value), numeric: true };
  if (typeof value === 'boolean' || typeof value === 'string')
    return { kind: 'scalar', text: String(value), numeric: false };
  if (Array.isArray(value)) return { kind: 'list', items: value.map((v) => toCell(v, lang)) };
  if (isGraphNode(value)) return nodeCell(value, lang);
  if (isGraphRelationship(value)) return relationshipCell(value);
  if (isGraphPath(value)) return pathCell(value, lang);
  return {
    kind: 'map',
    entries: Object.entries(value).map(([key, inner]) => [key, toCell(inner, lang)]),
  };
}

/**
 * A node's kinds, without the Entity label every plan node shares (its id is unique under
 * it): it tells a reader nothing, and the kind is what colours a node. The inspector and the
 * downloads keep every label.
 */
export const kindLabels = (labels: readonly string[]): string[] =>
  labels.filter((l) => l !== 'Entity');

export const nodeText = (cell: NodeCell): string =>
  `(${kindLabels(cell.labels)
    .map((l) => `:${l}`)
    .join('')}${cell.name === null ? '' : ` {${cell.name}}`})`;

export const relationshipText = (cell: RelationshipCell): string => `[:${cell.type}]`;

export const stepText = (step: PathStep): string =>
  step.forward
    ? `-${relationshipText(step.relationship)}→`
    : `←${relationshipText(step.relationship)}-`;

/**
 * The cell as one line of text. Top-level lists and maps are written bare ("a, b", "k: v"),
 * nested ones keep their brackets so the nesting can still be read.
 */
export function cellText(cell: Cell, nested = false): string {
  switch (cell.kind) {
    case 'null':
      return NULL_TEXT;
    case 'scalar':
      return cell.text;
    case 'node':
      return nodeText(cell);
    case 'relationship':
      return relationshipText(cell);
    case 'path':
      return [
        nodeText(cell.start),
        ...cell.steps.flatMap((s) => [stepText(s), nodeText(s.node)]),
      ].join('');
    case 'list': {
      if (cell.items.length === 0) return '[]';
      const text = cell.items.map((item) => cellText(item, true)).join(', ');
      return nested ? `[${text}]` : text;
    }
    case 'map': {
      if (cell.entries.length === 0) return '{}';
      const text = cell.entries.map(([k, v]) => `${k}: ${cellText(v, true)}`).join(', ');
      return nested ? `{${text}}` : text;
    }
  }
}

export const valueText = (value: Plain, lang: Lang): string => cellText(toCell(value, lang));
