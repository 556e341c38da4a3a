/**
 * Sign-in throttling as delays, never a lock (OWASP ASVS 2.2.1): wrong passwords make the next
 * attempt wait longer, per account name and address, and more gently per account name from
 * anywhere. An attacker guessing from one address soon waits minutes between guesses, while
 * the account's owner, from another address, signs in at once; guesses spread over many
 * addresses are held to at most one a minute per name (under ASVS's 100 failures an hour).
 * Names that have no account are throttled exactly as names that do, so the answers never
 * tell which accounts exist. Pure: the router reads and writes the counts.
 */

export interface DelayRule {
  /** Failures allowed before any wait. */
  free: number;
  /** The first wait; each further failure doubles it. */
  firstSeconds: number;
  /** The longest wait. */
  maxSeconds: number;
}

export const SIGN_IN_DELAYS = {
  /** One name from one address. */
  pair: { free: 5, firstSeconds: 2, maxSeconds: 300 },
  /** One name from any address. */
  name: { free: 20, firstSeconds: 2, maxSeconds: 60 },
} as const satisfies Record<string, DelayRule>;

/** Failures older than this are forgotten: a name's count starts again. */
export const FORGET_AFTER_MINUTES = 60;

/** The failures counted for one key: how many, and when the last was. */
export interface FailureCount {
  failures: number;
  lastFailureAt: number;
}

/** How long the next attempt must wait after `failures` failures in a row, in seconds. */
export function delaySeconds(failures: number, rule: DelayRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.firstSeconds * 2 ** (failures - rule.free), rule.maxSeconds);
}

/** Seconds still to wait before an attempt at `now` (ms) is heard, or 0. */
export function waitSeconds(
  counts: { pair?: FailureCount; name?: FailureCount },
  now: number,
): number {
  const wait = (count: FailureCount | undefined, rule: DelayRule) => {
    if (!count || now - count.lastFailureAt > FORGET_AFTER_MINUTES * 60_000) return 0;
    const until = count.lastFailureAt + delaySeconds(count.failures, rule) * 1000;
    return Math.max(0, Math.ceil((until - now) / 1000));
  };
  return Math.max(wait(counts.pair, SIGN_IN_DELAYS.pair), wait(counts.name, SIGN_IN_DELAYS.name));
}
