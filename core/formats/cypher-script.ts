import { EVENT_RELATIONSHIP_TYPES, type EventRelationshipType } from '../model/event-fields';
import {
  NODE_LABELS,
  type NodeLabel,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../model/graph-model';
import {
  type ExportEdge,
  type ExportGraph,
  type Properties,
  type PropertyValue,
  type Scalar,
  stampOf,
} from './export-graph';
import {
  cypherName,
  EVENT_SCHEMA,
  EVENTS_LABEL,
  GRAPH_SCHEMA,
  SHARED_LABEL,
  schemaStatement,
} from './graph-schema';

/**
 * A Cypher script that recreates the graph in an empty Neo4j 5 database (cypher-shell -f,
 * or Neo4j Browser). A script is code, so nothing from the data reaches it unescaped:
 * values are Cypher literals, property keys are backquoted, and labels and types are
 * spliced in only when they are on the fixed lists of core/model/graph-model.ts (plus the
 * events' Event label and their own relationship types, core/model/event-fields.ts).
 * Every statement ends with ";" at the end of a line, and no literal holds a raw line
 * break, so the script splits into statements at /;$/m.
 */

const BATCH = 100;

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/**
 * A single-quoted string literal. Inside one, only the backslash and the quote mean
 * anything, and both are escaped; line breaks and other control characters, the Unicode
 * line separators and lone surrogates (which UTF-8 cannot carry) are written as escapes,
 * so the literal is one line and ends exactly where this function says.
 */
function cypherString(text: string): string {
  const body = text.replace(/[\\'\p{Cc}\u2028\u2029]|\p{Cs}/gu, (c) => {
    return ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
  return `'${body}'`;
}

function scalar(value: Scalar): string {
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return String(value);
  if (Number.isNaN(value)) return '0.0 / 0.0';
  if (!Number.isFinite(value)) return value > 0 ? '1.0 / 0.0' : '-1.0 / 0.0';
  // JavaScript writes 1e+21; Cypher wants 1e21.
  return String(value).replace('e+', 'e');
}

function literal(value: PropertyValue): string {
  return Array.isArray(value) ? `[${value.map(scalar).join(', ')}]` : scalar(value);
}

function map(properties: Properties): string {
  const entries = Object.entries(properties).map(([k, v]) => `${cypherName(k)}: ${literal(v)}`);
  return `{${entries.join(', ')}}`;
}

type ScriptLabel = NodeLabel | typeof EVENTS_LABEL;
type ScriptType = RelationshipType | EventRelationshipType;

const LABELS: readonly string[] = [...NODE_LABELS, EVENTS_LABEL];
const TYPES: readonly string[] = [...RELATIONSHIP_TYPES, ...EVENT_RELATIONSHIP_TYPES];

function label(kind: string): ScriptLabel {
  if (!LABELS.includes(kind))
    throw new Error(`Cannot write a Cypher script for a node of unknown kind "${kind}".`);
  return kind as ScriptLabel;
}

function relationshipType(type: string): ScriptType {
  if (!TYPES.includes(type))
    throw new Error(`Cannot write a Cypher script for a relationship of unknown type "${type}".`);
  return type as ScriptType;
}

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/** A comment line; line breaks in the title must not end the comment early. */
function comment(text: string): string {
  return `// ${text.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')}`;
}

export function toCypherScript(graph: ExportGraph): string {
  const { metadata, nodes, edges } = graph;
  const stamp = stampOf(metadata);
  const kindOf = new Map(nodes.map((n) => [n.id, label(n.kind)]));
  const labels = [...new Set(kindOf.values())];
  // Events are not plan entities: they do not take the shared label.
  const shared = (l: ScriptLabel) =>
    SHARED_LABEL && l !== EVENTS_LABEL ? `:${cypherName(SHARED_LABEL)}` : '';
  const events = nodes.filter((n) => n.kind === EVENTS_LABEL).length;
  const lines = [
    comment(metadata.title),
    comment(metadata.source),
    comment(`Dataset: ${stamp.id} version ${stamp.version}`),
    comment(`Fingerprint: sha256:${stamp.fingerprint}`),
    comment(`Source URL: ${stamp.sourceUrl}`),
    comment(`Licence: ${stamp.license}`),
    comment(`Cite as: ${stamp.citation}`),
    comment(
      `Exported ${metadata.exportedAt}: ${nodes.length} nodes (${events} of them events), ${edges.length} relationships.`,
    ),
    comment('Recreates the graph in an empty Neo4j 5 database, e.g. cypher-shell -f this-file:'),
    comment(
      'constraints and indexes first (full-text search included), then nodes, then relationships.',
    ),
    '',
    ...GRAPH_SCHEMA.map(schemaStatement),
    ...(events > 0 ? EVENT_SCHEMA.map(schemaStatement) : []),
  ];
  for (const l of labels) {
    for (const batch of batches(nodes.filter((n) => n.kind === l))) {
      lines.push(
        'UNWIND [',
        batch
          .map((n) => {
            // The node's id is the one relationships are matched on, whatever properties say.
            const { id: _, ...properties } = n.properties;
            return `  ${map({ id: n.id, ...properties })}`;
          })
          .join(',\n'),
        `] AS row CREATE (n:${l}${shared(l)}) SET n = row;`,
      );
    }
  }
  const endLabel = (id: string, edge: ExportEdge) => {
    const found = kindOf.get(id);
    if (!found) throw new Error(`Relationship ${edge.id} ends at ${id}, which is not exported.`);
    return found;
  };
  // One statement per type and pair of end labels, so each MATCH uses a uniqueness index.
  const groups = new Map<
    string,
    { type: ScriptType; from: ScriptLabel; to: ScriptLabel; edges: ExportEdge[] }
  >();
  for (const edge of edges) {
    const group = {
      type: relationshipType(edge.type),
      from: endLabel(edge.source, edge),
      to: endLabel(edge.target, edge),
    };
    const key = `${group.type}|${group.from}|${group.to}`;
    const found = groups.get(key) ?? { ...group, edges: [] };
    found.edges.push(edge);
    groups.set(key, found);
  }
  for (const { type, from, to, edges: group } of groups.values()) {
    for (const batch of batches(group)) {
      lines.push(
        'UNWIND [',
        batch
          .map(
            (e) =>
              `  {s: ${cypherString(e.source)}, t: ${cypherString(e.target)}, p: ${map(e.properties)}}`,
          )
          .join(',\n'),
        `] AS row MATCH (a:${from} {id: row.s}) MATCH (b:${to} {id: row.t}) CREATE (a)-[r:${type}]->(b) SET r = row.p;`,
      );
    }
  }
  // Full-text indexes fill in the background; wait, so a search right after the script finds everything.
  lines.push('CALL db.awaitIndexes(300);', '');
  return lines.join('\n');
}
