import type { Request, RequestHandler, Response } from 'express';
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { cypherBody, downloadBody } from '../../../core/api/cypher';
import { versionFor } from '../../../core/dataset';
import { truncatedTrailer } from '../../../core/formats/csv';
import { CONSOLE_LIMITS, DOWNLOAD_LIMITS } from '../../../core/model/console-limits';
import { type Graph, isUnavailable } from '../../../graph/graph';
import { HttpProblem } from '../../http/problem';
import { validate, validated } from '../../http/validate';
import { type ConsoleSandbox, consoleRestarting, freshConsole } from './console-sandbox';
import { ConsoleRunner, refusalProblem } from './cypher.service';
import { csvLine, csvRow, downloadCut, downloadName } from './download';
import { RESEARCH_QUERIES } from './research-queries';

const QUERIES_PER_MINUTE = 60;

/**
 * Per client address: the console is the one endpoint where every request may cost the
 * database seconds. Malformed requests count too; "console busy" answers (503) do not, as
 * they cost the database nothing. A download is one query.
 */
function consoleRateLimit() {
  return rateLimit({
    windowMs: 60_000,
    limit: QUERIES_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipFailedRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode !== 503,
    handler: (_req, _res, next) => {
      next(
        new HttpProblem(
          429,
          'Too many requests',
          `The console accepts ${QUERIES_PER_MINUTE} queries a minute from one client; try again after the Retry-After header's seconds.`,
        ),
      );
    },
  });
}

const clientOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/** Aborts when the client goes away before its answer is complete (closed tab, Stop). */
function clientGone(res: Response): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** The dataset version the database holds: the release's, or it with +data.<fingerprint>. */
async function datasetVersion(graph: Graph): Promise<string> {
  const rows = await graph.read(
    'MATCH (p:Plan) WHERE p.seed_fingerprint IS NOT NULL RETURN p.seed_fingerprint AS f ORDER BY p.id LIMIT 1',
  );
  const fingerprint = rows[0]?.f;
  return typeof fingerprint === 'string' ? `v${versionFor(fingerprint)}` : '';
}

/** The console's database failing is the console's 503, never "the database is down". */
async function asConsole<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isUnavailable(error) ? consoleRestarting() : error;
  }
}

/**
 * Visitors' Cypher runs on the console's own database (console-sandbox.ts), never on the
 * main one. consoleTimeoutMs: how long Neo4j lets one console request run (config
 * KIZUNA_CONSOLE_TIMEOUT_S); a host that serves many readers may want it shorter.
 */
export function cypherRouter(
  sandbox: ConsoleSandbox | undefined,
  logger?: Logger,
  consoleTimeoutMs = CONSOLE_LIMITS.timeoutMs,
): Router {
  const router = Router();
  const runner = sandbox && new ConsoleRunner(sandbox.graph, logger);
  const limits = { ...CONSOLE_LIMITS, timeoutMs: consoleTimeoutMs };
  const limiter = consoleRateLimit();
  // A client whose slots are all taken is told so before the limiter counts the request:
  // a burst of such requests would otherwise be counted all at once, before the first 503
  // could give its count back, and run past the quota that busy answers must not cost.
  const busyFirst: RequestHandler = (req, _res, next) => {
    next(runner?.busy(clientOf(req)));
  };
  router.get('/library', (_req, res) => {
    res.json({ queries: RESEARCH_QUERIES });
  });
  router.post('/', busyFirst, limiter, validate('body', cypherBody), async (req, res) => {
    await freshConsole(sandbox);
    const result = await asConsole(() =>
      runner!.run(validated(res, 'body', cypherBody), clientOf(req), clientGone(res), limits),
    );
    res.set('Cache-Control', 'no-store').json(result);
  });
  router.post('/download', busyFirst, limiter, validate('body', downloadBody), async (req, res) => {
    const graph = await freshConsole(sandbox);
    const body = validated(res, 'body', downloadBody);
    const name = downloadName(await asConsole(() => datasetVersion(graph)), body.format);
    let columns: string[] = [];
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      res.status(200).set({
        'Content-Type':
          body.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
      });
      // The byte order mark lets spreadsheet programs read the Japanese as UTF-8.
      if (body.format === 'csv') res.write(`\uFEFF${csvLine(columns)}`);
      else
        res.write(`{"file":${JSON.stringify(name)},"columns":${JSON.stringify(columns)},"rows":[`);
    };
    let count = 0;
    const outcome = await runner!.stream(
      { query: body.query, params: body.params },
      clientOf(req),
      clientGone(res),
      {
        columns: (c) => {
          columns = c;
        },
        row: (row) => {
          start();
          const text =
            body.format === 'csv'
              ? csvRow(columns, row)
              : `${count > 0 ? ',' : ''}${JSON.stringify(row)}`;
          count++;
          res.write(text);
          return true;
        },
      },
      DOWNLOAD_LIMITS,
    );
    if (outcome.end === 'stopped') {
      res.destroy();
      return;
    }
    if (!outcome.ok) {
      // Before the first row the answer is a plain refusal; after it, the file is cut off
      // (the connection is closed without its end), so a partial file never passes for whole.
      if (!started) throw refusalProblem(outcome.refusal);
      res.destroy();
      return;
    }
    start();
    if (body.format === 'json') {
      res.write(
        `],"truncated":${outcome.truncatedBy !== null},"maxRows":${DOWNLOAD_LIMITS.maxRows}}`,
      );
    } else if (outcome.truncatedBy !== null) {
      // The CSV says it was cut as the JSON does, in its last line (docs/dataset.md).
      res.write(truncatedTrailer(downloadCut(outcome.truncatedBy, count)));
    }
    res.end();
  });
  return router;
}
