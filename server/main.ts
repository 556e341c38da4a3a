import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import type { Connection } from '../graph/connection';
import { openGraph } from '../graph/graph';
import { createApp } from './app';
import type { Config } from './config';
import { PdfPrinter } from './routes/render/pdf-printer';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const clientDist = path.join(root, 'dist', 'client');

export function createLogger(config: Config): Logger {
  return pino({ level: config.logLevel, base: undefined });
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
): Promise<RunningServer> {
  const graph = openGraph(connection);
  const pdfPrinter = new PdfPrinter(config.chromiumPath);
  const app = createApp({ graph, logger, clientDir: clientDist, pdfPrinter, auth: config.auth });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.http.port, config.http.host, () => resolve(s));
    s.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new Error(
            `Port ${config.http.port} is already in use on ${config.http.host}: stop the other program or set PORT=...`,
          ),
        );
      } else reject(error);
    });
  });
  const host =
    config.http.host === '0.0.0.0' || config.http.host === '127.0.0.1'
      ? 'localhost'
      : config.http.host;
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5000).unref();
      });
      await pdfPrinter.close();
      await graph.close();
    },
  };
}
