import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import {
  DatabaseDeadlineError,
  isTooSlow,
  isUnavailable,
  QueryCancelledError,
} from '../../graph/graph';

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

/** Names of the server's internals (Java classes in Neo4j's messages) are nobody's business. */
export function withoutInternals(text: string): string {
  return text
    .replace(/\b(?:java|javax|jdk|sun|org\.neo4j|com\.neo4j)\.[\w.$]+(?::\s*)?/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

interface HttpError {
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  type?: unknown;
  message?: unknown;
  limit?: unknown;
  charset?: unknown;
  encoding?: unknown;
}

/**
 * A client error raised by Express, the router or body-parser (they set `status`, and
 * `expose` when the message is fit for the client), in the words this API uses.
 */
function clientProblem(error: HttpError, req: Request): HttpProblem | undefined {
  const status = Number(error.status ?? error.statusCode);
  if (!Number.isInteger(status) || status < 400 || status > 499) return undefined;
  switch (error.type) {
    case 'entity.parse.failed':
      return new HttpProblem(400, 'Malformed JSON', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new HttpProblem(
        413,
        'Request too large',
        `The request body exceeds ${error.limit} bytes.`,
      );
    case 'encoding.unsupported':
      return new HttpProblem(
        415,
        'Unsupported content encoding',
        `The body's Content-Encoding "${String(error.encoding ?? req.headers['content-encoding'])}" is not supported; send it uncompressed, or as gzip, deflate or br.`,
        { field: 'Content-Encoding' },
      );
    case 'charset.unsupported':
      return new HttpProblem(
        415,
        'Unsupported charset',
        `The body's charset "${String(error.charset)}" is not supported; send UTF-8.`,
        { field: 'Content-Type' },
      );
  }
  if (error instanceof URIError) {
    return new HttpProblem(
      400,
      'Malformed URL',
      `The path ${JSON.stringify(req.path)} is not valid percent-encoded UTF-8 (a % must be followed by two hex digits that encode UTF-8).`,
      { field: 'path' },
    );
  }
  const title = STATUS_CODES[status] ?? 'Bad request';
  const detail =
    error.expose === true && typeof error.message === 'string' && error.message !== ''
      ? error.message
      : `The request was refused: ${title}.`;
  return new HttpProblem(status, title, detail);
}

/**
 * Turns every error into problem+json. The client gets a plain-words detail and a
 * request id; the log gets the cause. A database that is down or too slow is a 503 with
 * Retry-After, never a 500; client errors keep the 4xx Express or body-parser gave them.
 */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    let problem: HttpProblem;
    if (error instanceof HttpProblem) {
      problem = error;
    } else if (error instanceof DatabaseDeadlineError) {
      problem = databaseUnavailable(
        `${error.message} It may be overloaded or stopped; try again shortly.`,
      );
    } else if (error?.code === 'Neo.ClientError.Database.DatabaseNotFound') {
      problem = databaseUnavailable(
        'The configured graph database does not exist on the Neo4j server (check NEO4J_DATABASE).',
      );
    } else if (isUnavailable(error)) {
      problem = databaseUnavailable();
    } else if (isTooSlow(error)) {
      problem = new HttpProblem(
        503,
        'Database too slow',
        'The graph database could not finish this request in time (it may be warming up after a start, or busy); try again shortly.',
      );
    } else if (error instanceof QueryCancelledError) {
      // The client has gone; nobody reads this answer.
      problem = new HttpProblem(499, 'Client closed request', error.message);
    } else {
      problem =
        clientProblem(error ?? {}, req) ??
        new HttpProblem(
          500,
          'Internal error',
          'Something went wrong on the server; it has been logged.',
        );
    }
    const requestId = String(req.id ?? '');
    if (problem.status >= 500) {
      (req.log ?? logger).error({ err: error, requestId }, problem.title);
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (problem.status === 503) res.setHeader('Retry-After', '5');
    res
      .status(problem.status)
      .type('application/problem+json')
      .json({
        type: `${TYPE_BASE}${slug(problem.title)}`,
        title: problem.title,
        status: problem.status,
        detail: withoutInternals(problem.detail),
        instance: req.originalUrl,
        requestId,
        ...problem.extra,
      });
  };
}
