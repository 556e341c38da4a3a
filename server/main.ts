import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import type { Connection } from '../graph/connection';
import { openGraph } from '../graph/graph';
import { createApp } from './app';
import type { Config } from './config';
import { repoRoot } from './repo-root';
import { ConsoleSandbox } from './routes/cypher/console-sandbox';
import { PdfPrinter } from './routes/render/pdf-printer';
import { warmUp } from './warm-up';

export const clientDist = path.join(repoRoot, 'dist', 'client');

export function createLogger(config: Config): Logger {
  return pino({ level: config.logLevel, base: undefined });
}

function listenError(error: NodeJS.ErrnoException, config: Config): Error {
  const where = `${config.http.host}:${config.http.port}`;
  if (error.code === 'EADDRINUSE') {
    return new Error(
      `Port ${config.http.port} is already taken on ${config.http.host} (is Kizuna already running?). ` +
        'Stop the other program, or choose another port with PORT=...',
    );
  }
  if (error.code === 'EACCES') {
    return new Error(`Not allowed to listen on ${where}; choose a port above 1023 with PORT=...`);
  }
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
    return new Error(`HOST=${config.http.host} is not an address of this machine.`);
  }
  return error;
}

/**
 * Fails at once, before the database is started or seeded, when the app could not listen
 * where it is configured to (a second npm start, say). startServer checks again, since
 * another program may take the port in between.
 */
export async function checkCanListen(config: Config): Promise<void> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error) => reject(listenError(error as NodeJS.ErrnoException, config)));
    probe.listen(config.http.port, config.http.host, () => probe.close(() => resolve()));
  });
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the app and API; close() stops accepting, drains, and closes the driver. */
export async function startServer(
  config: Config,
  connection: Connection,
  logger: Logger,
  consoleConnection?: Connection,
): Promise<RunningServer> {
  const graph = openGraph(connection, { deadlineMs: config.database.deadlineMs });
  const sandbox =
    consoleConnection &&
    new ConsoleSandbox(
      graph,
      openGraph(consoleConnection, { deadlineMs: config.database.deadlineMs }),
      logger,
    );
  // The console's first copy of the public data is made now, not on its first query.
  sandbox?.fresh().catch(() => {});
  const pdfPrinter = new PdfPrinter(config.chromiumPath);
  const app = createApp({
    graph,
    logger,
    clientDir: clientDist,
    pdfPrinter,
    allowedHosts: config.http.allowedHosts,
    trustProxy: config.http.trustProxy,
    frameAncestors: config.http.frameAncestors,
    consoleTimeoutMs: config.console.timeoutMs,
    console: sandbox,
    auth: config.auth,
  });
  // The first page load's queries are compiled before the first visitor waits for them.
  await warmUp(graph, logger);
  // http.createServer rather than app.listen: Express 5 calls app.listen's callback with
  // the error too, which reads as "listening" on a port that is taken.
  const server: Server = createServer(app);
  // Headers must arrive within 10 s (Node allows 60 s), a whole request within 2 minutes
  // (an 8 MB diagram at 0.6 Mbit/s) rather than 5; a body that stalls is cut sooner, by
  // http/stalled-body.ts.
  server.headersTimeout = 10_000;
  server.requestTimeout = 120_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.http.port, config.http.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await Promise.all([pdfPrinter.close(), graph.close(), sandbox?.close()]);
    throw listenError(error as NodeJS.ErrnoException, config);
  }
  const host =
    config.http.host === '0.0.0.0' || config.http.host === '127.0.0.1'
      ? 'localhost'
      : config.http.host;
  const { port } = server.address() as AddressInfo;
  // The PDF renderer's browser and first page start now, not on the first export.
  pdfPrinter.warm();
  return {
    url: `http://${host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5000).unref();
      });
      await pdfPrinter.close();
      await sandbox?.close();
      await graph.close();
    },
  };
}
