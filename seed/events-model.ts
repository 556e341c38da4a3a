import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  type CuratedEvent,
  EVENT_LINKS,
  type EventFields,
  eventDate,
  eventFields,
} from '../core/model/event-fields';
import type { GraphModel, NodeLabel } from '../core/model/graph-model';
import { CurationError, describeIssue } from './gazetteer';

/**
 * Events: dated, sourced occurrences since the plan was adopted (a visit, meeting, signing,
 * dialogue round, exercise, project milestone). The curated starting record lives in
 * seed/data/events.json, read here; analysts add more in the app. Both are checked by the
 * one schema in core/model/event-fields.ts.
 */

export const curatedEventId = z
  .string()
  .regex(/^ev-[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an id such as ev-2024-09-22-summit');

const curatedFile = z
  .object({
    source_accessed: eventDate,
    events: z.array(z.object({ id: curatedEventId }).passthrough()),
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
 * Checks the links of one event against the plan graph: every ref a commitment of the plan,
 * every id a node of the right kind. Returns the problems in words (empty when fine).
 */
export function linkProblems(
  fields: Pick<EventFields, 'advances' | 'involves' | 'under' | 'part_of'>,
  model: Pick<GraphModel, 'nodes'>,
): { field: string; message: string }[] {
  const labelOf = new Map<string, NodeLabel>(model.nodes.map((n) => [n.id, n.label]));
  const refs = new Set(
    model.nodes.filter((n) => n.label === 'Commitment').map((n) => String(n.properties.ref)),
  );
  const problems: { field: string; message: string }[] = [];
  fields.advances.forEach((a, i) => {
    if (!refs.has(a.ref))
      problems.push({
        field: `advances.${i}.ref`,
        message: `"${a.ref}" is not a commitment of the plan`,
      });
  });
  const check = (field: 'involves' | 'under' | 'part_of', allowed: readonly string[]) =>
    fields[field].forEach((id, i) => {
      const label = labelOf.get(id);
      if (!label || !allowed.includes(label))
        problems.push({
          field: `${field}.${i}`,
          message: `"${id}" is not ${allowed.length > 1 ? `an ${allowed.join(' or ')}` : `a ${allowed[0]}`} of the plan`,
        });
    });
  check('involves', EVENT_LINKS.involves.targets);
  check('under', EVENT_LINKS.under.targets);
  check('part_of', EVENT_LINKS.part_of.targets);
  return problems;
}

/**
 * Parses seed/data/events.json against the built plan graph. Throws CurationError naming
 * the entry and field, before anything is written: all or nothing.
 */
export function parseCuratedEvents(
  json: unknown,
  model: Pick<GraphModel, 'nodes'>,
  file = 'seed/data/events.json',
): CuratedEvent[] {
  const parsed = curatedFile.safeParse(json);
  if (!parsed.success) throw new CurationError(describeIssue(file, json, parsed.error.issues[0]!));
  const seen = new Set<string>();
  return parsed.data.events.map((raw, index) => {
    const { id, ...rest } = raw as { id: string } & Record<string, unknown>;
    const where = `${file}: events[${index}] (${id})`;
    if (seen.has(id)) throw new CurationError(`${where}: the id is used twice.`);
    seen.add(id);
    const fields = eventFields.safeParse({
      source_accessed: parsed.data.source_accessed,
      ...rest,
    });
    if (!fields.success) {
      const issue = fields.error.issues[0]!;
      throw new CurationError(`${where}: ${issue.path.join('.') || 'entry'}: ${issue.message}.`);
    }
    if (fields.data.advances.length === 0)
      throw new CurationError(`${where}: advances: must name at least one commitment.`);
    const problem = linkProblems(fields.data, model)[0];
    if (problem) throw new CurationError(`${where}: ${problem.field}: ${problem.message}.`);
    return {
      id,
      ...fields.data,
      curated_sha256: createHash('sha256')
        .update(stableJson({ id, ...fields.data }))
        .digest('hex'),
    };
  });
}
