import { describe, expect, it } from 'vitest';
import {
  delaySeconds,
  FORGET_AFTER_MINUTES,
  SIGN_IN_DELAYS,
  waitSeconds,
} from '../../server/routes/auth/sign-in-delay';

const { pair, name } = SIGN_IN_DELAYS;

describe('sign-in delays', () => {
  it('let the first failures through, then double the wait up to its cap', () => {
    expect([0, 4].map((f) => delaySeconds(f, pair))).toEqual([0, 0]);
    expect([5, 6, 7, 8].map((f) => delaySeconds(f, pair))).toEqual([2, 4, 8, 16]);
    expect(delaySeconds(50, pair)).toBe(pair.maxSeconds);
    expect(delaySeconds(19, name)).toBe(0);
    expect(delaySeconds(1000, name)).toBe(name.maxSeconds);
  });

  it('make an attempt wait for the longer of the two, counted from the last failure', () => {
    const at = 1_000_000;
    expect(waitSeconds({ pair: { failures: 6, lastFailureAt: at } }, at + 1000)).toBe(3);
    expect(waitSeconds({ pair: { failures: 6, lastFailureAt: at } }, at + 4000)).toBe(0);
    expect(
      waitSeconds(
        { pair: { failures: 5, lastFailureAt: at }, name: { failures: 30, lastFailureAt: at } },
        at,
      ),
    ).toBe(name.maxSeconds);
    expect(waitSeconds({}, at)).toBe(0);
  });

  it('forget failures an hour old', () => {
    const at = 0;
    const later = FORGET_AFTER_MINUTES * 60_000 + 1;
    expect(waitSeconds({ pair: { failures: 100, lastFailureAt: at } }, later)).toBe(0);
  });

  it('hold guesses at one name from many addresses under 100 an hour (OWASP ASVS 2.2.1)', () => {
    // The fastest an attacker can go: each guess as soon as the wait allows.
    let t = 0;
    let failures = 0;
    let inFirstHour = 0;
    while (t < 3_600_000) {
      inFirstHour++;
      failures++;
      t += Math.max(1, delaySeconds(failures, name) * 1000);
    }
    expect(inFirstHour).toBeLessThan(100);
  });
});
