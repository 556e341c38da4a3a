import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { HttpProblem } from './problem';

type Part = 'query' | 'params' | 'body';

/**
 * Parses one part of the request with its endpoint's zod schema, once, and hands the
 * parsed value on in res.locals[part]. A bad value is a 400 naming the field.
 */
export function validate<S extends z.ZodType>(part: Part, schema: S): RequestHandler {
  return (req, res, next) => {
    const result = schema.safeParse(req[part] ?? {});
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = issue.path.join('.') || part;
      next(
        new HttpProblem(
          400,
          'Invalid request',
          `${part === 'body' ? 'Body field' : `Parameter`} '${field}': ${issue.message}`,
          {
            field,
            errors: result.error.issues.map((i) => ({
              field: i.path.join('.') || part,
              message: i.message,
            })),
          },
        ),
      );
      return;
    }
    res.locals[part] = result.data;
    next();
  };
}
