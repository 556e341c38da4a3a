import { describe, expect, it } from 'vitest';
import type { CypherResult } from '../../client/workbench/model/cypher-types';
import { fieldValue, inferType, readStoredFields } from '../../client/workbench/model/param-form';
import {
  actions,
  initialState,
  RESULTS_KEPT,
  type WorkbenchState,
} from '../../client/workbench/model/state';
import { matchingHistory } from '../../client/workbench/views/history-list';

const stamp = (id: string, minute = 0) => ({
  id,
  at: new Date(Date.UTC(2025, 5, 1, 12, minute)).toISOString(),
});

const result = (n: number): CypherResult => ({
  columns: ['n'],
  rows: [{ n }],
  truncated: false,
  truncatedBy: null,
  limits: { maxRows: 1000, maxResultChars: 5_000_000, timeoutMs: 10_000 },
  elapsedMs: 3,
  notifications: [],
});

/** Types a query and runs it to a one-row result. */
function ran(s: WorkbenchState, query: string, n: number): WorkbenchState {
  const sent = actions.run(actions.editQuery(s, query));
  if (sent.run.status !== 'running')
    throw new Error(`not sent: ${JSON.stringify(sent.draftProblem)}`);
  return actions.runSucceeded(sent, sent.run.id, result(n), stamp(`h${n}`, n));
}

describe('the parameters form', () => {
  it('reads each type from its text, and refuses text that is not one', () => {
    expect(fieldValue({ type: 'number', text: ' 12.5 ' })).toEqual({ ok: true, value: 12.5 });
    expect(fieldValue({ type: 'number', text: 'ten' })).toEqual({ ok: false, type: 'number' });
    expect(fieldValue({ type: 'number', text: '' }).ok).toBe(false);
    expect(fieldValue({ type: 'boolean', text: 'TRUE' })).toEqual({ ok: true, value: true });
    expect(fieldValue({ type: 'boolean', text: 'yes' }).ok).toBe(false);
    expect(fieldValue({ type: 'list', text: '["I.3.2", 4]' })).toEqual({
      ok: true,
      value: ['I.3.2', 4],
    });
    expect(fieldValue({ type: 'list', text: '{"a": 1}' }).ok).toBe(false);
    expect(fieldValue({ type: 'json', text: '{"a": [1]}' })).toEqual({
      ok: true,
      value: { a: [1] },
    });
    expect(fieldValue({ type: 'string', text: '' })).toEqual({ ok: true, value: '' });
  });

  it('infers a new field’s type from where the query uses the name', () => {
    const q = 'MATCH (c:Commitment) WHERE c.ref IN $refs RETURN c SKIP $skip LIMIT $n';
    expect(inferType(q, 'refs')).toBe('list');
    expect(inferType(q, 'n')).toBe('number');
    expect(inferType(q, 'skip')).toBe('number');
    expect(inferType('MATCH (c {ref: $ref}) RETURN c', 'ref')).toBe('string');
  });

  it('writes a field’s value into the JSON that is sent, and names a field that is wrong', () => {
    let s = actions.editQuery(initialState('en'), 'MATCH (c {ref: $ref}) RETURN c LIMIT $n');
    s = actions.editParamField(s, 'ref', { type: 'string', text: 'I.3.2' });
    expect(JSON.parse(s.draft.params)).toEqual({ ref: 'I.3.2' });
    s = actions.editParamField(s, 'n', { type: 'number', text: 'five' });
    expect(JSON.parse(s.draft.params)).toEqual({ ref: 'I.3.2' });
    const refused = actions.run(s);
    expect(refused.run.status).toBe('idle');
    expect(refused.draftProblem).toEqual({ what: 'paramInvalid', name: 'n', type: 'number' });
    s = actions.editParamField(refused, 'n', { type: 'number', text: '5' });
    expect(s.draftProblem).toBeNull();
    const sent = actions.run(s);
    expect(sent.run).toMatchObject({ status: 'running', params: { ref: 'I.3.2', n: 5 } });
  });

  it('says which $names have no value, and fills one in from a field remembered by name', () => {
    let s = actions.editQuery(initialState('en'), 'MATCH (c {ref: $ref}) RETURN c LIMIT $n');
    expect(actions.run(s).draftProblem).toEqual({ what: 'paramMissing', names: ['ref', 'n'] });
    s = actions.editParams(s, '{"ref": "I.3.4", "n": 3}');
    expect(s.paramFields).toEqual({
      ref: { type: 'string', text: 'I.3.4' },
      n: { type: 'number', text: '3' },
    });
    // Another query with the same $ref: the remembered value is sent, and shown in the JSON.
    s = actions.editParams(actions.editQuery(s, 'MATCH (c {ref: $ref}) RETURN c.ref'), '');
    const sent = actions.run(s);
    expect(sent.run).toMatchObject({ status: 'running', params: { ref: 'I.3.4' } });
    expect(JSON.parse(sent.draft.params)).toEqual({ ref: 'I.3.4' });
  });

  it('reads remembered fields leniently', () => {
    expect(
      readStoredFields('{"a": {"type": "number", "text": "1"}, "b": {"type": "date"}, "c": 3}'),
    ).toEqual({ a: { type: 'number', text: '1' } });
    expect(readStoredFields('[1]')).toEqual({});
    expect(readStoredFields('{oops')).toEqual({});
  });
});

