import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Graph } from '../../graph/graph';
import type { Plain } from '../../graph/to-plain';
import { createApp } from '../../server/app';
import type { ResearchQuery } from '../../server/routes/cypher/cypher.schema';
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
let app: Express;
let library: ResearchQuery[];

beforeAll(async () => {
  graph = await openSeededGraph(inject('neo4j'));
  app = createApp({ graph, logger: pino({ level: 'silent' }) });
  library = (await request(app).get('/api/cypher/library').expect(200)).body.queries;
});
afterAll(async () => {
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

  it('agreements-underpin: all 10 UNDERPINS relationships, four of them the EPA', async () => {
    const rows = await run('agreements-underpin');
    expect(rows).toHaveLength(10);
    expect(
      rows
        .filter(
          (r) => r.agreement === 'Agreement between Japan and Mongolia for an Economic Partnership',
        )
        .map((r) => r.ref),
    ).toEqual(['II.2.1', 'II.2.1', 'II.2.2', 'II.2.4']);
    expect(rows.find((r) => r.ref === 'IV.1.4')).toMatchObject({ type: 'agreement' });
  });

  it('agreements-by-status: eight in force, one under consideration, one under negotiation', async () => {
    const rows = await run('agreements-by-status');
    expect(rows.map((r) => r.status)).toEqual([
      ...Array(8).fill('in_force'),
      'under_consideration',
      'under_negotiation',
    ]);
    expect(rows.find((r) => r.type === 'joint_statement')?.underpins).toEqual([]);
    expect(rows.find((r) => r.status === 'under_negotiation')).toMatchObject({
      agreement: 'Japan–Mongolia tax convention',
      underpins: [],
    });
  });

  it('works-towards: the defence-equipment framework and the tax treaty', async () => {
    expect((await run('works-towards')).map((r) => [r.ref, r.status])).toEqual([
      ['I.3.6', 'under_consideration'],
      ['II.2.5', 'under_negotiation'],
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
    expect(rows.find((r) => r.agency === 'Mongolian Armed Forces')?.roles).toEqual(
      expect.arrayContaining(['recipient', 'subject']),
    );
  });

  it('soft-commitments: I.3.3, II.2.5, III.2.8 and III.2.9', async () => {
    const rows = await run('soft-commitments');
    expect(rows.map((r) => [r.ref, r.action])).toEqual([
      ['I.3.3', 'exchange_views'],
      ['II.2.5', 'exchange_views'],
      ['III.2.8', 'consider'],
      ['III.2.9', 'consider'],
    ]);
    expect(rows[2]!.verb_ja).toBe('検討');
  });

  it('jp-mn-actors-meet: 18 commitments, both defence ministries and air forces in I.3.2', async () => {
    const rows = await run('jp-mn-actors-meet');
    expect(rows).toHaveLength(18);
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

  it('themes-by-pillar: 47 pillar–theme pairs; defence in five pillar I commitments, climate in none', async () => {
    const rows = await run('themes-by-pillar');
    expect(rows).toHaveLength(47);
    expect(rows.find((r) => r.pillar === 'I' && r.theme === 'defence')?.commitments).toBe(5);
    expect(rows.find((r) => r.pillar === 'III')).toMatchObject({
      theme: 'people exchange',
      commitments: 12,
    });
    expect(rows.some((r) => r.pillar === 'I' && r.theme === 'climate')).toBe(false);
  });

  it('paths-between-actors: four 4-hop paths from the Ministry of Defense to the UN, drawable', async () => {
    const rows = await run('paths-between-actors');
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const via = row.via as string[];
      expect([via[0], via.at(-1), row.hops]).toEqual(['mod-jp', 'un', 4]);
      const path = row.path as unknown as Path;
      expect(path.$type).toBe('path');
      expect(path.segments).toHaveLength(4);
      for (const { relationship } of path.segments) {
        expect(relationship).toMatchObject({
          $type: 'relationship',
          elementId: expect.any(String),
        });
        expect(['PART_OF', 'TAGGED']).not.toContain(relationship.type);
      }
    }
    expect(rows.map((r) => (r.via as string[])[2])).toContain('I.3.4');
  });

  it('programmes-implement: 21 programmes; Khaan Quest is an exercise carried out under I.3.4', async () => {
    const rows = await run('programmes-implement');
    expect(rows).toHaveLength(21);
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

  it('direction-by-pillar: adds up to the 86 commitments, Mongolia supporting Japan twice', async () => {
    const rows = await run('direction-by-pillar');
    expect(sum(rows, 'commitments')).toBe(86);
    expect(
      sum(
        rows.filter((r) => r.direction === 'mn_to_jp'),
        'commitments',
      ),
    ).toBe(2);
    expect(rows.find((r) => r.pillar === 'IV' && r.direction === 'mutual')?.commitments).toBe(16);
  });

  it('targets: about 50,000 trees over 5 years and 20,000 young people, both in IV.2.7', async () => {
    expect((await run('targets')).map((r) => [r.ref, r.quantity, r.years, r.approximate])).toEqual([
      ['IV.2.7', 50000, 5, true],
      ['IV.2.7', 20000, null, true],
    ]);
  });

  it('unlinked-commitments: the 23 commitments that name no entity', async () => {
    const rows = await run('unlinked-commitments');
    expect(rows).toHaveLength(23);
    expect(rows[0]).toMatchObject({ ref: 'I.1.1' });
    expect(rows.map((r) => r.ref)).toEqual(expect.arrayContaining(['III.2.8', 'IV.2.8.a']));
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

  it('commitment-neighbourhood: I.3.4 and its seven relationships as nodes and relationships', async () => {
    const rows = await run('commitment-neighbourhood');
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      const c = row.c as unknown as Node;
      const r = row.r as unknown as Relationship;
      const n = row.n as unknown as Node;
      expect(c).toMatchObject({
        $type: 'node',
        labels: ['Commitment'],
        properties: { ref: 'I.3.4' },
      });
      expect(r.$type).toBe('relationship');
      expect([r.start, r.end].sort()).toEqual([c.elementId, n.elementId].sort());
    }
    const khaanQuest = rows.find(
      (row) => (row.n as unknown as Node).properties.id === 'khaan-quest',
    );
    expect(khaanQuest).toMatchObject({
      r: { type: 'IMPLEMENTED_VIA' },
      n: { $type: 'node', labels: ['Program'] },
    });
  });

  it('labels-counted: the twelve labels with the counts of docs/schema.md', async () => {
    const counts = Object.fromEntries((await run('labels-counted')).map((r) => [r.label, r.nodes]));
    expect(counts).toEqual({
      Agency: 22,
      Agreement: 10,
      Area: 11,
      Commitment: 86,
      Country: 4,
      Framework: 16,
      Pillar: 4,
      Place: 6,
      Plan: 1,
      Program: 21,
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
  'targets',
  'unlinked-commitments',
  'provenance',
  'fulltext-search',
  'agency-hierarchy',
  'commitment-neighbourhood',
  'labels-counted',
];
