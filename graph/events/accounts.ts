import { randomUUID } from 'node:crypto';
import type { Graph } from '../graph';

/** Accounts and sessions: analysts' data, beside the plan, never touched by the plan loader. */

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Account {
  id: string;
  name: string;
  role: Role;
}

export interface StoredAccount extends Account {
  password_hash: string;
  failed_logins: number;
  locked_until: string | null;
}

/** After this many wrong passwords in a row the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

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
    `CREATE (u:User {id: $id, name: $name, role: $role, password_hash: $hash, created_at: $at,
       failed_logins: 0})
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
    failed_logins: Number(p.failed_logins ?? 0),
    locked_until: p.locked_until ? String(p.locked_until) : null,
  };
}

/** Counts a wrong password; the MAX_FAILED_LOGINS-th in a row locks the account. */
export async function recordFailedLogin(graph: Graph, id: string): Promise<void> {
  await graph.write(
    `MATCH (u:User {id: $id})
     SET u.failed_logins = coalesce(u.failed_logins, 0) + 1
     WITH u WHERE u.failed_logins >= $max
     SET u.locked_until = $until, u.failed_logins = 0`,
    {
      id,
      max: MAX_FAILED_LOGINS,
      until: new Date(Date.now() + LOCK_MINUTES * 60_000).toISOString(),
    },
  );
}

export async function clearFailedLogins(graph: Graph, id: string): Promise<void> {
  await graph.write(
    `MATCH (u:User {id: $id}) WHERE u.failed_logins <> 0 OR u.locked_until IS NOT NULL
     SET u.failed_logins = 0 REMOVE u.locked_until`,
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
