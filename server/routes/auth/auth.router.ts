import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import {
  clearFailedLogins,
  createSession,
  deleteSession,
  findAccount,
  LOCK_MINUTES,
  recordFailedLogin,
} from '../../../graph/events/accounts';
import type { Graph } from '../../../graph/graph';
import { HttpProblem } from '../../http/problem';
import { validate } from '../../http/validate';
import { type LoginBody, loginBody } from './auth.schema';
import { verifyAgainstNothing, verifyPassword } from './password';
import {
  type AuthOptions,
  clearSessionCookie,
  hashToken,
  newToken,
  requireCsrf,
  requireRole,
  sessionOf,
  setSessionCookie,
} from './session';

/** Failed sign-ins allowed per address in the window, whatever accounts they try. */
export const ADDRESS_LIMIT = { attempts: 20, windowMinutes: 15 } as const;

const wrongCredentials = () =>
  new HttpProblem(401, 'Sign-in failed', 'The account name or password is wrong.');

export function authRouter(graph: Graph, options: AuthOptions): Router {
  const router = Router();

  router.get('/session', (_req, res) => {
    const { account, csrfToken } = sessionOf(res);
    res.set('Cache-Control', 'no-store');
    res.json({
      account: account ? { name: account.name, role: account.role } : null,
      csrf_token: csrfToken,
      require_sign_in: options.requireSignIn,
    });
  });

  // Per address: failed attempts only (a correct sign-in does not count).
  const perAddress = rateLimit({
    windowMs: ADDRESS_LIMIT.windowMinutes * 60_000,
    limit: ADDRESS_LIMIT.attempts,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(
        new HttpProblem(
          429,
          'Too many sign-in attempts',
          `Too many failed sign-ins from this address; try again in ${ADDRESS_LIMIT.windowMinutes} minutes.`,
        ),
      ),
  });

  router.post('/login', perAddress, validate('body', loginBody), async (req, res) => {
    const { name, password } = res.locals.body as LoginBody;
    const account = await findAccount(graph, name);
    if (!account) {
      await verifyAgainstNothing(password);
      throw wrongCredentials();
    }
    // Per account: MAX_FAILED_LOGINS wrong passwords in a row lock it for LOCK_MINUTES.
    if (account.locked_until && account.locked_until > new Date().toISOString()) {
      const seconds = Math.ceil((Date.parse(account.locked_until) - Date.now()) / 1000);
      res.set('Retry-After', String(seconds));
      throw new HttpProblem(
        429,
        'Account locked',
        `Too many wrong passwords for this account; it is locked for ${LOCK_MINUTES} minutes.`,
      );
    }
    if (!account.password_hash || !(await verifyPassword(password, account.password_hash))) {
      await recordFailedLogin(graph, account.id);
      throw wrongCredentials();
    }
    await clearFailedLogins(graph, account.id);
    const token = newToken();
    const csrfToken = newToken();
    await createSession(graph, {
      tokenHash: hashToken(token),
      userId: account.id,
      csrfToken,
      expiresAt: new Date(Date.now() + options.sessionHours * 3_600_000).toISOString(),
    });
    setSessionCookie(req, res, token, options.sessionHours);
    res.set('Cache-Control', 'no-store');
    res.json({
      account: { name: account.name, role: account.role },
      csrf_token: csrfToken,
      require_sign_in: options.requireSignIn,
    });
  });

  router.post('/logout', requireRole('viewer'), requireCsrf, async (req, res) => {
    const { tokenHash } = sessionOf(res);
    if (tokenHash) await deleteSession(graph, tokenHash);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  return router;
}
