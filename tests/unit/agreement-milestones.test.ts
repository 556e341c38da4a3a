import { describe, expect, it } from 'vitest';
import { agreementMilestones, currentStatus } from '../../client/model/agreement-milestones';
import { datedStatus } from '../../client/views/labels';
import { readSeedInputs } from '../../scripts/seed-inputs';

const { model } = readSeedInputs();
const props = (id: string) => model.nodes.find((n) => n.id === id)!.properties;

describe("an agreement's dates for the panel's strip", () => {
  it('orders the EPA: signed, in force, named in the plan, status as of the last check', () => {
    const milestones = agreementMilestones(props('jp-mn-epa'));
    expect(milestones.map((m) => [m.kind, m.date])).toEqual([
      ['signed', '2015-02'],
      ['in_force', '2016-06-07'],
      ['in_plan', '2022-11-29'],
      ['status', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)],
    ]);
    expect(milestones.find((m) => m.kind === 'status')?.source).toMatch(/^https:\/\//);
    expect(milestones.find((m) => m.kind === 'in_plan')?.evidence).toContain('日・モンゴルEPA');
  });

  it('gives every agreement in the plan at least its status in the plan, and nothing for a node without dates', () => {
    const agreements = model.nodes.filter((n) => n.label === 'Agreement');
    for (const node of agreements.filter((n) => n.properties.named_in_plan)) {
      expect(agreementMilestones(node.properties).some((m) => m.kind === 'in_plan')).toBe(true);
    }
    // A renewal the plan does not name has no status in the plan to show.
    for (const node of agreements.filter((n) => !n.properties.named_in_plan)) {
      expect(agreementMilestones(node.properties).some((m) => m.kind === 'in_plan')).toBe(false);
    }
    expect(agreementMilestones({ name_en: 'x' })).toEqual([]);
  });
});

describe('the status shown beside what the plan said', () => {
  const agreements = model.nodes
    .filter((n) => n.label === 'Agreement')
    .map((n) => ({ id: n.id, ...n.properties }) as Record<string, unknown>);

  it('is dated: since it came into force, or as of the last check', () => {
    expect(
      currentStatus({ status: 'in_force', in_force: '2025-01-22', status_as_of: '2025-01-22' }),
    ).toEqual({
      status: 'in_force',
      since: '2025-01-22',
    });
    expect(currentStatus({ status: 'under_negotiation', status_as_of: '2026-11-30' })).toEqual({
      status: 'under_negotiation',
      asOf: '2026-11-30',
    });
    expect(currentStatus({})).toBeUndefined();
    expect(datedStatus('in force', { since: '2025-01-22' }, 'en')).toBe(
      'in force since 2025-01-22',
    );
    expect(datedStatus('発効済み', { since: '2025-01-22' }, 'ja')).toBe('発効済み（2025-01-22〜）');
  });

  it('never reads as the plan’s own words: every agreement whose status changed since the plan is dated', () => {
    const changed = agreements.filter(
      (a) => a.status && a.status_in_plan && a.status !== a.status_in_plan,
    );
    // The 2011 environment memorandum the plan names was renewed in 2015 (env.go.jp).
    expect(changed.map((a) => a.id)).toContain('environment-moc-2011');
    for (const a of changed) {
      const shown = currentStatus(a);
      expect(shown?.since ?? shown?.asOf, String(a.id)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(shown?.asOf ?? shown?.since, String(a.id)).not.toBe('2022-11-29');
    }
  });
});
