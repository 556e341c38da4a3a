import type { Params } from './cypher-types';

/** Why the parameters box cannot be sent: not JSON at all, or JSON that is not an object. */
export type ParamsError =
  | { reason: 'json'; message: string }
  | { reason: 'not-object'; got: 'array' | 'null' | 'string' | 'number' | 'boolean' };

export type ParamsOutcome = { ok: true; params: Params } | { ok: false; error: ParamsError };

/** The parameters box's text as the console wants it: a JSON object. An empty box means none. */
export function parseParams(text: string): ParamsOutcome {
  if (text.trim() === '') return { ok: true, params: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: { reason: 'json', message: (error as Error).message } };
  }
  if (Array.isArray(value)) return { ok: false, error: { reason: 'not-object', got: 'array' } };
  if (value === null) return { ok: false, error: { reason: 'not-object', got: 'null' } };
  if (typeof value !== 'object')
    return {
      ok: false,
      error: { reason: 'not-object', got: typeof value as 'string' | 'number' | 'boolean' },
    };
  return { ok: true, params: value as Params };
}

/** How parameters are shown in the box: nothing for none, else indented JSON. */
export const paramsText = (params: Params | undefined): string =>
  params && Object.keys(params).length > 0 ? JSON.stringify(params, null, 2) : '';
