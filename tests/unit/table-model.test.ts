import { describe, expect, it } from 'vitest';
import { compareCells, compareRefs, passes, rowFacts } from '../../client/model/table-model';
import type { KizunaEvent } from '../../client/timeline/events-api';
import { quietCommitments } from '../../client/timeline/timeline-model';

const event = (id: string, date: string, end: string, over: Partial<KizunaEvent>): KizunaEvent =>
  ({
    id,
    date,
    date_start: date.length === 10 ? date : `${date}-01`,
    date_end: end,
    advances: [],
    involves: [],
    under: [],
    part_of: [],
    deleted: false,
    ...over,
  }) as unknown as KizunaEvent;

const nodes = [
  { id: 'p/I.3.2', kind: 'Commitment', ref: 'I.3.2', area_ref: 'I.3' },
  { id: 'p/II.1.1', kind: 'Commitment', ref: 'II.1.1', area_ref: 'II.1' },
  { id: 'p/IV.1.4', kind: 'Commitment', ref: 'IV.1.4', area_ref: 'IV.1' },
  { id: 'mou', kind: 'Agreement', status: 'in_effect' },
  { id: 'epa', kind: 'Agreement', status: 'in_force', in_force: '2016-06-07' },
  { id: 'mod', kind: 'Agency' },
];
const edges = [
  { source: 'mou', target: 'p/I.3.2' },
  { source: 'p/I.3.2', target: 'mod' },
  { source: 'p/IV.1.4', target: 'mod' },
  { source: 'epa', target: 'p/II.1.1' },
];
const events = [
  event('a', '2023-05', '2023-05-31', {
    advances: [{ ref: 'I.3.2', reason: '' }],
    involves: ['mod'],
  }),
  event('b', '2024-02-10', '2024-02-10', {
    advances: [{ ref: 'II.1.1', reason: '' }],
    under: ['epa'],
  }),
  event('c', '2024-03-01', '2024-03-01', {
    advances: [{ ref: 'II.1.1', reason: '' }],
    deleted: true,
  }),
];

describe('the table’s facts of a node', () => {
  const quiet = quietCommitments(nodes, events, '2024-01-01');
  const facts = rowFacts(nodes, edges, events, quiet, '2024-06-01');

  it('gives a commitment a status from its events, its last event, the days it has been quiet and its area', () => {
    expect(facts.get('p/I.3.2')).toEqual({
      status: 'quiet',
      inForce: null,
      lastEvent: '2023-05',
      daysQuiet: 367,
      events: 1,
      pillar: ['I.3'],
    });
    // Advanced since the day: not quiet; a deleted event counts for nothing.
    expect(facts.get('p/II.1.1')).toMatchObject({ status: 'advanced', events: 1, daysQuiet: 112 });
    // Never advanced: quiet since the plan's adoption.
    expect(facts.get('p/IV.1.4')).toMatchObject({
      status: 'quiet',
      lastEvent: null,
      events: 0,
      daysQuiet: 550,
    });
  });

  it('gives an instrument or actor its own status, date in force, events and the pillars it serves', () => {
    expect(facts.get('epa')).toMatchObject({
      status: 'in_force',
      inForce: '2016-06-07',
      events: 1,
      lastEvent: '2024-02-10',
      pillar: ['II'],
    });
    expect(facts.get('mod')).toMatchObject({ status: null, events: 1, pillar: ['I', 'IV'] });
    expect(facts.get('mou')).toMatchObject({ events: 0, daysQuiet: null, pillar: ['I'] });
    // No day chosen: no commitment is called quiet.
    expect(rowFacts(nodes, edges, events, new Set(), '2024-06-01').get('p/IV.1.4')!.status).toBe(
      'no_event',
    );
  });
});

describe('the table’s filters and order', () => {
  it('filters by a choice, by words in any order, and by ranges of numbers and of dates', () => {
    expect(passes('status', 'quiet', 'quiet')).toBe(true);
    expect(passes('status', 'quiet', 'advanced')).toBe(false);
    expect(passes('pillar', 'I', ['I', 'IV'])).toBe(true);
    expect(passes('pillar', 'I', ['I.3'])).toBe(true);
    expect(passes('pillar', 'II', ['I.3'])).toBe(false);
    expect(passes('name', 'exchanges DEFENCE', 'Defence visits and exchanges')).toBe(true);
    expect(passes('name', 'defense', 'Defence visits')).toBe(false);
    expect(passes('events', '1..', 2)).toBe(true);
    expect(passes('events', '1..', 0)).toBe(false);
    expect(passes('daysQuiet', '..365', 400)).toBe(false);
    expect(passes('daysQuiet', '100..500', 400)).toBe(true);
    // A year at the upper end means the whole year.
    expect(passes('lastEvent', '2023..2023', '2023-12-31')).toBe(true);
    expect(passes('lastEvent', '2024-01-01..', '2023-12')).toBe(false);
    expect(passes('lastEvent', '2023..', null)).toBe(false);
  });

  it('sorts refs in the plan’s order and keeps empty cells last', () => {
    expect(['II.10', 'IV.1', 'II.9', 'I.3.2.a', 'I.3.2'].sort(compareRefs)).toEqual([
      'I.3.2',
      'I.3.2.a',
      'II.9',
      'II.10',
      'IV.1',
    ]);
    expect(compareCells('lastEvent', null, '2023', 'en')).toBeGreaterThan(0);
    expect(compareCells('lastEvent', '2023-05', '2023-05-02', 'en')).toBeLessThan(0);
    expect(compareCells('events', 3, 10, 'en')).toBeLessThan(0);
  });
});
