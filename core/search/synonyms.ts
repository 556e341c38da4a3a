/**
 * Groups of words a reader uses for the same thing. Each group names something the plan
 * speaks of, in the words the plan uses (Japanese) and the words a reader may try (English
 * names, acronyms, everyday words); tests/unit/search-synonyms.test.ts checks that each
 * group leads to words of the plan. Curated by hand: keep groups small and true. British and
 * American spellings need no group: search folds them to one (core/search/fold.ts).
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['MOU', '覚書', 'memorandum', 'memorandum of understanding'],
  ['MOC', '協力覚書', 'memorandum of cooperation'],
  ['ビザ', '査証', 'visa'],
  ['renewable', 'renewable energy', '再生可能', '再生可能エネルギー', '風力', 'wind power'],
  ['clean energy', 'クリーンエネルギー', 'クリーン', 'clean coal'],
  ['JICA', 'ジャイカ', '国際協力機構', 'Japan International Cooperation Agency'],
  ['UN', '国連', '国際連合', 'United Nations'],
  ['UNSC', '安保理', 'Security Council', 'UN Security Council'],
  ['PKO', 'peacekeeping', '平和維持活動', '国連PKO'],
  ['SDF', '自衛隊', 'Self-Defense Forces'],
  ['defence', '防衛'],
  ['MOFA', '外務省', 'Ministry of Foreign Affairs', 'Foreign Ministry'],
  ['METI', '経済産業省', 'Ministry of Economy, Trade and Industry'],
  ['MOD', '防衛省', 'Ministry of Defense'],
  ['EPA', '経済連携協定', 'economic partnership agreement'],
  ['North Korea', 'DPRK', '北朝鮮'],
  ['scholarship', '奨学金', '留学'],
  ['afforestation', 'tree planting', '植林', '植樹'],
  ['disaster risk reduction', 'DRR', '防災'],
  ['tax treaty', 'tax convention', '租税条約'],
  ['airport', '空港'],
  ['hydrogen', '水素'],
  ['climate change', '気候変動'],
  ['desertification', '砂漠化'],
  ['denuclearization', '非核化'],
  ['abduction', '拉致'],
  ['Japanese language', '日本語'],
];
