import { describe, expect, it } from 'vitest';
import { initialState } from '../../client/model/state';
import { decodeState, encodeState } from '../../client/model/url-state';
import { slotOf } from '../../client/timeline/event-form';
import type { KizunaEvent } from '../../client/timeline/events-api';
import {
  activityBins,
  advancedRefs,
  parseRange,
  quietCommitments,
  restrictToRange,
  searchEvents,
} from '../../client/timeline/timeline-model';

/** A small event factory: only what the timeline reads. */
const ev = (
  id: string,
  date_start: string,
  date_end: string,
  refs: string[],
  extra: Partial<KizunaEvent> = {},
) =>
  ({
    id,
    date: date_start,
    date_start,
    date_end,
    title_en: `Event ${id}`,
    title_ja: `出来事${id}`,
    summary_en: 'A summit in Ulaanbaatar.',
    source_publisher: 'MOFA',
    advances: refs.map((ref) => ({ ref, reason: 'r' })),
    pillars: [...new Set(refs.map((r) => r.split('.')[0]!))],
    deleted: false,
    ...extra,
  }) as KizunaEvent;

const events = [
  ev('a', '2023-03-10', '2023-03-10', ['I.1.1']),
  ev('b', '2024-09-01', '2024-09-30', ['I.3.6', 'II.1.1']),
  ev('c', '2024-12-31', '2024-12-31', ['III.2.8']),
  ev('d', '2024-05-05', '2024-05-05', ['IV.1.1'], { deleted: true }),
];

describe('the timeline model', () => {
  it('reads a range from a link only when it is two real days in order', () => {
    expect(parseRange('2024-01-01~2024-12-31')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(parseRange('2024-12-31~2024-01-01')).toBeNull();
    expect(parseRange('2024-02-30~2024-03-01')).toBeNull();
    expect(parseRange('2024~2025')).toBeNull();
  });

  it('keeps the range and the open event in the URL', () => {
    const state = {
      ...initialState('en'),
      range: { from: '2024-01-01', to: '2024-12-31' },
      event: 'ev-x-1',
    };
    const back = decodeState(`#${encodeState(state)}`, 'ja');
    expect(back.problems).toEqual([]);
    expect(back.state.range).toEqual(state.range);
    expect(back.state.event).toBe('ev-x-1');
    expect(decodeState('#range=2024-13-01~2024-12-31', 'en').problems).toEqual([
      'malformed range "2024-13-01~2024-12-31"',
    ]);
  });

  it('counts an event whose month overlaps the range, and never a deleted one', () => {
    const in2024 = advancedRefs(events, { from: '2024-09-15', to: '2024-12-31' });
    expect([...in2024].sort()).toEqual(['I.3.6', 'II.1.1', 'III.2.8']);
    expect(advancedRefs(events, { from: '2024-05-01', to: '2024-05-31' }).size).toBe(0);
  });

  it('bins live events by month and pillar', () => {
    const bins = activityBins(events, { from: '2023-01-01', to: '2024-12-31' }, 1);
    expect(bins).toHaveLength(24);
    const sept = bins.find((b) => b.from === '2024-09-01')!;
    expect(sept.total).toBe(1);
    expect(sept.counts).toEqual({ I: 1, II: 1, III: 0, IV: 0 });
    expect(bins.find((b) => b.from === '2024-05-01')!.total).toBe(0);
    const quarters = activityBins(events, { from: '2022-11-01', to: '2024-12-31' }, 3);
    expect(quarters[0]!.from).toBe('2022-10-01');
    expect(quarters.at(-1)!.to).toBe('2024-12-31');
  });

  it('narrows the graph to the advanced commitments and what touches only them', () => {
    const nodes = [
      { id: 'p', kind: 'Pillar' },
      { id: 'c1', kind: 'Commitment', ref: 'I.3.6' },
      { id: 'c2', kind: 'Commitment', ref: 'I.1.1' },
      { id: 'ag1', kind: 'Agency' },
      { id: 'ag2', kind: 'Agency' },
    ];
    const edges = [
      { id: 'e1', source: 'c1', target: 'ag1' },
      { id: 'e2', source: 'c2', target: 'ag2' },
      { id: 'e3', source: 'p', target: 'c1' },
    ];
    const visible = { nodes: new Set(nodes.map((n) => n.id)), edges: new Set(['e1', 'e2', 'e3']) };
    const narrowed = restrictToRange(visible, nodes, edges, new Set(['I.3.6']), null);
    expect([...narrowed.nodes].sort()).toEqual(['ag1', 'c1', 'p']);
    expect([...narrowed.edges].sort()).toEqual(['e1', 'e3']);
    expect(restrictToRange(visible, nodes, edges, new Set(), 'c2').nodes.has('c2')).toBe(true);
    expect([...quietCommitments(nodes, events, '2024-01-01')]).toEqual(['c2']);
  });

  it('finds events by words in the shown title, summary or publisher', () => {
    expect(searchEvents(events, 'ulaanbaatar summit', 'en').map((e) => e.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(searchEvents(events, '出来事b', 'ja').map((e) => e.id)).toEqual(['b']);
    expect(searchEvents(events, '   ', 'en')).toEqual([]);
  });

  it('shows each API field error beside its field', () => {
    expect(slotOf('advances.1.reason')).toBe('advances.1.reason');
    expect(slotOf('advances')).toBe('advances');
    expect(slotOf('involves.2')).toBe('involves');
    expect(slotOf('source_url')).toBe('source_url');
    expect(slotOf('X-CSRF-Token')).toBe('general');
  });
});
