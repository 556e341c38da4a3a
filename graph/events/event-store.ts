import { randomUUID } from 'node:crypto';
import { EVENT_SCHEMA, schemaCommand } from '../../core/formats/graph-schema';
import {
  type CuratedEvent,
  dateEnd,
  dateStart,
  EVENT_LINKS,
  EVENT_RELATIONSHIP_TYPES,
  type EventFields,
  pillarOf,
  precisionOf,
  type StoredEvent,
} from '../../core/model/event-fields';
import type { Graph, GraphTx } from '../graph';

import type { Plain } from '../to-plain';
import { type Actor, filterParams, now, writeAudit } from './audit-log';
import { moveFormerEventTypes } from './event-layer-migration';

/**
 * Events, analysts' data. They live beside the plan under their own label and are never
 * touched by the plan loader. An event's links are stored on the node (`links`, JSON) and
 * its relationships (the analysts' layer's own types, EVENT_LINKS) are drawn from them, so a
 * plan reload (which may recreate commitments) is followed by relinkEvents and nothing is lost.
 */

export const ANALYST_LABELS = [
  'Event',
  'Assessment',
  'User',
  'Session',
  'Audit',
  'SignInThrottle',
] as const;

export interface EventLinks {
  advances: { ref: string; reason: string }[];
  involves: string[];
  under: string[];
  part_of: string[];
}

/**
 * The events' schema as core/formats/graph-schema.ts declares it (exports and the console's
 * copy make the same), and the constraints of what only this database holds (accounts,
 * sessions, the audit trail); then events still drawn with the plan's types are moved to
 * their own. Idempotent, run before any write; says how many relationships it moved.
 */
export async function ensureEventsSchema(graph: Graph): Promise<number> {
  const statements = [
    ...EVENT_SCHEMA.map(schemaCommand),
    'CREATE CONSTRAINT user_id_unique IF NOT EXISTS FOR (n:User) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT user_name_unique IF NOT EXISTS FOR (n:User) REQUIRE n.name IS UNIQUE',
    'CREATE CONSTRAINT session_id_unique IF NOT EXISTS FOR (n:Session) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT audit_id_unique IF NOT EXISTS FOR (n:Audit) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT sign_in_throttle_key_unique IF NOT EXISTS FOR (n:SignInThrottle) REQUIRE n.key IS UNIQUE',
    'CREATE INDEX audit_at IF NOT EXISTS FOR (n:Audit) ON (n.at)',
  ];
  for (const statement of statements) await graph.write(statement);
  return moveFormerEventTypes(graph);
}

function linksOf(fields: EventLinks): EventLinks {
  return {
    advances: fields.advances.map((a) => ({ ref: a.ref, reason: a.reason })),
    involves: [...fields.involves],
    under: [...fields.under],
    part_of: [...fields.part_of],
  };
}

/** The node's properties for these fields (no undefined, lists for refs and pillars). */
function fieldProperties(fields: EventFields): Record<string, unknown> {
  const links = linksOf(fields);
  const refs = links.advances.map((a) => a.ref);
  return {
    date: fields.date,
    date_precision: precisionOf(fields.date),
    date_start: dateStart(fields.date),
    date_end: dateEnd(fields.date),
    kind: fields.kind,
    title_en: fields.title_en,
    title_ja: fields.title_ja,
    name_en: fields.title_en,
    name_ja: fields.title_ja,
    summary_en: fields.summary_en,
    source_url: fields.source_url,
    source_publisher: fields.source_publisher,
    source_accessed: fields.source_accessed,
    certainty: fields.certainty,
    certainty_note: fields.certainty_note ?? null,
    links: JSON.stringify(links),
    commitment_refs: refs,
    pillars: [...new Set(refs.map(pillarOf))].sort(),
  };
}

export function toStoredEvent(props: Record<string, Plain>): StoredEvent {
  const links = JSON.parse(String(props.links ?? '{}')) as EventLinks;
  const str = (k: string) =>
    props[k] === null || props[k] === undefined ? null : String(props[k]);
  return {
    id: String(props.id),
    origin: props.origin === 'curated' ? 'curated' : 'analyst',
    date: String(props.date),
    date_precision: precisionOf(String(props.date)),
    date_start: String(props.date_start),
    date_end: String(props.date_end),
    kind: props.kind as StoredEvent['kind'],
    title_en: String(props.title_en),
    title_ja: String(props.title_ja),
    summary_en: String(props.summary_en),
    source_url: String(props.source_url),
    source_publisher: String(props.source_publisher),
    source_accessed: String(props.source_accessed),
    certainty: props.certainty === 'uncertain' ? 'uncertain' : 'confirmed',
    ...(props.certainty_note ? { certainty_note: String(props.certainty_note) } : {}),
    advances: links.advances ?? [],
    involves: links.involves ?? [],
    under: links.under ?? [],
    part_of: links.part_of ?? [],
    pillars: Array.isArray(props.pillars) ? props.pillars.map(String) : [],
    version: Number(props.version),
    edited: props.edited === true,
    deleted: props.deleted === true,
    created_at: String(props.created_at),
    created_by: String(props.created_by),
    updated_at: String(props.updated_at),
    updated_by: String(props.updated_by),
    deleted_at: str('deleted_at'),
    deleted_by: str('deleted_by'),
  };
}

