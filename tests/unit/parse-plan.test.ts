import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanParseError, parsePlan } from '../../seed/parse-plan';
import { allCommitments } from '../../seed/plan-model';
import { plan, sharedSeed, source, sourceLine } from '../support/real-plan';

const byRef = new Map(allCommitments(plan).map((c) => [c.ref, c]));
const commitment = (ref: string) => {
  const c = byRef.get(ref);
  if (!c) throw new Error(`no commitment ${ref}`);
  return c;
};

describe('parsePlan on the real Action Plan', () => {
  it('bundles a byte-identical copy of the shared seed document', () => {
    if (existsSync(sharedSeed)) expect(readFileSync(sharedSeed, 'utf8')).toBe(source);
    expect(Buffer.byteLength(source)).toBe(14397);
  });

  it('reads the title, period, adoption date and preamble', () => {
    expect(plan.id).toBe('jp-mn-2022');
    expect(plan.annex_label_ja).toBe('共同声明付属文書');
    expect(plan.title_ja).toBe(
      '平和と繁栄のための特別な戦略的パートナーシップのための日本とモンゴルの行動計画(2022年～2031年)',
    );
    expect(plan.period).toEqual({ start: 2022, end: 2031 });
    expect(plan.adopted).toBe('2022-11-29');
    expect(plan.preamble_ja.split('\n')).toHaveLength(5);
    expect(plan.preamble_ja).toContain(
      '「日本国とモンゴル国との間の平和と繁栄のための特別な戦略的パートナーシップ設立に関する共同声明」の下で',
    );
  });

  it('finds the 4 pillars and 11 areas with their titles', () => {
    expect(plan.pillars.map((p) => `${p.ref} ${p.title_ja}`)).toEqual([
      'I 政治・安全保障',
      'II 経済・経済協力',
      'III 全ての基盤となる「人」(人的・国民交流及び人材育成)',
      'IV グローバルな課題における協力',
    ]);
    expect(plan.pillars.flatMap((p) => p.areas.map((a) => a.ref))).toEqual([
      'I.1',
      'I.2',
      'I.3',
      'II.1',
      'II.2',
      'II.3',
      'III.1',
      'III.2',
      'III.3',
      'IV.1',
      'IV.2',
    ]);
    expect(plan.pillars[2]!.areas[1]!.title_ja).toBe(
      '文化芸術・教育・学術・スポーツ分野の協力・交流促進支援',
    );
  });

  it('counts the commitments as counted by hand: 72 bullets and 14 sub-items', () => {
    const perArea = plan.pillars.flatMap((p) =>
      p.areas.map((a) => [
        a.ref,
        a.commitments.length,
        a.commitments.reduce((n, c) => n + c.subcommitments.length, 0),
      ]),
    );
    expect(perArea).toEqual([
      ['I.1', 3, 0],
      ['I.2', 3, 2],
      ['I.3', 7, 0],
      ['II.1', 6, 0],
      ['II.2', 8, 0],
      ['II.3', 7, 2],
      ['III.1', 8, 3],
      ['III.2', 9, 0],
      ['III.3', 2, 0],
      ['IV.1', 11, 5],
      ['IV.2', 8, 2],
    ]);
    expect(allCommitments(plan)).toHaveLength(86);
  });

  it('gives stable position ids scoped by the plan id', () => {
    expect(commitment('I.3.2').id).toBe('jp-mn-2022/I.3.2');
    expect(commitment('I.2.3.a').parent_ref).toBe('I.2.3');
    expect(plan.pillars[3]!.areas[0]!.id).toBe('jp-mn-2022/IV.1');
  });

  it('keeps each single-line item verbatim, without its bullet', () => {
    expect(commitment('I.1.1').text_ja).toBe(sourceLine(20).slice(2));
    expect(commitment('IV.1.6').text_ja).toBe(sourceLine(125).slice(2));
    expect(commitment('I.1.1')).toMatchObject({ line_start: 20, line_end: 20 });
  });

  it('re-joins a bullet split over two lines with a blank line between', () => {
    const c = commitment('I.3.3');
    expect(c).toMatchObject({ line_start: 36, line_end: 38 });
    expect(c.text_ja).toBe(`${sourceLine(36).slice(2)}${sourceLine(38)}`);
    expect(c.text_ja).toContain('国際連合平和維持活動(以下「国連PKO」という)等の分野');
  });

  it('re-joins a word split across lines (セミナ / ー・フォーラム) instead of starting a sub-item', () => {
    const c = commitment('II.2.4');
    expect(c).toMatchObject({ line_start: 61, line_end: 63, subcommitments: [] });
    expect(c.text_ja).toContain('経済連携等に関するセミナー・フォーラムの開催等');
  });

  it('reads sub-items marked ー and －, indented or standing alone after a blank line', () => {
    expect(commitment('I.2.3.a').text_ja).toBe(
      '日本・モンゴル・米国による3か国協議の継続・定期的実施',
    );
    expect(commitment('IV.2.8.a').text_ja).toBe('地域及び国際場裡における防災分野での連携');
    const alone = commitment('IV.1.11.d');
    expect(alone).toMatchObject({ parent_ref: 'IV.1.11', line_start: 136 });
    expect(alone.text_ja).toBe('国際的な軍備管理枠組みの強化に向けた協力');
    expect(commitment('IV.1.11').subcommitments.map((s) => s.ref)).toEqual([
      'IV.1.11.a',
      'IV.1.11.b',
      'IV.1.11.c',
      'IV.1.11.d',
    ]);
  });

  it('keeps full- and half-width brackets exactly as written', () => {
    expect(commitment('IV.1.1').text_ja).toContain('（含む安保理改革に関する政府間交渉の活性化');
    expect(commitment('III.1.1').text_ja).toContain('(含む JENESYS、');
    expect(commitment('IV.1.4').text_ja).toContain('第3期「ザム（道路）」訓練');
  });
});

