import { csvRecord } from '../../../core/formats/csv';
import { DOWNLOAD_LIMITS } from '../../../core/model/console-limits';
import type { Row } from '../../../graph/graph';
import type { Plain } from '../../../graph/to-plain';

export type DownloadFormat = 'csv' | 'json';

/**
 * The one place a download is named: the dataset version it came from (v1.0.0, or
 * v1.0.0+data.<fingerprint> for data that are not that release), then the time, so two
 * downloads of different data never share a name.
 */
export function downloadName(
  datasetVersion: string,
  format: DownloadFormat,
  at = new Date(),
): string {
  const version = datasetVersion.replace(/[^\w.-]+/g, '-').slice(0, 40) || 'unseeded';
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `kizuna-query-${version}-${stamp}.${format}`;
}

/**
 * One CSV cell's text, losslessly: null is an empty cell, numbers and booleans as Cypher
 * prints them, strings as they are, and anything structured (a node with its elementId,
 * labels and properties; a relationship; a path; a list; a map) as its JSON.
 */
function cellText(value: Plain): string | null {
  if (value === null) return null;
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);
}

export const csvLine = (cells: Plain[]): string => csvRecord(cells.map(cellText));

export const csvRow = (columns: string[], row: Row): string =>
  csvLine(columns.map((c) => row[c] ?? null));

/** Why a download was cut, for its CSV trailer: the limit it reached, and what it holds. */
export function downloadCut(by: 'rows' | 'size', rows: number): string {
  const limit =
    by === 'rows'
      ? `${DOWNLOAD_LIMITS.maxRows} rows`
      : `${DOWNLOAD_LIMITS.maxResultChars} characters`;
  return `the result passed the download limit of ${limit}; this file holds the first ${rows} rows`;
}
