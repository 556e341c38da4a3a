import { describe, expect, it } from 'vitest';
import { segmentText } from '../../client/model/evidence-marks';
import { nearestTo, nextInDirection } from '../../client/model/keyboard-nav';
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

  it('keeps the focus when the focused node is hidden: its neighbourhood stays, without it', () => {
    const s = actions.hide(actions.focusOn(initialState(), 'c2', 1), 'c2');
    expect(sorted(computeVisible(loaded, s).nodes)).toEqual(['epa', 'mn', 'p2']);
    // Hiding a neighbour as well takes only that one away.
    expect(sorted(computeVisible(loaded, actions.hide(s, 'mn')).nodes)).toEqual(['epa', 'p2']);
  });

  it("shows a focused node's events (the analysts' records its panel lists), and only in its focus", () => {
    const withEvents: Loaded = {
      ...loaded,
      nodes: [...loaded.nodes, { id: 'ev1', kind: 'Event' }],
      edges: [
        ...loaded.edges,
        { id: 'ADVANCES|ev1|c2', source: 'ev1', target: 'c2', type: 'ADVANCES' },
        { id: 'ENGAGES|ev1|mn', source: 'ev1', target: 'mn', type: 'ENGAGES' },
      ],
      analysts: { c2: ['ev1'] },
    };
    const focused = computeVisible(withEvents, actions.focusOn(initialState(), 'c2', 1));
    expect(sorted(focused.nodes)).toEqual(['c2', 'epa', 'ev1', 'mn', 'p2']);
    expect(focused.edges.has('ADVANCES|ev1|c2') && focused.edges.has('ENGAGES|ev1|mn')).toBe(true);
    expect(computeVisible(withEvents, initialState()).nodes.has('ev1')).toBe(false);
  });

  it('keeps agreements and what they underpin in the underpins view', () => {
    const v = computeVisible(loaded, actions.setTab(initialState(), 'underpins'));
    expect(sorted(v.nodes)).toEqual(['c2', 'epa']);
    expect(sorted(v.edges)).toEqual(['e3']);
  });
});

describe('actions that would change nothing', () => {
  it('return the state they were given, so the user can be told', () => {
    const s = actions.focusOn(actions.hide(initialState(), 'mn'), 'c1', 1);
    expect(actions.hide(s, 'mn')).toBe(s);
    expect(actions.hideMany(s, ['mn', 'mn'])).toBe(s);
    expect(actions.focusOn(s, 'c1', 1)).toBe(s);
    expect(actions.collapse(s, 'c1')).toBe(s);
    expect(actions.pathFrom(actions.pathFrom(s, 'c1'), 'c1').path.from).toBe('c1');
    const fresh = initialState();
    expect(actions.unhideAll(fresh)).toBe(fresh);
    expect(actions.unhideLast(fresh)).toBe(fresh);
    expect(actions.clearFocus(fresh)).toBe(fresh);
    expect(actions.resetFilters(fresh)).toBe(fresh);
    // Filters equal to the first view's, in another order (as a link may list them): nothing to reset.
    const reordered = {
      ...fresh,
      filters: { ...fresh.filters, pillars: [...fresh.filters.pillars].reverse() },
    };
    expect(actions.resetFilters(reordered)).toBe(reordered);
  });

  it('restores the node hidden last, one at a time', () => {
    const s = actions.hide(actions.hide(initialState(), 'mn'), 'epa');
    expect(actions.unhideLast(s).hidden).toEqual(['mn']);
    expect(actions.unhideAll(s).hidden).toEqual([]);
  });
});

describe('nextInDirection', () => {
  const from = { id: 'a', x: 0, y: 0 };
  const right = { id: 'right', x: 100, y: 10 };
  const farRight = { id: 'far-right', x: 300, y: 0 };
  const up = { id: 'up', x: 5, y: -80 };
  const aside = { id: 'aside', x: 70, y: 90 };

  it('goes to the neighbour the arrow points at, before a nearer node it is not joined to', () => {
    expect(nextInDirection(from, [farRight, up], [right, farRight, up], 'right')).toBe('far-right');
    expect(nextInDirection(from, [farRight, up], [right, farRight, up], 'up')).toBe('up');
  });

  it('takes any shown node that way when no neighbour lies there, and says none when nothing does', () => {
    expect(nextInDirection(from, [up], [right, up], 'right')).toBe('right');
    expect(nextInDirection(from, [up], [right, up], 'left')).toBeNull();
  });

  it('prefers what lies along the arrow to what lies off to the side', () => {
    expect(nextInDirection(from, [], [aside, { id: 'down', x: 0, y: 150 }], 'down')).toBe('down');
    // Far off to the side (beyond 60°) is still reached when it is all there is that way.
    const wide = { id: 'wide', x: 150, y: 40 };
    expect(nextInDirection(from, [], [wide, aside], 'down')).toBe('aside');
    expect(nextInDirection(from, [], [wide], 'down')).toBe('wide');
  });

  it('starts at the node nearest the middle of the view', () => {
    expect(nearestTo({ x: 90, y: 0 }, [from, right, farRight])).toBe('right');
    expect(nearestTo({ x: 0, y: 0 }, [])).toBeNull();
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
