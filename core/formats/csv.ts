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

/** What starts a comment line: a truncated file's trailer (csvComment). */
export const COMMENT_PREFIX = '#';

/** One field; null is the unquoted empty field (no value). */
export function csvField(text: string | null, { quoteEmpty = false }: CsvOptions = {}): string {
  if (text === null) return '';
  if ((quoteEmpty && text === '') || NEEDS_QUOTES.test(text))
    return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/**
 * One record: its fields joined by commas, ended by CRLF. A first field starting with the
 * comment prefix `#` is quoted, so a reader that skips comment lines (CSVW's commentPrefix,
 * the trailer of a truncated file) never skips a record.
 */
export function csvRecord(fields: readonly (string | null)[], options?: CsvOptions): string {
  return `${fields
    .map((f, i) =>
      i === 0 && f?.startsWith(COMMENT_PREFIX)
        ? `"${f.replaceAll('"', '""')}"`
        : csvField(f, options),
    )
    .join(',')}\r\n`;
}

/**
 * A comment line (`#` and the text on one line): what a CSVW reader with commentPrefix "#"
 * keeps as a comment, and a plain reader sees as a last row of one cell starting with `#`.
 */
export function csvComment(text: string): string {
  return `${COMMENT_PREFIX} ${text.replace(/[\r\n]+/g, ' ')}\r\n`;
}

/**
 * The trailer of a file cut short: its last line, `# truncated: <why>`. Only a comment line
 * can start with `#` (csvRecord quotes a record's first field that does), so it is found by
 * its first characters alone.
 */
export const truncatedTrailer = (why: string): string => csvComment(`truncated: ${why}`);

export function endsTruncated(text: string): boolean {
  return /(?:^|\r\n)# truncated: [^\r\n]*\r\n$/.test(text);
}