const SNIPPET = [
  '付属文書',
  '試験の行動計画(2030年～2032年)',
  '',
  '2030年1月2日',
  '',
  '前文。',
  '',
  'I 政治',
  '',
  '1 外交',
  '',
  '- 対話の継続',
  ' - ー協議の実施',
  ' - －会合の開催',
  '- 交流の促進(以下',
  '',
  '「交流」という)',
  '',
  '－分けられた項目',
  '',
  'II 経済',
  '',
  '1 投資',
  '',
  '- セミナ',
  '',
  'ーの開催',
].join('\n');

describe('parsePlan on synthetic variants', () => {
  it('parses a small plan with both markers, split bullets and extra blank lines', () => {
    const p = parsePlan(SNIPPET, { planId: 'test' });
    const refs = allCommitments(p).map((c) => `${c.ref}=${c.text_ja}`);
    expect(refs).toEqual([
      'I.1.1=対話の継続',
      'I.1.1.a=協議の実施',
      'I.1.1.b=会合の開催',
      'I.1.2=交流の促進(以下「交流」という)',
      'I.1.2.a=分けられた項目',
      'II.1.1=セミナーの開催',
    ]);
    expect(p).toMatchObject({
      annex_label_ja: '付属文書',
      period: { start: 2030, end: 2032 },
      adopted: '2030-01-02',
    });
  });

  it('gives the same plan for CRLF line endings and extra blank lines', () => {
    const lf = parsePlan(SNIPPET);
    expect(parsePlan(SNIPPET.replace(/\n/g, '\r\n'))).toEqual(lf);
    expect(parsePlan(SNIPPET.replace(/\n\n/g, '\n\n\n\n'))).toEqual({
      ...lf,
      pillars: expect.any(Array),
    });
    expect(
      allCommitments(parsePlan(SNIPPET.replace(/\n\n/g, '\n\n\n'))).map((c) => c.text_ja),
    ).toEqual(allCommitments(lf).map((c) => c.text_ja));
  });

  it('parses the real document with CRLF endings to the same texts', () => {
    const crlf = parsePlan(source.replace(/\n/g, '\r\n'));
    expect(allCommitments(crlf).map((c) => c.text_ja)).toEqual(
      allCommitments(parsePlan(source)).map((c) => c.text_ja),
    );
  });

  it('names the line when a commitment comes before any area', () => {
    const text = '行動計画(2030年～2032年)\n2030年1月2日\nI 政治\n- 孤立した項目\n';
    expect(() => parsePlan(text)).toThrow(PlanParseError);
    expect(() => parsePlan(text)).toThrow('line 4: a commitment appears before any area heading.');
  });

  it('refuses a text with no adoption date or no pillars, saying which', () => {
    expect(() => parsePlan('行動計画(2030年～2032年)\nI 政治\n1 外交\n- 項目\n')).toThrow(
      /no pillar heading|no adoption date/,
    );
    expect(() => parsePlan('')).toThrow('no pillar heading');
  });

  it('refuses pillars out of order', () => {
    const text = '行動計画(2030年～2032年)\n2030年1月2日\nII 経済\n1 投資\n- 項目\n';
    expect(() => parsePlan(text)).toThrow('line 3: pillar II found where pillar I was expected.');
  });
});
