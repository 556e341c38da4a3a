import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordDay, recordEnded, recordEndsOn, today } from '../../client/model/clock';

describe('the day "today" stands for in the as-of switch', () => {
  afterEach(() => {
    recordEndsOn(null);
    vi.useRealTimers();
  });

  it('is the reader’s today in the live app', () => {
    vi.useFakeTimers({ now: new Date('2027-05-01T10:00:00Z') });
    expect(recordDay()).toBe('2027-05-01');
    expect(recordEnded()).toBe(false);
  });

  it('is a published copy’s day once that day is past: it knows nothing later', () => {
    vi.useFakeTimers({ now: new Date('2027-05-01T10:00:00Z') });
    recordEndsOn('2026-12-08');
    expect(today()).toBe('2027-05-01');
    expect(recordDay()).toBe('2026-12-08');
    expect(recordEnded()).toBe(true);
  });

  it('is today on the day it is published (and if the reader’s clock is behind)', () => {
    vi.useFakeTimers({ now: new Date('2026-12-08T23:00:00Z') });
    recordEndsOn('2026-12-08');
    expect(recordDay()).toBe('2026-12-08');
    expect(recordEnded()).toBe(false);
    recordEndsOn('2026-12-09');
    expect(recordDay()).toBe('2026-12-08');
  });
});
