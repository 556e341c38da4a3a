import { describe, expect, it } from 'vitest';
import { actions, initialState } from '../../client/model/state';
import { decodeState, encodeState } from '../../client/model/url-state';
import { DATASET_VERSION } from '../../core/dataset';

describe('the view in the URL', () => {
  it('writes only what differs from the defaults', () => {
    expect(encodeState(initialState('ja'), DATASET_VERSION)).toBe(`dv=${DATASET_VERSION}&lang=ja`);
  });

  it('round-trips layout, filters, selection, language, expansions, focus, path and metric', () => {
    let s = initialState('ja');
    s = actions.setLanguage(s, 'en');
    s = actions.setLayout(s, 'fcose');
    s = actions.setTab(s, 'underpins');
    s = actions.togglePillar(s, 'II');
    s = actions.toggleKind(s, 'Theme');
    s = actions.setThemes(s, ['theme/defence']);
    s = actions.select(s, 'jp-mn-2022/I.3.2');
    s = actions.expand(s, 'jp-mn-epa');
    s = actions.hide(s, 'mongolia');
    s = actions.focusOn(s, 'mod-jp', 2);
    s = actions.pathFrom(s, 'mod-jp');
    s = actions.pathTo(s, 'un');
    s = actions.setMetric(s, 'pagerank');
    s = actions.setTab(s, 'table');
    const decoded = decodeState(`#${encodeState(s, DATASET_VERSION)}`, 'ja');
    expect(decoded.problems).toEqual([]);
    expect(decoded.state).toEqual(s);
  });

  it('keeps the implementation view, its sort, the cell it opened and the status filter in the link', () => {
    let s = actions.openImplementationCell(initialState('en'), 'II', 'limited');
    s = actions.sortImplementation(s, 'daysSince');
    s = actions.sortImplementation(s, 'daysSince');
    s = actions.toggleStatus(s, 'no_evidence');
    expect(s.tab).toBe('implementation');
    expect(s.implementation.sort).toEqual({ column: 'daysSince', descending: true });
    expect(s.filters.statuses).not.toContain('no_evidence');
    const decoded = decodeState(`#${encodeState(s, DATASET_VERSION)}`, 'en');
    expect(decoded.problems).toEqual([]);
    expect(decoded.state).toEqual(s);
    // The same status again shows it again, in the scale's order; the same cell again changes nothing.
    expect(actions.toggleStatus(s, 'no_evidence').filters.statuses).toEqual(
      initialState('en').filters.statuses,
    );
    expect(actions.openImplementationCell(s, 'II', 'limited')).toBe(s);
    expect(actions.openImplementationCell(s, null, null).implementation.cell).toBeNull();
    const bad = decodeState('#lang=en&isort=colour~up&icell=V~done&statuses=finished', 'en');
    expect(bad.problems).toHaveLength(3);
    expect(bad.state.implementation).toEqual(initialState('en').implementation);
  });

  it('keeps a list, the table’s sort and its filters in the link, so Back and a shared link reopen them', () => {
    let s = actions.openList(initialState('en'), {
      kind: 'search',
      q: 'defence MoU',
      ids: ['jp-mn-defence-mou', 'jp-mn-2022/I.3.2'],
    });
    s = actions.sortTable(s, 'lastEvent', false);
    s = actions.filterTable(s, 'events', '1..');
    s = actions.filterTable(s, 'status', 'quiet');
    s = actions.filterTable(s, 'name', 'defence');
    expect(s.tab).toBe('table');
    expect(decodeState(`#${encodeState(s, DATASET_VERSION)}`, 'ja')).toEqual({
      state: s,
      problems: [],
      version: DATASET_VERSION,
    });
    const quiet = actions.openList(actions.setQuietSince(initialState('en'), '2024-01-01'), {
      kind: 'quiet',
    });
    expect(encodeState(quiet, DATASET_VERSION)).toBe(
      `dv=${DATASET_VERSION}&lang=en&tab=table&quiet=2024-01-01&list=quiet`,
    );
    // The same column again turns the order round; an empty filter is no filter.
    s = actions.sortTable(s, 'lastEvent', false);
    expect(s.table.sort).toEqual({ column: 'lastEvent', descending: true });
    expect(actions.filterTable(s, 'status', '').table.filters.status).toBeUndefined();
    expect(actions.closeList(s).list).toBeNull();
    const bad = decodeState('#lang=en&list=everything&tsort=colour~up&tf.colour=red', 'en');
    expect(bad.state.list).toBeNull();
    expect(bad.problems).toHaveLength(3);
  });

  it('keeps the path finder’s options in the link, each step of them undoable, and opens older path links', () => {
    let s = actions.pathTo(actions.pathFrom(initialState('en'), 'mod-jp'), 'zam-road-training');
    // At first: not through structure, themes or events, around Japan and Mongolia, 3 paths.
    expect(encodeState(s, DATASET_VERSION)).toBe(
      `dv=${DATASET_VERSION}&lang=en&path=mod-jp%7Ezam-road-training`,
    );
    s = actions.setPathVia(s, 'events', true);
    expect(encodeState(s, DATASET_VERSION)).toBe(
      `dv=${DATASET_VERSION}&lang=en&path=mod-jp%7Ezam-road-training&via=events`,
    );
    s = actions.setPathVia(s, 'structure', true);
    s = actions.allowNode(s, 'japan');
    s = actions.avoidNode(s, 'mod-mn');
    s = actions.setPathCount(s, 5);
    expect(s.path).toEqual({
      from: 'mod-jp',
      to: 'zam-road-training',
      via: ['structure', 'events'],
      avoid: ['mongolia', 'mod-mn'],
      k: 5,
    });
    expect(decodeState(`#${encodeState(s, DATASET_VERSION)}`, 'ja')).toEqual({
      state: s,
      problems: [],
      version: DATASET_VERSION,
    });
    // Every option without ends, too: Back undoes a click on one before the ends are chosen.
    const lifted = actions.liftPathExclusions(actions.clearPath(s));
    expect(encodeState(lifted, DATASET_VERSION)).toBe(
      `dv=${DATASET_VERSION}&lang=en&via=structure%2Cthemes%2Cevents&avoid=&paths=5`,
    );
    expect(decodeState(`#${encodeState(lifted, DATASET_VERSION)}`, 'ja')).toEqual({
      state: lifted,
      problems: [],
      version: DATASET_VERSION,
    });
    // Out of range, or changing nothing: the same state.
    expect(actions.setPathCount(s, 6)).toBe(s);
    expect(actions.avoidNode(s, 'mod-mn')).toBe(s);

    // Links from before: ~1 kept away from the hierarchy, themes and the countries; ~0 did not.
    const older = decodeState('#lang=en&path=mod-jp~un~0', 'ja');
    expect(older.problems).toEqual([]);
    expect(older.state.path).toEqual({
      from: 'mod-jp',
      to: 'un',
      via: ['structure', 'themes'],
      avoid: [],
      k: 3,
    });
    expect(decodeState('#lang=en&path=mod-jp~un~1~all', 'ja').state.path).toEqual({
      from: 'mod-jp',
      to: 'un',
      via: ['events'],
      avoid: ['japan', 'mongolia'],
      k: 3,
    });
    const bad = decodeState('#lang=en&path=mod-jp~un~1~events&via=roads&avoid=<x>&paths=9', 'ja');
    expect(bad.problems).toEqual([
      'malformed path "mod-jp~un~1~events"',
      'unknown via "roads"',
      'unknown avoid "<x>"',
      'malformed number of paths "9"',
    ]);
    expect(bad.state.path).toEqual(initialState('ja').path);
  });

  it('opens old links to the underpins layout in the underpins view', () => {
    const { state, problems } = decodeState('#lang=en&layout=underpins', 'ja');
    expect(problems).toEqual([]);
    expect(state.tab).toBe('underpins');
    expect(state.layout).toBe('clusters');
  });

  it('keeps the day facts are taken as of: the plan, a chosen day, or (unwritten) today', () => {
    const base = initialState('en');
    expect(base.asOf).toBe('today');
    expect(encodeState(base, DATASET_VERSION)).not.toContain('asof');
    for (const asOf of ['plan', '2025-01-22'] as const) {
      const s = actions.setAsOf(base, asOf);
      expect(encodeState(s, DATASET_VERSION)).toContain(`asof=${asOf}`);
      const decoded = decodeState(`#${encodeState(s, DATASET_VERSION)}`, 'ja');
      expect(decoded.problems).toEqual([]);
      expect(decoded.state).toEqual(s);
    }
    expect(actions.setAsOf(base, 'today')).toBe(base);
    // Before the plan its words did not exist; a day that is not one is not read either.
    for (const bad of ['2020-01-01', '2025-02-30', 'yesterday']) {
      const { state, problems } = decodeState(`#lang=en&asof=${bad}`, 'en');
      expect(state.asOf).toBe('today');
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(`malformed as-of "${bad}"`);
    }
  });

  it('drops what it does not understand and says what', () => {
    const { state, problems } = decodeState(
      '#lang=fr&layout=spiral&kinds=Agency,Person&sel=<script>&focus=x~9',
      'en',
    );
    expect(state.lang).toBe('en');
    expect(state.layout).toBe('clusters');
    expect(state.filters.kinds).toEqual(['Agency']);
    expect(state.selected).toBeNull();
    expect(state.focus).toBeNull();
    expect(problems).toEqual([
      'unknown lang "fr"',
      'unknown layout "spiral"',
      'unknown kinds "Person"',
      'malformed selection "<script>"',
      'malformed focus "x~9"',
    ]);
  });

  it('pins every link to the dataset version it was made with, and reads it back', () => {
    const s = actions.select(initialState('en'), 'jp-mn-2022/I.3.2');
    for (const version of ['1.2.0', DATASET_VERSION, '1.3.0+data.9a7ddacb2a68', '9.0.0']) {
      const fragment = encodeState(s, version);
      expect(new URLSearchParams(fragment).get('dv')).toBe(version);
      expect(decodeState(`#${fragment}`, 'en')).toEqual({ state: s, problems: [], version });
    }
  });

  it('opens a link without a version as before, saying nothing of it', () => {
    expect(decodeState('#lang=en&sel=japan', 'en')).toMatchObject({
      problems: [],
      version: null,
    });
  });

  it('names a version it cannot read, or an older one never released, as a problem of the link', () => {
    for (const [dv, problem] of [
      ['1.2', 'malformed dataset version "1.2"'],
      ['v1.2.0', 'malformed dataset version "v1.2.0"'],
      ['1.2.0<b>', 'malformed dataset version "1.2.0<b>"'],
      ['1.0.7', 'unknown dataset version "1.0.7"'],
    ]) {
      const decoded = decodeState(`#lang=en&dv=${encodeURIComponent(dv!)}&sel=japan`, 'en');
      expect(decoded.version).toBeNull();
      expect(decoded.problems).toEqual([problem]);
      expect(decoded.state.selected).toBe('japan');
    }
  });
});
