import type { RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { HttpProblem } from './problem';

type Part = 'query' | 'params' | 'body';

/** The field an issue is about; for an unknown key, the key itself. */
function fieldOf(issue: z.core.$ZodIssue, part: Part): string {
  if (issue.code === 'unrecognized_keys' && issue.keys[0]) return issue.keys[0];
  return issue.path.join('.') || part;
}

function messageOf(issue: z.core.$ZodIssue): string {
  return issue.code === 'unrecognized_keys' ? 'is not a known parameter' : issue.message;
}

/**
 * Parses one part of the request with its endpoint's zod schema, once, and hands the
 * parsed value on in res.locals[part]. A bad value is a 400 naming the field.
 */
export function validate<S extends z.ZodType>(part: Part, schema: S): RequestHandler {
  return (req, res, next) => {
    const result = schema.safeParse(req[part] ?? {});
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = fieldOf(issue, part);
      const noun = part === 'body' ? 'Body field' : 'Parameter';
      next(
        new HttpProblem(400, 'Invalid request', `${noun} '${field}': ${messageOf(issue)}`, {
          field,
          errors: result.error.issues.map((i) => ({
            field: fieldOf(i, part),
            message: messageOf(i),
          })),
        }),
      );
      return;
    }
    res.locals[part] = result.data;
    next();
  };
}

/**
 * What validate(part, schema) parsed for this request, typed by that same schema: the one
 * place res.locals is read as the schema's output, so handlers carry no casts.
 */
export function validated<S extends z.ZodType>(res: Response, part: Part, _schema: S): z.output<S> {
  return res.locals[part] as z.output<S>;
}
