import { describe, expect, it } from 'vitest';
import {
  compareRefs,
  daysBetween,
  eventsByRef,
  implementationRows,
  quarterEnds,
  refsInCell,
  type Standing,
  sortRows,
  statusOverTime,
  statusTable,
} from '../../client/model/implementation-model';
import { assessmentOn } from '../../core/model/implementation';
import {
  DELIVERING_KINDS,
  MANY_EVENTS,
  RECENT_DAYS,
  suggestStatus,
} from '../../core/model/suggested-status';

const standing = (ref: string, status: Standing['status'], evidence: string[] = []): Standing => ({
  ref,
  pillar: ref.split('.')[0]!,
  status,
  evidence,
});

const event = (
  id: string,
  date_start: string,
  refs: string[],
  kind = 'meeting',
  date_end = date_start,
) => ({
  id,
  kind,
  date_start,
  date_end,
  deleted: false,
  advances: refs.map((ref) => ({ ref })),
});

const standings = [
  standing('I.1.1', 'substantial', ['ev-a', 'ev-b']),
  standing('I.2.10', 'no_evidence'),
  standing('I.2.9', 'limited', ['ev-c']),
  standing('III.1.1', 'complete', ['ev-d']),
  standing('IV.2.2', 'no_evidence'),
];

describe('statusTable', () => {
  it('counts each pillar at each level, and the totals add up to every commitment', () => {
    const table = statusTable(standings);
    expect(table.total).toBe(5);
    expect(table.rows.map((r) => r.pillar)).toEqual(['I', 'II', 'III', 'IV']);
    const first = table.rows[0]!;
    expect(first.total).toBe(3);
    expect(first.counts).toEqual({
      no_evidence: 1,
      not_started: 0,
      limited: 1,
      substantial: 1,
      complete: 0,
    });
    expect(table.rows[1]!.total).toBe(0);
    expect(table.totals.no_evidence).toBe(2);
    expect(Object.values(table.totals).reduce((a, b) => a + b, 0)).toBe(table.total);
  });
});

describe('the list rows', () => {
  const events = [
    event('ev-a', '2023-01-10', ['I.1.1']),
    event('ev-b', '2024-05-01', ['I.1.1', 'I.2.9'], 'signing'),
    event('ev-late', '2025-03-01', ['I.1.1']),
    { ...event('ev-gone', '2024-12-01', ['I.2.9']), deleted: true },
    event('ev-month', '2024-06-01', ['III.1.1'], 'visit', '2024-06-30'),
  ];

  it('name the last event by the day, the days since, the evidence cited and the events counted', () => {
    const rows = implementationRows(standings, events, '2024-06-15');
    expect(rows.map((r) => r.ref)).toEqual(['I.1.1', 'I.2.9', 'I.2.10', 'III.1.1', 'IV.2.2']);
    const first = rows[0]!;
    expect(first).toMatchObject({
      lastEventId: 'ev-b',
      lastEvent: '2024-05-01',
      daysSince: 45,
      evidence: 2,
      events: 2,
    });
    // A deleted event is not an event; one known only to its month has not happened mid-month.
    expect(rows[1]).toMatchObject({ lastEventId: 'ev-b', events: 1 });
    expect(rows[3]).toMatchObject({ lastEvent: null, daysSince: null, events: 0 });
    expect(implementationRows(standings, events, '2024-07-01')[3]).toMatchObject({
      lastEventId: 'ev-month',
      daysSince: 1,
    });
  });

  it('sort by each column both ways, rows without a value last, ties in the plan order', () => {
    const rows = implementationRows(standings, events, '2025-06-30');
    const refs = (column: Parameters<typeof sortRows>[1]['column'], descending: boolean) =>
      sortRows(rows, { column, descending }).map((r) => r.ref);
    expect(refs('ref', true)).toEqual(['IV.2.2', 'III.1.1', 'I.2.10', 'I.2.9', 'I.1.1']);
    expect(refs('status', false)).toEqual(['I.2.10', 'IV.2.2', 'I.2.9', 'I.1.1', 'III.1.1']);
    expect(refs('status', true)).toEqual(['III.1.1', 'I.1.1', 'I.2.9', 'I.2.10', 'IV.2.2']);
    expect(refs('daysSince', false)).toEqual(['I.1.1', 'III.1.1', 'I.2.9', 'I.2.10', 'IV.2.2']);
    expect(refs('daysSince', true)).toEqual(['I.2.9', 'III.1.1', 'I.1.1', 'I.2.10', 'IV.2.2']);
    expect(refs('lastEvent', true)[0]).toBe('I.1.1');
    expect(refs('evidence', true)).toEqual(['I.1.1', 'I.2.9', 'III.1.1', 'I.2.10', 'IV.2.2']);
  });

  it('keep each event once per commitment, oldest first', () => {
    const twice = event('ev-x', '2023-02-02', ['I.1.1', 'I.1.1']);
    const byRef = eventsByRef([events[2]!, twice, events[0]!], '2026-01-01');
    expect(byRef.get('I.1.1')!.map((e) => e.id)).toEqual(['ev-a', 'ev-x', 'ev-late']);
  });
});

