import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASSERTED_BY, SEMANTIC_ROLES } from '../../core/model/curation-vocabulary';
import type { GraphNode, GraphRelationship } from '../../core/model/graph-model';
import { buildGraph } from '../../seed/build-graph';
import { EVIDENCE_LISTS } from '../../seed/merge-evidence';
import { parsePlan } from '../../seed/parse-plan';
import { allCommitments } from '../../seed/plan-model';
import { MN_TO_JP_REFS, MONGOLIAN_ACTOR_REFS } from '../support/checked-answers';
import { curation, gazetteer, source } from '../support/real-plan';

// The source is read and parsed afresh here, so every span is checked against the document
// itself, not against what the build already holds.
const sourceText = readFileSync(
  new URL('../../seed/source/action-plan-2022-2031.ja.txt', import.meta.url),
  'utf8',
);
const freshPlan = parsePlan(sourceText);
const textOf = new Map<string, string>(
  allCommitments(freshPlan).map((c) => [`${freshPlan.id}/${c.ref}`, c.text_ja]),
);
const model = buildGraph({ source, plan: freshPlan, gazetteer, curation });
const nodes = new Map(model.nodes.map((n) => [n.id, n]));
const commitmentNodes = model.nodes.filter((n) => n.label === 'Commitment');
const byRef = (ref: string) => commitmentNodes.find((n) => n.properties.ref === ref)!;
const list = <T>(v: unknown) => v as T[];
const involves = (ref: string, entity: string) =>
  model.relationships.find(
    (r) => r.type === 'INVOLVES' && r.from.id === byRef(ref).id && r.to.id === entity,
  );
const rolesOf = (ref: string, entity: string) => involves(ref, entity)?.properties.role;

/** Every evidence span of one relationship or node: [what, text, start, end]. */
function spans(
  text: string,
  props: Record<string, unknown>,
  name: string,
): [string, string, number, number][] {
  const evidences = list<string>(props[`${name}evidences`]);
  const starts = list<number>(props[`${name}evidence_starts`]);
  const ends = list<number>(props[`${name}evidence_ends`]);
  return evidences.map((e, i) => [e, text, starts[i]!, ends[i]!]);
}

function commitmentText(rel: GraphRelationship): string | undefined {
  return textOf.get(rel.from.id) ?? textOf.get(rel.to.id);
}

