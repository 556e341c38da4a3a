import { DATASET_LICENSE, DATASET_TITLE } from '../dataset';
import { propertyColumns } from './columns';
import { type ExportGraph, type Properties, stampOf, truncationText } from './export-graph';

/**
 * The graph as linked data: JSON-LD 1.1 (https://www.w3.org/TR/json-ld11/) with its @context
 * inline, so it parses without fetching anything. docs/dataset.md "Linked data (JSON-LD)"
 * documents the vocabulary:
 *
 * - the dataset is a schema:Dataset with its dcterms:title, schema:version, dcterms:license,
 *   dcterms:identifier (the data fingerprint), schema:citation and prov:wasDerivedFrom the
 *   source document's URL;
 * - each node is a resource typed with its label as a class in Kizuna's namespace
 *   (kz:Commitment …), its properties kz:<key> (names as schema:name with their language,
 *   an event's source_url as prov:wasDerivedFrom);
 * - each relationship is one statement `start kz:<TYPE> end`, and, since a statement cannot
 *   carry properties without RDF-star, also a resource of its own (standard RDF reification:
 *   rdf:Statement with rdf:subject, rdf:predicate, rdf:object) that carries its key, evidence,
 *   offsets, role and so on.
 *
 * Values keep their types: integers as xsd:integer, doubles as xsd:double (declared in the
 * context, so 1.0 stays a double), strings as strings (a year kept as "2017" stays text),
 * lists as ordered RDF lists, texts in Japanese, English and Mongolian with their language.
 */

/**
 * Kizuna's namespace. The project holds no web address for a vocabulary, so its terms are
 * URNs rather than a guessed URL; they name, they do not resolve.
 */
export const KIZUNA_VOCAB = 'urn:kizuna:vocab:';
export const NODE_IRI_BASE = 'urn:kizuna:node:';
export const RELATIONSHIP_IRI_BASE = 'urn:kizuna:relationship:';

const PREFIXES = {
  kz: KIZUNA_VOCAB,
  schema: 'https://schema.org/',
  dcterms: 'http://purl.org/dc/terms/',
  prov: 'http://www.w3.org/ns/prov#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** Properties that map onto a well-known term rather than Kizuna's own. */
const REUSED: Record<string, { '@id': string; '@type'?: '@id' }> = {
  name_ja: { '@id': 'schema:name' },
  name_en: { '@id': 'schema:name' },
  name_mn: { '@id': 'schema:name' },
  source_url: { '@id': 'prov:wasDerivedFrom', '@type': '@id' },
};

const LANGUAGE_SUFFIX = /_(ja|en|mn)$/;

export interface TermDefinition {
  '@id': string;
  '@type'?: string;
  '@language'?: string;
  '@container'?: '@list';
}

/** An id as the rest of an IRI: percent-encoded, its slashes kept for reading. */
const iriPart = (id: string) => encodeURIComponent(id).replaceAll('%2F', '/');

export const nodeIri = (id: string) => `${NODE_IRI_BASE}${iriPart(id)}`;
export const relationshipIri = (key: string) => `${RELATIONSHIP_IRI_BASE}${iriPart(key)}`;

/** One term per property key of nodes and relationships, and one per relationship type. */
function context(graph: ExportGraph): Record<string, string | TermDefinition> {
  const items = [...graph.nodes, ...graph.edges];
  const terms: Record<string, string | TermDefinition> = { '@vocab': KIZUNA_VOCAB, ...PREFIXES };
  const taken = (name: string, what: string) => {
    if (name in terms || name.startsWith('@') || name.includes(':'))
      throw new Error(`The ${what} "${name}" cannot be a JSON-LD term: the name is taken.`);
  };
  for (const column of propertyColumns(items)) {
    taken(column.name, 'property');
    const lists = items.some((item) => Array.isArray(item.properties[column.name]));
    const reused = REUSED[column.name];
    const lang = column.type === 'string' ? LANGUAGE_SUFFIX.exec(column.name)?.[1] : undefined;
    terms[column.name] = {
      '@id': reused?.['@id'] ?? `kz:${column.name}`,
      ...(reused?.['@type']
        ? { '@type': reused['@type'] }
        : column.type === 'double'
          ? { '@type': 'xsd:double' }
          : {}),
      ...(lang ? { '@language': lang } : {}),
      ...(lists ? { '@container': '@list' as const } : {}),
    };
  }
  for (const type of [...new Set(graph.edges.map((e) => e.type))].sort()) {
    taken(type, 'relationship type');
    terms[type] = { '@id': `kz:${type}`, '@type': '@id' };
  }
  return terms;
}

export interface JsonLdDocument {
  '@context': Record<string, string | TermDefinition>;
  '@graph': Record<string, unknown>[];
}

export function toJsonLdDocument(graph: ExportGraph): JsonLdDocument {
  const { metadata } = graph;
  const stamp = stampOf(metadata);
  const dataset = {
    '@id': `urn:kizuna:dataset:${stamp.id}:${iriPart(stamp.version)}`,
    '@type': 'schema:Dataset',
    'dcterms:title': DATASET_TITLE,
    'dcterms:description': metadata.title,
    'schema:version': stamp.version,
    'dcterms:identifier': `sha256:${stamp.fingerprint}`,
    'dcterms:license': { '@id': DATASET_LICENSE.data.url },
    'schema:citation': stamp.citation,
    'prov:wasDerivedFrom': { '@id': stamp.sourceUrl },
    'dcterms:created': { '@value': metadata.exportedAt, '@type': 'xsd:date' },
    ...(metadata.truncated ? { 'rdfs:comment': truncationText(metadata.truncated) } : {}),
  };
  // Each node with its outgoing statements, grouped by type in the order of the edges.
  const outgoing = new Map<string, Record<string, string[]>>();
  for (const edge of graph.edges) {
    const byType = outgoing.get(edge.source) ?? {};
    const targets = byType[edge.type] ?? [];
    targets.push(nodeIri(edge.target));
    byType[edge.type] = targets;
    outgoing.set(edge.source, byType);
  }
  const nodes = graph.nodes.map((node) => ({
    '@id': nodeIri(node.id),
    '@type': node.kind,
    ...node.properties,
    ...outgoing.get(node.id),
  }));
  const relationships = graph.edges.map((edge) => ({
    '@id': relationshipIri(edge.id),
    '@type': 'rdf:Statement',
    'rdf:subject': { '@id': nodeIri(edge.source) },
    'rdf:predicate': { '@id': `kz:${edge.type}` },
    'rdf:object': { '@id': nodeIri(edge.target) },
    ...(edge.properties satisfies Properties),
  }));
  return { '@context': context(graph), '@graph': [dataset, ...nodes, ...relationships] };
}

export function toJsonLd(graph: ExportGraph): string {
  return `${JSON.stringify(toJsonLdDocument(graph), null, 2)}\n`;
}
