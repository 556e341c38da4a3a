/**
 * What is audited: edits of events (and the seed's), and sign-ins to accounts. The audit log
 * records these and the API's audit filter accepts exactly these.
 */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'restore',
  'seed-create',
  'seed-update',
  'sign-in',
  'sign-in-failed',
  'sign-in-delayed',
  'sign-out',
] as const;
