import { describe, expect, it } from 'vitest';
import {
  briefNode,
  briefTitle,
  deckPages,
  footerLine,
  pageSetup,
  viewPages,
} from '../../client/export/brief';
import { footerLines } from '../../client/export/brief-pages';
import { PLAN_ADOPTED } from '../../client/model/agreement-milestones';
import {
  asOfDay,
  isAsOf,
  STANDINGS,
  standingOf,
  standingSections,
  statusOn,
} from '../../client/model/status-as-of';
import { asOfText, planAndDay, planAndDayText, titleAsOf } from '../../client/views/status-words';
import { DATASET_SOURCE } from '../../core/dataset';
import { toNodeElement } from '../../core/elements';
import { ALL_AGREEMENT_STATUSES } from '../../core/model/curation-vocabulary';
import { paperSize } from '../../core/model/paper';
import { readSeedInputs } from '../../scripts/seed-inputs';

const { model } = readSeedInputs();
/** Each node as the explorer holds it: the compact properties the API sends (core/elements.ts). */
const clientNodes = new Map(
  model.nodes.map((n) => {
    const { data } = toNodeElement({ id: n.id, kind: n.label, props: n.properties as never });
    return [n.id, data as Record<string, unknown>];
  }),
);
const edges = model.relationships.map((r) => ({
  source: r.from.id,
  target: r.to.id,
  type: r.type,
  evidence: r.properties.evidence,
}));
const agreements = model.nodes.filter((n) => n.label === 'Agreement');
const linked = new Set(
  edges
    .filter((e) => ['UNDERPINS', 'WORKS_TOWARDS', 'REFERS_TO'].includes(e.type))
    .map((e) => (e.type === 'UNDERPINS' ? e.source : e.target)),
);
const TODAY = DATASET_SOURCE.accessed;

/**
 * The defence-equipment framework as the issue saw it: worked towards in the plan, then (by
 * an aggregator's account, since dropped from the data) signed on 2024-12-12 and in force on
 * 2025-01-22. A fixture, to show how a status that changed after the plan reads.
 */
const framework = {
  id: 'framework',
  kind: 'Agreement',
  agreement_type: 'legal_framework',
  status_in_plan: 'under_consideration',
  status: 'in_force',
  status_as_of: '2025-01-22',
  signed: '2024-12-12',
  in_force: '2025-01-22',
};

describe('an instrument’s status as of a day (issue 25 item 1)', () => {
  it('takes the plan’s day from the source document, not a literal of its own', () => {
    expect(PLAN_ADOPTED).toBe(DATASET_SOURCE.date);
    expect(asOfDay('plan', TODAY)).toBe(DATASET_SOURCE.date);
    expect(asOfDay('today', '2026-12-07')).toBe('2026-12-07');
    expect(asOfDay('2024-06-01', '2026-12-07')).toBe('2024-06-01');
  });

  it('shows an earlier state on a day before the status the record dates', () => {
    expect(statusOn(framework, PLAN_ADOPTED)).toEqual({
      status: 'under_consideration',
      asOf: PLAN_ADOPTED,
    });
    expect(statusOn(framework, '2024-12-11')?.status).toBe('under_consideration');
    expect(statusOn(framework, '2024-12-12')).toEqual({ status: 'signed', since: '2024-12-12' });
    expect(statusOn(framework, '2025-01-21')?.status).toBe('signed');
    expect(statusOn(framework, '2025-01-22')).toEqual({ status: 'in_force', since: '2025-01-22' });
    expect(statusOn(framework, TODAY)).toEqual({ status: 'in_force', since: '2025-01-22' });
  });

  it('claims a status dated only to its month or year once that period is over', () => {
    const monthly = { ...framework, in_force: '2025-01', status_as_of: '2026-11-30' };
    expect(statusOn(monthly, '2025-01-31')?.status).toBe('signed');
    expect(statusOn(monthly, '2025-02-01')).toEqual({ status: 'in_force', since: '2025-01' });
  });

  it('lets the record correct the plan: the 2011 environment memorandum was superseded in 2015', () => {
    const moc = clientNodes.get('environment-moc-2011')!;
    expect(moc.status_in_plan).toBe('in_effect');
    for (const day of [PLAN_ADOPTED, TODAY])
      expect(statusOn(moc, day)).toEqual({ status: 'superseded', asOf: '2015-05-12' });
    // The EPA is in force since 2016 on every day the plan has known.
    for (const day of [PLAN_ADOPTED, '2024-01-01', TODAY])
      expect(statusOn(clientNodes.get('jp-mn-epa')!, day)).toEqual({
        status: 'in_force',
        since: '2016-06-07',
      });
  });

  it('gives every status an instrument can have a standing', () => {
    for (const status of ALL_AGREEMENT_STATUSES)
      expect(standingOf(status), status).not.toBe('unknown');
    expect(standingOf('in_force')).toBe('operative');
    expect(standingOf('adopted')).toBe('operative');
    expect(standingOf('signed')).toBe('pending');
    expect(standingOf('under_consideration')).toBe('pending');
    expect(standingOf('superseded')).toBe('ended');
    expect(standingOf(undefined)).toBe('unknown');
  });

  it('accepts plan, today or a real day from the plan on as the as-of of a link', () => {
    expect(['plan', 'today', PLAN_ADOPTED, '2025-01-22'].every(isAsOf)).toBe(true);
    expect(['2022-11-28', '2025-02-30', 'yesterday', ''].some(isAsOf)).toBe(false);
  });
});

