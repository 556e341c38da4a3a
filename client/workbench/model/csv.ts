import { csvRecord } from '../../../core/formats/csv';
import type { Lang } from '../../model/state';
import type { Row } from './cypher-types';
import { valueText } from './values';

/**
 * The result as RFC 4180 CSV: a header of the column names, then one record per row, each
 * cell the text the table shows (nodes as "(:Label {name})", nulls as an em dash), lines
 * ended by CRLF.
 */
export function resultCsv(columns: readonly string[], rows: readonly Row[], lang: Lang): string {
  return (
    csvRecord([...columns]) +
    rows.map((row) => csvRecord(columns.map((c) => valueText(row[c] ?? null, lang)))).join('')
  );
}
