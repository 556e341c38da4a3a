import { describe, expect, it } from 'vitest';
import { agreementMilestones } from '../../client/model/agreement-milestones';
import { readSeedInputs } from '../../scripts/seed-inputs';

const { model } = readSeedInputs();
const props = (id: string) => model.nodes.find((n) => n.id === id)!.properties;

describe("an agreement's dates for the panel's strip", () => {
  it('orders the EPA: signed, in force, named in the plan, status as of the last check', () => {
    const milestones = agreementMilestones(props('jp-mn-epa'));
    expect(milestones.map((m) => [m.kind, m.date])).toEqual([
      ['signed', '2015-02-10'],
      ['in_force', '2016-06-07'],
      ['in_plan', '2022-11-29'],
      ['status', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)],
    ]);
    expect(milestones.find((m) => m.kind === 'status')?.source).toMatch(/^https:\/\//);
    expect(milestones.find((m) => m.kind === 'in_plan')?.evidence).toContain('日・モンゴルEPA');
  });

  it('gives every agreement in the plan at least its status in the plan, and nothing for a node without dates', () => {
    for (const node of model.nodes.filter((n) => n.label === 'Agreement')) {
      expect(agreementMilestones(node.properties).some((m) => m.kind === 'in_plan')).toBe(true);
    }
    expect(agreementMilestones({ name_en: 'x' })).toEqual([]);
  });
});
