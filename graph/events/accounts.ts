import { randomUUID } from 'node:crypto';
import type { Role } from '../../core/model/roles';
import type { Graph } from '../graph';

/** Accounts and sessions: analysts' data, beside the plan, never touched by the plan loader. */

export interface Account {
  id: string;
  name: string;
  role: Role;
}

export interface StoredAccount extends Account {
  password_hash: string;
}

export class AccountExistsError extends Error {
  override name = 'AccountExistsError';
}

export async function createAccount(
  graph: Graph,
  account: { name: string; role: Role; passwordHash: string },
): Promise<Account> {
  const [existing] = await graph.read('MATCH (u:User {name: $name}) RETURN u.id AS id', {
    name: account.name,
  });
  if (existing) throw new AccountExistsError(`An account named "${account.name}" already exists.`);
  const [row] = await graph.write(
    `CREATE (u:User {id: $id, name: $name, role: $role, password_hash: $hash, created_at: $at})
     RETURN u.id AS id, u.name AS name, u.role AS role`,
    {
      id: randomUUID(),
      name: account.name,
      role: account.role,
      hash: account.passwordHash,
      at: new Date().toISOString(),
    },
  );
  return { id: String(row!.id), name: String(row!.name), role: row!.role as Role };
}

export async function findAccount(graph: Graph, name: string): Promise<StoredAccount | null> {
  const [row] = await graph.read('MATCH (u:User {name: $name}) RETURN properties(u) AS p', {
    name,
  });
  if (!row) return null;
  const p = row.p as Record<string, unknown>;
  return {
    id: String(p.id),
    name: String(p.name),
    role: p.role as Role,
    password_hash: String(p.password_hash ?? ''),
  };
}

/**
 * Failed sign-ins, counted per key (server/routes/auth/sign-in-delay.ts says which keys). A
 * key is a hash: neither the names tried (which may be mistyped passwords) nor the addresses
 * are kept in clear. Counts are in the shared database, so every app instance sees them.
 */
export async function readFailures(
  graph: Graph,
  keys: string[],
): Promise<Map<string, { failures: number; lastFailureAt: number }>> {
  const rows = await graph.read(
    `MATCH (t:SignInThrottle) WHERE t.key IN $keys
     RETURN t.key AS key, t.failures AS failures, t.last_failure_at AS last`,
    { keys },
  );
  return new Map(
    rows.map((r) => [
      String(r.key),
      { failures: Number(r.failures), lastFailureAt: Date.parse(String(r.last)) },
    ]),
  );
}

/** Counts one more failure for each key; counts idle for `forgetMinutes` start again. */
export async function recordFailure(
  graph: Graph,
  keys: string[],
  forgetMinutes: number,
): Promise<void> {
  const now = new Date();
  const stale = new Date(now.getTime() - forgetMinutes * 60_000).toISOString();
  await graph.write(
    `UNWIND $keys AS key
     MERGE (t:SignInThrottle {key: key})
     SET t.failures = CASE WHEN t.last_failure_at IS NULL OR t.last_failure_at < $stale
                           THEN 1 ELSE t.failures + 1 END,
         t.last_failure_at = $now`,
    { keys, now: now.toISOString(), stale },
  );
  // Counts nobody added to for that long are gone, whichever names were sprayed.
  await graph.write(
    'MATCH (t:SignInThrottle) WHERE t.last_failure_at < $stale WITH t LIMIT 1000 DELETE t',
    { stale },
  );
}

export async function clearFailures(graph: Graph, keys: string[]): Promise<void> {
  await graph.write('MATCH (t:SignInThrottle) WHERE t.key IN $keys DELETE t', { keys });
}

/**
 * The accounts of older versions kept a failure count and a lock on the account; both are
 * gone with the lock (delays replaced it), and a successful sign-in removes them.
 */
export async function clearLegacyLock(graph: Graph, id: string): Promise<void> {
  await graph.write(
    `MATCH (u:User {id: $id}) WHERE u.failed_logins IS NOT NULL OR u.locked_until IS NOT NULL
     REMOVE u.failed_logins, u.locked_until`,
    { id },
  );
}

export async function createSession(
  graph: Graph,
  session: { tokenHash: string; userId: string; csrfToken: string; expiresAt: string },
): Promise<void> {
  await graph.write(
    `MATCH (u:User {id: $userId})
     CREATE (:Session {id: $id, user_id: u.id, csrf_token: $csrf, created_at: $at, expires_at: $expires})`,
    {
      id: session.tokenHash,
      userId: session.userId,
      csrf: session.csrfToken,
      at: new Date().toISOString(),
      expires: session.expiresAt,
    },
  );
}

/** The account and CSRF token of a live session, or null (unknown or expired). */
export async function readSession(
  graph: Graph,
  tokenHash: string,
): Promise<{ account: Account; csrfToken: string } | null> {
  const [row] = await graph.read(
    `MATCH (s:Session {id: $id}) WHERE s.expires_at > $now
     MATCH (u:User {id: s.user_id})
     RETURN u.id AS id, u.name AS name, u.role AS role, s.csrf_token AS csrf`,
    { id: tokenHash, now: new Date().toISOString() },
  );
  if (!row) return null;
  return {
    account: { id: String(row.id), name: String(row.name), role: row.role as Role },
    csrfToken: String(row.csrf),
  };
}

export async function deleteSession(graph: Graph, tokenHash: string): Promise<void> {
  await graph.write('MATCH (s:Session {id: $id}) DELETE s', { id: tokenHash });
}

export async function deleteExpiredSessions(graph: Graph): Promise<void> {
  await graph.write('MATCH (s:Session) WHERE s.expires_at <= $now DELETE s', {
    now: new Date().toISOString(),
  });
}
