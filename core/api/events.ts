import { z } from 'zod';
import { DATE_PRECISIONS, EVENT_KINDS } from '../event-kinds';
import { AUDIT_ACTIONS } from '../model/audit-actions';
import { eventDate, eventFields } from '../model/event-fields';
import { boolParam, intParam } from './params';

const entityId = z
  .string()
  .max(100, 'is too long')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an entity id such as mofa-jp');

export const eventsQuery = z
  .object({
    from: eventDate
      .optional()
      .meta({ description: 'Events on or after this date (YYYY[-MM[-DD]])' }),
    to: eventDate.optional().meta({ description: 'Events on or before this date' }),
    commitment: z
      .string()
      .regex(/^[IVX]+(\.\d+){1,2}(\.[a-z])?$/, 'must be a plan ref such as I.3.2')
      .optional()
      .meta({ description: 'Only events that advance this commitment (ref)' }),
    agency: entityId
      .optional()
      .meta({ description: 'Only events involving this agency or country (id)' }),
    pillar: z
      .enum(['I', 'II', 'III', 'IV'])
      .optional()
      .meta({ description: 'Only events advancing this pillar' }),
    q: z.string().trim().min(1).max(100, 'must be at most 100 characters').optional().meta({
      description: 'Words in the title, summary or publisher',
    }),
    include_deleted: boolParam
      .optional()
      .meta({ description: 'Include soft-deleted events (editors)' }),
    limit: intParam(1, 1000, 500),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'must not be after "to"',
    path: ['from'],
  });
export type EventsQuery = z.infer<typeof eventsQuery>;

export const eventParams = z.object({
  id: z.string().regex(/^ev-[a-z0-9-]{1,80}$/, 'is not an event id (ev-…)'),
});

export const eventBody = eventFields;

export const auditQuery = z
  .object({
    entity_id: z
      .string()
      .regex(
        /^((ev|as)-[a-z0-9-]{1,80}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
        'is not an event id (ev-…), an assessment id (as-…) or an account id',
      )
      .optional(),
    entity: z.enum(['Event', 'Assessment', 'Account']).optional(),
    actor: z.string().min(1).max(100).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    since: z.string().datetime({ message: 'must be an ISO timestamp' }).optional(),
    before: z.string().datetime({ message: 'must be an ISO timestamp' }).optional(),
    limit: intParam(1, 1000, 100),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuery>;

export const eventResponse = z
  .object({
    id: z.string(),
    origin: z.enum(['curated', 'analyst']),
    date: z.string(),
    date_precision: z.enum(DATE_PRECISIONS),
    date_start: z.string(),
    date_end: z.string(),
    kind: z.enum(EVENT_KINDS),
    title_en: z.string(),
    title_ja: z.string(),
    summary_en: z.string(),
    source_url: z.string(),
    source_publisher: z.string(),
    source_accessed: z.string(),
    certainty: z.enum(['confirmed', 'uncertain']),
    certainty_note: z.string().optional(),
    advances: z.array(z.object({ ref: z.string(), reason: z.string() })),
    involves: z.array(z.string()),
    under: z.array(z.string()),
    part_of: z.array(z.string()),
    pillars: z.array(z.string()),
    version: z.number().int(),
    edited: z.boolean(),
    deleted: z.boolean(),
    created_at: z.string(),
    created_by: z.string(),
    updated_at: z.string(),
    updated_by: z.string(),
    deleted_at: z.string().nullable(),
    deleted_by: z.string().nullable(),
  })
  .meta({ id: 'Event' });

export const eventsResponse = z
  .object({ events: z.array(eventResponse), total: z.number().int() })
  .meta({ id: 'Events' });

export const conflictResponse = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.literal(409),
    detail: z.string(),
    current: eventResponse,
    yours: eventBody,
  })
  .meta({ id: 'EditConflict' });

export const auditResponse = z
  .object({
    entries: z.array(
      z.object({
        id: z.string(),
        at: z.string(),
        actor: z.string(),
        action: z.string(),
        entity: z.string(),
        entity_id: z.string(),
        version: z.number().int().nullable(),
        before: z.unknown(),
        after: z.unknown(),
      }),
    ),
  })
  .meta({ id: 'AuditLog' });
