/**
 * An analyst account's roles, weakest first: each may do what those before it may. The
 * accounts store, the session checks and the API's account schema all read this one list.
 */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Whether an account with this role may at least do what `needed` may (roles rank as listed). */
export function hasRole(role: string | undefined, needed: Role): boolean {
  const rank = ROLES.indexOf(role as Role);
  return rank >= 0 && rank >= ROLES.indexOf(needed);
}
