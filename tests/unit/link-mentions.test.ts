import { describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../seed/gazetteer';
import { buildAliasIndex, findMentions, linkText } from '../../seed/link-mentions';
import { allCommitments } from '../../seed/plan-model';
import { gazetteer, plan } from '../support/real-plan';

const index = buildAliasIndex(gazetteer);
const text = (ref: string) => allCommitments(plan).find((c) => c.ref === ref)!.text_ja;
const summary = (t: string) =>
  linkText(t, index).map((l) => [l.type, l.entity.id, l.role ?? l.cue ?? ''].join(' '));

describe('findMentions', () => {
  it('takes the longest alias: UN peacekeeping, not the UN, inside 国際連合平和維持活動', () => {
    const mentions = findMentions('国際連合平和維持活動(以下「国連PKO」という)', index);
    expect(mentions.map((m) => [m.alias, m.entities.map((e) => e.id)])).toEqual([
      ['国際連合平和維持活動', ['un-pko']],
      ['国連PKO', ['un-pko']],
    ]);
  });

  it('consumes stop phrases without linking them (日本語 is not Japan)', () => {
    expect(linkText('日本語教育の支援', index)).toEqual([]);
  });

  it("links a side phrase to the country whose side it names (日本企業 is Japan's side), never inside a longer name", () => {
    expect(summary('日本企業への支援')).toEqual(['INVOLVES japan recipient']);
    expect(summary('「モンゴル・日本人材開発センター」の活用')).toEqual([
      'INVOLVES mongolia-japan-center subject',
    ]);
  });

  it('links an alias shared by both ministries to each of them', () => {
    expect(summary(text('I.2.2'))).toEqual([
      'IMPLEMENTED_VIA jp-mn-diplomat-exchange ',
      'INVOLVES mofa-jp partner',
      'INVOLVES mofa-mn partner',
    ]);
  });

  it('records the evidence and its offsets into text_ja', () => {
    for (const c of allCommitments(plan)) {
      for (const link of linkText(c.text_ja, index)) {
        expect(c.text_ja.slice(link.evidence_start, link.evidence_end)).toBe(link.evidence);
      }
    }
  });
});

describe('agreement links', () => {
  it('two coordinated MOUs both underpin the commitment that rests on them (I.3.2)', () => {
    expect(summary(text('I.3.2')).filter((s) => s.startsWith('UNDERPINS'))).toEqual([
      'UNDERPINS jp-mn-defence-mou に基づく',
      'UNDERPINS jasdf-mn-air-force-mou に基づく',
    ]);
  });

  it('the EPA and its defined abbreviation take the cue after the definition (II.2.1)', () => {
    expect(summary(text('II.2.1'))).toEqual([
      'UNDERPINS jp-mn-epa の活用',
      'UNDERPINS jp-mn-epa の活用',
    ]);
  });

  it('an agreement only being negotiated is worked towards, not underpinning (II.2.5)', () => {
    expect(summary(text('II.2.5'))).toEqual(['WORKS_TOWARDS jp-mn-tax-treaty ']);
  });

  it('an in-force agreement named without a cue is the weaker REFERS_TO', () => {
    expect(summary('日・モンゴルEPAについての広報')).toEqual(['REFERS_TO jp-mn-epa ']);
  });
});

describe('roles of agencies and countries', () => {
  it('reads the particle after the name, across coordinated names', () => {
    expect(summary(text('I.2.3.a')).slice(0, 3)).toEqual([
      'INVOLVES japan actor',
      'INVOLVES mongolia actor',
      'INVOLVES united-states actor',
    ]);
    expect(summary('北朝鮮に対し')).toEqual(['INVOLVES north-korea recipient']);
    expect(summary('モンゴルにおける')).toEqual(['INVOLVES mongolia location']);
    expect(summary('モンゴル国国防省と')).toEqual(['INVOLVES mod-mn partner']);
  });

  it('reads 国内 after a name whose alias ends in 国 (モンゴル国内での, III.1.7)', () => {
    expect(summary('モンゴル国内での送出機関向けセミナー')).toEqual(['INVOLVES mongolia location']);
  });

  it('ends the words deciding a role after the cue of the last coordinated name', () => {
    const t = text('I.2.3.a');
    const [japan] = linkText(t, index);
    expect(t.slice(japan!.evidence_start, japan!.role_end!)).toBe('日本・モンゴル・米国による');
    const [alone] = linkText('北朝鮮に対し関連の', index);
    expect('北朝鮮に対し関連の'.slice(alone!.evidence_start, alone!.role_end!)).toBe(
      '北朝鮮に対し',
    );
  });

  it('links a synthetic gazetteer by the same rules', () => {
    const tiny: Gazetteer = {
      entities: [
        {
          id: 'a',
          kind: 'Country',
          iso: 'JP',
          name_ja: '甲',
          name_en: 'A',
          name_en_official: false,
          aliases: ['甲'],
          country: 'JP',
          parent: null,
        },
        {
          id: 'b',
          kind: 'Place',
          place_type: 'city',
          name_ja: '甲市',
          name_en: 'A City',
          name_en_official: false,
          aliases: ['甲市'],
          country: 'JP',
          parent: null,
        },
      ],
      stop_phrases: [],
      side_phrases: [],
    };
    const links = linkText('甲市と甲による', buildAliasIndex(tiny));
    expect(links.map((l) => `${l.type} ${l.entity.id} ${l.role ?? ''}`)).toEqual([
      'CONCERNS b ',
      'INVOLVES a actor',
    ]);
  });
});