describe('every evidence span is the source text at its offsets', () => {
  it('re-reads the evidence of every relationship of a commitment', () => {
    let checked = 0;
    for (const rel of model.relationships) {
      const text = commitmentText(rel);
      if (text === undefined || rel.properties.evidence_start === undefined) continue;
      for (const [evidence, t, start, end] of spans(text, rel.properties, '')) {
        expect(evidence.length, rel.key).toBeGreaterThan(0);
        expect(t.slice(start, end), rel.key).toBe(evidence);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('re-reads the words deciding every role, and gives each role its asserted_by', () => {
    const rels = model.relationships.filter((r) => r.type === 'INVOLVES');
    expect(rels.length).toBeGreaterThan(60);
    for (const rel of rels) {
      const text = commitmentText(rel)!;
      const p = rel.properties;
      expect(SEMANTIC_ROLES, rel.key).toContain(p.role);
      expect(ASSERTED_BY, rel.key).toContain(p.role_asserted_by);
      expect(typeof p.grammatical_role, rel.key).toBe('string');
      expect(String(p.role_evidence).length, rel.key).toBeGreaterThan(0);
      expect(text.slice(Number(p.role_evidence_start), Number(p.role_evidence_end)), rel.key).toBe(
        p.role_evidence,
      );
      for (const [evidence, t, start, end] of spans(text, p, 'role_')) {
        expect(t.slice(start, end), rel.key).toBe(evidence);
      }
      if (p.role_asserted_by === 'curation') expect(String(p.role_note).length).toBeGreaterThan(5);
    }
  });

  it('re-reads the words behind every direction, action and soft flag', () => {
    for (const c of commitmentNodes) {
      const text = textOf.get(c.id)!;
      const p = c.properties;
      for (const name of ['direction', 'action', 'soft']) {
        const evidence = String(p[`${name}_evidence`]);
        expect(evidence.length, `${c.id} ${name}`).toBeGreaterThan(0);
        expect(
          text.slice(Number(p[`${name}_evidence_start`]), Number(p[`${name}_evidence_end`])),
        ).toBe(evidence);
        expect(ASSERTED_BY).toContain(p[`${name}_asserted_by`]);
      }
      const directions = list<string>(p.directions);
      expect(directions[0], c.id).toBe(p.direction);
      expect(list<string>(p.direction_asserted_bys)).toHaveLength(directions.length);
      for (const [evidence, t, start, end] of spans(text, p, 'direction_')) {
        expect(t.slice(start, end), c.id).toBe(evidence);
      }
    }
  });

  it('gives every theme tag its evidence and asserted_by', () => {
    const tags = model.relationships.filter((r) => r.type === 'TAGGED');
    for (const tag of tags) expect(ASSERTED_BY, tag.key).toContain(tag.properties.asserted_by);
  });
});

describe('semantic roles, one test per value', () => {
  it('actor: the one who carries out the commitment (日本・モンゴル・米国による, I.2.3.a)', () => {
    const r = involves('I.2.3.a', 'mongolia')!;
    expect(r.properties).toMatchObject({
      role: 'actor',
      grammatical_role: 'actor',
      role_evidence: 'モンゴル・米国による',
      role_asserted_by: 'text',
    });
  });

  it('partner: the counterpart an unnamed actor works with (労働・社会保障省との, III.1.7)', () => {
    expect(involves('III.1.7', 'mlsp-mn')!.properties).toMatchObject({
      role: 'partner',
      role_evidence: 'モンゴル国労働・社会保障省との',
    });
  });

  it('beneficiary: the one the commitment is for (モンゴル国軍への, I.3.6; 日本への, II.3.3)', () => {
    expect(rolesOf('I.3.6', 'mn-armed-forces')).toBe('beneficiary');
    expect(involves('II.3.3', 'japan')!.properties).toMatchObject({
      role: 'beneficiary',
      role_evidence: '日本への',
      role_asserted_by: 'text',
    });
  });

  it('location: where it happens or who hosts it (日本における, III.2.2; Khaan Quest, I.3.4)', () => {
    expect(rolesOf('III.2.2', 'japan')).toBe('location');
    expect(rolesOf('I.3.4', 'mongolia')).toBe('location');
    // モンゴル国内での: the alias モンゴル国 no longer swallows the 国 of 国内 (issue 11, line 96).
    const mn = involves('III.1.7', 'mongolia')!.properties;
    expect(list<string>(mn.roles)).toContain('location');
    expect(list<string>(mn.role_evidences)).toContain('モンゴル国内で');
  });

  it('mentioned: named, but neither acting nor gaining (the proposer in a relative clause, IV.1.7)', () => {
    const mn = involves('IV.1.7', 'mongolia')!.properties;
    expect(list<string>(mn.roles)).toEqual(['mentioned', 'beneficiary']);
    expect(mn.role).toBe('beneficiary');
  });

  it('subject_of_concern: what the commitment is about, never an actor (North Korea, IV.1.6)', () => {
    const nk = involves('IV.1.6', 'north-korea')!.properties;
    expect(nk.role).toBe('subject_of_concern');
    expect(list<string>(nk.roles)).toEqual(Array(3).fill('subject_of_concern'));
    expect(list<string>(nk.grammatical_roles)).toEqual(['actor', 'recipient', 'actor']);
    const northKoreaActs = model.relationships.filter(
      (r) => r.to.id === 'north-korea' && r.properties.role === 'actor',
    );
    expect(northKoreaActs).toEqual([]);
  });
});

describe('the facts issue 11 found wrong', () => {
  it('makes the agencies acting under the two defence memoranda actors (I.3.2, line 35)', () => {
    for (const id of ['mod-jp', 'mod-mn', 'jasdf', 'mn-air-force'])
      expect(rolesOf('I.3.2', id), id).toBe('actor');
  });

  it('makes the Ground Self-Defense Force and the schools hosting officers actors (lines 40–41)', () => {
    expect(rolesOf('I.3.4', 'jgsdf')).toBe('actor');
    for (const id of ['nda-jp', 'nids', 'jgsdf-tercom', 'jgsdf-fuji-school'])
      expect(rolesOf('I.3.5', id), id).toBe('actor');
    expect(rolesOf('I.3.5', 'mn-armed-forces')).toBe('beneficiary');
  });

  it('does not make Mongolia the actor where Japan supports it (lines 126 and 149)', () => {
    expect(rolesOf('IV.1.7', 'mongolia')).toBe('beneficiary');
    expect(rolesOf('IV.2.8.b', 'mongolia')).toBe('beneficiary');
  });

  it('tags III.1.6 with tourism and digital, and III.2.1 with science and technology', () => {
    const themes = (ref: string) =>
      model.relationships
        .filter((r) => r.type === 'TAGGED' && r.from.id === byRef(ref).id)
        .map((r) => r.to.id);
    expect(themes('III.1.6')).toEqual(expect.arrayContaining(['theme/tourism', 'theme/digital']));
    expect(themes('III.2.1')).toContain('theme/science_technology');
  });

  it('gives the diplomat exchange programme of I.2.2 (line 27) its Program node', () => {
    expect(nodes.get('jp-mn-diplomat-exchange')?.label).toBe('Program');
    expect(
      model.relationships.some(
        (r) =>
          r.type === 'IMPLEMENTED_VIA' &&
          r.from.id === byRef('I.2.2').id &&
          r.to.id === 'jp-mn-diplomat-exchange',
      ),
    ).toBe(true);
  });

  it('keeps the tax convention of II.2.5 (line 65) as an exchange of views, worked towards', () => {
    const tax = nodes.get('jp-mn-tax-treaty')!.properties;
    expect(tax.status_in_plan).toBe('under_consideration');
    expect(tax.status_in_plan_evidence).toBe('両国の租税条約締結に向けた意見交換の実施');
    expect(
      model.relationships.find((r) => r.to.id === 'jp-mn-tax-treaty' && r.type !== 'PARTY_TO')
        ?.type,
    ).toBe('WORKS_TOWARDS');
  });

  it('gives the Technical Intern Training MoC its Japanese party, with the record that says so', () => {
    const parties = model.relationships.filter(
      (r) => r.type === 'PARTY_TO' && r.to.id === 'titp-moc',
    );
    expect(parties.map((r) => r.from.id).sort()).toEqual(['japan', 'mlsp-mn']);
    const japan = parties.find((r) => r.from.id === 'japan')!.properties;
    expect(japan.asserted_by).toBe('curation');
    expect(String(japan.source)).toMatch(/^https:\/\//);
  });

  it('links the visa relaxation of III.2.8 (line 108) to Mongolia as beneficiary', () => {
    expect(involves('III.2.8', 'mongolia')?.properties).toMatchObject({
      role: 'beneficiary',
      grammatical_role: 'mentioned',
      role_asserted_by: 'curation',
    });
  });

  it('aligns IV.1.3 (line 122) with the UN once: 外務省国連関連当局 is not the UN', () => {
    const un = model.relationships.filter(
      (r) => r.type === 'ALIGNS_WITH' && r.from.id === byRef('IV.1.3').id && r.to.id === 'un',
    );
    expect(un).toHaveLength(1);
    expect(un[0]!.properties.evidences).toEqual(['国連']);
  });
});

describe('direction with several values, each with its words', () => {
  it('keeps both directions of a mixed bullet (III.1.3, line 92)', () => {
    const p = byRef('III.1.3').properties;
    expect(p.directions).toEqual(['jp_to_mn', 'mn_to_jp']);
    expect(list<string>(p.direction_evidences)[1]).toMatch(/^モンゴルによる、/);
  });

  it('reads the minerals supply to Japan as Mongolia to Japan (II.3.3, line 76)', () => {
    const p = byRef('II.3.3').properties;
    expect(p.direction).toBe('mn_to_jp');
    expect(p.direction_evidence).toBe(
      'モンゴルの銅、レアアース等を始めとする鉱物資源の日本への長期的・安定的供給',
    );
    expect(p.direction_asserted_by).toBe('text');
  });
});

describe('the Done-when questions, answered from the model', () => {
  const mongolian = (n: GraphNode) => n.properties.country === 'MN';
  it('which commitments have a Mongolian actor', () => {
    const refs = new Set(
      model.relationships
        .filter((r) => r.type === 'INVOLVES' && r.properties.role === 'actor')
        .filter((r) => mongolian(nodes.get(r.to.id)!))
        .map((r) => nodes.get(r.from.id)!.properties.ref),
    );
    expect([...refs]).toEqual(MONGOLIAN_ACTOR_REFS);
  });

  it('what Mongolia commits to do for Japan', () => {
    const refs = commitmentNodes
      .filter((n) => list<string>(n.properties.directions).includes('mn_to_jp'))
      .map((n) => n.properties.ref);
    expect(refs).toEqual(MN_TO_JP_REFS);
  });
});

describe('one relationship per (start, type, end)', () => {
  it('joins no pair twice with one type', () => {
    const seen = new Set<string>();
    for (const r of model.relationships) {
      const key = `${r.type}|${r.from.id}|${r.to.id}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('keeps every piece of evidence, the first in the scalars (the EPA in II.2.1)', () => {
    const epa = model.relationships.find(
      (r) => r.type === 'UNDERPINS' && r.from.id === 'jp-mn-epa' && r.to.id === byRef('II.2.1').id,
    )!;
    expect(epa.properties.evidence_count).toBe(2);
    expect(epa.properties.evidences).toEqual([
      '経済上の連携に関する日本国とモンゴル国との間の協定',
      '日・モンゴルEPA',
    ]);
    expect(epa.properties.evidence).toBe('経済上の連携に関する日本国とモンゴル国との間の協定');
    expect(epa.properties.cues).toEqual(['の活用', 'の活用']);
    for (const [scalar, plural] of Object.entries(EVIDENCE_LISTS)) {
      if (epa.properties[scalar] !== undefined)
        expect(list<unknown>(epa.properties[plural])[0]).toBe(epa.properties[scalar]);
    }
  });
});

describe('Mongolian names', () => {
  it('gives a name_mn only with the public record it comes from, and leaves the rest missing', () => {
    const named = model.nodes.filter((n) => n.properties.name_mn !== undefined);
    expect(named.map((n) => n.id).sort()).toEqual([
      'chinggis-khaan-airport',
      'mn-armed-forces',
      'mod-mn',
      'mongolia',
      'state-great-khural',
      'ulaanbaatar',
    ]);
    for (const n of named) {
      expect(String(n.properties.name_mn), n.id).toMatch(/^[А-ЯЁӨҮа-яёөү ]+$/);
      expect(n.properties.name_mn_source, n.id).toMatch(/^https:\/\/\S+$/);
    }
    expect(nodes.get('mlsp-mn')!.properties.name_mn).toBeUndefined();
  });
});

describe('time', () => {
  it('gives every agreement a status with an as-of date and a public source', () => {
    const agreements = model.nodes.filter((n) => n.label === 'Agreement');
    // The plan's ten instruments, and four renewals of the 2011 environment memorandum.
    expect(agreements).toHaveLength(14);
    expect(agreements.filter((a) => a.properties.named_in_plan)).toHaveLength(10);
    for (const a of agreements) {
      expect(a.properties.status, a.id).toMatch(
        /^(adopted|in_force|in_effect|signed|superseded|under_\w+)$/,
      );
      expect(a.properties.status_as_of, a.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.properties.status_source, a.id).toMatch(/^https:\/\/\S+$/);
      if (a.properties.named_in_plan) expect(a.properties.status_in_plan, a.id).toBeTruthy();
      else expect(a.properties.status_in_plan, a.id).toBeUndefined();
    }
    // MOFA's EPA page gives the month of signature and the day it came into force.
    expect(nodes.get('jp-mn-epa')!.properties).toMatchObject({
      signed: '2015-02',
      signed_precision: 'month',
      in_force: '2016-06-07',
      in_force_precision: 'day',
      date_source: 'https://www.mofa.go.jp/mofaj/gaiko/fta/j_mongolia/index.html',
    });
  });

  it('records the years, periods and phases the text states', () => {
    expect(byRef('IV.2.7').properties).toMatchObject({
      period_years: 5,
      period_years_evidence: '5年間',
    });
    expect(byRef('IV.1.4').properties).toMatchObject({ phase: 3, phase_evidence: '第3期' });
    expect(byRef('III.2.1').properties.years_stated).toEqual([2017]);
    expect(nodes.get(freshPlan.id)!.properties).toMatchObject({
      adopted: '2022-11-29',
      adopted_evidence: '2022年11月29日',
      period_end: 2031,
    });
    expect(sourceText).toContain('2022年11月29日');
  });
});
