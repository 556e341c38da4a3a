import { describe, expect, it } from 'vitest';
import { buildSearchIndex, CLOSEST_MATCHES, searchPlan } from '../../core/search/plan-search';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { SEARCH_CASES } from '../fixtures/search-queries';

const { model } = readSeedInputs();
const index = buildSearchIndex(
  model.nodes.map((n) => ({ id: n.id, kind: n.label, props: n.properties })),
);
const ids = new Set(model.nodes.map((n) => n.id));

describe('the analysts’ queries (tests/fixtures/search-queries.ts) over the seeded plan', () => {
  it('are at least 60, at least 25 of them in Japanese, each expecting nodes the plan has', () => {
    expect(SEARCH_CASES.length).toBeGreaterThanOrEqual(60);
    expect(SEARCH_CASES.filter((c) => c.lang === 'ja').length).toBeGreaterThanOrEqual(25);
    expect(new Set(SEARCH_CASES.map((c) => c.q)).size).toBe(SEARCH_CASES.length);
    for (const c of SEARCH_CASES) {
      const expected = [c.first, ...(c.top ?? []), c.notNamed?.closest].filter(Boolean);
      expect(expected.length + (c.notNamed ? 1 : 0), c.q).toBeGreaterThan(0);
      for (const id of expected) expect(ids.has(id!), `${c.q}: ${id}`).toBe(true);
    }
  });

  it.each(SEARCH_CASES.map((c) => [c.q, c] as const))('"%s"', (_q, c) => {
    const answer = searchPlan(index, c.q, { limit: 12 });
    const got = answer.results.map((r) => r.id);
    if (c.notNamed) {
      // Said plainly, with a few closest matches rather than a page of weak hits.
      expect(answer.notNamedInPlan, c.why).toBe(true);
      expect(got.length).toBeLessThanOrEqual(CLOSEST_MATCHES);
      if (c.notNamed.closest) expect(got[0], c.why).toBe(c.notNamed.closest);
      return;
    }
    expect(answer.notNamedInPlan, c.why).toBe(false);
    if (c.first) expect(got[0], c.why).toBe(c.first);
    if (c.top) expect(got.slice(0, c.top.length).sort(), c.why).toEqual([...c.top].sort());
  });
});
