import { describe, expect, it } from 'vitest';
import { actions, initialState } from '../../client/model/state';
import { decodeState, encodeState } from '../../client/model/url-state';

describe('the view in the URL', () => {
  it('writes only what differs from the defaults', () => {
    expect(encodeState(initialState('ja'))).toBe('lang=ja');
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
    const decoded = decodeState(`#${encodeState(s)}`, 'ja');
    expect(decoded.problems).toEqual([]);
    expect(decoded.state).toEqual(s);
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
    expect(decodeState(`#${encodeState(s)}`, 'ja')).toEqual({ state: s, problems: [] });
    const quiet = actions.openList(actions.setQuietSince(initialState('en'), '2024-01-01'), {
      kind: 'quiet',
    });
    expect(encodeState(quiet)).toBe('lang=en&tab=table&quiet=2024-01-01&list=quiet');
    // The same column again turns the order round; an empty filter is no filter.
    s = actions.sortTable(s, 'lastEvent', false);
    expect(s.table.sort).toEqual({ column: 'lastEvent', descending: true });
    expect(actions.filterTable(s, 'status', '').table.filters.status).toBeUndefined();
    expect(actions.closeList(s).list).toBeNull();
    const bad = decodeState('#lang=en&list=everything&tsort=colour~up&tf.colour=red', 'en');
    expect(bad.state.list).toBeNull();
    expect(bad.problems).toHaveLength(3);
  });

  it('keeps a path through analysts’ records in the link, and opens older path links on the plan alone', () => {
    let s = actions.pathTo(actions.pathFrom(initialState('en'), 'mod-jp'), 'zam-road-training');
    expect(encodeState(s)).toBe('lang=en&path=mod-jp%7Ezam-road-training%7E1');
    s = actions.setPathLayers(s, 'all');
    expect(encodeState(s)).toBe('lang=en&path=mod-jp%7Ezam-road-training%7E1%7Eall');
    expect(decodeState(`#${encodeState(s)}`, 'ja')).toEqual({ state: s, problems: [] });
    const older = decodeState('#lang=en&path=mod-jp~un~0', 'ja');
    expect(older.problems).toEqual([]);
    expect(older.state.path).toEqual({
      from: 'mod-jp',
      to: 'un',
      avoidHierarchy: false,
      layers: 'plan',
    });
    const bad = decodeState('#lang=en&path=mod-jp~un~1~events', 'ja');
    expect(bad.problems).toEqual(['malformed path "mod-jp~un~1~events"']);
    expect(bad.state.path.layers).toBe('plan');
  });

  it('opens old links to the underpins layout in the underpins view', () => {
    const { state, problems } = decodeState('#lang=en&layout=underpins', 'ja');
    expect(problems).toEqual([]);
    expect(state.tab).toBe('underpins');
    expect(state.layout).toBe('clusters');
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
});
