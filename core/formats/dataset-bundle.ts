import { strToU8, zipSync } from 'fflate';
import { citationCff } from '../citation-cff';
import { DATASET_LICENSE, DATASET_SOURCE, DATASET_TITLE } from '../dataset';
import { CSVW_FILES, csvwMetadataText, NULL_MARKER, toCsvwTables } from './csvw';
import { toCypherScript } from './cypher-script';
import { type ExportGraph, stampOf } from './export-graph';
import { EVENTS_LABEL } from './graph-schema';
import { toJson } from './json';
import { toJsonLd } from './jsonld';
import { ARRAY_DELIMITER, toNeo4jNodesCsv, toNeo4jRelationshipsCsv } from './neo4j-csv';

/**
 * The dataset bundle: one zip holding the graph in neo4j-admin CSV, typed CSV tables with
 * their CSVW metadata (tables/), plain JSON, JSON-LD and a Cypher script, with a README, CITATION.cff and manifest.json, which lists every other file with
 * its size, SHA-256 and row count, and the graph's counts by label and type. Everything
 * sits in one folder named for the dataset and version, so unzipping two versions side by
 * side keeps them apart. The hash function is passed in (node:crypto on the server), so
 * this stays pure.
 */

export const MANIFEST = 'manifest.json';
/** The folder of the typed tables, apart from the neo4j-admin files of the same names. */
export const TABLES = 'tables';

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
  /** Records after the header, where the file is a table (a record may span lines). */
  rows?: number;
  description: string;
}

