import { describe, expect, it } from 'vitest';
import { type AgreementType, statusFitsKind } from '../../core/model/curation-vocabulary';
import { buildGraph } from '../../seed/build-graph';
import { CurationError, parseGazetteer } from '../../seed/gazetteer';
import { curation, gazetteer, gazetteerJson, plan, source } from '../support/real-plan';

const model = buildGraph({ source, plan, gazetteer, curation });
const nodes = new Map(model.nodes.map((n) => [n.id, n]));
const agreements = model.nodes.filter((n) => n.label === 'Agreement');
const PLAN_TEXT = 'https://tokyo.embassy.mn/post/1354';

/**
 * Issue 24 item 5: every agreement whose status, kind of status or source this work changed,
 * with the values the primary records give (or the plan's own, where none was found).
 */
const CHANGED: Record<string, Record<string, unknown>> = {
  // Line 9: 2022年11月29日に発表された「…共同声明」: a declaration is adopted, not in force.
  'jp-mn-joint-statement-2022': {
    status_in_plan: 'adopted',
    status: 'adopted',
    status_as_of: '2022-11-29',
    status_source: PLAN_TEXT,
  },
  // Line 35: the memorandum the plan builds on. Signed on 2012-01-11 (MOD's own summary); a 2024
  // revision is reported only by news pages and aggregators, so the status is the plan's.
  'jp-mn-defence-mou': {
    status_in_plan: 'in_effect',
    status: 'in_effect',
    status_as_of: '2022-11-29',
    status_source: PLAN_TEXT,
    signed: '2012-01-11',
    signed_precision: 'day',
    date_source:
      'https://www.mod.go.jp/j/approach/exchange/area/asia/mongolia/docs/20120111_j-mng_gaiyo.html',
  },
  'jasdf-mn-air-force-mou': { status_in_plan: 'in_effect', status: 'in_effect' },
  'titp-moc': { status_in_plan: 'in_effect', status: 'in_effect' },
  'education-culture-sports-st-moc-2017': { status_in_plan: 'in_effect', status: 'in_effect' },
  // MOFA's EPA page: signed in February 2015, in force on 7 June 2016.
  'jp-mn-epa': {
    status: 'in_force',
    signed: '2015-02',
    signed_precision: 'month',
    in_force: '2016-06-07',
    in_force_precision: 'day',
    date_source: 'https://www.mofa.go.jp/mofaj/gaiko/fta/j_mongolia/index.html',
  },
  // Line 42 (検討): only an aggregator of ministry texts gave its signing and entry into force.
  'jp-mn-defence-equipment-framework': {
    status_in_plan: 'under_consideration',
    status: 'under_consideration',
    status_as_of: '2022-11-29',
    status_source: PLAN_TEXT,
    signed: undefined,
    in_force: undefined,
    date_source: undefined,
  },
  // Line 140: 2011年の「…環境協力に関する協力覚書」の実施確保. Its three-year term ended and the
  // Ministry of the Environment renewed it in 2015.
  'environment-moc-2011': {
    status_in_plan: 'in_effect',
    status: 'superseded',
    status_as_of: '2015-05-12',
    status_source: 'https://www.env.go.jp/press/100972.html',
    signed: '2011',
    signed_precision: 'year',
    date_source: 'https://www.env.go.jp/press/106242.html',
  },
  'environment-moc-2015': {
    named_in_plan: false,
    status: 'superseded',
    signed: '2015-05-04',
    date_source: 'https://www.env.go.jp/press/100972.html',
  },
  'environment-moc-2018': {
    named_in_plan: false,
    status: 'superseded',
    signed: '2018-12-13',
    date_source: 'https://www.env.go.jp/press/106242.html',
  },
  'environment-moc-2022': {
    named_in_plan: false,
    status: 'superseded',
    signed: '2022',
    signed_precision: 'year',
    date_source: 'https://www.env.go.jp/press/press_01661.html',
  },
  'environment-moc-2025': {
    named_in_plan: false,
    status: 'in_effect',
    status_as_of: '2025-07-18',
    signed: '2025-06-27',
    date_source: 'https://www.env.go.jp/press/press_01661.html',
  },
};

/** Hosts that are not the primary record: blogs, law firms, news agencies and aggregators. */
const NOT_PRIMARY = [
  'blogspot.',
  'conventuslaw.',
  'jiji.com',
  'ikaros.jp',
  'tenbou.nies.go.jp',
  'portal-worlds.com',
  'news-pravda.com',
  'wikipedia.org',
];

