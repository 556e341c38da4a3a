import { describe, expect, it } from 'vitest';
import type { CypherResult, Refusal } from '../../client/workbench/model/cypher-types';
import { actions, initialState, type WorkbenchState } from '../../client/workbench/model/state';
import {
  FILE_FORMAT,
  parseQueriesFile,
  queriesFile,
} from '../../client/workbench/model/stored-queries';

const stamp = (id: string, minute = 0) => ({
  id,
  at: new Date(Date.UTC(2025, 5, 1, 12, minute)).toISOString(),
});

const result = (rows: CypherResult['rows']): CypherResult => ({
  columns: ['ref'],
  rows,
  truncated: false,
  truncatedBy: null,
  limits: { maxRows: 1000, maxResultChars: 5_000_000, timeoutMs: 10_000 },
  elapsedMs: 12,
  notifications: [],
});

const typed = (query: string, params = '') =>
  actions.editParams(actions.editQuery(initialState('en'), query), params);

/** A state whose draft has been sent: the run is on its way. */
const running = (query = 'MATCH (c:Commitment) RETURN c.ref AS ref', params = '') =>
  actions.run(typed(query, params));

const runId = (s: WorkbenchState) => (s.run.status === 'idle' ? 0 : s.run.id);

describe('running a query', () => {
  it('sends the draft with its parameters parsed', () => {
    const s = running('MATCH (c {ref: $ref}) RETURN c', '{"ref": "I.3.2"}');
    expect(s.run).toEqual({
      status: 'running',
      id: 1,
      query: 'MATCH (c {ref: $ref}) RETURN c',
      params: { ref: 'I.3.2' },
    });
    expect(s.draftProblem).toBeNull();
  });

  it('sends nothing for an empty editor, and says so', () => {
    const s = actions.run(typed('  \n '));
    expect(s.run.status).toBe('idle');
    expect(s.draftProblem).toEqual({ what: 'emptyQuery' });
    expect(actions.editQuery(s, 'RETURN 1').draftProblem).toBeNull();
  });

  it('sends nothing when the parameters are not a JSON object, and says why', () => {
    const s = actions.run(typed('RETURN $x', '[1]'));
    expect(s.run.status).toBe('idle');
    expect(s.draftProblem).toEqual({
      what: 'paramsInvalid',
      error: { reason: 'not-object', got: 'array' },
    });
    const fixed = actions.editParams(s, '{"x": 1}');
    expect(fixed.draftProblem).toBeNull();
    expect(actions.run(fixed).run).toMatchObject({ status: 'running', params: { x: 1 } });
  });

  it('shows the answer, enters the run in the history and forgets the old sort order', () => {
    let s = running();
    s = actions.sortBy(s, 'ref');
    s = actions.runSucceeded(s, runId(s), result([{ ref: 'I.1.1' }]), stamp('h1'));
    expect(s.run).toMatchObject({ status: 'done', result: { rows: [{ ref: 'I.1.1' }] } });
    expect(s.sort).toBeNull();
    expect(s.history).toEqual([
      {
        id: 'h1',
        query: 'MATCH (c:Commitment) RETURN c.ref AS ref',
        params: {},
        ranAt: '2025-06-01T12:00:00.000Z',
        outcome: 'rows',
        rows: 1,
      },
    ]);
  });

  it('ignores the answer to a run that a newer run replaced', () => {
    const first = running('RETURN 1');
    const second = actions.run(actions.editQuery(first, 'RETURN 2'));
    const late = actions.runSucceeded(second, runId(first), result([]), stamp('h1'));
    expect(late).toBe(second);
    expect(late.run).toMatchObject({ status: 'running', query: 'RETURN 2' });
  });

  it('keeps a refusal, with its position, and enters it in the history as refused', () => {
    const refusal: Refusal = {
      code: 'syntax',
      title: 'Query refused',
      detail: 'Syntax error at line 1, column 8',
      position: { line: 1, column: 8, offset: 7 },
    };
    let s = running('RETURN RETURN');
    s = actions.runRefused(s, runId(s), refusal, stamp('h1'));
    expect(s.run).toMatchObject({ status: 'refused', refusal, query: 'RETURN RETURN' });
    expect(s.history[0]).toMatchObject({ outcome: 'refused', rows: null });
  });

  it('keeps a failure such as the rate limit', () => {
    let s = running();
    const failure = { status: 429, title: 'Too many requests', detail: 'Wait.', retryAfterS: 30 };
    s = actions.runFailed(s, runId(s), failure, stamp('h1'));
    expect(s.run).toMatchObject({ status: 'failed', failure });
    expect(s.history[0]?.outcome).toBe('failed');
  });
});

