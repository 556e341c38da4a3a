import { describe, expect, it } from 'vitest';
import {
  cutToFit,
  estimateEms,
  fits,
  readableLabels,
  shortName,
} from '../../client/model/node-labels';
import { readSeedInputs } from '../../scripts/seed-inputs';

const { model } = readSeedInputs();
const nodesIn = (lang: 'en' | 'ja') =>
  model.nodes.map((n) => ({
    id: n.id,
    kind: n.label,
    name: String(n.properties[`name_${lang}`] ?? n.id),
    ref: typeof n.properties.ref === 'string' ? n.properties.ref : undefined,
  }));
/** About the width Cytoscape gives a text at this font size (Latin half an em, kana a full one). */
const at = (font: number) => (text: string) => estimateEms(text) * font;

describe('readable node labels', () => {
  it('keep a name that fits its lines whole, and give a commitment its ref and short title', () => {
    const labels = readableLabels(nodesIn('en'), { width: 140, lines: 3 }, at(11));
    expect(labels.get('mod-mn')).toBe('Ministry of Defence of Mongolia');
    expect(labels.get('jp-mn-2022/I.3.2')).toBe(
      'I.3.2 Defence visits and exchanges under the defence MoUs',
    );
    expect(labels.get('jp-mn-epa')).toBe('Agreement for an Economic Partnership');
  });

  it('name the plan by its short title where its whole name does not fit, in both languages', () => {
    const plan = model.nodes.find((n) => n.label === 'Plan')!;
    expect(shortName(String(plan.properties.name_en), 'Plan')).toBe(
      'Japan-Mongolia Action Plan (2022-2031)',
    );
    expect(shortName(String(plan.properties.name_ja), 'Plan')).toBe(
      '日本とモンゴルの行動計画(2022年～2031年)',
    );
    // An instrument loses its parties, never its kind.
    expect(
      shortName('Agreement between Japan and Mongolia for an Economic Partnership', 'Agreement'),
    ).toBe('Agreement for an Economic Partnership');
    expect(shortName('Agreement between Japan and Mongolia', 'Agreement')).toBe(
      'Agreement between Japan and Mongolia',
    );
  });

  it('never give two different things the same label, in any room a canvas gives, in either language', () => {
    for (const lang of ['en', 'ja'] as const)
      for (const [width, lines, font] of [
        [38, 1, 4],
        [38, 1, 7],
        [34, 5, 7],
        [56, 3, 7],
        [110, 3, 9],
        [140, 3, 11],
      ] as const) {
        const nodes = nodesIn(lang);
        const labels = readableLabels(nodes, { width, lines }, at(font));
        const byLabel = new Map<string, string[]>();
        for (const n of nodes) {
          const label = labels.get(n.id)!;
          expect(label, `${n.id} ${lang} ${width}×${lines}`).not.toBe('');
          byLabel.set(label, [...(byLabel.get(label) ?? []), n.name]);
        }
        const alike = [...byLabel].filter(([, names]) => new Set(names).size > 1);
        expect(JSON.stringify(alike), `${lang} ${width}×${lines}@${font}`).toBe('[]');
      }
  });

  it('tell the two defence memoranda and the environment renewals apart where they must be cut', () => {
    const labels = readableLabels(nodesIn('en'), { width: 140, lines: 3 }, at(11));
    const mod = labels.get('jp-mn-defence-mou')!;
    const air = labels.get('jasdf-mn-air-force-mou')!;
    expect(mod).toMatch(/^Memorandum on Defense/);
    expect(mod).toMatch(/Mongolia$/);
    expect(air).toMatch(/Air Force$/);
    expect(labels.get('environment-moc-2018')).toMatch(/\(2018 renewal\)$/);
    for (const label of [mod, air])
      expect(fits(label, { width: 140, lines: 3 }, at(11))).toBe(true);
  });

  it('cut a text in the middle at word ends, or from the start only when asked', () => {
    const m = at(10);
    const room = { width: 120, lines: 1 };
    const cut = cutToFit(
      'Memorandum of Cooperation in the Field of Environment (2015 renewal)',
      room,
      m,
    );
    expect(cut).toMatch(/^Memorandum .*… .*renewal\)$/);
    expect(fits(cut, room, m)).toBe(true);
    expect(cutToFit('Ministry of Foreign Affairs of Mongolia', room, m, 1)).toMatch(
      /^Ministry.* …$/,
    );
  });
});