const run = (tx: GraphTx, cypher: string, params: Record<string, unknown> = {}) =>
  tx.run(cypher, params);

/** An event as it stands inside the transaction, after what the transaction wrote. */
async function storedEvent(tx: GraphTx, id: string): Promise<StoredEvent> {
  const [row] = await run(tx, 'MATCH (e:Event {id: $id}) RETURN properties(e) AS p', { id });
  return toStoredEvent(row!.p as Record<string, Plain>);
}

/** The relationship types an event's links are drawn as (from the fixed vocabulary, never input). */
const ADVANCES = EVENT_LINKS.advances.type;
const ENGAGES = EVENT_LINKS.involves.type;
const UNDER = EVENT_LINKS.under.type;
const WITHIN = EVENT_LINKS.part_of.type;

/** Draws one event's relationships from its stored links, replacing what was there. */
async function linkEvent(tx: GraphTx, id: string, links: EventLinks): Promise<void> {
  await run(tx, `MATCH (e:Event {id: $id})-[r]->() WHERE type(r) IN $types DELETE r`, {
    id,
    types: [...EVENT_RELATIONSHIP_TYPES],
  });
  await run(
    tx,
    `MATCH (e:Event {id: $id})
     CALL (e) {
       UNWIND $advances AS a
       MATCH (c:Commitment {ref: a.ref})
       CREATE (e)-[:${ADVANCES} {reason: a.reason, key: '${ADVANCES}|' + e.id + '|' + c.id}]->(c)
     }
     CALL (e) {
       UNWIND $involves AS x
       MATCH (n:Entity {id: x}) WHERE n:Agency OR n:Country
       CREATE (e)-[:${ENGAGES} {key: '${ENGAGES}|' + e.id + '|' + n.id}]->(n)
     }
     CALL (e) {
       UNWIND $under AS x
       MATCH (n:Agreement {id: x})
       CREATE (e)-[:${UNDER} {key: '${UNDER}|' + e.id + '|' + n.id}]->(n)
     }
     CALL (e) {
       UNWIND $part_of AS x
       MATCH (n:Program {id: x})
       CREATE (e)-[:${WITHIN} {key: '${WITHIN}|' + e.id + '|' + n.id}]->(n)
     }`,
    { id, ...links },
  );
}

/** Redraws every event's relationships: after a plan load, which may have recreated its nodes. */
export async function relinkEvents(graph: Graph): Promise<number> {
  return graph.transaction('WRITE', async (tx) => {
    const rows = await run(tx, 'MATCH (e:Event) RETURN e.id AS id, e.links AS links');
    for (const row of rows)
      await linkEvent(tx, String(row.id), JSON.parse(String(row.links)) as EventLinks);
    return rows.length;
  });
}

export interface SyncReport {
  created: number;
  updated: number;
  unchanged: number;
  /** Curated events an analyst has edited: the seed leaves them as they are. */
  keptEdited: string[];
  /** Event relationships a database from an older release held under the plan's types, moved to the events' own. */
  movedFromPlanTypes: number;
}

/**
 * Brings the curated starting record into the database, in one transaction. A curated event
 * is created when missing and replaced when its file entry changed, but only while no analyst
 * has edited it; analysts' own events, edited curated events and deleted ones are left alone.
 * An unchanged file changes nothing. Then every event's relationships are redrawn.
 */
