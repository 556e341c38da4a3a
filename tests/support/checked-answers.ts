/**
 * Answers to issue 11's Done-when questions, checked by hand against the plan's text;
 * the unit tests ask the model, the integration tests ask Neo4j, and both must agree.
 */

/** Checked against the text: each names a Mongolian body that does what the bullet commits to. */
export const MONGOLIAN_ACTOR_REFS = [
  'I.1.2', // 両国議会…間の交流: the State Great Khural
  'I.2.1', // 外務省間各種対話: Mongolia's foreign ministry
  'I.2.2', // 両国外務省間の関係・協力強化
  'I.2.3.a', // 日本・モンゴル・米国による3か国協議
  'I.3.2', // the defence ministry and air force acting under the two memoranda
  'II.1.1', // モンゴルが推進する
  'II.2.2', // モンゴルによる…法整備
  'II.2.3', // モンゴル国外務省及び経済・開発省との間の…意見・情報交換
  'II.2.8', // モンゴル国政府による進出日系企業への支援
  'II.3.3', // モンゴルの…鉱物資源の日本への…供給
  'III.1.3', // モンゴルによる…側面支援
  'IV.1.2', // モンゴルによる日本の安保理常任理事国入りの一貫した支持
  'IV.1.3', // 外務省国連関連当局間の継続的な対話
  'IV.1.6', // モンゴルは、…支援を継続して実施
  'IV.2.1', // the environment ministry, party to the 2011 memorandum
];

/** Where Mongolia acts for Japan, with the words (and the source line) that say so. */
export const MN_TO_JP_REFS = [
  'II.2.8', // line 68: モンゴル国政府による進出日系企業への支援
  'II.3.3', // line 76: モンゴルの銅、レアアース等…鉱物資源の日本への…供給
  'III.1.3', // line 92: モンゴルによる、…日本国の地方自治体、教育機関、友好団体による取組の側面支援
  'IV.1.2', // line 121: モンゴルによる日本の安保理常任理事国入りの一貫した支持
  'IV.1.6', // line 125: モンゴルは、北朝鮮による日本人拉致問題の解決に向けて支援を継続して実施
];
