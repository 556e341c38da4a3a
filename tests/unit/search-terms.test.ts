import { describe, expect, it } from 'vitest';
import {
  fulltextQuery,
  searchVariants,
  snippetAround,
} from '../../server/routes/search/search-terms';

describe('searchVariants', () => {
  it('folds widths with NFKC and adds both kana scripts', () => {
    expect(searchVariants('ＥＰＡ')).toEqual(['EPA']);
    expect(searchVariants('ｶｰﾝ')).toEqual(['カーン', 'かあん']);
    expect(searchVariants('かーん')).toContain('カーン');
    expect(searchVariants('  Khaan   Quest ')).toEqual(['Khaan Quest']);
    expect(searchVariants('   ')).toEqual([]);
  });

  it('leaves romaji alone rather than turning it into kana', () => {
    expect(searchVariants('peace')).toEqual(['peace']);
  });
});

describe('full-text query building', () => {
  it('escapes Lucene syntax so user input is only ever text', () => {
    expect(fulltextQuery(['EPA) OR x:*'])).toBe('"EPA) OR x:*" OR ("EPA)" AND "OR" AND "x:*")');
    expect(fulltextQuery(['カーン'])).toBe('"カーン"');
    expect(fulltextQuery(['say "hi"'])).toContain('"say \\"hi\\""');
  });
});

describe('snippetAround', () => {
  it('cuts the text around the first match, marking elisions', () => {
    const text = `${'あ'.repeat(50)}蓄電池${'い'.repeat(50)}`;
    expect(snippetAround(text, ['蓄電池'], 5)).toBe('…あああああ蓄電池いいいいい…');
    expect(snippetAround('EPA text', ['epa'])).toBe('EPA text');
    expect(snippetAround('nothing', ['x'])).toBeNull();
  });
});
