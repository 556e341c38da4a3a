import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ResearchQuery } from '../../core/api/cypher';
import type { Graph } from '../../graph/graph';
import type { Plain } from '../../graph/to-plain';
import { createApp } from '../../server/app';
import type { ConsoleSandbox } from '../../server/routes/cypher/console-sandbox';
import { MN_TO_JP_REFS, MONGOLIAN_ACTOR_REFS } from '../support/checked-answers';
import { testConsole } from '../support/console-database';
import { openSeededGraph } from '../support/seeded-graph';

type Row = Record<string, Plain>;
type Node = { $type: 'node'; elementId: string; labels: string[]; properties: Row };
type Relationship = {
  $type: 'relationship';
  elementId: string;
  type: string;
  start: string;
  end: string;
};
type Path = { $type: 'path'; segments: { relationship: Relationship }[] };

let graph: Graph;
let sandbox: ConsoleSandbox;
let app: Express;
let library: ResearchQuery[];

beforeAll(async () => {
  graph = await openSeededGraph(inject('neo4j'));
  sandbox = testConsole(graph);
  app = createApp({ graph, console: sandbox, logger: pino({ level: 'silent' }) });
  library = (await request(app).get('/api/cypher/library').expect(200)).body.queries;
});
afterAll(async () => {
  await sandbox.close();
  await graph.close();
});

/** Runs a library query as a researcher would: its text and default parameters, over HTTP. */
async function run(id: string): Promise<Row[]> {
  const query = library.find((q) => q.id === id);
  if (!query) throw new Error(`The library has no query ${id}`);
  const res = await request(app)
    .post('/api/cypher')
    .send({ query: query.cypher, params: query.params });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.truncated).toBe(false);
  return res.body.rows;
}

/** The path the plan itself draws: the ministry's Ground Self-Defense Force in Khaan Quest (I.3.4), under UN PKO. */
const PATH_THROUGH_KHAAN_QUEST = 'mod-jp jgsdf I.3.4 un-pko un';

const sum = (rows: Row[], key: string) => rows.reduce((n, r) => n + Number(r[key]), 0);

