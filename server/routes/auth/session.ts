import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { hasRole, type Role } from '../../../core/model/roles';
import { type Account, readSession } from '../../../graph/events/accounts';
import type { Graph } from '../../../graph/graph';
import { isUnavailable } from '../../../graph/graph';
import { databaseUnavailable, HttpProblem } from '../../http/problem';

/**
 * Sessions: a random 32-byte token in an HttpOnly, SameSite=Strict cookie (Secure when the
 * request came over TLS); the database keeps only its SHA-256, with the account and a CSRF
 * token. Every write must send that CSRF token in the X-CSRF-Token header: a page on another
 * site can neither read it nor, with SameSite=Strict, send the cookie.
 */

export const SESSION_COOKIE = 'kizuna_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface AuthOptions {
  /** When true, reading the API needs a signed-in account too (default: reading is open). */
  requireSignIn: boolean;
  /** How long a session lasts. */
  sessionHours: number;
}

export const DEFAULT_AUTH: AuthOptions = { requireSignIn: false, sessionHours: 12 };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export interface SessionLocals {
  account: Account | null;
  csrfToken: string | null;
  tokenHash: string | null;
  /** The session could not be read because the database is down. */
  unavailable?: boolean;
}

export function sessionOf(res: Response): SessionLocals {
  return (
    (res.locals.session as SessionLocals | undefined) ?? {
      account: null,
      csrfToken: null,
      tokenHash: null,
    }
  );
}

function cookieToken(req: Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      const token = value.join('=');
      return /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
    }
  }
  return null;
}

/** Reads the session cookie, once per request, into res.locals.session. */
export function sessionMiddleware(graph: Graph): RequestHandler {
  return async (req, res, next) => {
    const token = cookieToken(req);
    const locals: SessionLocals = { account: null, csrfToken: null, tokenHash: null };
    if (token) {
      const tokenHash = hashToken(token);
      try {
        const found = await readSession(graph, tokenHash);
        if (found) {
          locals.account = found.account;
          locals.csrfToken = found.csrfToken;
          locals.tokenHash = tokenHash;
        }
      } catch (error) {
        // Reads that need no account (health, the plan) still answer; anything needing the
        // session reports the database as unavailable rather than "signed out".
        if (!isUnavailable(error)) throw error;
        locals.unavailable = true;
      }
    }
    res.locals.session = locals;
    next();
  };
}

export function setSessionCookie(req: Request, res: Response, token: string, hours: number) {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/',
    maxAge: hours * 3_600_000,
  });
}

export function clearSessionCookie(req: Request, res: Response) {
  res.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/',
  });
}

/** 401 without an account, 403 with one whose role is below `role`. */
export function requireRole(role: Role): RequestHandler {
  return (_req, res, next) => {
    const { account, unavailable } = sessionOf(res);
    if (unavailable) {
      next(databaseUnavailable());
      return;
    }
    if (!account) {
      next(new HttpProblem(401, 'Sign-in required', 'Sign in with an account to do this.'));
      return;
    }
    if (!hasRole(account.role, role)) {
      next(
        new HttpProblem(
          403,
          'Not allowed',
          `This needs the ${role} role; the account "${account.name}" is ${account.role}.`,
        ),
      );
      return;
    }
    next();
  };
}

/** Every write needs the session's CSRF token in the X-CSRF-Token header. */
export const requireCsrf: RequestHandler = (req, res, next) => {
  const { csrfToken } = sessionOf(res);
  const sent = req.get(CSRF_HEADER) ?? '';
  const ok =
    csrfToken !== null &&
    sent.length === csrfToken.length &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(csrfToken));
  if (!ok) {
    next(
      new HttpProblem(
        403,
        'CSRF token missing or wrong',
        `Writes must send the session's CSRF token in the X-CSRF-Token header (from GET /api/auth/session).`,
        { field: 'X-CSRF-Token' },
      ),
    );
    return;
  }
  next();
};

/** A write: signed in (401), the CSRF token (403), then the role (403). */
export function writeGuard(role: Role): RequestHandler[] {
  return [requireRole('viewer'), requireCsrf, requireRole(role)];
}

/** When reading needs sign-in: every request except health, auth and the API document. */
export function readGuard(options: AuthOptions): RequestHandler {
  return (req, res, next) => {
    if (!options.requireSignIn) return next();
    if (/^\/(health|auth|openapi\.json)(\/|$)/.test(req.path)) return next();
    if (!sessionOf(res).account) {
      next(new HttpProblem(401, 'Sign-in required', 'This Kizuna requires signing in to read.'));
      return;
    }
    next();
  };
}
