import { describe, expect, it } from 'vitest';
import type { Failure } from '../../client/workbench/model/cypher-types';
import { failureDetail, failureHeading } from '../../client/workbench/views/labels';

const restarting: Failure = {
  status: 503,
  title: 'Console restarting',
  detail:
    "The research console's database is restarting or out of reach; the explorer is not affected. Try again in a few seconds.",
  retryAfterS: 5,
};

describe("the workbench's words for a console that cannot answer", () => {
  it('says in Japanese that the console is restarting and the explorer is not affected', () => {
    expect(failureHeading('ja', restarting)).toBe('現在実行できません（5 秒後に再試行できます）');
    expect(failureDetail('ja', restarting)).toMatch(/再起動中.*エクスプローラーには影響ありません/);
    expect(failureDetail('ja', restarting)).not.toMatch(/[A-Za-z]{4,}/);
  });

  it("keeps the server's English detail in English, and any detail it has no words for", () => {
    expect(failureDetail('en', restarting)).toBe(restarting.detail);
    const other = { ...restarting, title: 'Console busy', detail: 'The console is busy.' };
    expect(failureDetail('ja', other)).toBe('The console is busy.');
  });
});
