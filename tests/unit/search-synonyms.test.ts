import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalWord, compactOf, foldText, WORD_END, WORD_START } from '../../core/search/fold';
import { buildSearchIndex, readQuery, searchPlan } from '../../core/search/plan-search';
import { SYNONYMS } from '../../core/search/synonyms';

const plan = compactOf(
  [
    readFileSync('seed/source/action-plan-2022-2031.ja.txt', 'utf8'),
    readFileSync('seed/data/gazetteer.json', 'utf8'),
    readFileSync('seed/data/commitments.json', 'utf8'),
    readFileSync('seed/data/plan-en.json', 'utf8'),
  ].join('\n'),
);

/** A small index from inline nodes, for what the words do (the whole plan is in search-queries.test.ts). */
const index = buildSearchIndex([
  {
    id: 'mou',
    kind: 'Agreement',
    props: {
      name_en: 'Memorandum on Defense Cooperation and Exchanges',
      name_ja: '防衛協力・交流に関する覚書',
    },
  },
  {
    id: 'c1',
    kind: 'Commitment',
    props: { ref: 'I.3.2', title_en: 'Defence visits under the defence MoUs', text_ja: '相互訪問' },
  },
  {
    id: 'sv',
    kind: 'Program',
    props: {
      name_en: 'Senior Volunteers (JICA)',
      name_en_official: false,
      name_ja: 'シニア・ボランティア',
    },
  },
]);

describe('search folding', () => {
  it('ignores width, case, kana script, middle dots, spaces and punctuation', () => {
    expect(compactOf('  ＭＯＵ  ')).toBe('mou');
    expect(compactOf('カーン・クエスト')).toBe(compactOf('かーん くえすと'));
    expect(compactOf('ｶｰﾝ･ｸｴｽﾄ')).toBe(compactOf('カーンクエスト'));
    expect(compactOf('3ヶ国')).toBe(compactOf('3か国'));
    expect(compactOf('Self-Defense Force')).toBe(compactOf('self defense force'));
  });

  it('brings British and American spellings and plurals to one', () => {
    for (const [british, american] of [
      ['defence', 'defense'],
      ['programme', 'program'],
      ['programmes', 'programs'],
      ['organisation', 'organization'],
      ['organisations', 'organizations'],
      ['centre', 'center'],
      ['labour', 'labor'],
      ['neighbour', 'neighbor'],
      ['utilisation', 'utilization'],
      ['denuclearisation', 'denuclearization'],
      ['dialogue', 'dialog'],
      ['MoUs', 'MoU'],
      ['activities', 'activity'],
    ]) {
      expect(compactOf(british!), british).toBe(compactOf(american!));
    }
    // Short words keep apart from the words they would fold into.
    expect(canonicalWord('four')).not.toBe(canonicalWord('for'));
    expect(canonicalWord('gas')).toBe('gas');
    expect(canonicalWord('status')).toBe('status');
  });

  it('cuts words where scripts change, and knows where each came from', () => {
    const folded = foldText('日・モンゴルEPA 2025');
    expect(folded.compact).toBe('日モンゴルepa2025');
    const epa = folded.compact.indexOf('epa');
    expect(folded.bounds[epa]! & WORD_START).toBe(WORD_START);
    expect(folded.bounds[epa + 3]! & WORD_END).toBe(WORD_END);
    expect('日・モンゴルEPA 2025'.slice(folded.from[epa]!, folded.to[epa + 2]!)).toBe('EPA');
  });
});

describe('reading a query', () => {
  const words = (q: string) => readQuery(index, q).terms.map((t) => t.raw);

  it('cuts Japanese at particles, and unspaced Japanese into words the index holds', () => {
    expect(words('防衛に関する覚書')).toEqual(['防衛', '覚書']);
    expect(words('防衛覚書')).toEqual(['防衛', '覚書']);
    expect(words('日・モンゴルEPA').at(-1)).toBe('EPA');
  });

  it('leaves joining words out of the words a node must hold, but keeps them in the phrase', () => {
    const q = readQuery(index, 'memorandum on defence');
    expect(q.terms.map((t) => t.raw)).toEqual(['memorandum', 'defence']);
    expect(q.phrases[0]!.compact).toBe(compactOf('memorandum on defense'));
  });

  it('swaps synonyms inside a phrase, multi-word ones included', () => {
    const q = readQuery(index, 'memorandum of understanding defence');
    expect(q.terms).toHaveLength(2);
    expect(q.terms[0]!.alternatives.map((a) => a.display)).toContain('覚書');
    expect(q.terms[1]!.alternatives.map((a) => a.display)).toContain('防衛');
  });
});

describe('search over a few nodes', () => {
  const ids = (q: string) => searchPlan(index, q, { limit: 10 }).results.map((r) => r.id);

  it('finds the memorandum by its words in any order, spelling or language', () => {
    for (const q of ['defence MoU', 'MoU defense', '防衛 覚書', 'exchanges memorandum']) {
      expect(ids(q)[0], q).toBe('mou');
    }
    expect(ids('defence MoUs')).toEqual(['mou', 'c1']);
  });

  it('says when a name is only Kizuna’s gloss, and finds nothing for nonsense', () => {
    const jica = searchPlan(index, 'JICA', { limit: 10 });
    expect(jica.notNamedInPlan).toBe(true);
    expect(jica.results.map((r) => r.id)).toEqual(['sv']);
    expect(searchPlan(index, 'Senior Volunteers', { limit: 10 }).notNamedInPlan).toBe(false);
    const nonsense = searchPlan(index, 'MoU zzqx', { limit: 10 });
    expect(nonsense).toMatchObject({ notNamedInPlan: false, results: [] });
    expect(nonsense.variants).toContain('覚書');
  });

  it('keeps only the kinds asked for, and reports where the match is', () => {
    expect(searchPlan(index, 'defence', { limit: 10, kinds: ['Commitment'] }).results).toEqual([
      expect.objectContaining({ id: 'c1', field: 'title_en', ref: 'I.3.2' }),
    ]);
    expect(searchPlan(index, 'I.3.2', { limit: 10 }).results[0]).toMatchObject({
      id: 'c1',
      field: 'ref',
    });
  });
});

describe('synonyms', () => {
  it('has groups that each lead to words the plan uses', () => {
    for (const group of SYNONYMS) {
      const found = group.filter((word) => plan.includes(compactOf(word)));
      expect(found, `group ${group.join(' / ')}`).not.toEqual([]);
    }
  });
});
