import { describe, expect, it } from 'vitest';
import { segmentText } from '../../client/model/evidence-marks';
import { actions, initialState } from '../../client/model/state';
import { underpinsLayout } from '../../client/model/underpins-layout';
import { computeVisible, type Loaded } from '../../client/model/visibility';

const loaded: Loaded = {
  nodes: [
    { id: 'plan', kind: 'Plan' },
    { id: 'p1', kind: 'Pillar', ref: 'I' },
    { id: 'p2', kind: 'Pillar', ref: 'II' },
    { id: 'c1', kind: 'Commitment', pillar_ref: 'I', ref: 'I.1.1' },
    { id: 'c2', kind: 'Commitment', pillar_ref: 'II', ref: 'II.1.1' },
    { id: 'epa', kind: 'Agreement', country: 'bilateral' },
    { id: 'mofa', kind: 'Agency', country: 'JP' },
    { id: 'mn', kind: 'Country', country: 'MN' },
    { id: 't', kind: 'Theme' },
  ],
  edges: [
    { id: 'e1', source: 'c1', target: 'p1', type: 'PART_OF' },
    { id: 'e2', source: 'c2', target: 'p2', type: 'PART_OF' },
    { id: 'e3', source: 'epa', target: 'c2', type: 'UNDERPINS' },
    { id: 'e4', source: 'c1', target: 'mofa', type: 'INVOLVES' },
    { id: 'e5', source: 'c2', target: 'mn', type: 'INVOLVES' },
    { id: 'e6', source: 'c1', target: 't', type: 'TAGGED' },
  ],
  expansions: {},
  path: { nodes: [], edges: [] },
};
const sorted = (s: Set<string>) => [...s].sort();

describe('computeVisible', () => {
  it('shows everything but themes by default', () => {
    const v = computeVisible(loaded, initialState());
    expect(sorted(v.nodes)).toEqual(['c1', 'c2', 'epa', 'mn', 'mofa', 'p1', 'p2', 'plan']);
    expect(v.edges.has('e6')).toBe(false);
  });

  it('narrows to a pillar and keeps only what its commitments touch', () => {
    const v = computeVisible(loaded, actions.togglePillar(initialState(), 'II'));
    expect(sorted(v.nodes)).toEqual(['c1', 'mofa', 'p1', 'plan']);
  });

  it('filters entities by country, and themes by tag', () => {
    expect(
      computeVisible(loaded, actions.toggleCountry(initialState(), 'JP')).nodes.has('mofa'),
    ).toBe(false);
    const themed = computeVisible(loaded, actions.setThemes(initialState(), ['t']));
    expect(themed.nodes.has('c1')).toBe(true);
    expect(themed.nodes.has('c2')).toBe(false);
  });

  it('lets expansions and the path bypass filters, but never hidden nodes', () => {
    let s = actions.togglePillar(initialState(), 'II');
    s = actions.expand(s, 'epa');
    const v = computeVisible({ ...loaded, expansions: { epa: ['c2'] } }, s);
    expect(v.nodes.has('epa') && v.nodes.has('c2')).toBe(true);
    expect(v.edges.has('e3')).toBe(true);
    const hidden = computeVisible(
      { ...loaded, expansions: { epa: ['c2'] } },
      actions.hide(s, 'c2'),
    );
    expect(hidden.nodes.has('c2')).toBe(false);
  });

  it('focuses on the k-hop neighbourhood of a node', () => {
    expect(sorted(computeVisible(loaded, actions.focusOn(initialState(), 'c2', 1)).nodes)).toEqual([
      'c2',
      'epa',
      'mn',
      'p2',
    ]);
  });

  it('keeps agreements and what they underpin in the underpins view', () => {
    const v = computeVisible(loaded, actions.setTab(initialState(), 'underpins'));
    expect(sorted(v.nodes)).toEqual(['c2', 'epa']);
    expect(sorted(v.edges)).toEqual(['e3']);
  });
});

describe('underpinsLayout', () => {
  it('puts each agreement on the left beside the commitments it underpins', () => {
    const { rows, positions } = underpinsLayout(loaded.nodes, loaded.edges, (id) => id);
    expect(rows).toEqual([{ agreement: 'epa', commitments: ['c2'] }]);
    expect(positions.epa!.x).toBeLessThan(positions.c2!.x);
  });

  it('lays out for the canvas: names wrap when there is room, one line each when there is not', () => {
    const long = () =>
      'Memorandum of Cooperation between the authorities in the fields of education';
    const roomy = underpinsLayout(loaded.nodes, loaded.edges, long, { width: 900, height: 700 });
    expect(roomy.labels.wrap).toBe('wrap');
    const cramped = underpinsLayout(loaded.nodes, loaded.edges, long, { width: 390, height: 40 });
    expect(cramped.labels.wrap).toBe('ellipsis');
    expect(cramped.labels.labelWidth).toBeLessThan(roomy.labels.labelWidth);
  });
});

describe('segmentText', () => {
  it('cuts a text into plain and marked runs, merging marks of the same words', () => {
    const marks = [
      { start: 0, end: 3, label: 'involves: MOFA Japan', type: 'INVOLVES' },
      { start: 0, end: 3, label: 'involves: MOFA Mongolia', type: 'INVOLVES' },
      { start: 1, end: 2, label: 'overlap', type: 'X' },
      { start: 5, end: 99, label: 'out of range', type: 'X' },
    ];
    const segments = segmentText('外務省間の対話', marks);
    expect(segments.map((s) => s.text)).toEqual(['外務省', '間の対話']);
    expect(segments[0]!.mark?.label).toBe('involves: MOFA Japan; involves: MOFA Mongolia');
  });
});
