import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compactForSearch,
  foldForSearch,
  MAX_PHRASE_VARIANTS,
  matchStrength,
  phraseVariants,
  SYNONYMS,
  synonymsOf,
} from '../../core/search-terms';

const plan = compactForSearch(
  [
    readFileSync('seed/source/action-plan-2022-2031.ja.txt', 'utf8'),
    readFileSync('seed/data/gazetteer.json', 'utf8'),
    readFileSync('seed/data/commitments.json', 'utf8'),
  ].join('\n'),
);

describe('search terms', () => {
  it('ignores width, case, middle dots and spaces', () => {
    expect(foldForSearch('  ＭＯＵ  ')).toBe('mou');
    expect(compactForSearch('カーン・クエスト')).toBe(compactForSearch('カーンクエスト'));
    expect(compactForSearch('Khaan Quest')).toBe(compactForSearch('khaanquest'));
  });

  it('knows the synonyms readers try, whatever the width or case', () => {
    expect(synonymsOf('MOU')).toContain('覚書');
    expect(synonymsOf('ｍｏｕ')).toContain('覚書');
    expect(synonymsOf('ビザ')).toContain('査証');
    expect(synonymsOf('renewable')).toContain('再生可能エネルギー');
    expect(synonymsOf('再生可能')).toContain('風力');
    expect(synonymsOf('JICA')).toContain('国際協力機構');
    expect(synonymsOf('Japan International Cooperation Agency')).toContain('JICA');
    expect(synonymsOf('UN')).toEqual(expect.arrayContaining(['国連', 'United Nations']));
    expect(synonymsOf('peace')).toEqual([]);
  });

  it('has synonym groups that each lead to words the plan uses', () => {
    for (const group of SYNONYMS) {
      const found = group.filter((word) => plan.includes(compactForSearch(word)));
      expect(found, `group ${group.join(' / ')}`).not.toEqual([]);
    }
  });

  it('swaps synonyms and other spellings inside a phrase, a bounded number of times', () => {
    expect(phraseVariants('defence MoU')).toEqual(
      expect.arrayContaining(['defense memorandum', 'defense mou', '防衛 覚書']),
    );
    expect(phraseVariants('JENESYS programme')).toContain('jenesys program');
    expect(phraseVariants('defence')).toEqual([]);
    expect(phraseVariants('peace and stability')).toEqual([]);
    expect(phraseVariants('defence MoU defence MoU defence').length).toBeLessThanOrEqual(
      MAX_PHRASE_VARIANTS,
    );
  });

  it('ranks exact above whole word above substring', () => {
    expect(matchStrength('United Nations', 'united nations')).toBe(3);
    expect(matchStrength('カーン・クエスト', 'カーンクエスト')).toBe(3);
    expect(matchStrength('UN Security Council', 'UN')).toBe(2);
    expect(matchStrength('Ground Self-Defense Force', 'UN')).toBe(1);
    expect(matchStrength('Japan', 'UN')).toBe(0);
  });
});