describe('“what underpins what” grouped by standing, for every agreement on every day that matters', () => {
  const dates = agreements.flatMap((a) =>
    ['signed', 'in_force', 'status_as_of']
      .map((k) => a.properties[k])
      .filter((d): d is string => typeof d === 'string'),
  );
  const dayAfter = (d: string) =>
    new Date(Date.parse(`${d.padEnd(10, '-01').slice(0, 10)}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
  const days = [
    ...new Set([PLAN_ADOPTED, TODAY, ...dates, ...dates.map(dayAfter)].filter(isAsOf)),
  ].sort();

  it('puts each agreement under the heading its own badge says, once, on every day', () => {
    const shown = new Set(clientNodes.keys());
    expect(linked.size).toBeGreaterThanOrEqual(9);
    for (const day of days) {
      const sections = standingSections(edges, shown, (id) => clientNodes.get(id), day);
      const listed = sections.flatMap((s) => s.entries.map((e) => e.agreement));
      expect(new Set(listed).size, day).toBe(listed.length);
      expect(new Set(listed), day).toEqual(linked);
      expect(sections.map((s) => s.standing)).toEqual(
        STANDINGS.filter((st) => sections.some((s) => s.standing === st)),
      );
      for (const section of sections)
        for (const entry of section.entries) {
          const badge = statusOn(clientNodes.get(entry.agreement)!, day);
          expect(entry.status, `${entry.agreement} on ${day}`).toEqual(badge);
          expect(standingOf(badge?.status), `${entry.agreement} on ${day}`).toBe(section.standing);
        }
    }
  });

  it('reads today’s data as the record has it: the framework still worked towards, the 2011 memorandum ended', () => {
    const sections = standingSections(
      edges,
      new Set(clientNodes.keys()),
      (id) => clientNodes.get(id),
      TODAY,
    );
    const under = (id: string) =>
      sections.find((s) => s.entries.some((e) => e.agreement === id))?.standing;
    expect(under('jp-mn-epa')).toBe('operative');
    expect(under('jp-mn-defence-mou')).toBe('operative');
    expect(under('jp-mn-defence-equipment-framework')).toBe('pending');
    expect(under('jp-mn-tax-treaty')).toBe('pending');
    expect(under('environment-moc-2011')).toBe('ended');
    const epa = sections.flatMap((s) => s.entries).find((e) => e.agreement === 'jp-mn-epa')!;
    expect(epa.relations).toEqual(['UNDERPINS']);
    expect(epa.links.map((l) => l.commitment)).toEqual([
      'jp-mn-2022/II.2.1',
      'jp-mn-2022/II.2.2',
      'jp-mn-2022/II.2.4',
    ]);
  });

  it('moves an instrument the plan worked towards under “in force” from the day it came into force', () => {
    const props = (id: string) => (id === 'framework' ? framework : { ref: id });
    const link = [{ source: 'I.3.6', target: 'framework', type: 'WORKS_TOWARDS' }];
    const shown = new Set(['I.3.6', 'framework']);
    const at = (day: string) => standingSections(link, shown, props, day)[0]!;
    expect(at(PLAN_ADOPTED).standing).toBe('pending');
    expect(at('2025-01-21').standing).toBe('pending');
    const now = at(TODAY);
    expect(now.standing).toBe('operative');
    const entry = now.entries[0]!;
    expect(planAndDayText(planAndDay(entry, TODAY, TODAY, 'en'), 'en')).toBe(
      'worked towards in the plan (2022) → in force since 2025-01-22: underpins now',
    );
    expect(planAndDayText(planAndDay(entry, TODAY, TODAY, 'ja'), 'ja')).toBe(
      '計画（2022年）では締結・発効を目指す → 発効済み（2025-01-22〜）：現在、取組を支える',
    );
    const then = at('2024-12-20').entries[0]!;
    expect(planAndDayText(planAndDay(then, '2024-12-20', TODAY, 'en'), 'en')).toBe(
      'worked towards in the plan (2022) → signed since 2024-12-12: not in force on 2024-12-20',
    );
  });
});

describe('briefings carry the as-of in their titles and footers', () => {
  const nodes = [...clientNodes.values()].filter(
    (n) => n.kind === 'Agreement' || n.kind === 'Commitment',
  );
  const graph = {
    nodes: nodes.map((n) => briefNode(n as never, 'en')),
    edges: edges.filter((e) => ['UNDERPINS', 'WORKS_TOWARDS', 'REFERS_TO'].includes(e.type)),
  };
  const asOf = (when: 'plan' | 'today', lang: 'en' | 'ja') => ({
    text: asOfText(when, asOfDay(when, TODAY), lang),
    day: asOfDay(when, TODAY),
    today: TODAY,
    propertiesOf: (id: string) => clientNodes.get(id),
  });

  it('says “as of 2022-11-29 (the plan)” or “as of <today>” in words', () => {
    expect(asOfText('plan', PLAN_ADOPTED, 'en')).toBe(`as of ${PLAN_ADOPTED} (the plan)`);
    expect(asOfText('today', TODAY, 'en')).toBe(`as of ${TODAY}`);
    expect(asOfText('plan', PLAN_ADOPTED, 'ja')).toBe(`${PLAN_ADOPTED}時点（行動計画）`);
    expect(briefTitle('underpins', 'en', asOfText('today', TODAY, 'en'))).toBe(
      `Japan–Mongolia Action Plan 2022–2031 — What underpins what, as of ${TODAY}`,
    );
    expect(titleAsOf('何が何を支えるか', asOfText('today', TODAY, 'ja'), 'ja')).toBe(
      `何が何を支えるか・${TODAY}時点`,
    );
    // Other views show no statuses, so their titles carry none.
    expect(briefTitle('preset', 'en', 'as of 2026-12-07')).not.toContain('as of');
  });

  it('puts it on every page of the underpins view and the deck, the footer still on two lines of any sheet', () => {
    for (const lang of ['en', 'ja'] as const)
      for (const when of ['plan', 'today'] as const)
        for (const paper of ['slide', 'a4', 'letter'] as const)
          for (const orientation of ['portrait', 'landscape'] as const) {
            const a = asOf(when, lang);
            const setup = pageSetup(paper, orientation, lang, TODAY, undefined, a);
            // The day it was made and the as-of; the as-of alone when it is that day, or on a
            // sheet too narrow for both.
            const both = footerLine(lang, TODAY, undefined, a.text);
            const alone = footerLine(lang, a.text);
            if (when === 'today') expect(setup.footer).toBe(alone);
            else if (paper !== 'slide' || orientation !== 'portrait')
              expect(setup.footer).toBe(both);
            else expect([both, alone]).toContain(setup.footer);
            const { width } = paperSize(paper, orientation);
            expect(footerLines(setup.footer, width, lang).length).toBeLessThanOrEqual(2);
            const pages = viewPages(graph, 'underpins', setup);
            for (const page of pages) {
              expect(page.title).toContain(a.text);
              expect(page.footer).toContain(a.text);
            }
            const deck = deckPages(graph, setup, { date: TODAY, filters: null });
            expect(deck[0]!.texts.some((t) => t.lines.join(' ').includes(a.text))).toBe(true);
            for (const page of deck) expect(page.footer).toContain(a.text);
          }
  });

  it('labels each agreement on the underpins pages with what the plan said and its status that day', () => {
    const setup = pageSetup('slide', 'landscape', 'en', TODAY, undefined, asOf('plan', 'en'));
    const boxes = viewPages(graph, 'underpins', setup).flatMap((p) => p.boxes);
    const label = (id: string) => boxes.find((b) => b.id === id)?.label;
    expect(label('jp-mn-defence-equipment-framework')).toMatch(
      / — worked towards in the plan \(2022\) → under consideration \(as of 2022-11-29\): not in force on 2022-11-29$/,
    );
    expect(label('environment-moc-2011')).toMatch(
      / — underpins in the plan \(2022\) → superseded \(as of 2015-05-12\): no longer in force on 2022-11-29$/,
    );
    expect(label('jp-mn-epa')).toMatch(/→ in force since 2016-06-07: underpins on 2022-11-29$/);
  });
});
