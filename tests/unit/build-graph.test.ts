import { describe, expect, it } from 'vitest';
import { OPERATIVE_STATUSES } from '../../core/model/curation-vocabulary';
import type { GraphRelationship } from '../../core/model/graph-model';
import { buildGraph } from '../../seed/build-graph';
import { parseCuration } from '../../seed/curation';
import { CurationError } from '../../seed/gazetteer';
import { curation, curationJson, gazetteer, plan, source } from '../support/real-plan';

const model = buildGraph({ source, plan, gazetteer, curation });
const nodes = new Map(model.nodes.map((n) => [n.id, n]));
const rels = (type: string) => model.relationships.filter((r) => r.type === type);
const outgoing = (id: string, type: string) => rels(type).filter((r) => r.from.id === id);

describe('buildGraph on the real plan', () => {
  it('gives every commitment its English text, titles and attributes', () => {
    const commitments = model.nodes.filter((n) => n.label === 'Commitment');
    expect(commitments).toHaveLength(86);
    for (const c of commitments) {
      expect(c.properties.text_en, c.id).toMatch(/\w{3}/);
      expect(String(c.properties.title_en).length, c.id).toBeLessThanOrEqual(60);
      expect(String(c.properties.title_ja).length, c.id).toBeLessThanOrEqual(60);
      expect(['jp_to_mn', 'mn_to_jp', 'mutual']).toContain(c.properties.direction);
      expect(String(c.properties.text_ja)).toContain(String(c.properties.action_ja));
    }
  });

  it('chains every commitment to the Plan through PART_OF', () => {
    for (const c of model.nodes.filter((n) => n.label === 'Commitment')) {
      const chain = [c.label];
      let id = c.id;
      for (let step = 0; step < 5 && nodes.get(id)?.label !== 'Plan'; step++) {
        const up = outgoing(id, 'PART_OF');
        expect(up, `${id} has one parent`).toHaveLength(1);
        id = up[0]!.to.id;
        chain.push(nodes.get(id)!.label);
      }
      expect(chain.at(-1), c.id).toBe('Plan');
    }
  });

  it('links every gazetteer entity to at least one commitment, or to the plan', () => {
    const evidenced = new Set(
      model.relationships
        .filter((r) => !['PART_OF', 'BELONGS_TO', 'PARTY_TO', 'TAGGED', 'SETS'].includes(r.type))
        .flatMap((r) => [r.from.id, r.to.id]),
    );
    expect(gazetteer.entities.filter((e) => !evidenced.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  it('has each agreement in force in the plan underpin the commitment that names it', () => {
    const named = model.relationships.filter((r) =>
      ['UNDERPINS', 'REFERS_TO', 'WORKS_TOWARDS'].includes(r.type),
    );
    for (const r of named) {
      const agreementId = r.type === 'UNDERPINS' ? r.from.id : r.to.id;
      const agreement = gazetteer.entities.find((e) => e.id === agreementId)!;
      if (
        agreement.kind === 'Agreement' &&
        OPERATIVE_STATUSES.some((s) => s === agreement.status_in_plan)
      )
        expect(r.type, r.key).toBe('UNDERPINS');
      else expect(r.type, r.key).toBe('WORKS_TOWARDS');
    }
    const underpinned = (id: string) =>
      rels('UNDERPINS')
        .filter((r) => r.from.id === id)
        .map((r) => r.to.id);
    // One relationship per pair: the EPA's two mentions in II.2.1 are two pieces of its evidence.
    expect(underpinned('jp-mn-epa')).toEqual([
      'jp-mn-2022/II.2.1',
      'jp-mn-2022/II.2.2',
      'jp-mn-2022/II.2.4',
    ]);
    expect(underpinned('environment-moc-2011')).toEqual(['jp-mn-2022/IV.2.1']);
  });

  it('carries evidence that is the source text at the stated offsets', () => {
    const offsetRels = model.relationships.filter(
      (r) => typeof r.properties.evidence_start === 'number',
    );
    expect(offsetRels.length).toBeGreaterThan(200);
    for (const r of offsetRels) {
      const c = r.from.label === 'Commitment' ? r.from : r.to;
      const text =
        c.label === 'Commitment'
          ? String(nodes.get(c.id)!.properties.text_ja)
          : String(nodes.get(r.from.id)!.properties.preamble_ja);
      const {
        evidence,
        evidence_start: start,
        evidence_end: end,
      } = r.properties as Record<string, number | string>;
      expect(text.slice(Number(start), Number(end)), r.key).toBe(evidence);
    }
    // Every relationship read from the document quotes it; a revision or renewal, read from a
    // public record instead, cites that record.
    for (const r of model.relationships as GraphRelationship[]) {
      if (r.properties.asserted_by === 'record')
        expect(r.properties.source, r.key).toMatch(/^https:\/\//);
      else expect(typeof r.properties.evidence, r.key).toBe('string');
    }
  });

  it('makes the plan the annex of the 2022 joint statement, and sets the tree-planting targets', () => {
    expect(rels('ANNEX_OF').map((r) => [r.from.id, r.to.id])).toEqual([
      ['jp-mn-2022', 'jp-mn-joint-statement-2022'],
    ]);
    const targets = outgoing('jp-mn-2022/IV.2.7', 'SETS').map(
      (r) => nodes.get(r.to.id)!.properties,
    );
    expect(targets).toEqual([
      expect.objectContaining({
        quantity: 50000,
        period_years: 5,
        evidence: '5年間で約5万本規模の植林',
      }),
      expect.objectContaining({ quantity: 20000, evidence: 'モンゴルの青少年約2万人' }),
    ]);
  });

  it('gives every commitment its parties: both countries from the preamble, apart from the actors its text names', () => {
    const commitments = model.nodes.filter((n) => n.label === 'Commitment');
    const preamble = String(nodes.get('jp-mn-2022')!.properties.preamble_ja);
    for (const c of commitments) {
      const parties = outgoing(c.id, 'UNDERTAKEN_BY');
      expect(parties.map((r) => r.to.id).sort(), c.id).toEqual(['japan', 'mongolia']);
      for (const r of parties) {
        const p = r.properties;
        expect(p.asserted_by).toBe('preamble');
        expect(p.evidence_field).toBe('preamble_ja');
        expect(p.evidence_start).toBeUndefined();
        expect(
          preamble.slice(Number(p.preamble_evidence_start), Number(p.preamble_evidence_end)),
        ).toBe(p.evidence);
        expect(preamble.slice(Number(p.party_evidence_start), Number(p.party_evidence_end))).toBe(
          p.party_evidence,
        );
      }
    }
    const unparty = commitments.filter(
      (c) =>
        outgoing(c.id, 'UNDERTAKEN_BY').length === 0 &&
        !outgoing(c.id, 'INVOLVES').some((r) => r.properties.role === 'actor'),
    );
    expect(unparty).toEqual([]);
    const explicit = new Set(
      rels('INVOLVES')
        .filter((r) => r.properties.role === 'actor')
        .map((r) => r.from.id),
    );
    // docs/schema.md gives both counts.
    expect([explicit.size, rels('UNDERTAKEN_BY').length]).toEqual([20, 172]);
  });

  it('applies one rule for soft: exactly the commitments whose action only considers, studies or exchanges views', () => {
    const soft = model.nodes
      .filter((n) => n.label === 'Commitment' && n.properties.soft === true)
      .map((n) => [n.properties.ref, n.properties.action, n.properties.action_ja]);
    expect(soft).toEqual([
      ['I.3.3', 'exchange_views', '意見交換'],
      ['II.2.5', 'exchange_views', '意見交換'],
      ['III.2.8', 'consider', '検討'],
      ['III.2.9', 'consider', '検討の開始'],
      // Changed by the rule (issue 24): both were "implement", though what they implement is a study.
      ['IV.2.5', 'study', '実現可能性調査の実施'],
      ['IV.2.6', 'study', '調査事業の実施'],
    ]);
  });

  it('models every named system as a programme, even one named inside a memorandum’s title', () => {
    for (const [system, commitment] of [
      ['技能実習制度', 'jp-mn-2022/III.1.7'],
      ['ワーキング・ホリデー制度', 'jp-mn-2022/III.2.9'],
      ['二国間クレジット制度(JCM)', 'jp-mn-2022/IV.2.4'],
    ] as const) {
      const via = outgoing(commitment, 'IMPLEMENTED_VIA').find(
        (r) => r.properties.evidence === system,
      );
      expect(via, system).toBeDefined();
      expect(nodes.get(via!.to.id)!.label).toBe('Program');
    }
    // The memorandum on the first is still what underpins III.1.7.
    expect(rels('UNDERPINS').find((r) => r.to.id === 'jp-mn-2022/III.1.7')?.from.id).toBe(
      'titp-moc',
    );
  });

  it("reads Japan's side where the text names its companies or nationals, not the State", () => {
    const japanIn = (ref: string) =>
      outgoing(`jp-mn-2022/${ref}`, 'INVOLVES').find((r) => r.to.id === 'japan')?.properties;
    expect(japanIn('II.2.8')).toMatchObject({
      role: 'beneficiary',
      evidences: ['日本企業', '日系企業'],
      role_asserted_by: 'curation',
    });
    expect(japanIn('IV.1.6')).toMatchObject({ role: 'beneficiary', evidence: '日本人' });
    // 日本人材開発センター is a centre's name, taken whole before 日本人 could be read.
    expect(japanIn('III.1.6')).toBeUndefined();
  });
});

describe('buildGraph refuses curation that does not match the document', () => {
  const build = (
    mutate: (json: { commitments: { commitments: Record<string, unknown>[] } }) => void,
  ) => {
    const json = structuredClone(curationJson) as unknown as {
      commitments: { commitments: Record<string, unknown>[] };
    };
    mutate(json);
    return () => buildGraph({ source, plan, gazetteer, curation: parseCuration(json as never) });
  };

  it('names a commitment that has no English', () => {
    expect(build((j) => j.commitments.commitments.splice(3, 1))).toThrow(
      'seed/data/commitments.json: commitment "I.2.1" has no English text or attributes.',
    );
  });

  it('names a verb that is not in the Japanese text', () => {
    expect(
      build((j) => {
        j.commitments.commitments[0]!.action_ja = '廃止';
      }),
    ).toThrow('commitment "I.1.1": action_ja "廃止" is not in its Japanese text.');
  });

  it('names an alias that the document does not contain', () => {
    const bad = structuredClone(gazetteer);
    bad.entities[0]!.aliases.push('大日本帝国');
    expect(() => buildGraph({ source, plan, gazetteer: bad, curation })).toThrow(CurationError);
    expect(() => buildGraph({ source, plan, gazetteer: bad, curation })).toThrow(
      'alias "大日本帝国" does not occur',
    );
  });

  it('refuses a soft flag the rule does not give, naming the commitment', () => {
    expect(
      build((j) => {
        j.commitments.commitments[0]!.soft = true;
      }),
    ).toThrow(
      /commitments\.json: commitment "I\.1\.1": soft is true, but its action "maintain" makes it false/,
    );
  });

  it('refuses an action outside the controlled vocabulary', () => {
    expect(
      build((j) => {
        j.commitments.commitments[0]!.action = 'dream';
      }),
    ).toThrow(/commitments\.json: commitments\[0\] \("I\.1\.1"\)\.action/);
  });
});
