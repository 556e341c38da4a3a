/**
 * The one CSV writer of the app (RFC 4180): the console's downloads, the workbench's CSV of
 * what it shows, and the neo4j-admin import files all quote by this rule. A field is quoted
 * when it holds a comma, a quote or a line break, or starts or ends with white space (which
 * spreadsheet programs would otherwise trim); a quote inside is doubled.
 */

/** What an empty text means to the reader: an empty value, or none (neo4j-admin's null). */
export interface CsvOptions {
  /** Quote the empty text, so it reads as an empty value: neo4j-admin reads `,,` as no value. */
  quoteEmpty?: boolean;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One field; null is the unquoted empty field (no value). */
export function csvField(text: string | null, { quoteEmpty = false }: CsvOptions = {}): string {
  if (text === null) return '';
  if ((quoteEmpty && text === '') || NEEDS_QUOTES.test(text))
    return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** One record: its fields joined by commas, ended by CRLF. */
export function csvRecord(fields: readonly (string | null)[], options?: CsvOptions): string {
  return `${fields.map((f) => csvField(f, options)).join(',')}\r\n`;
}
