import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
};

/** Whether a folder is a `vite build` output (it has an index.html). */
export const isBuild = (dir: string | undefined): dir is string =>
  Boolean(dir && existsSync(path.join(dir, 'index.html')));

/**
 * A build's files on a free loopback port, with /api passed through to the one app: two
 * builds of the client (one made at an older commit, say) compared against the same API and data.
 * Without an app it is a plain static server (a published site: /api/* is a 404 like any
 * missing file).
 */
export async function serveBuild(
  dir: string,
  appUrl?: string,
): Promise<{ url: string; close(): void }> {
  const root = path.resolve(dir);
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (appUrl && url.pathname.startsWith('/api/')) {
      const answer = await fetch(`${appUrl}${url.pathname}${url.search}`, {
        headers: { accept: req.headers.accept ?? '*/*' },
      });
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/octet-stream',
      });
      res.end(Buffer.from(await answer.arrayBuffer()));
      return;
    }
    const file = path.join(
      root,
      url.pathname.endsWith('/')
        ? `${decodeURIComponent(url.pathname)}index.html`
        : decodeURIComponent(url.pathname),
    );
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}
