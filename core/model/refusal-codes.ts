/**
 * Why the research console refused or stopped a query, for programs (the 422's `code`): every
 * guard refuses with one of these, and the API's refusal schema lists them.
 */
export const REFUSAL_CODES = [
  'too-long',
  'params',
  'syntax',
  'write',
  'admin',
  'load-csv',
  'procedure',
  'in-transactions',
  'script',
  'timeout',
  'memory',
  'expression-size',
  'failed',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];