export interface BundleManifest {
  dataset: ReturnType<typeof stampOf> & { title: string };
  export: { title: string; exported: string; language: string };
  counts: {
    nodes: number;
    relationships: number;
    /** Dated events (label Event) among the nodes, and their relationships among the relationships. */
    events: number;
    eventRelationships: number;
    labels: Record<string, number>;
    types: Record<string, number>;
  };
  files: ManifestFile[];
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function eventCounts(graph: ExportGraph): { events: number; eventRelationships: number } {
  const events = new Set(graph.nodes.filter((n) => n.kind === EVENTS_LABEL).map((n) => n.id));
  return {
    events: events.size,
    eventRelationships: graph.edges.filter((e) => events.has(e.source)).length,
  };
}

function readme(graph: ExportGraph): string {
  const stamp = stampOf(graph.metadata);
  const { events, eventRelationships } = eventCounts(graph);
  return `# ${DATASET_TITLE}

Dataset \`${stamp.id}\`, version **${stamp.version}**, data fingerprint \`sha256:${stamp.fingerprint}\`.
Exported ${graph.metadata.exportedAt}: ${graph.nodes.length} nodes, ${graph.edges.length} relationships (${graph.metadata.title}).
Of these, ${events} nodes are dated events and ${eventRelationships} relationships are theirs (see "Events" below).

## Files

- \`nodes.csv\`, \`relationships.csv\`: the graph in the header format of \`neo4j-admin database import\`;
  lists are typed arrays (\`string[]\`…) split at \`${ARRAY_DELIMITER}\`, and texts span lines. Import into an empty database with
  \`neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv --array-delimiter="${ARRAY_DELIMITER}" --multiline-fields=true <database>\`,
  then run the constraint and index statements at the top of \`kizuna.cypher\`.
- \`kizuna.cypher\`: a script that recreates constraints, full-text indexes, nodes and relationships in an empty Neo4j 5
  database (\`cypher-shell -f kizuna.cypher\`).
- \`${TABLES}/${CSVW_FILES.nodes}\`, \`${TABLES}/${CSVW_FILES.relationships}\`: the same graph as typed tables for
  analysis (R, pandas, a spreadsheet), described by \`${TABLES}/${CSVW_FILES.metadata}\` (W3C CSV on the Web): each
  column's datatype, lists split at \`${ARRAY_DELIMITER}\`, the primary keys and the relationships' start and end as
  foreign keys to the nodes. A null cell is \`${NULL_MARKER}\`, the empty text is \`""\`, doubles carry a decimal point
  (\`pandas.read_csv(path, na_values=[r"${NULL_MARKER}"], keep_default_na=False)\` reads them so).
- \`kizuna.json\`: the same graph as plain JSON.
- \`kizuna.jsonld\`: the same graph as linked data (JSON-LD, its context inline; docs/dataset.md in the
  repository documents the vocabulary).
- \`CITATION.cff\`: how to cite this version (Citation File Format 1.2.0).
- \`${MANIFEST}\`: every other file's size, SHA-256 and row count, and the graph's counts by label and type.
  Check with \`sha256sum\`.

## Events

Nodes labelled \`Event\` are not part of the 2022 plan: they are dated occurrences since its adoption
(visits, meetings, signings …), curated by Kizuna (\`origin: "curated"\`) or added by its analysts
(\`origin: "analyst"\`). Each carries the public page it comes from (\`source_url\`, \`source_publisher\`,
\`source_accessed\`), a \`certainty\` (confirmed or uncertain, with \`certainty_note\`) and its \`date\` with
\`date_precision\`; its kind (visit, meeting …) is \`event_kind\`. They point at plan nodes with \`ADVANCES\`
(a commitment, with the \`reason\`), \`ENGAGES\` (an agency or country), \`UNDER\` (an agreement) and
\`WITHIN\` (a programme): types of their own, which no plan relationship has. Events do not carry the
plan's \`Entity\` label. Deleted events are not exported.

## How to cite

${stamp.citation}

Cite the source document as well: ${DATASET_SOURCE.publisher}, ${DATASET_SOURCE.title_ja} (${DATASET_SOURCE.date}), ${DATASET_SOURCE.url}.

## Licences and terms

- The data (Kizuna's structure, curation and English texts): ${DATASET_LICENSE.data.spdx} (${DATASET_LICENSE.data.url}).
  Attribute it with the citation above.
- The source text: the plan was published by the ${DATASET_SOURCE.publisher}. The ministry's legal notices
  (${DATASET_SOURCE.termsUrl}) say its website content is offered under the ${DATASET_SOURCE.terms.replace(/, per.*$/, '')}
  unless marked otherwise; reuse names the ministry and the page as its source, and an edited version must say it was
  edited and must not be presented as the ministry's own work. This dataset is such an edited version: the
  evidence texts are the plan's own words, the structure and English texts are Kizuna's.
- The program code that built it: ${DATASET_LICENSE.code.spdx}.
`;
}

/** The bundle's files, manifest last, and the zip of them all. */
export function buildDatasetBundle(
  graph: ExportGraph,
  sha256: (data: Uint8Array) => string,
): { zip: Uint8Array; manifest: BundleManifest; folder: string } {
  const stamp = stampOf(graph.metadata);
  const folder = `${stamp.id}-v${stamp.version}`;
  const nodesCsv = toNeo4jNodesCsv(graph);
  const relationshipsCsv = toNeo4jRelationshipsCsv(graph);
  const tables = toCsvwTables(graph);
  const files: { path: string; text: string; rows?: number; description: string }[] = [
    {
      path: 'nodes.csv',
      text: nodesCsv,
      rows: graph.nodes.length,
      description: 'nodes, neo4j-admin import format',
    },
    {
      path: 'relationships.csv',
      text: relationshipsCsv,
      rows: graph.edges.length,
      description: 'relationships, neo4j-admin import format',
    },
    {
      path: `${TABLES}/${CSVW_FILES.nodes}`,
      text: tables.nodes,
      rows: graph.nodes.length,
      description: 'nodes, typed table (CSVW)',
    },
    {
      path: `${TABLES}/${CSVW_FILES.relationships}`,
      text: tables.relationships,
      rows: graph.edges.length,
      description: 'relationships, typed table (CSVW)',
    },
    {
      path: `${TABLES}/${CSVW_FILES.metadata}`,
      text: csvwMetadataText(tables.metadata),
      description: "the typed tables' CSVW metadata: datatypes, null marker, keys, licence",
    },
    { path: 'kizuna.json', text: toJson(graph), description: 'the graph as plain JSON' },
    {
      path: 'kizuna.jsonld',
      text: toJsonLd(graph),
      description: 'the graph as linked data (JSON-LD, context inline)',
    },
    {
      path: 'kizuna.cypher',
      text: toCypherScript(graph),
      description: 'Cypher script: constraints, full-text indexes, nodes, relationships',
    },
    { path: 'CITATION.cff', text: citationCff(stamp), description: 'how to cite this version' },
    { path: 'README.md', text: readme(graph), description: 'what is here, licences and terms' },
  ];
  const encoded = files.map((f) => ({ ...f, data: strToU8(f.text) }));
  const manifest: BundleManifest = {
    dataset: { ...stamp, title: DATASET_TITLE },
    export: {
      title: graph.metadata.title,
      exported: graph.metadata.exportedAt,
      language: graph.metadata.language,
    },
    counts: {
      nodes: graph.nodes.length,
      relationships: graph.edges.length,
      ...eventCounts(graph),
      labels: countBy(graph.nodes, (n) => n.kind),
      types: countBy(graph.edges, (e) => e.type),
    },
    files: encoded.map((f) => ({
      path: f.path,
      bytes: f.data.length,
      sha256: sha256(f.data),
      ...(f.rows === undefined ? {} : { rows: f.rows }),
      description: f.description,
    })),
  };
  const entries: Record<string, Uint8Array> = {};
  for (const f of encoded) entries[`${folder}/${f.path}`] = f.data;
  entries[`${folder}/${MANIFEST}`] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  // A fixed time stamp: the same data give the same zip, byte for byte.
  const zip = zipSync(entries, { level: 6, mtime: new Date('2022-11-29T00:00:00Z') });
  return { zip, manifest, folder };
}
