import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Graph, Row } from '../../graph/graph';
import { MN_TO_JP_REFS, MONGOLIAN_ACTOR_REFS } from '../support/checked-answers';
import { openSeededGraph } from '../support/seeded-graph';

/** The example queries of docs/schema.md, by the id in their <!-- example: id --> marker. */
function examples(): Map<string, string> {
  const doc = readFileSync('docs/schema.md', 'utf8');
  const found = new Map<string, string>();
  for (const m of doc.matchAll(/<!-- example: ([\w-]+) -->\s*```cypher\n([\s\S]*?)```/g))
    found.set(m[1]!, m[2]!);
  return found;
}

const queries = examples();
let graph: Graph;
const run = (id: string): Promise<Row[]> => {
  const query = queries.get(id);
  if (!query) throw new Error(`docs/schema.md has no example ${id}`);
  return graph.read(query);
};

beforeAll(async () => {
  graph = await openSeededGraph(inject('neo4j'));
});
afterAll(async () => {
  await graph.close();
});

describe('the example queries in docs/schema.md', () => {
  it('has at least 12 examples, each tested here', () => {
    expect(queries.size).toBeGreaterThanOrEqual(12);
    expect([...queries.keys()].sort()).toEqual([...TESTED].sort());
  });

  it('mous-underpin: five memoranda underpin four commitments', async () => {
    const rows = await run('mous-underpin');
    expect(rows.map((r) => r.ref)).toEqual(['I.3.2', 'I.3.2', 'III.1.7', 'III.2.1', 'IV.2.1']);
    expect(rows.find((r) => r.ref === 'IV.2.1')).toMatchObject({ cue: 'の実施' });
  });

  it('agencies-ranked: the two foreign ministries lead', async () => {
    const rows = await run('agencies-ranked');
    expect(
      rows
        .slice(0, 2)
        .map((r) => r.agency)
        .sort(),
    ).toEqual(['Ministry of Foreign Affairs of Japan', 'Ministry of Foreign Affairs of Mongolia']);
    expect(rows[0]!.commitments).toBe(4);
  });

  it('soft-by-pillar: six soft commitments, in every pillar', async () => {
    expect(await run('soft-by-pillar')).toEqual([
      expect.objectContaining({ pillar: 'I', commitments: ['I.3.3'] }),
      expect.objectContaining({ pillar: 'II', commitments: ['II.2.5'] }),
      expect.objectContaining({
        pillar: 'III',
        commitments: expect.arrayContaining(['III.2.8', 'III.2.9']),
      }),
      expect.objectContaining({
        pillar: 'IV',
        commitments: expect.arrayContaining(['IV.2.5', 'IV.2.6']),
      }),
    ]);
  });

  it('mod-to-un: paths run from the Ministry of Defense to the UN without the hierarchy', async () => {
    const rows = await run('mod-to-un');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const via = row.via as string[];
      expect(via[0]).toBe('mod-jp');
      expect(via.at(-1)).toBe('un');
      expect(via.slice(1, -1)).not.toContain('japan');
      expect(row.hops).toBe(rows[0]!.hops);
    }
  });

  it('epa-underpins: II.2.1, II.2.2 and II.2.4', async () => {
    const rows = await run('epa-underpins');
    expect(rows.map((r) => r.ref)).toEqual(['II.2.1', 'II.2.2', 'II.2.4']);
    // One relationship holds both mentions in II.2.1: the title and the abbreviation.
    expect(rows[0]!.evidence).toEqual([
      '経済上の連携に関する日本国とモンゴル国との間の協定 の活用',
      '日・モンゴルEPA の活用',
    ]);
  });

  it('jp-mn-agencies-meet: the defence MOU brings both defence ministries together', async () => {
    const rows = await run('jp-mn-agencies-meet');
    expect(rows.map((r) => r.ref)).toEqual([
      'I.1.2',
      'I.2.1',
      'I.2.2',
      'I.3.2',
      'I.3.5',
      'II.2.3',
      'IV.1.3',
      'IV.2.1',
    ]);
    expect(rows.find((r) => r.ref === 'I.3.2')!.mongolian).toEqual(
      expect.arrayContaining(['Ministry of Defence of Mongolia']),
    );
  });

  it('themes-by-pillar: defence is a pillar I theme', async () => {
    const rows = await run('themes-by-pillar');
    expect(
      rows.find((r) => r.pillar === 'I' && r.theme === 'defence')!.commitments,
    ).toBeGreaterThanOrEqual(5);
    expect(rows.some((r) => r.pillar === 'I' && r.theme === 'climate')).toBe(false);
  });

  it('works-towards: the defence-equipment framework and the tax treaty', async () => {
    expect(
      (await run('works-towards')).map((r) => [r.ref, r.status_in_plan, r.status_now]),
    ).toEqual([
      ['I.3.6', 'under_consideration', 'under_consideration'],
      ['II.2.5', 'under_consideration', 'under_consideration'],
    ]);
  });

  it('un-frameworks: the Security Council is named most', async () => {
    const rows = await run('un-frameworks');
    expect(rows[0]).toMatchObject({ framework: 'United Nations Security Council' });
    expect(rows.map((r) => r.framework)).toContain('Paris Agreement');
  });

  it('programs-by-type: Khaan Quest is an exercise carried out under I.3.4', async () => {
    const rows = await run('programs-by-type');
    expect(rows.find((r) => r.program === 'Khaan Quest')).toMatchObject({
      type: 'exercise',
      commitments: ['I.3.4'],
    });
  });

  it('targets: 50,000 trees over 5 years and 20,000 young people', async () => {
    expect((await run('targets')).map((r) => [r.ref, r.quantity, r.years])).toEqual([
      ['IV.2.7', 50000, 5],
      ['IV.2.7', 20000, null],
    ]);
  });

  it('direction-by-pillar: 86 commitments and six second directions; Mongolia supports Japan in five', async () => {
    const rows = await run('direction-by-pillar');
    expect(rows.reduce((n, r) => n + Number(r.commitments), 0)).toBe(86 + 6);
    expect(
      rows.filter((r) => r.direction === 'mn_to_jp').reduce((n, r) => n + Number(r.commitments), 0),
    ).toBe(5);
  });

  it('agency-hierarchy: the Fuji School sits in the JGSDF, the Ministry of Defense and Japan', async () => {
    const rows = await run('agency-hierarchy');
    expect(rows.find((r) => r.agency === 'JGSDF Fuji School')!.chain).toEqual([
      'JGSDF Fuji School',
      'Japan Ground Self-Defense Force',
      'Ministry of Defense',
      'Japan',
    ]);
  });

  it('unlinked: the same commitments the seed reports as naming no entity', async () => {
    const rows = await run('unlinked');
    expect(rows.length).toBe(22);
    expect(rows.map((r) => r.ref)).not.toContain('III.2.8');
    expect(rows.map((r) => r.ref)).toContain('I.1.1');
  });

  it('provenance: each evidence string is the text at its offsets', async () => {
    const rows = await run('provenance');
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rows) expect(row.in_text).toBe(row.evidence);
  });

  it('fulltext-ja: finds UN peacekeeping and the commitments that name it', async () => {
    const hits = (await run('fulltext-ja')).map((r) => r.hit);
    expect(hits).toContain('un-pko');
    expect(hits).toContain('I.3.3');
  });

  it('mongolian-actors: the commitments checked against the text', async () => {
    const rows = await run('mongolian-actors');
    expect([...new Set(rows.map((r) => r.ref))]).toEqual(MONGOLIAN_ACTOR_REFS);
    expect(rows.filter((r) => r.ref === 'I.3.2').map((r) => r.actor)).toEqual([
      'Ministry of Defence of Mongolia',
      'Mongolian Air Force',
    ]);
    for (const row of rows) expect(['text', 'curation']).toContain(row.asserted_by);
  });

  it('mongolia-for-japan: five commitments, the minerals supply of line 76 among them', async () => {
    const rows = await run('mongolia-for-japan');
    expect(rows.map((r) => r.ref)).toEqual(MN_TO_JP_REFS);
    expect(rows.find((r) => r.line === 76)!.evidence).toBe(
      'モンゴルの銅、レアアース等を始めとする鉱物資源の日本への長期的・安定的供給',
    );
  });

  it('roles: all six values in use; every role says how it is asserted', async () => {
    const rows = await run('roles');
    expect([...new Set(rows.map((r) => r.role))].sort()).toEqual([
      'actor',
      'beneficiary',
      'location',
      'partner',
      'subject_of_concern',
    ]);
    expect(rows.reduce((n, r) => n + Number(r.relationships), 0)).toBe(76);
    const mentioned = await graph.read(
      `MATCH (:Commitment)-[i:INVOLVES]->() WHERE 'mentioned' IN i.roles RETURN count(i) AS n`,
    );
    expect(mentioned[0]!.n).toBeGreaterThan(0);
  });

  it('timeline: in date order, the EPA signed in 2015 and in force in 2016, the plan adopted in 2022', async () => {
    const rows = await run('timeline');
    const dates = rows.map((r) => String(r.date));
    expect(dates).toEqual([...dates].sort());
    const epa = 'Agreement between Japan and Mongolia for an Economic Partnership';
    expect(rows.filter((r) => r.what === epa).map((r) => [r.date, r.event])).toEqual([
      ['2015-02', 'signed'],
      ['2016-06-07', 'in force'],
    ]);
    expect(rows.find((r) => r.event === 'plan adopted')).toMatchObject({
      date: '2022-11-29',
      precision: 'day',
    });
  });

  it('agreement-status: the ten agreements and four later renewals, each with a status, an as-of date and a source', async () => {
    const rows = await run('agreement-status');
    expect(rows).toHaveLength(14);
    expect(rows.filter((r) => r.in_plan === null)).toHaveLength(4);
    for (const row of rows) {
      expect(row.status, String(row.agreement)).toBeTruthy();
      expect(row.as_of, String(row.agreement)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.source, String(row.agreement)).toMatch(/^https:\/\//);
    }
  });

  it('who-acts: all 86 commitments have their preamble parties, 20 a named actor, none no party', async () => {
    expect(await run('who-acts')).toEqual([
      { commitments: 86, with_named_actor: 20, with_preamble_parties: 86, without_party: 0 },
    ]);
  });

  it('several-evidence: eleven relationships hold several mentions, and no pair is joined twice by a type', async () => {
    const rows = await run('several-evidence');
    expect(rows).toHaveLength(11);
    // Japan's side in II.2.8: its companies (日本企業) and those operating in Mongolia (日系企業).
    expect(rows.find((r) => r.from === 'II.2.8')).toMatchObject({
      to: 'japan',
      evidences: ['日本企業', '日系企業'],
    });
    expect(rows.find((r) => r.type === 'UNDERPINS')).toMatchObject({
      from: 'jp-mn-epa',
      to: 'II.2.1',
    });
    const twice = await graph.read(
      `MATCH (a)-[r]->(b) WITH a, b, type(r) AS type, count(r) AS n WHERE n > 1 RETURN count(*) AS pairs`,
    );
    expect(twice[0]!.pairs).toBe(0);
  });
});

const TESTED = [
  'mous-underpin',
  'agencies-ranked',
  'soft-by-pillar',
  'mod-to-un',
  'epa-underpins',
  'jp-mn-agencies-meet',
  'themes-by-pillar',
  'works-towards',
  'un-frameworks',
  'programs-by-type',
  'targets',
  'direction-by-pillar',
  'agency-hierarchy',
  'unlinked',
  'provenance',
  'fulltext-ja',
  'mongolian-actors',
  'mongolia-for-japan',
  'roles',
  'timeline',
  'agreement-status',
  'several-evidence',
  'who-acts',
];
