import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CypherResult, ResearchQuery } from '../../client/workbench/model/cypher-types';
import { paramsText, parseParams } from '../../client/workbench/model/params';
import {
  addToHistory,
  FILE_FORMAT,
  HISTORY_LIMIT,
  type HistoryEntry,
  historyEntrySchema,
  mergeHistory,
  mergeSaved,
  parseQueriesFile,
  queriesFile,
  readStoredList,
  type SavedQuery,
  savedQuerySchema,
} from '../../client/workbench/model/stored-queries';
import type { ResearchQuery as ServerResearchQuery } from '../../core/api/cypher';
import type { ConsoleResult } from '../../graph/cypher-console';

const saved = (name: string, query = `MATCH (n) RETURN n // ${name}`): SavedQuery => ({
  id: `id-${name}`,
  name,
  query,
  params: {},
  savedAt: '2025-01-02T03:04:05.000Z',
});

const ran = (i: number, query = `RETURN ${i}`): HistoryEntry => ({
  id: `h${i}`,
  query,
  params: {},
  ranAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
  outcome: 'rows',
  rows: 1,
});

describe('the parameters box', () => {
  it('takes a JSON object, and an empty box as no parameters', () => {
    expect(parseParams('{"ref": "I.3.2", "n": [1, 2]}')).toEqual({
      ok: true,
      params: { ref: 'I.3.2', n: [1, 2] },
    });
    expect(parseParams('  \n')).toEqual({ ok: true, params: {} });
  });

  it('says when the text is not JSON, or is JSON but not an object', () => {
    expect(parseParams('{ref: 1}')).toMatchObject({ ok: false, error: { reason: 'json' } });
    expect(parseParams('[1, 2]')).toEqual({
      ok: false,
      error: { reason: 'not-object', got: 'array' },
    });
    expect(parseParams('null')).toEqual({
      ok: false,
      error: { reason: 'not-object', got: 'null' },
    });
    expect(parseParams('"I.3.2"')).toEqual({
      ok: false,
      error: { reason: 'not-object', got: 'string' },
    });
  });

  it('shows a library query’s parameters as indented JSON, and none as an empty box', () => {
    expect(paramsText({ ref: 'I.3.4' })).toBe('{\n  "ref": "I.3.4"\n}');
    expect(paramsText({})).toBe('');
    expect(paramsText(undefined)).toBe('');
  });
});

describe('reading an exported queries file', () => {
  it('reads back what was exported', () => {
    const file = queriesFile({ saved: [saved('a')], history: [ran(1)] });
    expect(parseQueriesFile(JSON.stringify(file))).toEqual({ ok: true, file });
  });

  it('says when the file is not JSON', () => {
    const outcome = parseQueriesFile('{"format": ');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toMatch(/^the file is not JSON \(/);
  });

  it('says when the file is some other JSON', () => {
    const outcome = parseQueriesFile(JSON.stringify({ queries: [] }));
    expect(!outcome.ok && outcome.error).toMatch(
      `format should be "${FILE_FORMAT}": this is not a file the Cypher workbench exported`,
    );
  });

  it('names the place in the file that is wrong', () => {
    const bad = {
      format: FILE_FORMAT,
      version: 1,
      saved: [saved('ok'), { ...saved('bad'), query: 42 }],
      history: [{ ...ran(1), outcome: 'maybe' }],
    };
    const outcome = parseQueriesFile(JSON.stringify(bad));
    expect(outcome.ok).toBe(false);
    const error = outcome.ok ? '' : outcome.error;
    expect(error).toMatch(/^saved\[1\]\.query /);
    expect(error).toMatch(/history\[0\]\.outcome /);
  });

  it('refuses a file that holds neither list, an empty name, or a bad date', () => {
    expect(parseQueriesFile(JSON.stringify(queriesFile({})))).toEqual({
      ok: false,
      error: 'the file holds neither "saved" nor "history" queries',
    });
    const outcome = parseQueriesFile(
      JSON.stringify(queriesFile({ saved: [{ ...saved('x'), name: ' ', savedAt: 'yesterday' }] })),
    );
    expect(!outcome.ok && outcome.error).toMatch(/saved\[0\]\.name must not be empty/);
    expect(!outcome.ok && outcome.error).toMatch(/saved\[0\]\.savedAt/);
  });

  it('counts what it leaves unsaid when there are many problems', () => {
    const many = queriesFile({
      history: Array.from({ length: 5 }, (_, i) => ({ ...ran(i), rows: -1 })),
    });
    const outcome = parseQueriesFile(JSON.stringify(many));
    expect(!outcome.ok && outcome.error).toMatch(/; and 2 more$/);
  });
});

describe('what localStorage holds', () => {
  it('keeps the entries that still fit and drops the rest', () => {
    const text = JSON.stringify([saved('a'), { nonsense: true }, saved('b')]);
    expect(readStoredList(text, savedQuerySchema).map((q) => q.name)).toEqual(['a', 'b']);
  });

  it('starts empty from nothing, or from text that is not a JSON list', () => {
    expect(readStoredList(null, historyEntrySchema)).toEqual([]);
    expect(readStoredList('{oops', historyEntrySchema)).toEqual([]);
    expect(readStoredList('{"a": 1}', historyEntrySchema)).toEqual([]);
  });
});

describe('history and merging', () => {
  it('keeps the newest 500 runs, and moves a query run again to the top', () => {
    expect(HISTORY_LIMIT).toBe(500);
    let history: HistoryEntry[] = [];
    for (let i = 0; i < 510; i++) history = addToHistory(history, ran(i));
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]?.id).toBe('h509');
    expect(history.at(-1)?.id).toBe('h10');
    history = addToHistory(history, { ...ran(99), query: 'RETURN 30' });
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history.filter((h) => h.query === 'RETURN 30').map((h) => h.id)).toEqual(['h99']);
  });

  it('adds imported saved queries, skips those already here, and renames a clash', () => {
    const mine = [saved('a'), saved('b')];
    const merged = mergeSaved(mine, [
      saved('a'),
      { ...saved('b', 'RETURN 2'), id: 'other' },
      saved('c'),
    ]);
    expect(merged.list.map((q) => q.name)).toEqual(['a', 'b', 'b (imported)', 'c']);
    expect(merged.list.slice(0, 2)).toEqual(mine);
    expect([merged.added, merged.skipped]).toEqual([2, 1]);
  });

  it('fills the history with imported runs but never pushes out the researcher’s own', () => {
    const mine = Array.from({ length: 498 }, (_, i) => ran(i));
    const imported = [ran(0), ran(1000), ran(1001), ran(1002)];
    const merged = mergeHistory(mine, imported);
    expect(merged.list).toHaveLength(500);
    expect(merged.list.map((h) => h.id)).toEqual(expect.arrayContaining(mine.map((h) => h.id)));
    expect(merged.list.slice(0, 2).map((h) => h.id)).toEqual(['h1002', 'h1001']);
    expect([merged.added, merged.skipped]).toEqual([2, 2]);
  });
});

describe('the client’s types of the console’s answers', () => {
  it('still fit what the server sends', () => {
    expectTypeOf<ConsoleResult>().toExtend<CypherResult>();
    // The server's schema types parameter values as unknown (it does not validate them one by one).
    expectTypeOf<Omit<ServerResearchQuery, 'params'>>().toExtend<Omit<ResearchQuery, 'params'>>();
  });
});