export async function syncCuratedEvents(graph: Graph, events: CuratedEvent[]): Promise<SyncReport> {
  const movedFromPlanTypes = await ensureEventsSchema(graph);
  return graph.transaction('WRITE', async (tx) => {
    const report: SyncReport = {
      created: 0,
      updated: 0,
      unchanged: 0,
      keptEdited: [],
      movedFromPlanTypes,
    };
    const existing = new Map(
      (
        await run(tx, 'MATCH (e:Event) WHERE e.id IN $ids RETURN properties(e) AS p', {
          ids: events.map((e) => e.id),
        })
      ).map((r) => [String((r.p as Record<string, Plain>).id), r.p as Record<string, Plain>]),
    );
    const at = now();
    for (const event of events) {
      const { id, curated_sha256, ...fields } = event;
      const found = existing.get(id);
      if (found?.edited === true) {
        if (found.curated_sha256 !== curated_sha256) report.keptEdited.push(id);
        else report.unchanged++;
        continue;
      }
      if (found && found.curated_sha256 === curated_sha256) {
        report.unchanged++;
        continue;
      }
      const props = { ...fieldProperties(fields), curated_sha256 };
      if (!found) {
        await run(
          tx,
          `CREATE (e:Event {id: $id}) SET e += $props, e.origin = 'curated', e.version = 1,
               e.edited = false, e.deleted = false, e.created_at = $at, e.created_by = 'seed',
               e.updated_at = $at, e.updated_by = 'seed'`,
          { id, props, at },
        );
        report.created++;
      } else {
        await run(
          tx,
          `MATCH (e:Event {id: $id}) SET e += $props, e.version = e.version + 1,
               e.updated_at = $at, e.updated_by = 'seed'`,
          { id, props, at },
        );
        report.updated++;
      }
      const after = await storedEvent(tx, id);
      await writeAudit(tx, {
        actor: 'seed',
        action: found ? 'seed-update' : 'seed-create',
        entity: 'Event',
        entity_id: id,
        version: after.version,
        before: found ? toStoredEvent(found) : null,
        after,
        at,
      });
    }
    const rows = await run(tx, 'MATCH (e:Event) RETURN e.id AS id, e.links AS links');
    for (const row of rows)
      await linkEvent(tx, String(row.id), JSON.parse(String(row.links)) as EventLinks);
    return report;
  });
}

export interface EventFilter {
  from?: string;
  to?: string;
  commitment?: string;
  agency?: string;
  pillar?: string;
  q?: string;
  includeDeleted?: boolean;
  limit: number;
}

/** Events overlapping [from, to], optionally about one commitment, agency or pillar, by date. */
export async function listEvents(graph: Graph, filter: EventFilter): Promise<StoredEvent[]> {
  const rows = await graph.read(
    `MATCH (e:Event)
     WHERE ($deleted OR e.deleted = false)
       AND ($from IS NULL OR e.date_end >= $from)
       AND ($to IS NULL OR e.date_start <= $to)
       AND ($commitment IS NULL OR $commitment IN e.commitment_refs)
       AND ($pillar IS NULL OR $pillar IN e.pillars)
       AND ($agency IS NULL OR EXISTS { (e)-[:${ENGAGES}]->(n) WHERE n.id = $agency })
       AND ($q IS NULL OR toLower(e.title_en + ' ' + e.title_ja + ' ' + e.summary_en + ' ' + e.source_publisher) CONTAINS toLower($q))
     RETURN properties(e) AS p
     ORDER BY e.date_start, e.id
     LIMIT $limit`,
    {
      deleted: filter.includeDeleted ?? false,
      limit: filter.limit,
      ...filterParams(filter, ['from', 'to', 'commitment', 'agency', 'pillar', 'q']),
    },
  );
  return rows.map((r) => toStoredEvent(r.p as Record<string, Plain>));
}

export async function readEvent(graph: Graph, id: string): Promise<StoredEvent | null> {
  const [row] = await graph.read('MATCH (e:Event {id: $id}) RETURN properties(e) AS p', { id });
  return row ? toStoredEvent(row.p as Record<string, Plain>) : null;
}

export type WriteOutcome =
  | { status: 'ok'; event: StoredEvent }
  | { status: 'missing' }
  | { status: 'conflict'; current: StoredEvent };

/** Runs work on one event under its write lock, reading the event fresh after the lock is held. */
async function withLockedEvent<T>(
  graph: Graph,
  id: string,
  work: (tx: GraphTx, current: StoredEvent) => Promise<T>,
): Promise<T | { status: 'missing' }> {
  return graph.transaction('WRITE', async (tx) => {
    // Taking the node's write lock first makes concurrent edits of one event queue up, so
    // the version read next is the latest committed one and a stale If-Match is always caught.
    const locked = await run(
      tx,
      'MATCH (e:Event {id: $id}) SET e.lock_token = $token REMOVE e.lock_token RETURN e.id AS id',
      { id, token: randomUUID() },
    );
    if (locked.length === 0) return { status: 'missing' as const };
    return work(tx, await storedEvent(tx, id));
  });
}

