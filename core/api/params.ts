import { z } from 'zod';

/**
 * Query-string building blocks shared by the endpoints' schemas. Lists may be given
 * comma-separated (kinds=Agency,Program) or repeated (kinds=Agency&kinds=Program).
 */
export function listOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.preprocess(
    (raw) => {
      if (raw === undefined || raw === '') return undefined;
      const items = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(','));
      return items.map((v) => v.trim()).filter(Boolean);
    },
    z
      .array(
        z.enum(values, {
          error: (issue) =>
            `unknown ${what} ${JSON.stringify(issue.input)}; expected one of ${values.join(', ')}`,
        }),
      )
      .min(1)
      .max(values.length * 2)
      .optional(),
  );
}

export function intParam(min: number, max: number, fallback: number) {
  return z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be between ${min} and ${max}`)
    .max(max, `must be between ${min} and ${max}`)
    .default(fallback);
}

export const boolParam = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

/** A node's stable id as it appears in the graph (jp-mn-2022/I.3.2, mofa-jp, theme/defence). */
export const nodeId = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'is too long')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'is not a node id (letters, digits, . _ / -)');
