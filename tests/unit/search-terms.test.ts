import { describe, expect, it } from 'vitest';
import { compactForSearch, searchKeyOf } from '../../core/search-terms';
import { readSeedInputs } from '../../scripts/seed-inputs';
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

describe('searchKeyOf', () => {
  it('folds names, aliases, ref and titles into one key, a field a line', () => {
    const key = searchKeyOf({
      name_ja: 'カーン・クエスト',
      name_en: 'Khaan Quest',
      aliases_text: 'ＫＱ / Khaan Quest exercise',
      ref: null,
      text_ja: 'not in the key',
    });
    expect(key).toBe('カーンクエスト\nkhaanquest\nkq/khaanquestexercise');
    expect(key).toContain(compactForSearch('カーン クエスト'));
    expect(key).not.toContain('not');
  });

  it('never lets a compacted query match across two fields', () => {
    const key = searchKeyOf({ name_ja: '国際', name_en: 'Cooperation' });
    expect(key.includes(compactForSearch('国際 cooperation'))).toBe(false);
    expect(compactForSearch('a\nb')).toBe('ab');
  });

  it('is stored on every node the seed builds', () => {
    const { model } = readSeedInputs();
    for (const node of model.nodes) {
      expect(node.properties.search_key, node.id).toBe(searchKeyOf(node.properties));
      expect(String(node.properties.search_key).length, node.id).toBeGreaterThan(0);
    }
  });
});