describe('GET /api/cypher/library', () => {
  it('serves at least 15 commented queries in both languages, each tested here', () => {
    expect(library.length).toBeGreaterThanOrEqual(15);
    expect(library.map((q) => q.id).sort()).toEqual([...TESTED].sort());
    for (const q of library) {
      expect(q.title_en, q.id).not.toBe('');
      expect(q.title_ja, q.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(q.description, q.id).not.toBe('');
      expect(q.cypher, q.id).toMatch(/^\/\/ /);
    }
  });
});

describe('the research library on the seeded plan, through POST /api/cypher', () => {
  it('mous-underpin: five memoranda underpin four commitments', async () => {
    const rows = await run('mous-underpin');
    expect(rows.map((r) => r.ref)).toEqual(['I.3.2', 'I.3.2', 'III.1.7', 'III.2.1', 'IV.2.1']);
    expect(rows.find((r) => r.ref === 'IV.2.1')).toMatchObject({ cue: 'の実施' });
  });

  it('agreements-underpin: all 9 UNDERPINS relationships, three of them the EPA', async () => {
    const rows = await run('agreements-underpin');
    expect(rows).toHaveLength(9);
    expect(
      rows
        .filter(
          (r) => r.agreement === 'Agreement between Japan and Mongolia for an Economic Partnership',
        )
        .map((r) => r.ref),
    ).toEqual(['II.2.1', 'II.2.2', 'II.2.4']);
    expect(rows.find((r) => r.ref === 'IV.1.4')).toMatchObject({ type: 'agreement' });
  });

  it('agreements-by-status: eight in operation in the plan, two worked towards, four later renewals; each with a dated, sourced status', async () => {
    const rows = await run('agreements-by-status');
    // The joint statement adopted, five memoranda in effect, two agreements in force; the four
    // renewals of the environment memorandum are not in the plan (null sorts last).
    expect(rows.map((r) => r.status_in_plan)).toEqual([
      'adopted',
      ...Array(5).fill('in_effect'),
      ...Array(2).fill('in_force'),
      'under_consideration',
      'under_consideration',
      ...Array(4).fill(null),
    ]);
    // The EPA is named twice in II.2.1 (title and abbreviation): listed once.
    expect(
      rows.find((r) => r.agreement?.toString().includes('Economic Partnership')),
    ).toMatchObject({
      underpins: ['II.2.1', 'II.2.2', 'II.2.4'],
      status: 'in_force',
    });
    for (const row of rows) {
      expect(row.status_as_of, String(row.agreement)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.status_source, String(row.agreement)).toMatch(/^https:\/\//);
    }
    expect(rows.find((r) => r.type === 'joint_statement')?.underpins).toEqual([]);
    expect(rows.find((r) => r.agreement === 'Japan–Mongolia tax convention')).toMatchObject({
      status_in_plan: 'under_consideration',
      underpins: [],
    });
  });

  it('works-towards: the defence-equipment framework and the tax treaty (no primary record of either since)', async () => {
    expect(
      (await run('works-towards')).map((r) => [r.ref, r.status_in_plan, r.status, r.status_as_of]),
    ).toEqual([
      ['I.3.6', 'under_consideration', 'under_consideration', '2022-11-29'],
      ['II.2.5', 'under_consideration', 'under_consideration', '2022-11-29'],
    ]);
  });

  it('agencies-ranked: all 22 agencies, the two foreign ministries first with 4 commitments', async () => {
    const rows = await run('agencies-ranked');
    expect(rows).toHaveLength(22);
    expect(rows.slice(0, 2).map((r) => [r.agency, r.commitments])).toEqual([
      ['Ministry of Foreign Affairs of Japan', 4],
      ['Ministry of Foreign Affairs of Mongolia', 4],
    ]);
    expect(rows[2]!.commitments).toBe(2);
    expect(rows.find((r) => r.agency === 'Mongolian Armed Forces')?.roles).toEqual(['beneficiary']);
    expect(rows.find((r) => r.agency === 'JGSDF Fuji School')?.roles).toEqual(['actor']);
  });

  it('soft-commitments: I.3.3, II.2.5, III.2.8, III.2.9 and the two studies of IV.2', async () => {
    const rows = await run('soft-commitments');
    expect(rows.map((r) => [r.ref, r.action])).toEqual([
      ['I.3.3', 'exchange_views'],
      ['II.2.5', 'exchange_views'],
      ['III.2.8', 'consider'],
      ['III.2.9', 'consider'],
      ['IV.2.5', 'study'],
      ['IV.2.6', 'study'],
    ]);
    expect(rows[2]!.verb_ja).toBe('検討');
  });

  it('jp-mn-actors-meet: 20 commitments, both defence ministries and air forces in I.3.2', async () => {
    const rows = await run('jp-mn-actors-meet');
    expect(rows).toHaveLength(20);
    // Japan's side, read from 日本企業/日系企業 and 日本人, meets Mongolia in II.2.8 and IV.1.6.
    expect(rows.filter((r) => ['II.2.8', 'IV.1.6'].includes(String(r.ref)))).toHaveLength(2);
    const i32 = rows.find((r) => r.ref === 'I.3.2')!;
    expect([...(i32.japanese as string[])].sort()).toEqual([
      'Japan Air Self-Defense Force',
      'Ministry of Defense',
    ]);
    expect([...(i32.mongolian as string[])].sort()).toEqual([
      'Ministry of Defence of Mongolia',
      'Mongolian Air Force',
    ]);
    expect(rows.find((r) => r.ref === 'I.1.2')).toMatchObject({
      japanese: ['National Diet'],
      mongolian: ['State Great Khural of Mongolia'],
    });
  });

  it('themes-by-pillar: 48 pillar–theme pairs; defence in five pillar I commitments, climate in none', async () => {
    const rows = await run('themes-by-pillar');
    expect(rows).toHaveLength(48);
    expect(rows.find((r) => r.pillar === 'I' && r.theme === 'defence')?.commitments).toBe(5);
    expect(rows.find((r) => r.pillar === 'III')).toMatchObject({
      theme: 'people exchange',
      commitments: 12,
    });
    expect(rows.some((r) => r.pillar === 'I' && r.theme === 'climate')).toBe(false);
  });

  it('paths-between-actors: distinct paths from the Ministry of Defense to the UN, none through a country', async () => {
    const rows = await run('paths-between-actors');
    expect(rows.length).toBeGreaterThan(0);
    const vias = rows.map((r) => (r.via as string[]).join(' '));
    expect(new Set(vias).size).toBe(vias.length);
    for (const row of rows) {
      const via = row.via as string[];
      expect([via[0], via.at(-1)]).toEqual(['mod-jp', 'un']);
      expect(via.slice(1, -1)).not.toContain('japan');
      expect(via.slice(1, -1)).not.toContain('mongolia');
      const path = row.path as unknown as Path;
      expect(path.$type).toBe('path');
      expect(path.segments).toHaveLength(Number(row.hops));
      for (const { relationship } of path.segments) {
        expect(relationship).toMatchObject({
          $type: 'relationship',
          elementId: expect.any(String),
        });
        expect(['PART_OF', 'TAGGED']).not.toContain(relationship.type);
      }
    }
    expect(vias).toContain(PATH_THROUGH_KHAAN_QUEST);
  });

  it('programmes-implement: 23 programmes; Khaan Quest is an exercise carried out under I.3.4', async () => {
    const rows = await run('programmes-implement');
    expect(rows).toHaveLength(23);
    // A named system is a programme wherever the plan names it, even inside a memorandum's title.
    expect(rows.find((r) => r.programme === 'Technical Intern Training Program')).toMatchObject({
      type: 'scheme',
      commitments: ['III.1.7'],
    });
    expect(
      rows.find((r) => r.programme === 'Japan–Mongolia Diplomat Exchange Programme'),
    ).toMatchObject({ commitments: ['I.2.2'] });
    expect(rows.find((r) => r.programme === 'Khaan Quest')).toMatchObject({
      type: 'exercise',
      commitments: ['I.3.4'],
    });
  });

  it('un-frameworks: eight UN frameworks, the Security Council named by five commitments', async () => {
    const rows = await run('un-frameworks');
    expect(rows).toHaveLength(8);
    expect(rows[0]).toEqual({
      framework: 'United Nations Security Council',
      commitments: 5,
      refs: ['IV.1.1', 'IV.1.2', 'IV.1.3', 'IV.1.6', 'IV.1.8.a'],
    });
    expect(rows.map((r) => r.framework)).toContain('Paris Agreement');
  });

  it('direction-by-pillar: every direction a bullet states; Mongolia supports Japan in five', async () => {
    const rows = await run('direction-by-pillar');
    // Six bullets state two directions each (III.1.3, II.3.3 …), so the sum exceeds 86.
    expect(sum(rows, 'commitments')).toBe(86 + 6);
    expect(
      sum(
        rows.filter((r) => r.direction === 'mn_to_jp'),
        'commitments',
      ),
    ).toBe(MN_TO_JP_REFS.length);
  });

  it('mongolian-actors: the commitments checked against the text, each with the words', async () => {
    const rows = await run('mongolian-actors');
    expect([...new Set(rows.map((r) => r.ref))]).toEqual(MONGOLIAN_ACTOR_REFS);
    expect(rows.find((r) => r.ref === 'II.2.8')).toMatchObject({
      actor: 'Mongolia',
      evidence: 'モンゴル国政府による',
      asserted_by: 'text',
    });
    expect(rows.find((r) => r.ref === 'II.3.3')).toMatchObject({ asserted_by: 'curation' });
  });

  it('mongolia-for-japan: the minerals supply of line 76 among five, each with its words', async () => {
    const rows = await run('mongolia-for-japan');
    expect(rows.map((r) => r.ref)).toEqual(MN_TO_JP_REFS);
    expect(rows.find((r) => r.ref === 'II.3.3')).toMatchObject({
      line: 76,
      evidence: 'モンゴルの銅、レアアース等を始めとする鉱物資源の日本への長期的・安定的供給',
      asserted_by: 'text',
    });
    expect(rows.find((r) => r.ref === 'III.1.3')!.evidence).toMatch(/^モンゴルによる、/);
  });

  it('timeline: instruments and the plan in date order, with precision', async () => {
    const rows = await run('timeline');
    const dates = rows.map((r) => String(r.date));
    expect(dates).toEqual([...dates].sort());
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: '2015-02', event: 'signed', precision: 'month' }),
        expect.objectContaining({ date: '2016-06-07', event: 'in force' }),
        expect.objectContaining({ date: '2022-11-29', event: 'plan adopted', precision: 'day' }),
        expect.objectContaining({ date: '2017', precision: 'year', event: 'named by III.2.1' }),
      ]),
    );
  });

  it('targets: about 50,000 trees over 5 years and 20,000 young people, both in IV.2.7', async () => {
    expect((await run('targets')).map((r) => [r.ref, r.quantity, r.years, r.approximate])).toEqual([
      ['IV.2.7', 50000, 5, true],
      ['IV.2.7', 20000, null, true],
    ]);
  });

  it('unlinked-commitments: the 22 commitments that name no entity, no longer III.2.8', async () => {
    const rows = await run('unlinked-commitments');
    expect(rows).toHaveLength(22);
    expect(rows[0]).toMatchObject({ ref: 'I.1.1' });
    expect(rows.map((r) => r.ref)).toContain('IV.2.8.a');
    // Visas for Mongolian passport holders (line 108) concern Mongolia.
    expect(rows.map((r) => r.ref)).not.toContain('III.2.8');
  });

  it('who-acts: every commitment has its two preamble parties; 20 also name an actor', async () => {
    const rows = await run('who-acts');
    expect(rows).toHaveLength(86);
    for (const row of rows) expect(row.preamble_parties).toEqual(['Japan', 'Mongolia']);
    expect(rows.filter((r) => (r.named_actors as string[]).length > 0)).toHaveLength(20);
    expect(rows.find((r) => r.ref === 'IV.1.5')).toMatchObject({ named_actors: ['Japan'] });
  });

  it('provenance: seven links of I.3.2, each evidence the very text at its offsets', async () => {
    const rows = await run('provenance');
    expect(rows).toHaveLength(7);
    for (const row of rows) expect(row.in_text).toBe(row.evidence);
    expect(rows.filter((r) => r.type === 'UNDERPINS')).toHaveLength(2);
  });

  it('fulltext-search: "国連PKO" finds I.3.3 first, then UN peacekeeping', async () => {
    const hits = (await run('fulltext-search')).map((r) => r.hit);
    expect(hits[0]).toBe('I.3.3');
    expect(hits).toContain('un-pko');
  });

  it('agency-hierarchy: every agency reaches its country; the Fuji School through three bodies', async () => {
    const rows = await run('agency-hierarchy');
    expect(rows).toHaveLength(22);
    expect(rows.find((r) => r.agency === 'JGSDF Fuji School')?.chain).toEqual([
      'JGSDF Fuji School',
      'Japan Ground Self-Defense Force',
      'Ministry of Defense',
      'Japan',
    ]);
    for (const row of rows) expect(['Japan', 'Mongolia']).toContain((row.chain as string[]).at(-1));
  });

  it('commitment-neighbourhood: I.3.4 and its nine relationships (two its preamble parties) as nodes and relationships', async () => {
    const rows = await run('commitment-neighbourhood');
    expect(rows).toHaveLength(9);
    expect(
      rows.filter((row) => (row.r as unknown as Relationship).type === 'UNDERTAKEN_BY'),
    ).toHaveLength(2);
    for (const row of rows) {
      const c = row.c as unknown as Node;
      const r = row.r as unknown as Relationship;
      const n = row.n as unknown as Node;
      // Every plan node also carries the shared Entity label its id is unique under.
      expect(c).toMatchObject({ $type: 'node', properties: { ref: 'I.3.4' } });
      expect([...c.labels].sort()).toEqual(['Commitment', 'Entity']);
      expect(r.$type).toBe('relationship');
      expect([r.start, r.end].sort()).toEqual([c.elementId, n.elementId].sort());
    }
    const khaanQuest = rows.find(
      (row) => (row.n as unknown as Node).properties.id === 'khaan-quest',
    );
    expect(khaanQuest).toMatchObject({ r: { type: 'IMPLEMENTED_VIA' }, n: { $type: 'node' } });
    expect((khaanQuest!.n as unknown as Node).labels).toContain('Program');
  });

  it('labels-counted: the twelve labels with the counts of docs/schema.md, and the one Dataset node', async () => {
    const counts = Object.fromEntries((await run('labels-counted')).map((r) => [r.label, r.nodes]));
    expect(counts).toEqual({
      Agency: 22,
      Agreement: 14,
      Area: 11,
      Commitment: 86,
      Country: 4,
      Dataset: 1,
      Framework: 16,
      Pillar: 4,
      Place: 6,
      Plan: 1,
      Program: 23,
      Target: 2,
      Theme: 26,
    });
  });
});

const TESTED = [
  'mous-underpin',
  'agreements-underpin',
  'agreements-by-status',
  'works-towards',
  'agencies-ranked',
  'soft-commitments',
  'jp-mn-actors-meet',
  'themes-by-pillar',
  'paths-between-actors',
  'programmes-implement',
  'un-frameworks',
  'direction-by-pillar',
  'mongolian-actors',
  'mongolia-for-japan',
  'timeline',
  'targets',
  'unlinked-commitments',
  'who-acts',
  'provenance',
  'fulltext-search',
  'agency-hierarchy',
  'commitment-neighbourhood',
  'labels-counted',
];
