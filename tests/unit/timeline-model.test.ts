import { describe, expect, it } from 'vitest';
import { initialState } from '../../client/model/state';
import { decodeState, encodeState } from '../../client/model/url-state';
import { slotOf } from '../../client/timeline/event-form';
import { quietCountText, quietPanelText } from '../../client/timeline/event-words';
import type { KizunaEvent } from '../../client/timeline/events-api';
import {
  activityBins,
  advancedRefs,
  lastEvents,
  parseDay,
  parseRange,
  quietCommitments,
  restrictToRange,
  searchEvents,
} from '../../client/timeline/timeline-model';
import { DATASET_VERSION } from '../../core/dataset';

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
    const back = decodeState(`#${encodeState(state, DATASET_VERSION)}`, 'ja');
    expect(back.problems).toEqual([]);
    expect(back.state.range).toEqual(state.range);
    expect(back.state.event).toBe('ev-x-1');
    expect(decodeState('#range=2024-13-01~2024-12-31', 'en').problems).toEqual([
      'malformed range "2024-13-01~2024-12-31"',
    ]);
  });

  it('keeps the quiet-since day in the URL, and names a day that is not one', () => {
    const state = { ...initialState('en'), quietSince: '2024-01-01' };
    expect(encodeState(state, DATASET_VERSION)).toContain('quiet=2024-01-01');
    expect(decodeState(`#${encodeState(state, DATASET_VERSION)}`, 'ja').state.quietSince).toBe(
      '2024-01-01',
    );
    expect(encodeState(initialState('en'), DATASET_VERSION)).not.toContain('quiet=');
    const bad = decodeState('#quiet=2024-02-30', 'en');
    expect(bad.state.quietSince).toBeNull();
    expect(bad.problems).toEqual(['malformed quiet date "2024-02-30"']);
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(parseDay('2024-1-1')).toBeNull();
  });

  it('marks quiet the commitments with no live event on or after the chosen day', () => {
    const nodes = [
      { id: 'c1', kind: 'Commitment', ref: 'I.1.1' },
      { id: 'c2', kind: 'Commitment', ref: 'I.3.6' },
      { id: 'c3', kind: 'Commitment', ref: 'III.2.8' },
      { id: 'c4', kind: 'Commitment', ref: 'IV.1.1' },
      { id: 'ag', kind: 'Agency' },
    ];
    const quietIds = (since: string) => [...quietCommitments(nodes, events, since)].sort();
    // On the day counts; a month-long event counts from any of its days; deleted ones never.
    expect(quietIds('2023-03-10')).toEqual(['c4']);
    expect(quietIds('2023-03-11')).toEqual(['c1', 'c4']);
    expect(quietIds('2024-09-30')).toEqual(['c1', 'c4']);
    expect(quietIds('2024-10-01')).toEqual(['c1', 'c2', 'c4']);
    expect(quietIds('2025-01-01')).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('finds each commitment’s last live event, and words the quiet line in both languages', () => {
    const last = lastEvents([...events, ev('e', '2024-02', '2024-02-29', ['I.1.1'])]);
    expect(last.get('I.1.1')!.id).toBe('e');
    expect(last.get('III.2.8')!.id).toBe('c');
    expect(last.has('IV.1.1')).toBe(false);
    expect(quietCountText(23, '2024-01-01', 'en')).toBe('23 commitments quiet since 2024-01-01');
    expect(quietCountText(23, '2024-01-01', 'ja')).toBe('2024-01-01以降に出来事のない取組：23件');
    expect(quietPanelText('2025-01-01', last.get('I.1.1'), 'en')).toBe(
      'no event since 2025-01-01; last event: Feb 2024',
    );
    expect(quietPanelText('2025-01-01', undefined, 'ja')).toBe(
      '2025-01-01以降の出来事なし。最後の出来事：出来事の記録なし',
    );
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
