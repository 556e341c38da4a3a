import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Graph } from '../graph/graph';
import { cancelOnClose } from './http/cancel-on-close';
import { frameOptionsFor, SAME_ORIGIN_ONLY } from './http/frame-ancestors';
import { hostAllowList, LOOPBACK_HOSTS } from './http/host-allow-list';
import { notFound, problemHandler } from './http/problem';
import { stalledBodyTimeout } from './http/stalled-body';
import { openApiDocument } from './openapi';
import { authRouter } from './routes/auth/auth.router';
import {
  type AuthOptions,
  DEFAULT_AUTH,
  readGuard,
  sessionMiddleware,
} from './routes/auth/session';
import type { ConsoleSandbox } from './routes/cypher/console-sandbox';
import { cypherRouter } from './routes/cypher/cypher.router';
import { eventsRouter } from './routes/events/events.router';
import { exportRouter } from './routes/export/export.router';
import { feedRouter } from './routes/feed/feed.router';
import { graphRouter } from './routes/graph/graph.router';
import { healthRouter } from './routes/health/health.router';
import { implementationRouter } from './routes/implementation/implementation.router';
import { nodesRouter } from './routes/nodes/nodes.router';
import { pathsRouter } from './routes/paths/paths.router';
import { PdfPrinter } from './routes/render/pdf-printer';
import { renderRouter } from './routes/render/render.router';
import { schemaRouter } from './routes/schema/schema.router';
import { searchRouter } from './routes/search/search.router';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export interface AppOptions {
  graph: Graph;
  logger: Logger;
  /** The built client (vite build output); served at / when present. */
  clientDir?: string;
  /** Prints diagrams to PDF; its Chromium starts on the first PDF and is closed by main.ts. */
  pdfPrinter?: PdfPrinter;
  /** Accounts and sign-in (issue 15); reading is open by default. */
  auth?: AuthOptions;
  /** Host header values answered (config ALLOWED_HOSTS); loopback names by default. */
  allowedHosts?: readonly string[];
  /** Proxies to believe for the client's address and TLS (config TRUST_PROXY); none by default. */
  trustProxy?: false | number | string[];
  /** Pages that may show the app in a frame (config KIZUNA_FRAME_ANCESTORS); its own origin by default. */
  frameAncestors?: readonly string[];
  /** How long one console request may run in Neo4j (config KIZUNA_CONSOLE_TIMEOUT_S). */
  consoleTimeoutMs?: number;
  /** The research console's own database; without it the console answers 503, never runs on graph. */
  console?: ConsoleSandbox;
}

/**
 * Helmet's headers, with the two that only make sense over TLS (HSTS, and the CSP's
 * upgrade-insecure-requests) sent only on TLS connections: over plain HTTP on loopback they
 * would make a browser try https://localhost, which nothing serves. Which pages may frame
 * the app (an embed) is the deployer's choice; X-Frame-Options follows it.
 */
function securityHeaders(tls: boolean, frameAncestors: readonly string[]) {
  const frameOptions = frameOptionsFor(frameAncestors);
  return helmet({
    contentSecurityPolicy: {
      directives: {
        // Cytoscape sets element styles inline; scripts stay same-origin only.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'frame-ancestors': [...frameAncestors],
        'upgrade-insecure-requests': tls ? [] : null,
      },
    },
    strictTransportSecurity: tls,
    xFrameOptions: frameOptions ? { action: frameOptions } : false,
  });
}

function requestId(req: IncomingMessage, res: ServerResponse): string {
  const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * One line per request when the log level writes info lines. Below that (LOG_LEVEL=warn,
 * say) pino-http would still build a child logger and serialise every request for nothing
 * (5 % of a request's CPU in the profile): only the request id is set, which error
 * lines and the X-Request-Id header carry.
 */
function requestLogging(logger: Logger): RequestHandler {
  if (!logger.isLevelEnabled('info')) {
    return (req, res, next) => {
      req.id = requestId(req, res);
      next();
    };
  }
  return pinoHttp({
    logger,
    genReqId: requestId,
    autoLogging: { ignore: (req) => req.url === '/api/health' },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
  });
}

/**
 * These GET routes answer from seed-cache.ts, which compresses each body once per data
 * version and sets Content-Encoding itself; the compression middleware would only wrap
 * the response to find that out.
 */
const SELF_ENCODED = /^\/api\/(graph|nodes|paths|search|schema)(\/|$)/;

function compressUnlessSelfEncoded(): RequestHandler {
  const compress = compression();
  return (req, res, next) =>
    req.method === 'GET' && SELF_ENCODED.test(req.path) ? next() : compress(req, res, next);
}

/** Builds the Express app; main.ts listens. Tests use this directly with supertest. */
export function createApp({
  graph,
  logger,
  clientDir,
  pdfPrinter = new PdfPrinter(DEFAULT_CHROMIUM),
  auth = DEFAULT_AUTH,
  allowedHosts = LOOPBACK_HOSTS,
  trustProxy = false,
  frameAncestors = SAME_ORIGIN_ONLY,
  consoleTimeoutMs,
  console: sandbox,
}: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  app.set('query parser', 'simple');
  app.use(requestLogging(logger));
  app.use(hostAllowList(allowedHosts));
  // Before anything reads a body: one that stops arriving is cut, not waited on.
  app.use(stalledBodyTimeout());
  const overTls = securityHeaders(true, frameAncestors);
  const plain = securityHeaders(false, frameAncestors);
  app.use((req, res, next) => (req.secure ? overTls : plain)(req, res, next));
  app.use(compressUnlessSelfEncoded());
  // Before the general body limit: a whole-plan diagram is larger than any API request.
  app.use('/api/render', renderRouter(pdfPrinter));
  app.use(express.json({ limit: '256kb' }));
  // After the body parser: its stream callbacks would lose the request's cancellation scope.
  app.use(cancelOnClose);

  const api = express.Router();
  const openApi = openApiDocument();
  api.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  api.use(sessionMiddleware(graph), readGuard(auth));
  api.use('/auth', authRouter(graph, auth));
  api.use('/events', eventsRouter(graph));
  api.use('/implementation', implementationRouter(graph));
  api.use('/feed.atom', feedRouter(graph));
  api.use('/health', healthRouter(graph, sandbox));
  api.use('/schema', schemaRouter(sandbox));
  api.use('/graph', graphRouter(graph));
  api.use('/nodes', nodesRouter(graph));
  api.use('/paths', pathsRouter(graph));
  api.use('/search', searchRouter(graph));
  api.use('/cypher', cypherRouter(sandbox, logger, consoleTimeoutMs));
  api.use('/export', exportRouter(graph));
  api.use(notFound);
  app.use('/api', api);

  if (clientDir && existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(clientDir, 'index.html')));
  }
  app.use(notFound);
  app.use(problemHandler(logger));
  return app;
}
