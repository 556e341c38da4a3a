import { z } from 'zod';
import {
  AGREEMENT_STATUSES,
  AGREEMENT_TYPES,
  ALL_AGREEMENT_STATUSES,
  statusFitsKind,
} from '../core/model/curation-vocabulary';

/**
 * The curated gazetteer (seed/data/gazetteer.json): every named actor and instrument
 * in the plan. Validated before anything is written to the database.
 */

const country = z.enum(['JP', 'MN', 'US', 'KP', 'bilateral', 'multilateral']);
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)');
const sourceText = z.string().min(1, 'must not be empty');

const common = {
  id,
  name_ja: sourceText,
  name_en: sourceText,
  name_en_official: z.boolean(),
  aliases: z.array(sourceText).min(1, 'must list at least one surface form from the document'),
  country,
  parent: z
    .object({ id, basis: z.enum(['name', 'curated']), evidence: sourceText })
    .strict()
    .nullable(),
  /** The official Mongolian name where a public record gives it, with that record's URL. */
  name_mn: sourceText.optional(),
  name_mn_source: z.url().optional(),
  /** Why the node carries its label where that is a judgement (a treaty under Framework…). */
  classification_note: sourceText.optional(),
};

const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');
const precision = z.enum(['day', 'month', 'year']);

const agency = z
  .object({
    ...common,
    kind: z.literal('Agency'),
    agency_type: z.enum([
      'ministry',
      'parliament',
      'armed_forces',
      'military_unit',
      'school',
      'research_institute',
      'hospital',
      'centre',
      'government',
    ]),
  })
  .strict();

/** A newer instrument's link to the one it replaces, as a public record dates and states it. */
const successorOf = z
  .object({ id, date: isoDate, source: z.url().regex(/^https:\/\//, 'must be an https URL') })
  .strict();

const agreementStatus = z.enum(ALL_AGREEMENT_STATUSES as [string, ...string[]]);

const agreement = z
  .object({
    ...common,
    kind: z.literal('Agreement'),
    /** false for a revision or renewal a public record gives but the plan does not name. */
    named_in_plan: z.boolean().default(true),
    /** Empty (and only then) for an instrument the plan does not name: no text links to it. */
    aliases: z.array(sourceText),
    agreement_type: z.enum(AGREEMENT_TYPES),
    year: z.number().int().min(1900).max(2100).nullable(),
    /** The status the plan itself states or implies on 2022-11-29, read from status_in_plan_evidence. */
    status_in_plan: agreementStatus.optional(),
    status_in_plan_evidence: sourceText.optional(),
    /** The latest status a public record gives, as of status_as_of, from status_source. */
    status: agreementStatus,
    status_as_of: isoDate,
    status_source: z.url(),
    signed: isoDate.optional(),
    signed_precision: precision.optional(),
    in_force: isoDate.optional(),
    in_force_precision: precision.optional(),
    /** Where signed and in_force come from. */
    date_source: z.url().optional(),
    /** The instrument this one revises and replaces (SUPERSEDES). */
    supersedes: successorOf.optional(),
    /** The instrument this one renews (RENEWS). */
    renews: successorOf.optional(),
    parties: z.array(
      z
        .object({
          id,
          evidence: sourceText,
          /** text: the words name the party; curation: a public record does (source). */
          asserted_by: z.enum(['text', 'curation']).default('text'),
          source: z.url().optional(),
        })
        .strict(),
    ),
  })
  .strict()
  .superRefine((a, ctx) => {
    const allowed = AGREEMENT_STATUSES[a.agreement_type].join(', ');
    for (const field of ['status', 'status_in_plan'] as const) {
      const value = a[field];
      if (value !== undefined && !statusFitsKind(a.agreement_type, value))
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `"${value}" is not a status of a ${a.agreement_type} (one of: ${allowed})`,
        });
    }
    if (a.named_in_plan) {
      if (a.aliases.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['aliases'],
          message: 'must list at least one surface form from the document',
        });
      if (!a.status_in_plan || !a.status_in_plan_evidence)
        ctx.addIssue({
          code: 'custom',
          path: ['status_in_plan'],
          message: 'an instrument the plan names needs status_in_plan and its evidence',
        });
    } else {
      if (a.aliases.length > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['aliases'],
          message: 'an instrument the plan does not name has no aliases, so no text links to it',
        });
      if (a.status_in_plan || a.status_in_plan_evidence)
        ctx.addIssue({
          code: 'custom',
          path: ['status_in_plan'],
          message: 'an instrument the plan does not name has no status in the plan',
        });
      if (!a.supersedes && !a.renews)
        ctx.addIssue({
          code: 'custom',
          path: ['named_in_plan'],
          message: 'an instrument the plan does not name must supersede or renew one it does',
        });
    }
  });

