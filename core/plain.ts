/** JSON-ready values: what everything above graph/ sees instead of driver types. */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };
