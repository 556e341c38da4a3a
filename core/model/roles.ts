/**
 * An analyst account's roles, weakest first: each may do what those before it may. The
 * accounts store, the session checks and the API's account schema all read this one list.
 */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
