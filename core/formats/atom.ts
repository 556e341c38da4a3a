import { xmlAttr, xmlText } from './xml';

/**
 * An Atom 1.0 document (RFC 4287) from plain values: the elements the RFC requires of a
 * feed (id, title, updated, a rel="self" link) and of each entry (id, title, updated, an
 * author when the feed has none, a link, a summary), every value escaped by the one XML
 * text rule (xml.ts). Pure: the server adds the entries and the absolute URLs.
 */

export interface AtomEntry {
  /** A permanent IRI: readers recognise an entry they have seen (and its updates) by it. */
  id: string;
  title: string;
  /** ISO timestamp of the entry's latest change. */
  updated: string;
  /** Absolute URL of the entry's view. */
  link: string;
  summary: string;
  author: string;
  categories?: readonly string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** ISO timestamp of the latest change of any entry. */
  updated: string;
  /** The feed's own absolute URL. */
  self: string;
  /** The site the feed is about (absolute URL). */
  alternate: string;
  entries: readonly AtomEntry[];
}

const element = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;

function entryXml(entry: AtomEntry): string {
  return [
    '  <entry>',
    `    ${element('id', entry.id)}`,
    `    ${element('title', entry.title)}`,
    `    ${element('updated', entry.updated)}`,
    `    <author>${element('name', entry.author)}</author>`,
    `    <link rel="alternate" type="text/html" href="${xmlAttr(entry.link)}"/>`,
    ...(entry.categories ?? []).map((term) => `    <category term="${xmlAttr(term)}"/>`),
    `    ${element('summary', entry.summary)}`,
    '  </entry>',
  ].join('\n');
}

export function toAtom(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${element('id', feed.id)}`,
    `  ${element('title', feed.title)}`,
    ...(feed.subtitle ? [`  ${element('subtitle', feed.subtitle)}`] : []),
    `  ${element('updated', feed.updated)}`,
    `  <link rel="self" type="application/atom+xml" href="${xmlAttr(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlAttr(feed.alternate)}"/>`,
    ...feed.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}
