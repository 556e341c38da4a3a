/**
 * XML 1.0 text for GraphML and GEXF. Values come from a document and its curation, so
 * they may hold anything a string can: markup characters, quotes, line breaks, and
 * characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/F),
 * which are dropped, since no escape can represent them.
 */

const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripIllegal(text: string): string {
  return text.replace(ILLEGAL, '');
}

/** Element content. CR is written as a reference because parsers turn a raw CR into LF. */
export function xmlText(text: string): string {
  return stripIllegal(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/**
 * A double-quoted attribute value. Tabs and line breaks are written as references
 * because parsers normalise raw ones in attributes to spaces.
 */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/**
 * An id as an NMTOKEN, which GraphML requires of node and edge ids ("jp-mn-2022/I.3.2"
 * is not one). Letters, digits, '.' and '-' stay; every other character, '_' included,
 * becomes _HEX_ (its code point), so the mapping is reversible and two ids never collide.
 */
export function nmtoken(id: string): string {
  return id.replace(/[^A-Za-z0-9.-]/gu, (c) => `_${c.codePointAt(0)!.toString(16).toUpperCase()}_`);
}

/** Text for inside <!-- -->: XML forbids "--" there (and a trailing "-"), so dashes are spaced. */
export function xmlComment(text: string): string {
  return stripIllegal(text)
    .replace(/-(?=-)/g, '- ')
    .replace(/-$/, '- ');
}
