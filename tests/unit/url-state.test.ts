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
