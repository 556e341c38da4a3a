import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type CuratedEvent, dateStart } from '../core/model/event-fields';
import {
  assessmentDate,
  assessmentFields,
  CURATION_ASSESSOR,
  type CuratedAssessment,
} from '../core/model/implementation';
import { CurationError, describeIssue } from './gazetteer';

/**
 * The curated first readings of how far each commitment has got (seed/data/assessments.json):
 * the curators' reading of the curated events, marked `assessed_by: "curation"`, never a
 * finding of an official body. Checked here against the plan's refs and the curated events
 * before anything is written; editors add later readings in the app.
 */

const curatedFile = z
  .object({
    /** The day the curators made these readings: each one's assessed_at. */
    assessed_on: assessmentDate,
    assessments: z.array(
      z
        .object({
          id: z
            .string()
            .regex(/^as-[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an id such as as-i-3-2-2024-06-30'),
          ref: z.string(),
          assessed_by: z.literal(CURATION_ASSESSOR, {
            error: `must be "${CURATION_ASSESSOR}": these are the curators' readings`,
          }),
        })
        .passthrough(),
    ),
  })
  .strict();

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * Parses seed/data/assessments.json: every entry's fields by the one schema editors' readings
 * pass, its ref a commitment of the plan, each cited event a curated event that advances that
 * commitment and began on or before the day assessed. Throws CurationError naming the entry and field.
 */
export function parseCuratedAssessments(
  json: unknown,
  refs: ReadonlySet<string>,
  events: readonly Pick<CuratedEvent, 'id' | 'date' | 'advances'>[],
  file = 'seed/data/assessments.json',
): CuratedAssessment[] {
  const parsed = curatedFile.safeParse(json);
  if (!parsed.success) throw new CurationError(describeIssue(file, json, parsed.error.issues[0]!));
  const startOf = new Map(events.map((e) => [e.id, dateStart(e.date)]));
  const advancing = new Set(events.flatMap((e) => e.advances.map((a) => `${a.ref}|${e.id}`)));
  const seen = new Set<string>();
  return parsed.data.assessments.map((raw, index) => {
    const {
      id,
      ref,
      assessed_by: _curation,
      ...rest
    } = raw as {
      id: string;
      ref: string;
      assessed_by: string;
    } & Record<string, unknown>;
    const where = `${file}: assessments[${index}] (${id})`;
    if (seen.has(id)) throw new CurationError(`${where}: the id is used twice.`);
    seen.add(id);
    if (!refs.has(ref))
      throw new CurationError(`${where}: ref: "${ref}" is not a commitment of the plan.`);
    const fields = assessmentFields.safeParse(rest);
    if (!fields.success) {
      const issue = fields.error.issues[0]!;
      throw new CurationError(`${where}: ${issue.path.join('.') || 'entry'}: ${issue.message}.`);
    }
    fields.data.evidence.forEach((eventId, i) => {
      const start = startOf.get(eventId);
      if (start === undefined)
        throw new CurationError(
          `${where}: evidence.${i}: "${eventId}" is not an event of seed/data/events.json.`,
        );
      if (!advancing.has(`${ref}|${eventId}`))
        throw new CurationError(
          `${where}: evidence.${i}: "${eventId}" does not advance ${ref} in seed/data/events.json.`,
        );
      if (start > fields.data.as_of)
        throw new CurationError(
          `${where}: evidence.${i}: "${eventId}" happened after ${fields.data.as_of}, the day assessed.`,
        );
    });
    return {
      id,
      ref,
      ...fields.data,
      assessed_at: `${parsed.data.assessed_on}T00:00:00.000Z`,
      curated_sha256: createHash('sha256')
        .update(stableJson({ id, ref, ...fields.data, assessed_on: parsed.data.assessed_on }))
        .digest('hex'),
    };
  });
}

/**
 * What the curated readings leave out: each curated event's commitment must have a curated
 * reading citing that event, so an event added to the record cannot be forgotten by the
 * readings. Returns the gaps in words (empty when none).
 */
export function uncitedEvents(
  readings: readonly Pick<CuratedAssessment, 'ref' | 'evidence'>[],
  events: readonly Pick<CuratedEvent, 'id' | 'advances'>[],
): string[] {
  const cited = new Set(readings.flatMap((r) => r.evidence.map((id) => `${r.ref}|${id}`)));
  const assessed = new Set(readings.map((r) => r.ref));
  const gaps: string[] = [];
  for (const event of events)
    for (const { ref } of event.advances)
      if (!cited.has(`${ref}|${event.id}`))
        gaps.push(
          assessed.has(ref)
            ? `${event.id} advances ${ref}, but no curated reading of ${ref} cites it`
            : `${event.id} advances ${ref}, which has no curated reading`,
        );
  return gaps;
}