export async function createEvent(
  graph: Graph,
  fields: EventFields,
  actor: Actor,
): Promise<StoredEvent> {
  const id = `ev-${randomUUID()}`;
  return graph.transaction('WRITE', async (tx) => {
    const at = now();
    await run(
      tx,
      `CREATE (e:Event {id: $id}) SET e += $props, e.origin = 'analyst', e.version = 1,
           e.edited = true, e.deleted = false, e.created_at = $at, e.created_by = $actor,
           e.updated_at = $at, e.updated_by = $actor`,
      { id, props: fieldProperties(fields), at, actor },
    );
    await linkEvent(tx, id, linksOf(fields));
    const event = await storedEvent(tx, id);
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'Event',
      entity_id: id,
      version: 1,
      before: null,
      after: event,
      at,
    });
    return event;
  });
}

/** Replaces an event's fields if it is still at `expectedVersion`; a stale version changes nothing. */
export async function updateEvent(
  graph: Graph,
  id: string,
  expectedVersion: number,
  fields: EventFields,
  actor: Actor,
): Promise<WriteOutcome> {
  return withLockedEvent(graph, id, async (tx, current) => {
    if (current.version !== expectedVersion) return { status: 'conflict', current };
    const at = now();
    const props = fieldProperties(fields);
    await run(
      tx,
      `MATCH (e:Event {id: $id}) SET e += $props, e.version = e.version + 1, e.edited = true,
         e.updated_at = $at, e.updated_by = $actor`,
      { id, props, at, actor },
    );
    if (JSON.stringify(linksOf(current)) !== props.links) await linkEvent(tx, id, linksOf(fields));
    const event = await storedEvent(tx, id);
    await writeAudit(tx, {
      actor,
      action: 'update',
      entity: 'Event',
      entity_id: id,
      version: event.version,
      before: current,
      after: event,
      at,
    });
    return { status: 'ok', event };
  });
}

/** Soft delete (deleted = true) or restore; `expectedVersion` null skips the version check. */
export async function setEventDeleted(
  graph: Graph,
  id: string,
  deleted: boolean,
  expectedVersion: number | null,
  actor: Actor,
): Promise<WriteOutcome> {
  return withLockedEvent(graph, id, async (tx, current) => {
    if (expectedVersion !== null && current.version !== expectedVersion)
      return { status: 'conflict', current };
    if (current.deleted === deleted) return { status: 'ok', event: current };
    const at = now();
    await run(
      tx,
      `MATCH (e:Event {id: $id}) SET e.deleted = $deleted, e.version = e.version + 1, e.edited = true,
         e.deleted_at = $deletedAt, e.deleted_by = $deletedBy, e.updated_at = $at, e.updated_by = $actor`,
      {
        id,
        deleted,
        deletedAt: deleted ? at : null,
        deletedBy: deleted ? actor : null,
        at,
        actor,
      },
    );
    const event = await storedEvent(tx, id);
    await writeAudit(tx, {
      actor,
      action: deleted ? 'delete' : 'restore',
      entity: 'Event',
      entity_id: id,
      version: event.version,
      before: current,
      after: event,
      at,
    });
    return { status: 'ok', event };
  });
}

/** Which of an event's links name nothing in the plan graph, as {field, message}. */
export async function missingLinks(
  graph: Graph,
  links: EventLinks,
): Promise<{ field: string; message: string }[]> {
  const [row] = await graph.read(
    `RETURN
       [i IN range(0, size($refs) - 1) WHERE NOT EXISTS { MATCH (:Commitment {ref: $refs[i]}) }] AS refs,
       [i IN range(0, size($involves) - 1)
          WHERE NOT EXISTS { MATCH (:Agency {id: $involves[i]}) } AND NOT EXISTS { MATCH (:Country {id: $involves[i]}) }] AS involves,
       [i IN range(0, size($under) - 1) WHERE NOT EXISTS { MATCH (:Agreement {id: $under[i]}) }] AS under,
       [i IN range(0, size($partOf) - 1) WHERE NOT EXISTS { MATCH (:Program {id: $partOf[i]}) }] AS partOf`,
    {
      refs: links.advances.map((a) => a.ref),
      involves: links.involves,
      under: links.under,
      partOf: links.part_of,
    },
  );
  const out: { field: string; message: string }[] = [];
  const add = (field: string, list: unknown, values: string[], what: string) => {
    for (const i of (list as number[]) ?? [])
      out.push({ field: `${field}.${i}`, message: `"${values[i]}" is not ${what} of the plan` });
  };
  add(
    'advances',
    row?.refs,
    links.advances.map((a) => a.ref),
    'a commitment',
  );
  add('involves', row?.involves, links.involves, 'an agency or country');
  add('under', row?.under, links.under, 'an agreement');
  add('part_of', row?.partOf, links.part_of, 'a programme');
  return out.map((p) => (p.field.startsWith('advances.') ? { ...p, field: `${p.field}.ref` } : p));
}
