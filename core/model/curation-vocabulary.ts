/**
 * The words curation gives each commitment (its action, themes, direction, the roles of
 * whom it names, and who asserts them): part of the graph's vocabulary, which the server
 * validates requests with and the client filters by, so it lives in core; seed/curation.ts
 * reads the curated files with it.
 */

export const ACTIONS = [
  'maintain',
  'promote',
  'strengthen',
  'support',
  'continue',
  'implement',
  'consider',
  'study',
  'realise',
  'cooperate',
  'expand',
  'exchange_views',
  'ensure',
  'reaffirm',
  'emphasise',
  'establish',
] as const;

/**
 * The one rule for `soft`: a commitment is soft when the verb it commits to only considers,
 * studies or exchanges views, whatever else the bullet names; the seed refuses a curated
 * `soft` that disagrees (seed/curation-checks.ts).
 */
export const SOFT_ACTIONS: readonly (typeof ACTIONS)[number][] = [
  'consider',
  'study',
  'exchange_views',
];

export const THEMES = {
  diplomacy: '外交',
  defence: '防衛',
  security: '安全保障',
  un: '国連',
  non_proliferation: '軍縮・不拡散',
  economy: '経済',
  trade_investment: '貿易・投資',
  finance: '金融・財政',
  energy: 'エネルギー',
  mining: '鉱業',
  infrastructure: 'インフラ',
  aviation: '航空',
  tourism: '観光',
  agriculture_food: '農牧業・食料',
  digital: 'デジタル',
  education: '教育',
  culture: '文化',
  science_technology: '科学技術',
  people_exchange: '人的交流',
  labour: '労働・人材',
  social_welfare: '社会保障・福祉',
  health: '保健・医療',
  climate: '気候変動',
  environment: '環境',
  disaster_risk_reduction: '防災',
  sport: 'スポーツ',
} as const;

export type ThemeId = keyof typeof THEMES;
export const DIRECTIONS = ['jp_to_mn', 'mn_to_jp', 'mutual'] as const;
/** Semantic roles of an agency or country in a commitment (docs/schema.md defines each). */
export const SEMANTIC_ROLES = [
  'actor',
  'partner',
  'beneficiary',
  'location',
  'mentioned',
  'subject_of_concern',
] as const;
export type SemanticRole = (typeof SEMANTIC_ROLES)[number];
/** text: the words themselves say it; curation: a documented judgement on the words. */
export const ASSERTED_BY = ['text', 'curation'] as const;
export type AssertedBy = (typeof ASSERTED_BY)[number];

export const AGREEMENT_TYPES = [
  'memorandum',
  'agreement',
  'treaty',
  'joint_statement',
  'legal_framework',
] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];

/**
 * The statuses an instrument can have, by its kind (docs/schema.md, Time). A political
 * declaration is adopted, not brought into force; a memorandum between ministries takes
 * effect, is superseded (revised or renewed: SUPERSEDES, RENEWS) or expires; an agreement,
 * a treaty or a legal framework is negotiated, signed, in force or terminated.
 * under_consideration and under_negotiation are what the plan says of instruments it
 * only works towards.
 */
const BINDING_STATUSES = [
  'under_consideration',
  'under_negotiation',
  'signed',
  'in_force',
  'terminated',
] as const;
export const AGREEMENT_STATUSES = {
  joint_statement: ['adopted'],
  memorandum: [
    'under_consideration',
    'under_negotiation',
    'signed',
    'in_effect',
    'superseded',
    'expired',
  ],
  agreement: BINDING_STATUSES,
  treaty: BINDING_STATUSES,
  legal_framework: BINDING_STATUSES,
} as const satisfies Record<AgreementType, readonly string[]>;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[AgreementType][number];
export const ALL_AGREEMENT_STATUSES = [
  ...new Set(Object.values(AGREEMENT_STATUSES).flat()),
] as AgreementStatus[];

/** Statuses under which an instrument operates: what the plan builds on, not works towards. */
export const OPERATIVE_STATUSES: readonly AgreementStatus[] = ['adopted', 'in_effect', 'in_force'];
/**
 * Statuses of an instrument that no longer operates: replaced by a revision or renewal, run
 * out, or ended. The rest (under consideration or negotiation, signed) are not yet in force.
 */
export const ENDED_STATUSES: readonly AgreementStatus[] = ['superseded', 'expired', 'terminated'];

export function statusFitsKind(type: AgreementType, status: string): boolean {
  return (AGREEMENT_STATUSES[type] as readonly string[]).includes(status);
}
