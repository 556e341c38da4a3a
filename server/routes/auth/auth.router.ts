import { createHash } from 'node:crypto';
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { loginBody } from '../../../core/api/auth';
import {
  clearFailures,
  clearLegacyLock,
  createSession,
  deleteSession,
  findAccount,
  readFailures,
  recordFailure,
} from '../../../graph/events/accounts';
import { recordAudit } from '../../../graph/events/audit-log';
import type { Graph } from '../../../graph/graph';
import { HttpProblem } from '../../http/problem';
import { validate, validated } from '../../http/validate';
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
import { FORGET_AFTER_MINUTES, waitSeconds } from './sign-in-delay';

/** Failed sign-ins allowed per address in the window, whatever accounts they try. */
export const ADDRESS_LIMIT = { attempts: 20, windowMinutes: 15 } as const;

const wrongCredentials = () =>
  new HttpProblem(401, 'Sign-in failed', 'The account name or password is wrong.');

/** The failure counts' keys: one name from one address, and one name from anywhere. */
function throttleKeys(name: string, address: string): { pair: string; name: string } {
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  return { pair: hash(`pair\u0000${name}\u0000${address}`), name: hash(`name\u0000${name}`) };
}

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
    const { name, password } = validated(res, 'body', loginBody);
    const address = req.ip ?? 'unknown';
    const keys = throttleKeys(name, address);
    // Who tried is recorded as the account, never as the name typed (it may be a password).
    const access = (action: string, accountId: string | null, after: Record<string, unknown>) =>
      recordAudit(graph, {
        actor: accountId ? name : '(unknown account)',
        action,
        entity: 'Account',
        entity_id: accountId ?? '(unknown account)',
        version: null,
        before: null,
        after: { address, ...after },
      });
    const account = await findAccount(graph, name);
    // The same delays and answers whether or not the name has an account (sign-in-delay.ts).
    const counts = await readFailures(graph, [keys.pair, keys.name]);
    const wait = waitSeconds(
      { pair: counts.get(keys.pair), name: counts.get(keys.name) },
      Date.now(),
    );
    if (wait > 0) {
      await access('sign-in-delayed', account?.id ?? null, { wait_seconds: wait });
      res.set('Retry-After', String(wait));
      throw new HttpProblem(
        429,
        'Too many sign-in attempts',
        `Too many wrong passwords for this account name; try again in ${wait} s.`,
      );
    }
    const right = account?.password_hash
      ? await verifyPassword(password, account.password_hash)
      : await verifyAgainstNothing(password);
    if (!account || !right) {
      await recordFailure(graph, [keys.pair, keys.name], FORGET_AFTER_MINUTES);
      await access('sign-in-failed', account?.id ?? null, {});
      throw wrongCredentials();
    }
    // The owner has shown who they are: their own address starts again; guesses at the name
    // from elsewhere keep counting.
    await clearFailures(graph, [keys.pair]);
    await clearLegacyLock(graph, account.id);
    const token = newToken();
    const csrfToken = newToken();
    await createSession(graph, {
      tokenHash: hashToken(token),
      userId: account.id,
      csrfToken,
      expiresAt: new Date(Date.now() + options.sessionHours * 3_600_000).toISOString(),
    });
    await access('sign-in', account.id, {});
    setSessionCookie(req, res, token, options.sessionHours);
    res.set('Cache-Control', 'no-store');
    res.json({
      account: { name: account.name, role: account.role },
      csrf_token: csrfToken,
      require_sign_in: options.requireSignIn,
    });
  });

  router.post('/logout', requireRole('viewer'), requireCsrf, async (req, res) => {
    const { tokenHash, account } = sessionOf(res);
    if (tokenHash) await deleteSession(graph, tokenHash);
    if (account)
      await recordAudit(graph, {
        actor: account.name,
        action: 'sign-out',
        entity: 'Account',
        entity_id: account.id,
        version: null,
        before: null,
        after: { address: req.ip ?? 'unknown' },
      });
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  return router;
}
