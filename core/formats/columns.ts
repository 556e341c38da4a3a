import type { Properties, PropertyValue, Scalar } from './export-graph';

/**
 * Typed columns for the property keys of a set of nodes or edges. GraphML, GEXF and
 * neo4j-admin's CSV headers all declare one type per attribute for the whole file, while
 * a property graph types each value: this finds the narrowest type every value fits.
 */

export type ColumnType = 'boolean' | 'int' | 'long' | 'double' | 'string';

export interface Column {
  name: string;
  type: ColumnType;
  /** True when every value is a list; a key holding both lists and scalars becomes text. */
  list: boolean;
}

/** Names first in the order a reader scans a node; the rest alphabetically. */
const LEADING = ['name_ja', 'name_en', 'ref', 'title_ja', 'title_en', 'text_ja', 'text_en'];

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

function scalarType(value: Scalar): ColumnType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (!Number.isInteger(value)) return 'double';
  if (value >= INT_MIN && value <= INT_MAX) return 'int';
  return Number.isSafeInteger(value) ? 'long' : 'double';
}

const NUMERIC: ColumnType[] = ['int', 'long', 'double'];

/** The narrowest type both fit: int and long widen to double, anything else mixed is text. */
function widen(a: ColumnType | undefined, b: ColumnType): ColumnType {
  if (a === undefined || a === b) return b;
  if (NUMERIC.includes(a) && NUMERIC.includes(b))
    return NUMERIC[Math.max(NUMERIC.indexOf(a), NUMERIC.indexOf(b))]!;
  return 'string';
}

interface Seen {
  type: ColumnType | undefined;
  lists: boolean;
  scalars: boolean;
}

/** One column per property key found on the items, leaving out the keys in `skip`. */
export function propertyColumns(
  items: { properties: Properties }[],
  skip: readonly string[] = [],
): Column[] {
  const seen = new Map<string, Seen>();
  for (const item of items) {
    for (const [name, value] of Object.entries(item.properties)) {
      if (skip.includes(name)) continue;
      const s = seen.get(name) ?? { type: undefined, lists: false, scalars: false };
      if (Array.isArray(value)) {
        s.lists = true;
        for (const element of value) s.type = widen(s.type, scalarType(element));
      } else {
        s.scalars = true;
        s.type = widen(s.type, scalarType(value));
      }
      seen.set(name, s);
    }
  }
  const rank = (name: string) => {
    const i = LEADING.indexOf(name);
    return i === -1 ? LEADING.length : i;
  };
  return [...seen.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, s]) => {
      const mixed = s.lists && s.scalars;
      return { name, type: mixed ? 'string' : (s.type ?? 'string'), list: s.lists && !mixed };
    });
}

/** A value as text: lists joined with the separator, numbers and booleans as JavaScript writes them. */
export function valueText(value: PropertyValue, listSeparator: string): string {
  return Array.isArray(value) ? value.map(String).join(listSeparator) : String(value);
}

/**
 * A list as GraphML and GEXF carry it: a JSON array ("[\"a\",\"b\"]"), so elements
 * holding commas, slashes or quotes come back exactly; a scalar as text.
 */
export function listText(value: PropertyValue): string {
  return Array.isArray(value) ? JSON.stringify(value) : String(value);
}