describe('the editor and the views', () => {
  it('loads a library query with its parameters, telling the editor to take the text', () => {
    const s = actions.loadQuery(initialState(), 'MATCH (c {ref: $ref}) RETURN c', { ref: 'I.3.4' });
    expect(s.draft).toEqual({
      query: 'MATCH (c {ref: $ref}) RETURN c',
      params: '{\n  "ref": "I.3.4"\n}',
      revision: 1,
    });
    expect(actions.editQuery(s, 'RETURN 1').draft.revision).toBe(1);
  });

  it('returns the same state when nothing changes, so nothing is redrawn', () => {
    const s = typed('RETURN 1');
    expect(actions.editQuery(s, 'RETURN 1')).toBe(s);
    expect(actions.setView(s, 'table')).toBe(s);
    expect(actions.setLang(s, 'en')).toBe(s);
    expect(actions.setPanel(s, 'library')).toBe(s);
  });

  it('sorts by a column, then the other way round', () => {
    const s = actions.sortBy(initialState(), 'ref');
    expect(s.sort).toEqual({ column: 'ref', direction: 'ascending' });
    expect(actions.sortBy(s, 'ref').sort).toEqual({ column: 'ref', direction: 'descending' });
  });

  it('switches between the table and the graph', () => {
    expect(actions.setView(initialState(), 'graph').view).toBe('graph');
  });
});

describe('saved queries', () => {
  it('saves the draft under a name, and the same name again replaces it', () => {
    let s = actions.saveQuery(typed('RETURN 1', '{"a": 1}'), '  First  ', stamp('s1'));
    expect(s.saved).toEqual([
      {
        id: 's1',
        name: 'First',
        query: 'RETURN 1',
        params: { a: 1 },
        savedAt: '2025-06-01T12:00:00.000Z',
      },
    ]);
    expect(s.queriesMessage).toEqual({ tone: 'info', what: 'saved', detail: 'First' });
    s = actions.saveQuery(actions.editQuery(s, 'RETURN 2'), 'First', stamp('s2', 5));
    expect(s.saved).toHaveLength(1);
    expect(s.saved[0]).toMatchObject({ id: 's1', query: 'RETURN 2' });
    expect(s.queriesMessage).toMatchObject({ what: 'updated' });
  });

  it('saves nothing without a name, without a query, or with bad parameters', () => {
    expect(actions.saveQuery(typed('RETURN 1'), ' ', stamp('s')).queriesMessage).toMatchObject({
      tone: 'error',
      what: 'nameMissing',
    });
    expect(actions.saveQuery(typed(''), 'x', stamp('s')).queriesMessage).toMatchObject({
      what: 'nothingToSave',
    });
    const bad = actions.saveQuery(typed('RETURN 1', '{'), 'x', stamp('s'));
    expect(bad.saved).toEqual([]);
    expect(bad.queriesMessage).toMatchObject({ what: 'paramsInvalid', error: { reason: 'json' } });
  });

  it('deletes a saved query', () => {
    const s = actions.saveQuery(typed('RETURN 1'), 'x', stamp('s1'));
    expect(actions.deleteSaved(s, 's1').saved).toEqual([]);
  });
});

describe('importing a queries file', () => {
  const mine = actions.saveQuery(typed('RETURN 1'), 'mine', stamp('s1'));

  it('changes nothing when the file is bad, and says what was wrong', () => {
    const s = actions.importQueries(mine, parseQueriesFile('{"format": "something-else"}'));
    expect(s.saved).toBe(mine.saved);
    expect(s.history).toBe(mine.history);
    expect(s.queriesMessage).toMatchObject({ tone: 'error', what: 'importFailed' });
    expect(s.queriesMessage?.what === 'importFailed' && s.queriesMessage.detail).toMatch(
      `format should be "${FILE_FORMAT}"`,
    );
  });

  it('adds what a good file holds to what is already there', () => {
    const file = queriesFile({
      saved: [{ id: 'x', name: 'theirs', query: 'RETURN 2', params: {}, savedAt: stamp('x').at }],
      history: [
        {
          id: 'h9',
          query: 'RETURN 3',
          params: {},
          ranAt: stamp('h9').at,
          outcome: 'rows',
          rows: 1,
        },
      ],
    });
    const s = actions.importQueries(mine, parseQueriesFile(JSON.stringify(file)));
    expect(s.saved.map((q) => q.name)).toEqual(['mine', 'theirs']);
    expect(s.history.map((h) => h.id)).toEqual(['h9']);
    expect(s.queriesMessage).toEqual({
      tone: 'info',
      what: 'imported',
      saved: 1,
      history: 1,
      skipped: 0,
    });
  });
});
