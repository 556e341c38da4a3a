import { z } from 'zod';
import { CurationError, describeIssue } from './gazetteer';

/**
 * What was written for this project about each commitment (seed/data/commitments.json),
 * the English of the plan's headings (plan-en.json) and its quantified targets (targets.json).
 */

export const ACTIONS = [
  'maintain',
  'promote',
  'strengthen',
  'support',
  'continue',
  'implement',
  'consider',
  'realise',
  'cooperate',
  'expand',
  'exchange_views',
  'ensure',
  'reaffirm',
  'emphasise',
  'establish',
] as const;

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
const themeIds = Object.keys(THEMES) as [ThemeId, ...ThemeId[]];
const ref = z
  .string()
  .regex(/^[IVX]+(\.\d+){1,2}(\.[a-z])?$/, 'must be a plan ref such as I.3.2 or I.2.3.a');
const text = z.string().min(1, 'must not be empty');

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
const assertedBy = z.enum(ASSERTED_BY);

const commitmentCuration = z
  .object({
    ref,
    title_ja: text.max(60, 'must be at most 60 characters'),
    title_en: text.max(60, 'must be at most 60 characters'),
    text_en: text,
    action: z.enum(ACTIONS),
    action_ja: text,
    soft: z.boolean(),
    /** Every direction the bullet states, each with the words that say it; the first is `direction`. */
    direction: z
      .array(
        z.object({ value: z.enum(DIRECTIONS), evidence: text, asserted_by: assertedBy }).strict(),
      )
      .min(1),
    themes: z
      .array(
        z
          .object({
            theme: z.enum(themeIds),
            evidence: text,
            asserted_by: assertedBy.default('text'),
          })
          .strict(),
      )
      .min(1)
      .max(6),
    /**
     * Semantic roles decided by curation, overriding the reading of the particle for one mention:
     * the entity named at offset `at` of text_ja, with the words that decide the role and why.
     */
    roles: z
      .array(
        z
          .object({
            entity: z.string().min(1),
            at: z.number().int().min(0),
            role: z.enum(SEMANTIC_ROLES),
            evidence: text,
            note: text,
          })
          .strict(),
      )
      .default([]),
    /** Years, periods and phases the text states (2017年の, 5年間で, 第3期, EXPO2025). */
    time: z
      .array(
        z
          .object({
            kind: z.enum(['year', 'period_years', 'phase']),
            value: z.number().int().positive(),
            evidence: text,
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export const commitmentsFileSchema = z
  .object({ commitments: z.array(commitmentCuration) })
  .strict();

export const planEnSchema = z
  .object({
    plan: z.object({ title_en: text, annex_label_en: text, preamble_en: text }).strict(),
    pillars: z.array(z.object({ ref: z.string(), title_en: text }).strict()),
    areas: z.array(z.object({ ref: z.string(), title_en: text }).strict()),
  })
  .strict();

export const targetsFileSchema = z
  .object({
    targets: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9-]+$/),
          ref,
          quantity: z.number().positive(),
          approximate: z.boolean(),
          unit: text,
          unit_ja: text,
          period_years: z.number().int().positive().nullable(),
          evidence: text,
        })
        .strict(),
    ),
  })
  .strict();

export type CommitmentCuration = z.infer<typeof commitmentCuration>;
export type PlanEnglish = z.infer<typeof planEnSchema>;
export type Target = z.infer<typeof targetsFileSchema>['targets'][number];

export interface Curation {
  commitments: CommitmentCuration[];
  english: PlanEnglish;
  targets: Target[];
}

function parseWith<S extends z.ZodType>(schema: S, data: unknown, file: string): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new CurationError(describeIssue(file, data, parsed.error.issues[0]!));
  return parsed.data;
}

/** Validates the three curation files' shapes; build-graph checks them against the plan. */
export function parseCuration(files: {
  commitments: unknown;
  planEn: unknown;
  targets: unknown;
}): Curation {
  return {
    commitments: parseWith(commitmentsFileSchema, files.commitments, 'seed/data/commitments.json')
      .commitments,
    english: parseWith(planEnSchema, files.planEn, 'seed/data/plan-en.json'),
    targets: parseWith(targetsFileSchema, files.targets, 'seed/data/targets.json').targets,
  };
}
