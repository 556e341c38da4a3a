/**
 * The research console's limits: the guards enforce them and the API's documentation quotes
 * them (the longest query), so both read them here.
 */

/** What a request may carry, checked before anything runs. */
export interface RequestLimits {
  maxQueryChars: number;
  maxParamsChars: number;
  maxParamsDepth: number;
}

export interface ConsoleLimits extends RequestLimits {
  /** Server-side: Neo4j stops the transaction after this long; a script shares it. */
  timeoutMs: number;
  maxRows: number;
  /** Rows stop being read once their JSON passes this many characters. */
  maxResultChars: number;
  /** Statements in one script. */
  maxStatements: number;
}

export const CONSOLE_LIMITS: ConsoleLimits = {
  maxQueryChars: 20_000,
  maxParamsChars: 65_536,
  maxParamsDepth: 16,
  timeoutMs: 10_000,
  maxRows: 1_000,
  maxResultChars: 5_000_000,
  maxStatements: 10,
};

/** A download: one statement, more rows and time than the page, the same guards. */
export const DOWNLOAD_LIMITS: ConsoleLimits = {
  ...CONSOLE_LIMITS,
  timeoutMs: 30_000,
  maxRows: 100_000,
  maxResultChars: 200_000_000,
  maxStatements: 1,
};
