import type { RequestHandler } from 'express';
import { HttpProblem } from './problem';

/** Loopback names: what a browser on this machine sends when it opens the app. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;

/**
 * Answers only requests whose Host header names this server. A web page on another site
 * whose name an attacker re-points at 127.0.0.1 (DNS rebinding) sends its own name as the
 * Host and is refused here. An allowed name without a port matches on the port the request
 * arrived on, so a server on a free port needs no configuring, and with no port at all, as
 * a browser sends it through a proxy on 80 or 443 (ALLOWED_HOSTS=kizuna.example.org behind
 * nginx); `*` turns the check off.
 */
export function hostAllowList(allowed: readonly string[]): RequestHandler {
  if (allowed.includes('*')) return (_req, _res, next) => next();
  const entries = allowed.map((entry) => {
    const match = HOST_HEADER.exec(entry.toLowerCase());
    return { name: match?.[1] ?? entry, port: match?.[2] };
  });
  return (req, _res, next) => {
    const header = (req.headers.host ?? '').toLowerCase();
    const match = HOST_HEADER.exec(header);
    if (match) {
      const [, name, given] = match;
      const port = given ?? (req.socket.localPort === 443 ? '443' : '80');
      const arrivedOn = String(req.socket.localPort);
      const portMatches = (e: { port?: string }) =>
        e.port ? e.port === port : given === undefined || given === arrivedOn;
      if (entries.some((e) => e.name === name && portMatches(e))) {
        next();
        return;
      }
    }
    next(
      new HttpProblem(
        403,
        'Unknown host',
        `This server does not answer to the Host ${JSON.stringify(header)}; open it as ${allowed[0]}, or add the name to ALLOWED_HOSTS.`,
        { field: 'Host' },
      ),
    );
  };
}