describe('agreement facts (issue 24 item 5)', () => {
  it('holds the values the records give for every agreement this work changed', () => {
    for (const [id, expected] of Object.entries(CHANGED)) {
      const node = nodes.get(id);
      expect(node?.label, id).toBe('Agreement');
      for (const [field, value] of Object.entries(expected))
        expect(node!.properties[field], `${id}.${field}`).toBe(value);
    }
  });

  it('gives every agreement a status, and a status in the plan, that fit its kind', () => {
    expect(agreements.length).toBeGreaterThan(0);
    for (const a of agreements) {
      const type = a.properties.agreement_type as AgreementType;
      expect(statusFitsKind(type, String(a.properties.status)), `${a.id}: status`).toBe(true);
      if (a.properties.status_in_plan !== undefined)
        expect(statusFitsKind(type, String(a.properties.status_in_plan)), a.id).toBe(true);
    }
  });

  it('cites no blog, law firm, news agency or aggregator for a status or a date', () => {
    for (const a of agreements)
      for (const field of ['status_source', 'date_source']) {
        const url = a.properties[field];
        if (url === undefined) continue;
        expect(String(url), `${a.id}.${field}`).toMatch(/^https:\/\//);
        for (const host of NOT_PRIMARY)
          expect(new URL(String(url)).host, `${a.id}.${field}`).not.toContain(host);
      }
  });

  it('dates and sources every revision and renewal, from the newer instrument to the older', () => {
    const links = model.relationships.filter((r) => r.type === 'SUPERSEDES' || r.type === 'RENEWS');
    expect(links.map((r) => `${r.from.id} ${r.type} ${r.to.id}`).sort()).toEqual([
      'environment-moc-2015 RENEWS environment-moc-2011',
      'environment-moc-2018 RENEWS environment-moc-2015',
      'environment-moc-2022 RENEWS environment-moc-2018',
      'environment-moc-2025 RENEWS environment-moc-2022',
    ]);
    for (const r of links) {
      expect(r.properties.date, r.key).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(r.properties.source, r.key).toMatch(/^https:\/\/\S+$/);
      expect(r.properties.asserted_by, r.key).toBe('record');
      expect(r.from.label, r.key).toBe('Agreement');
      expect(r.to.label, r.key).toBe('Agreement');
    }
  });

  it('links no commitment to an instrument the plan does not name; its mentions keep the named one', () => {
    const unnamed = new Set(
      agreements.filter((a) => a.properties.named_in_plan === false).map((a) => a.id),
    );
    expect(unnamed.size).toBe(4);
    for (const id of unnamed) expect(nodes.get(id)!.properties.aliases, id).toEqual([]);
    const touchingCommitments = model.relationships.filter(
      (r) => r.from.label === 'Commitment' || r.to.label === 'Commitment',
    );
    for (const r of touchingCommitments) {
      expect(unnamed.has(r.from.id), r.key).toBe(false);
      expect(unnamed.has(r.to.id), r.key).toBe(false);
    }
    expect(
      model.relationships
        .filter((r) => r.type === 'UNDERPINS' && r.to.id === 'jp-mn-2022/IV.2.1')
        .map((r) => r.from.id),
    ).toEqual(['environment-moc-2011']);
  });

  it('refuses a status outside its kind, naming the entity', () => {
    const data = structuredClone(gazetteerJson) as { entities: Record<string, unknown>[] };
    const statement = data.entities.find((e) => e.id === 'jp-mn-joint-statement-2022')!;
    statement.status = 'in_force';
    expect(() => parseGazetteer(data)).toThrow(CurationError);
    expect(() => parseGazetteer(data)).toThrow(
      /\("jp-mn-joint-statement-2022"\)\.status: "in_force" is not a status of a joint_statement \(one of: adopted\)/,
    );
  });

  it('refuses aliases on an instrument the plan does not name, and one that replaces nothing', () => {
    const withAlias = structuredClone(gazetteerJson) as { entities: Record<string, unknown>[] };
    withAlias.entities.find((e) => e.id === 'environment-moc-2018')!.aliases = ['環境協力'];
    expect(() => parseGazetteer(withAlias)).toThrow(/\("environment-moc-2018"\)\.aliases/);
    const orphan = structuredClone(gazetteerJson) as { entities: Record<string, unknown>[] };
    delete orphan.entities.find((e) => e.id === 'environment-moc-2025')!.renews;
    expect(() => parseGazetteer(orphan)).toThrow(/\("environment-moc-2025"\)\.named_in_plan/);
  });
});
