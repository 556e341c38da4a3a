import type { Lang } from '../../model/state';
import type { Row } from './cypher-types';
import { valueText } from './values';

/** One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The result as RFC 4180 CSV: a header of the column names, then one record per row, each
 * cell the text the table shows (nodes as "(:Label {name})", nulls as an em dash), lines
 * ended by CRLF.
 */
export function resultCsv(columns: readonly string[], rows: readonly Row[], lang: Lang): string {
  const record = (fields: string[]) => `${fields.map(csvField).join(',')}\r\n`;
  return (
    record([...columns]) +
    rows.map((row) => record(columns.map((c) => valueText(row[c] ?? null, lang)))).join('')
  );
}
