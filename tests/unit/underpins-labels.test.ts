import { describe, expect, it } from 'vitest';
import { middleEllipsis, underpinsLabels } from '../../client/model/underpins-layout';
import { readSeedInputs } from '../../scripts/seed-inputs';

const { model } = readSeedInputs();
const agreements = model.nodes.filter((n) => n.label === 'Agreement');

describe('agreement labels in "what underpins what"', () => {
  it('keep a name that fits, and cut a long one in the middle, start and end kept', () => {
    expect(middleEllipsis('Japan–Mongolia tax convention', 300)).toBe(
      'Japan–Mongolia tax convention',
    );
    const air = String(
      agreements.find((a) => a.id === 'jasdf-mn-air-force-mou')!.properties.name_en,
    );
    const cut = middleEllipsis(air, 200);
    expect(cut).toMatch(/^Memorandum on\b.*….*Air Force$/);
    expect(cut.length).toBeLessThan(air.length);
  });

  it('never give two agreements the same label, at any width a canvas gives, in either language', () => {
    for (const labelWidth of [120, 160, 200, 240, 280, 320])
      for (const field of ['name_en', 'name_ja'] as const) {
        const names = Object.fromEntries(
          agreements.map((a) => [a.id, String(a.properties[field])]),
        );
        const labels = Object.values(underpinsLabels(names, { labelWidth, wrap: 'ellipsis' }));
        expect(new Set(labels).size, `${field} at ${labelWidth}: ${labels.join(' | ')}`).toBe(
          labels.length,
        );
      }
  });

  it('leave names whole when they wrap', () => {
    const name = 'Memorandum on Defense Cooperation and Exchanges';
    expect(underpinsLabels({ a: name }, { labelWidth: 120, wrap: 'wrap' })).toEqual({ a: name });
  });
});