describe('the history in the editor', () => {
  it('walks back with Ctrl+↑ and forward with Ctrl+↓ to the draft it started from', () => {
    let s = initialState('en');
    for (const n of [1, 2, 3]) s = ran(s, `RETURN ${n} AS n`, n);
    s = actions.editQuery(s, 'MATCH (half');
    s = actions.walkHistory(s, 1);
    expect(s.draft.query).toBe('RETURN 3 AS n');
    s = actions.walkHistory(actions.walkHistory(s, 1), 1);
    expect(s.draft.query).toBe('RETURN 1 AS n');
    expect(actions.walkHistory(s, 1)).toBe(s);
    s = actions.walkHistory(s, -1);
    expect(s.draft.query).toBe('RETURN 2 AS n');
    s = actions.walkHistory(actions.walkHistory(s, -1), -1);
    expect(s.draft.query).toBe('MATCH (half');
    expect(s.historyWalk).toBeNull();
    expect(actions.walkHistory(s, -1)).toBe(s);
  });

  it('finds entries holding every word searched, in any case', () => {
    let s = initialState('en');
    s = ran(s, 'MATCH (a:Agreement) RETURN count(a) AS n', 1);
    s = ran(s, 'MATCH (c:Commitment) RETURN count(c) AS n', 2);
    expect(matchingHistory(s.history, 'agreement count').map((h) => h.query)).toEqual([
      'MATCH (a:Agreement) RETURN count(a) AS n',
    ]);
    expect(matchingHistory(s.history, '  ')).toHaveLength(2);
    expect(matchingHistory(s.history, 'UNWIND')).toEqual([]);
  });
});

describe('recent results', () => {
  it('keeps the last few, and pinned ones past them; shows one again and compares a pinned one', () => {
    let s = initialState('en');
    s = ran(s, 'RETURN 1 AS n', 1);
    const first = s.results[0]!.id;
    s = actions.pinResult(s, first, true);
    for (let n = 2; n <= RESULTS_KEPT + 3; n++) s = ran(s, `RETURN ${n} AS n`, n);
    expect(s.results).toHaveLength(RESULTS_KEPT + 1);
    expect(s.results.at(-1)).toMatchObject({ id: first, pinned: true, query: 'RETURN 1 AS n' });
    expect(s.results[0]).toMatchObject({ query: `RETURN ${RESULTS_KEPT + 3} AS n` });

    s = actions.compareWith(s, first);
    expect(s.compare).toBe(first);
    s = actions.showResult(s, first);
    expect(s.run).toMatchObject({ status: 'done', id: first, query: 'RETURN 1 AS n' });
    expect(s.compare).toBeNull();

    s = actions.compareWith(s, first);
    s = actions.pinResult(s, first, false);
    expect(s.results).toHaveLength(RESULTS_KEPT);
    expect(s.results.some((r) => r.id === first)).toBe(false);
    expect(s.compare).toBeNull();
  });
});
