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

const PARAM_COMMAND = /^:param\s+([\p{L}_][\p{L}\p{N}_]*)\s*=>\s*(.+?)\s*;?$/u;

/** A `:param` value: JSON, or a 'single-quoted' string as Cypher writes it. */
function commandValue(text: string): ParamsOutcome | { ok: true; value: Params[string] } {
  const quoted = /^'((?:[^'\\]|\\.)*)'$/.exec(text);
  if (quoted) return { ok: true, value: quoted[1]!.replace(/\\(.)/g, '$1') };
  try {
    return { ok: true, value: JSON.parse(text) as Params[string] };
  } catch (error) {
    return { ok: false, error: { reason: 'json', message: (error as Error).message } };
  }
}

/**
 * `:param name => value` lines (Neo4j Browser's command; one or more, nothing else in the
 * editor): the parameters box's JSON with those set, or undefined when the draft is a query.
 */
export function paramCommands(
  query: string,
  paramsBox: string,
): { ok: true; params: string } | { ok: false; error: ParamsError } | undefined {
  const lines = query
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0 || !lines.every((l) => l.startsWith(':param'))) return undefined;
  const current = parseParams(paramsBox);
  const params: Params = current.ok ? { ...current.params } : {};
  for (const line of lines) {
    const match = PARAM_COMMAND.exec(line);
    if (!match) {
      return {
        ok: false,
        error: { reason: 'json', message: `Write it as :param name => value (got ${line})` },
      };
    }
    const value = commandValue(match[2]!);
    if (!value.ok) return value;
    if ('value' in value) params[match[1]!] = value.value;
  }
  return { ok: true, params: paramsText(params) };
}

/** The $names a query uses, in order of first use (strings and comments are not read). */
export function paramNames(query: string): string[] {
  const code = query
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''")
    .replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
  const names = [...code.matchAll(/\$([\p{L}_][\p{L}\p{N}_]*|`[^`]+`)/gu)].map((m) =>
    m[1]!.replace(/^`|`$/g, ''),
  );
  return [...new Set(names)];
}
