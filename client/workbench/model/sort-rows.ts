import type { Lang } from '../../model/state';
import type { Plain, Row } from './cypher-types';
import { valueText } from './values';

export type SortDirection = 'ascending' | 'descending';

export interface Sort {
  column: string;
  direction: SortDirection;
}

/** Numbers and booleans compare as numbers, everything else by its shown text; nulls go last. */
function compareValues(a: Plain, b: Plain, lang: Lang): number {
  const na = typeof a === 'number' || typeof a === 'boolean';
  const nb = typeof b === 'number' || typeof b === 'boolean';
  if (na && nb) return Number(a) - Number(b);
  if (na !== nb) return na ? -1 : 1;
  return valueText(a, lang).localeCompare(valueText(b, lang), lang, { numeric: true });
}

/** The rows in the order the table shows them: the query's own order until a header is clicked. */
export function sortRows(rows: readonly Row[], sort: Sort | null, lang: Lang): Row[] {
  if (!sort) return [...rows];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  // Array.prototype.sort is stable, so equal values keep the query's order.
  return [...rows].sort((x, y) => {
    const a = x[sort.column] ?? null;
    const b = y[sort.column] ?? null;
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return sign * compareValues(a, b, lang);
  });
}

/** Clicking a header sorts by it ascending; clicking it again turns the order round. */
export function nextSort(current: Sort | null, column: string): Sort {
  if (current?.column === column)
    return {
      column,
      direction: current.direction === 'ascending' ? 'descending' : 'ascending',
    };
  return { column, direction: 'ascending' };
}
