import { describe, expect, it } from 'vitest';
import { compactForSearch, searchKeyOf } from '../../core/search-terms';
import { readSeedInputs } from '../../scripts/seed-inputs';

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
