import type { CsvwTable, CsvwTableGroup } from '../../core/formats/csvw';

/**
 * A small reader of CSV on the Web tables, to check the metadata against its own CSVs: it
 * parses RFC 4180 as the metadata's dialect says (comma, double quote, CRLF, a header row,
 * comment lines starting with the comment prefix, no trimming), then turns each cell into a
 * typed value by its column's datatype, null marker and separator, as the CSVW parsing
 * rules (https://www.w3.org/TR/tabular-data-model/#parsing-cells) do for these datatypes.
 */

export type CsvwValue = string | number | boolean | null | (string | number | boolean)[];

export interface ReadTable {
  header: string[];
  rows: Record<string, CsvwValue>[];
  comments: string[];
}

/** Records as lists of raw strings, and the comment lines apart. */
export function parseDialect(
  text: string,
  commentPrefix: string,
): { records: string[][]; comments: string[] } {
  const records: string[][] = [];
  const comments: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.startsWith(commentPrefix, i)) {
      const end = text.indexOf('\r\n', i);
      comments.push(text.slice(i + commentPrefix.length, end === -1 ? undefined : end).trim());
      i = end === -1 ? text.length : end + 2;
      continue;
    }
    const record: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        i += 1;
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote === -1) throw new Error('unterminated quoted field');
          value += text.slice(i, quote);
          if (text[quote + 1] === '"') {
            value += '"';
            i = quote + 2;
          } else {
            i = quote + 1;
            break;
          }
        }
      } else {
        const rest = text.slice(i).search(/,|\r\n/);
        value = text.slice(i, rest === -1 ? text.length : i + rest);
        if (value.includes('"') || value.includes('\n') || value.includes('\r'))
          throw new Error(
            `a bare quote or line break in an unquoted field: ${JSON.stringify(value)}`,
          );
        i += value.length;
      }
      record.push(value);
      if (text[i] === ',') {
        i += 1;
        continue;
      }
      if (text.startsWith('\r\n', i)) i += 2;
      else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
      break;
    }
    records.push(record);
  }
  return { records, comments };
}

function typed(raw: string, datatype: string): string | number | boolean {
  switch (datatype) {
    case 'string':
      return raw;
    case 'integer':
      if (!/^[-+]?\d+$/.test(raw)) throw new Error(`not an integer: ${JSON.stringify(raw)}`);
      return Number(raw);
    case 'double':
      if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^[-+]?INF$|^NaN$/.test(raw))
        throw new Error(`not a double: ${JSON.stringify(raw)}`);
      return raw.endsWith('INF') ? Number(raw.replace('INF', 'Infinity')) : Number(raw);
    case 'boolean':
      if (raw === 'true' || raw === '1') return true;
      if (raw === 'false' || raw === '0') return false;
      throw new Error(`not a boolean: ${JSON.stringify(raw)}`);
    default:
      throw new Error(`a datatype this reader does not know: ${datatype}`);
  }
}

/** One table of the group, read with the group's dialect and null marker. */
export function readCsvwTable(group: CsvwTableGroup, table: CsvwTable, text: string): ReadTable {
  const dialect = group.dialect as { commentPrefix: string; trim: boolean; header: boolean };
  if (dialect.trim !== false || dialect.header !== true)
    throw new Error('this reader reads untrimmed tables with one header row only');
  const { records, comments } = parseDialect(text, dialect.commentPrefix);
  const [header, ...body] = records;
  const columns = table.tableSchema.columns;
  if (JSON.stringify(header) !== JSON.stringify(columns.map((c) => c.titles)))
    throw new Error(`the header ${JSON.stringify(header)} is not the metadata's titles`);
  const rows = body.map((record, r) => {
    if (record.length !== columns.length)
      throw new Error(`row ${r + 1} has ${record.length} cells, not ${columns.length}`);
    const row: Record<string, CsvwValue> = {};
    columns.forEach((column, c) => {
      const raw = record[c]!;
      let value: CsvwValue;
      if (raw === group.null) value = null;
      else if (column.separator !== undefined)
        value = raw === '' ? [] : raw.split(column.separator).map((v) => typed(v, column.datatype));
      else value = typed(raw, column.datatype);
      if (value === null && column.required)
        throw new Error(`row ${r + 1}: the required column ${column.name} is null`);
      row[column.name] = value;
    });
    return row;
  });
  return { header: header ?? [], rows, comments };
}