describe('refs, days and quarters', () => {
  it('orders refs as the plan does', () => {
    expect(['II.1.1', 'I.2.10', 'IV.1.1', 'I.2.9', 'III.3.1'].sort(compareRefs)).toEqual([
      'I.2.9',
      'I.2.10',
      'II.1.1',
      'III.3.1',
      'IV.1.1',
    ]);
  });
  it('counts days across a leap year', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
  it('cuts quarters from the plan adoption to the day, the last at the day itself', () => {
    const q = quarterEnds('2022-11-29', '2023-08-10');
    expect(q).toEqual([
      { label: '2022 Q4', day: '2022-12-31' },
      { label: '2023 Q1', day: '2023-03-31' },
      { label: '2023 Q2', day: '2023-06-30' },
      { label: '2023 Q3', day: '2023-08-10' },
    ]);
  });
  it('lists the commitments of a table cell, a row, or a column', () => {
    expect(refsInCell(standings, 'I', 'no_evidence')).toEqual(['I.2.10']);
    expect(refsInCell(standings, null, 'no_evidence')).toEqual(['I.2.10', 'IV.2.2']);
    expect(refsInCell(standings, 'I', null)).toEqual(['I.1.1', 'I.2.9', 'I.2.10']);
  });
});

describe('status over time', () => {
  it('reads each day from the kept history', () => {
    const history = [
      {
        ref: 'I.1.1',
        as_of: '2023-02-01',
        assessed_at: '2023-02-02T00:00:00Z',
        status: 'limited' as const,
      },
      {
        ref: 'I.1.1',
        as_of: '2024-05-01',
        assessed_at: '2024-05-02T00:00:00Z',
        status: 'substantial' as const,
      },
    ];
    const refs = ['I.1.1', 'II.1.1'];
    const on = (day: string) =>
      refs.map((ref) => ({
        pillar: ref.split('.')[0]!,
        status:
          assessmentOn(
            history.filter((h) => h.ref === ref),
            day,
          )?.status ?? ('no_evidence' as const),
      }));
    const strip = statusOverTime(quarterEnds('2022-12-01', '2024-06-30'), on);
    expect(
      strip.map(
        (s) => s.pillars.I.no_evidence + s.pillars.I.limited * 10 + s.pillars.I.substantial * 100,
      ),
    ).toEqual([1, 10, 10, 10, 10, 10, 100]);
    expect(strip.every((s) => s.pillars.II.no_evidence === 1)).toBe(true);
  });
});

describe('suggestStatus', () => {
  const kinds = (n: number, kind = 'meeting', from = '2024-01-01') =>
    Array.from({ length: n }, (_, i) => ({
      kind,
      date_start: from,
      date_end: from.replace(/-\d\d$/, `-${String(i + 1).padStart(2, '0')}`),
    }));

  it('suggests no_evidence when nothing has happened by the day, never not_started', () => {
    expect(suggestStatus([], '2025-01-01')).toMatchObject({
      status: 'no_evidence',
      count: 0,
      last: null,
    });
    expect(suggestStatus(kinds(3, 'meeting', '2026-01-01'), '2025-01-01').status).toBe(
      'no_evidence',
    );
  });

  it('suggests limited for a single meeting, and for many old ones', () => {
    expect(suggestStatus(kinds(1), '2024-03-01')).toMatchObject({
      status: 'limited',
      count: 1,
      last: '2024-01-01',
      daysSince: 60,
    });
    const old = kinds(MANY_EVENTS, 'visit', '2020-01-01');
    expect(suggestStatus(old, '2026-01-01').status).toBe('limited');
  });

  it('suggests substantial for many recent events or a delivery with more, never complete', () => {
    expect(suggestStatus(kinds(MANY_EVENTS), '2024-06-01').status).toBe('substantial');
    expect(
      suggestStatus(kinds(MANY_EVENTS), `${2024 + Math.ceil(RECENT_DAYS / 365) + 1}-01-01`).status,
    ).toBe('limited');
    const delivery = [...kinds(1, DELIVERING_KINDS[0]), ...kinds(1, 'meeting', '2023-01-01')];
    const s = suggestStatus(delivery, '2024-02-01');
    expect(s).toMatchObject({ status: 'substantial', delivering: 1, count: 2 });
    expect(s.kinds).toEqual([
      { kind: 'meeting', count: 1 },
      { kind: 'signing', count: 1 },
    ]);
    expect(suggestStatus(kinds(1, 'signing'), '2024-02-01').status).toBe('limited');
    expect(suggestStatus(kinds(30, 'signing'), '2024-02-01').status).not.toBe('complete');
  });

  it('leaves out deleted events', () => {
    const gone = kinds(MANY_EVENTS).map((e) => ({ ...e, deleted: true }));
    expect(suggestStatus(gone, '2024-06-01').status).toBe('no_evidence');
  });
});
