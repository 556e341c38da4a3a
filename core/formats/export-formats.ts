import { DATASET_VERSION, datasetFilename } from '../dataset';
import { toCsvwZip } from './csvw';
import { toCyjs } from './cyjs';
import { toCypherScript } from './cypher-script';
import type { ExportGraph } from './export-graph';
import { toGexf } from './gexf';
import { toGraphml } from './graphml';
import { toJson } from './json';
import { toJsonLd } from './jsonld';
import { toNeo4jNodesCsv, toNeo4jRelationshipsCsv } from './neo4j-csv';

export interface ExportFormat {
  /** What the file name ends with. */
  extension: string;
  /** Content-Type of the download (and of the Blob the client saves). */
  mediaType: string;
  /** Text, or bytes for a zip. */
  build(graph: ExportGraph): string | Uint8Array<ArrayBuffer>;
}

/**
 * Every plain-text file a view can be exported as. neo4j-admin reads nodes and
 * relationships from two files, offered here one by one as plain CSV (a CSV header cannot
 * hold metadata, so their version is in the file name); the dataset bundle
 * (dataset-bundle.ts) has both with a manifest, README and CITATION.cff. The typed tables
 * (csvw.ts: null, "" and numbers kept apart, described by CSVW metadata) come as one zip of
 * both tables and their metadata; jsonld is the same graph as linked data (jsonld.ts).
 */
export const EXPORT_FORMATS = {
  graphml: { extension: 'graphml', mediaType: 'application/graphml+xml', build: toGraphml },
  gexf: { extension: 'gexf', mediaType: 'application/gexf+xml', build: toGexf },
  'csv-nodes': {
    extension: 'nodes.csv',
    mediaType: 'text/csv; header=present',
    build: toNeo4jNodesCsv,
  },
  'csv-relationships': {
    extension: 'relationships.csv',
    mediaType: 'text/csv; header=present',
    build: toNeo4jRelationshipsCsv,
  },
  csvw: { extension: 'csvw.zip', mediaType: 'application/zip', build: toCsvwZip },
  cypher: { extension: 'cypher', mediaType: 'application/x-cypher-query', build: toCypherScript },
  cyjs: { extension: 'cyjs', mediaType: 'application/json', build: toCyjs },
  json: { extension: 'json', mediaType: 'application/json', build: toJson },
  jsonld: { extension: 'jsonld', mediaType: 'application/ld+json', build: toJsonLd },
} as const satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;

/** What a format builds: text for all but the zip of typed tables. */
export type ExportOutput<F extends ExportFormatName> = ReturnType<
  (typeof EXPORT_FORMATS)[F]['build']
>;

export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as [
  ExportFormatName,
  ...ExportFormatName[],
];

/**
 * kizuna-jp-mn-2022-v<version>-<view>-<date>.<extension>, e.g.
 * kizuna-jp-mn-2022-v1.0.0-pillar-i-2025-01-31.graphml.
 */
export function exportFilename(
  view: string,
  date: string,
  format: ExportFormatName,
  version: string = DATASET_VERSION,
): string {
  return datasetFilename(view, date, EXPORT_FORMATS[format].extension, version);
}
