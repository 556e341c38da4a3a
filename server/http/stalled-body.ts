import type { RequestHandler } from 'express';

/** How long a request body may go without a byte before its connection is cut, in ms. */
export const BODY_IDLE_MS = 5_000;

/**
 * A request whose body stops arriving held its connection, and the body parser waiting on
 * it, for Node's 300 s request timeout: a few such requests tie up a server. While a body is
 * read, the connection must deliver a byte every `idleMs`, or the client is told 408 and the
 * connection is closed. Once the body is in (or the answer is sent) nothing is timed here: a
 * slow query or PDF render legitimately sends nothing for longer.
 *
 * It watches the socket's byte count rather than the body's data events, which would start the
 * body flowing before the parser that reads it is there.
 */
export function stalledBodyTimeout(idleMs = BODY_IDLE_MS): RequestHandler {
  return (req, res, next) => {
    const length = Number(req.headers['content-length'] ?? 0);
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (req.complete || (!chunked && !(length > 0))) return next();
    const socket = req.socket;
    let seen = socket.bytesRead;
    let since = Date.now();
    const timer = setInterval(
      () => {
        if (req.complete || res.writableEnded) return clearInterval(timer);
        if (socket.bytesRead !== seen) {
          seen = socket.bytesRead;
          since = Date.now();
          return;
        }
        if (Date.now() - since < idleMs) return;
        clearInterval(timer);
        if (!res.headersSent) {
          res.writeHead(408, {
            'content-type': 'application/problem+json',
            connection: 'close',
          });
          res.end(
            JSON.stringify({
              type: 'about:blank',
              title: 'Request Timeout',
              status: 408,
              detail: `The request body stopped arriving: no byte for ${idleMs / 1000} s.`,
            }),
          );
        }
        socket.destroySoon();
      },
      Math.min(1_000, idleMs / 2),
    );
    timer.unref();
    res.once('close', () => clearInterval(timer));
    next();
  };
}