const program = z
  .object({
    ...common,
    kind: z.literal('Program'),
    program_type: z.enum([
      'exchange',
      'scholarship',
      'exercise',
      'training',
      'project',
      'facility',
      'council',
      'dialogue',
      'platform',
      'mechanism',
      'event',
      'volunteer',
      'scheme',
      'campaign',
    ]),
    status: z.enum(['under_consideration']).optional(),
  })
  .strict();

const framework = z
  .object({
    ...common,
    kind: z.literal('Framework'),
    scope: z.enum(['UN', 'multilateral', 'national_policy']),
  })
  .strict();

const countryEntity = z
  .object({ ...common, kind: z.literal('Country'), iso: z.enum(['JP', 'MN', 'US', 'KP']) })
  .strict();

const place = z
  .object({
    ...common,
    kind: z.literal('Place'),
    place_type: z.enum(['city', 'region', 'facility']),
  })
  .strict();

export const entitySchema = z.discriminatedUnion('kind', [
  agency,
  agreement,
  program,
  framework,
  countryEntity,
  place,
]);

export const gazetteerSchema = z
  .object({
    entities: z.array(entitySchema).min(1),
    stop_phrases: z.array(z.object({ text: sourceText, why: sourceText }).strict()),
    /**
     * Words that name people or companies of one country's side (日本企業, 日本人), not the
     * State: each links to that country like a name, and a commitment's curated role says
     * what the side does there (mostly beneficiary).
     */
    side_phrases: z.array(
      z.object({ text: sourceText, entity: z.string().min(1), why: sourceText }).strict(),
    ),
  })
  .strict();

export type Entity = z.infer<typeof entitySchema>;
export type EntityKind = Entity['kind'];
export type Gazetteer = z.infer<typeof gazetteerSchema>;
export type AgreementEntity = z.infer<typeof agreement>;

export const ENTITY_KINDS = [
  'Agency',
  'Agreement',
  'Program',
  'Framework',
  'Country',
  'Place',
] as const;

/** A curated data file that failed validation; the message names the file and the entry. */
export class CurationError extends Error {
  override name = 'CurationError';
}

/** Describes the first zod issue as "file: entities[3] (id "mofa-jp").aliases: message". */
export function describeIssue(file: string, data: unknown, issue: z.core.$ZodIssue): string {
  const [collection, index, ...rest] = issue.path;
  let where = issue.path.join('.');
  if (typeof collection === 'string' && typeof index === 'number') {
    const entry = (data as Record<string, unknown[]>)[collection]?.[index] as
      | Record<string, unknown>
      | undefined;
    const label = entry?.id ?? entry?.ref ?? entry?.text;
    where = `${collection}[${index}]${label ? ` (${JSON.stringify(label)})` : ''}${rest.length ? `.${rest.join('.')}` : ''}`;
  }
  return `${file}: ${where || 'top level'}: ${issue.message}`;
}

/** Validates the gazetteer's shape and its cross-references (unique ids, parents and parties that exist). */
export function parseGazetteer(data: unknown, file = 'seed/data/gazetteer.json'): Gazetteer {
  const parsed = gazetteerSchema.safeParse(data);
  if (!parsed.success) throw new CurationError(describeIssue(file, data, parsed.error.issues[0]!));
  const gazetteer = parsed.data;
  const ids = new Set<string>();
  for (const entity of gazetteer.entities) {
    if (ids.has(entity.id))
      throw new CurationError(
        `${file}: entity ${JSON.stringify(entity.id)}: the id is used twice.`,
      );
    ids.add(entity.id);
  }
  for (const entity of gazetteer.entities) {
    if (entity.parent && !ids.has(entity.parent.id)) {
      throw new CurationError(
        `${file}: entity ${JSON.stringify(entity.id)}: parent ${JSON.stringify(entity.parent.id)} is not in the gazetteer.`,
      );
    }
    if (entity.kind === 'Agreement') {
      for (const [field, link] of [
        ['supersedes', entity.supersedes],
        ['renews', entity.renews],
      ] as const) {
        const older = link && gazetteer.entities.find((e) => e.id === link.id);
        if (link && older?.kind !== 'Agreement')
          throw new CurationError(
            `${file}: entity ${JSON.stringify(entity.id)}: ${field} ${JSON.stringify(link.id)} is not an agreement in the gazetteer.`,
          );
      }
      for (const party of entity.parties) {
        if (!ids.has(party.id)) {
          throw new CurationError(
            `${file}: entity ${JSON.stringify(entity.id)}: party ${JSON.stringify(party.id)} is not in the gazetteer.`,
          );
        }
      }
    }
  }
  return gazetteer;
}
