import type { Request } from 'express';
import { HttpProblem } from './problem';

/**
 * The number an If-Match names ("3" or W/"3"), null when absent; 400 when unreadable. Events
 * send their version in it, implementation assessments their commitment's revision.
 */
export function ifMatchVersion(req: Request): number | null {
  const header = req.get('If-Match');
  if (header === undefined) return null;
  const m = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!m)
    throw new HttpProblem(
      400,
      'Invalid request',
      `Header 'If-Match' must be an ETag such as "3".`,
      {
        field: 'If-Match',
      },
    );
  return Number(m[1]);
}
