import { type Response, Router } from 'express';
import { auditQuery, eventBody, eventParams, eventsQuery } from '../../../core/api/events';
import type { EventFields, StoredEvent } from '../../../core/model/event-fields';
import { hasRole } from '../../../core/model/roles';
import { listAudit } from '../../../graph/events/audit-log';
import {
  createEvent,
  listEvents,
  missingLinks,
  readEvent,
  setEventDeleted,
  updateEvent,
  type WriteOutcome,
} from '../../../graph/events/event-store';
import type { Graph } from '../../../graph/graph';
import { dataChanged } from '../../http/data-version';
import { ifMatchVersion } from '../../http/if-match';
import { HttpProblem } from '../../http/problem';
import { validate, validated } from '../../http/validate';
import { sessionOf, writeGuard } from '../auth/session';

const etagOf = (event: StoredEvent) => `"${event.version}"`;

const unknownEvent = (id: string) =>
  new HttpProblem(404, 'Unknown event', `No event has the id "${id}".`, { field: 'id' });

async function checkLinks(graph: Graph, fields: EventFields): Promise<void> {
  const problems = await missingLinks(graph, fields);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new HttpProblem(400, 'Invalid request', `Body field '${first.field}': ${first.message}`, {
      field: first.field,
      errors: problems,
    });
  }
}

function answer(res: Response, outcome: WriteOutcome, id: string, yours?: EventFields): void {
  if (outcome.status === 'missing') throw unknownEvent(id);
  if (outcome.status === 'conflict')
    throw new HttpProblem(
      409,
      'Edit conflict',
      `The event changed since version you edited; it is now at version ${outcome.current.version}. Nothing was saved.`,
      { current: outcome.current, ...(yours ? { yours } : {}) },
    );
  res.set('ETag', etagOf(outcome.event)).json(outcome.event);
}

export function eventsRouter(graph: Graph): Router {
  const router = Router();
  const actor = (res: Response) => sessionOf(res).account!.name;

  router.get('/', validate('query', eventsQuery), async (_req, res) => {
    const q = validated(res, 'query', eventsQuery);
    const canSeeDeleted = hasRole(sessionOf(res).account?.role, 'editor');
    const events = await listEvents(graph, {
      from: q.from,
      to: q.to,
      commitment: q.commitment,
      agency: q.agency,
      pillar: q.pillar,
      q: q.q,
      includeDeleted: Boolean(q.include_deleted) && canSeeDeleted,
      limit: q.limit,
    });
    res.set('Cache-Control', 'no-cache').json({ events, total: events.length });
  });

  router.get('/audit', ...writeGuard('admin').slice(0, 1), (_req, res, next) => {
    // Reading the audit log is a read: it needs the admin role but no CSRF token.
    const role = sessionOf(res).account?.role;
    if (role !== 'admin')
      return next(new HttpProblem(403, 'Not allowed', 'The audit log is for admins.'));
    next();
  });
  router.get('/audit', validate('query', auditQuery), async (_req, res) => {
    const q = validated(res, 'query', auditQuery);
    res.set('Cache-Control', 'no-store').json({
      entries: await listAudit(graph, {
        entityId: q.entity_id,
        entity: q.entity,
        actor: q.actor,
        action: q.action,
        since: q.since,
        before: q.before,
        limit: q.limit,
      }),
    });
  });

  router.get('/:id', validate('params', eventParams), async (_req, res) => {
    const { id } = validated(res, 'params', eventParams);
    const event = await readEvent(graph, id);
    const canSeeDeleted = hasRole(sessionOf(res).account?.role, 'editor');
    if (!event || (event.deleted && !canSeeDeleted)) throw unknownEvent(id);
    res.set('ETag', etagOf(event)).set('Cache-Control', 'no-cache').json(event);
  });

  router.post('/', ...writeGuard('editor'), validate('body', eventBody), async (_req, res) => {
    const fields = validated(res, 'body', eventBody);
    await checkLinks(graph, fields);
    const event = await createEvent(graph, fields, actor(res));
    dataChanged(graph);
    res
      .status(201)
      .set('Location', `/api/events/${event.id}`)
      .set('ETag', etagOf(event))
      .json(event);
  });

  router.put(
    '/:id',
    ...writeGuard('editor'),
    validate('params', eventParams),
    validate('body', eventBody),
    async (req, res) => {
      const { id } = validated(res, 'params', eventParams);
      const version = ifMatchVersion(req);
      if (version === null)
        throw new HttpProblem(
          428,
          'If-Match required',
          'Send the ETag of the version you edited in If-Match, so a newer edit is never overwritten.',
          { field: 'If-Match' },
        );
      const fields = validated(res, 'body', eventBody);
      await checkLinks(graph, fields);
      const outcome = await updateEvent(graph, id, version, fields, actor(res));
      dataChanged(graph);
      answer(res, outcome, id, fields);
    },
  );

  router.delete(
    '/:id',
    ...writeGuard('editor'),
    validate('params', eventParams),
    async (req, res) => {
      const { id } = validated(res, 'params', eventParams);
      const outcome = await setEventDeleted(graph, id, true, ifMatchVersion(req), actor(res));
      dataChanged(graph);
      answer(res, outcome, id);
    },
  );

  router.post(
    '/:id/restore',
    ...writeGuard('editor'),
    validate('params', eventParams),
    async (req, res) => {
      const { id } = validated(res, 'params', eventParams);
      const outcome = await setEventDeleted(graph, id, false, ifMatchVersion(req), actor(res));
      dataChanged(graph);
      answer(res, outcome, id);
    },
  );

  return router;
}
