import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { isUnavailable } from '../../graph/graph';

/** An error that leaves the server as RFC 9457 problem+json. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export const databaseUnavailable = (detail = 'The graph database is not reachable right now.') =>
  new HttpProblem(503, 'Database unavailable', detail);

const TYPE_BASE = 'https://kizuna.dev/problems/';

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpProblem(404, 'Not found', `No such resource: ${req.method} ${req.path}`));
};

/**
 * Turns every error into problem+json. The client gets a plain-words detail and a
 * request id; the log gets the cause. A database that is down is a 503, never a 500.
 */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    let problem: HttpProblem;
    if (error instanceof HttpProblem) {
      problem = error;
    } else if (isUnavailable(error)) {
      problem = databaseUnavailable();
    } else if (error?.type === 'entity.parse.failed') {
      problem = new HttpProblem(400, 'Malformed JSON', 'The request body is not valid JSON.');
    } else if (error?.type === 'entity.too.large') {
      problem = new HttpProblem(
        413,
        'Request too large',
        `The request body exceeds ${error.limit} bytes.`,
      );
    } else {
      problem = new HttpProblem(
        500,
        'Internal error',
        'Something went wrong on the server; it has been logged.',
      );
    }
    const requestId = String(req.id ?? '');
    if (problem.status >= 500) {
      (req.log ?? logger).error({ err: error, requestId }, problem.title);
    }
    if (problem.status === 503) res.setHeader('Retry-After', '5');
    res
      .status(problem.status)
      .type('application/problem+json')
      .json({
        type: `${TYPE_BASE}${slug(problem.title)}`,
        title: problem.title,
        status: problem.status,
        detail: problem.detail,
        instance: req.originalUrl,
        requestId,
        ...problem.extra,
      });
  };
}
