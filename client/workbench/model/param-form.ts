import { z } from 'zod';
import type { Params, Plain } from './cypher-types';

/**
 * The parameters form: one typed field per `$name` in the query. A field holds the text the
 * researcher typed and the type it is read as; a field whose text reads as its type writes its
 * value into the parameters' JSON, which stays what is sent (and can still be edited by hand).
 */

export const PARAM_TYPES = ['string', 'number', 'boolean', 'list', 'json'] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

export interface ParamField {
  type: ParamType;
  text: string;
}

export type ParamFields = { [name: string]: ParamField };

export type FieldValue = { ok: true; value: Plain } | { ok: false; type: ParamType };

/** The field's text as a value of its type, or why it is not one. */
export function fieldValue(field: ParamField): FieldValue {
  const { type, text } = field;
  const fail: FieldValue = { ok: false, type };
  switch (type) {
    case 'string':
      return { ok: true, value: text };
    case 'number': {
      const n = Number(text.trim());
      return text.trim() !== '' && Number.isFinite(n) ? { ok: true, value: n } : fail;
    }
    case 'boolean': {
      const b = text.trim().toLowerCase();
      return b === 'true' || b === 'false' ? { ok: true, value: b === 'true' } : fail;
    }
    case 'list':
    case 'json': {
      let value: Plain;
      try {
        value = JSON.parse(text) as Plain;
      } catch {
        return fail;
      }
      return type === 'list' && !Array.isArray(value) ? fail : { ok: true, value };
    }
  }
}

/** The field that shows a value: its type read from the value itself. */
export function fieldOf(value: Plain): ParamField {
  if (typeof value === 'string') return { type: 'string', text: value };
  if (typeof value === 'number') return { type: 'number', text: String(value) };
  if (typeof value === 'boolean') return { type: 'boolean', text: String(value) };
  if (Array.isArray(value)) return { type: 'list', text: JSON.stringify(value) };
  return { type: 'json', text: JSON.stringify(value) };
}

/**
 * A new field's type, from where the query uses the name: after LIMIT or SKIP a number,
 * after IN a list, otherwise a string (the commonest: ids, refs, names).
 */
export function inferType(query: string, name: string): ParamType {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const before = new RegExp(`\\b(LIMIT|SKIP|OFFSET|IN)\\s+\\$\`?${escaped}\\b`, 'i').exec(query);
  if (!before) return 'string';
  return before[1]!.toUpperCase() === 'IN' ? 'list' : 'number';
}

/** The fields as the JSON sets them: every parameter the JSON holds is remembered as its field. */
export function fieldsFromParams(fields: ParamFields, params: Params): ParamFields {
  const next = { ...fields };
  let changed = false;
  for (const [name, value] of Object.entries(params)) {
    const current = fields[name];
    const read = current ? fieldValue(current) : null;
    if (read?.ok && JSON.stringify(read.value) === JSON.stringify(value)) continue;
    next[name] = fieldOf(value);
    changed = true;
  }
  return changed ? next : fields;
}

const fieldSchema = z.object({ type: z.enum(PARAM_TYPES), text: z.string().max(20_000) });

/** What localStorage holds, read leniently: a field that no longer fits is dropped alone. */
export function readStoredFields(text: string | null): ParamFields {
  if (!text) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return {};
  const fields: ParamFields = {};
  for (const [name, value] of Object.entries(json)) {
    const parsed = fieldSchema.safeParse(value);
    if (parsed.success) fields[name] = parsed.data;
  }
  return fields;
}
