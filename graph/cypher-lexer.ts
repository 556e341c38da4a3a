/**
 * A query's text as Neo4j's parser reads it, for the console's textual checks. Neo4j decodes
 * \uXXXX escapes before it splits the text into tokens (so `L\u004FAD CSV` is LOAD CSV, and
 * `\u0027` opens a string), and strings, comments and `quoted` names can hide or disguise
 * keywords; codeText undoes all three.
 */

/**
 * Decodes \uXXXX the way Neo4j 5 does (checked against the server): only when the backslash
 * ends an odd run of backslashes, and only with exactly one `u` and four hex digits.
 */
export function decodeUnicodeEscapes(text: string): string {
  return text.replace(/(\\+)u([0-9a-fA-F]{4})/g, (sequence, slashes: string, hex: string) =>
    slashes.length % 2 === 1
      ? slashes.slice(1) + String.fromCharCode(Number.parseInt(hex, 16))
      : sequence,
  );
}

/** The index just past the string literal opening at start (or the end, if it never closes). */
function endOfString(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === quote) return i + 1;
    else i++;
  }
  return text.length;
}

/** The name inside `backticks` (`` is a literal backtick) and the index just past it. */
function quotedName(text: string, start: number): [name: string, end: number] {
  let name = '';
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '`') {
      if (text[i + 1] !== '`') return [name, i + 1];
      name += '`';
      i += 2;
    } else {
      name += text[i];
      i++;
    }
  }
  return [name, text.length];
}

/**
 * The query with escapes decoded, every string literal emptied (''), every comment turned into
 * a space, and every `quoted` name unquoted, its non-identifier characters replaced by _ (so
 * `db`.`createLabel` reads db.createLabel, while `db.labels`, one odd name, does not pass for
 * the allowed db.labels).
 */
export function codeText(query: string): string {
  const text = decodeUnicodeEscapes(query);
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === "'" || ch === '"') {
      i = endOfString(text, i);
      out.push("''");
    } else if (ch === '/' && next === '/') {
      const end = text.slice(i).search(/[\r\n]/);
      i = end === -1 ? text.length : i + end;
      out.push(' ');
    } else if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      out.push(' ');
    } else if (ch === '`') {
      const [name, end] = quotedName(text, i);
      out.push(name.replace(/[^\p{L}\p{N}_$]/gu, '_') || '_');
      i = end;
    } else {
      out.push(ch);
      i++;
    }
  }
  return out.join('');
}

export interface Statement {
  /** The statement's text as written, without its closing semicolon. */
  text: string;
  /** Where it starts in the script (UTF-16 offset). */
  start: number;
}

/**
 * Splits a script at the semicolons outside strings, comments and `quoted` names, and drops
 * the parts that hold nothing but spaces and comments. Each part is then checked and run as
 * the very text Neo4j receives, which accepts one statement per query: a part that still holds
 * two (a semicolon disguised as \u003B) is refused by Neo4j, never run as two.
 */
export function splitStatements(script: string): Statement[] {
  const statements: Statement[] = [];
  let start = 0;
  let i = 0;
  const close = (end: number) => {
    const text = script.slice(start, end);
    if (codeText(text).trim() !== '') statements.push({ text, start });
  };
  while (i < script.length) {
    const ch = script[i]!;
    const next = script[i + 1];
    if (ch === "'" || ch === '"') i = endOfString(script, i);
    else if (ch === '/' && next === '/') {
      const end = script.slice(i).search(/[\r\n]/);
      i = end === -1 ? script.length : i + end;
    } else if (ch === '/' && next === '*') {
      const end = script.indexOf('*/', i + 2);
      i = end === -1 ? script.length : end + 2;
    } else if (ch === '`') i = quotedName(script, i)[1];
    else if (ch === ';') {
      close(i);
      i++;
      start = i;
    } else i++;
  }
  close(script.length);
  return statements;
}

/**
 * A statement's leading EXPLAIN or PROFILE (after spaces and comments), and the statement
 * without it; Neo4j reads the keyword in any case.
 */
export function planPrefix(statement: string): {
  mode: 'EXPLAIN' | 'PROFILE' | undefined;
  body: string;
} {
  let i = 0;
  for (;;) {
    const rest = statement.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) i += space[0].length;
    else if (rest.startsWith('//')) {
      const end = rest.search(/[\r\n]/);
      i = end === -1 ? statement.length : i + end;
    } else if (rest.startsWith('/*')) {
      const end = rest.indexOf('*/', 2);
      i = end === -1 ? statement.length : i + end + 2;
    } else break;
  }
  const word = /^(EXPLAIN|PROFILE)(?![\p{L}\p{N}_$])/iu.exec(statement.slice(i));
  if (!word) return { mode: undefined, body: statement };
  return {
    mode: word[1]!.toUpperCase() as 'EXPLAIN' | 'PROFILE',
    body: ' '.repeat(i + word[0].length) + statement.slice(i + word[0].length),
  };
}
