import { z } from 'zod';
import {
  ACTIONS,
  ASSERTED_BY,
  DIRECTIONS,
  SEMANTIC_ROLES,
  THEMES,
  type ThemeId,
} from '../core/model/curation-vocabulary';
import { CurationError, describeIssue } from './gazetteer';

/**
 * What was written for this project about each commitment (seed/data/commitments.json),
 * the English of the plan's headings (plan-en.json) and its quantified targets (targets.json).
 */

const themeIds = Object.keys(THEMES) as [ThemeId, ...ThemeId[]];
const ref = z
  .string()
  .regex(/^[IVX]+(\.\d+){1,2}(\.[a-z])?$/, 'must be a plan ref such as I.3.2 or I.2.3.a');
const text = z.string().min(1, 'must not be empty');

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
