import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EVENT_RELATIONSHIP_TYPES } from '../../core/model/event-fields';
import { exportAnalystsData, importAnalystsData } from '../../graph/events/backup';
import { createEvent, ensureEventsSchema } from '../../graph/events/event-store';
import type { Graph } from '../../graph/graph';
import { ensureSeeded } from '../../scripts/ensure-seeded';
import { readCuratedAssessments, seedAssessments } from '../../scripts/seed-assessments';
import { readCuratedEvents, seedEvents } from '../../scripts/seed-events';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { createApp } from '../../server/app';
import {
  analystsFingerprint,
  removeAnalystsData,
  wipeAnalystsData,
} from '../support/analysts-data';
import { openSeededGraph } from '../support/seeded-graph';

/**
 * Issue 24 item 6, "Layers apart": events have relationship types of their own, databases
 * and backups from before are moved onto them, and paths keep to the plan unless asked.
 */

const inputs = readSeedInputs();
const curated = readCuratedEvents(inputs.model);
const quiet = () => {};
let graph: Graph;

/** Every relationship that starts at an event, as (event, type, target, properties), in order. */
const eventRelationships = (g: Graph) =>
  g.read(
    `MATCH (e:Event)-[r]->(n:Entity)
     RETURN e.id AS event, type(r) AS type, n.id AS target, properties(r) AS props
     ORDER BY event, type, target`,
  );

const onPlanTypes = async (g: Graph) => {
  const [row] = await g.read('MATCH (:Event)-[r:INVOLVES|PART_OF]->() RETURN count(r) AS n');
  return Number(row!.n);
};

/**
 * Turns the database into one an older release wrote: every event's ENGAGES and WITHIN
 * becomes the plan's INVOLVES and PART_OF, with the key such a release gave it and a
 * property of its own, so that "every property kept" can be seen.
 */
async function asAnOlderRelease(g: Graph): Promise<number> {
  let made = 0;
  for (const [now, before] of [
    ['ENGAGES', 'INVOLVES'],
    ['WITHIN', 'PART_OF'],
  ] as const) {
    const [row] = await g.write(
      `MATCH (e:Event)-[r:${now}]->(n)
       CREATE (e)-[old:${before}]->(n)
       SET old = properties(r), old.key = $before + '|' + e.id + '|' + n.id,
           old.noted = ['by', 'an older release'], old.weight = 2
       DELETE r
       RETURN count(old) AS n`,
      { before },
    );
    made += Number(row!.n);
  }
  return made;
}

beforeAll(async () => {
  graph = await openSeededGraph(inject('neo4j'));
  await wipeAnalystsData(graph);
  await seedEvents(graph, curated, quiet);
}, 600_000);

afterAll(async () => {
  if (!graph) return;
  await removeAnalystsData(graph);
  await graph.close();
});

describe('events have relationship types of their own', () => {
  it('draws the curated links as ADVANCES, ENGAGES, UNDER and WITHIN, never a plan type', async () => {
    const rows = await eventRelationships(graph);
    const count = (type: string) => rows.filter((r) => r.type === type).length;
    expect([...new Set(rows.map((r) => r.type))].sort()).toEqual(
      [...EVENT_RELATIONSHIP_TYPES].sort(),
    );
    expect(count('ADVANCES')).toBe(curated.reduce((n, e) => n + e.advances.length, 0));
    expect(count('ENGAGES')).toBe(curated.reduce((n, e) => n + e.involves.length, 0));
    expect(count('UNDER')).toBe(curated.reduce((n, e) => n + e.under.length, 0));
    expect(count('WITHIN')).toBe(curated.reduce((n, e) => n + e.part_of.length, 0));
    for (const r of rows)
      expect((r.props as { key: string }).key).toBe(`${r.type}|${r.event}|${r.target}`);
    expect(await onPlanTypes(graph)).toBe(0);
  });

  it('so the plan’s INVOLVES and PART_OF count what the seed built, events or not', async () => {
    const [row] = await graph.read(
      `RETURN COUNT { ()-[:INVOLVES]->() } AS involves, COUNT { ()-[:PART_OF]->() } AS partOf`,
    );
    const built = (type: string) => inputs.model.relationships.filter((r) => r.type === type);
    expect(row!.involves).toBe(built('INVOLVES').length);
    expect(row!.partOf).toBe(built('PART_OF').length);
  });
});

describe('a database an older release wrote', () => {
  it('has its events moved off the plan’s types, every property kept, the key renamed', async () => {
    const current = await eventRelationships(graph);
    const planInvolves = await graph.read(
      'MATCH (a)-[r:INVOLVES]->(b) WHERE NOT a:Event RETURN r.key AS key ORDER BY key',
    );
    const made = await asAnOlderRelease(graph);
    expect(made).toBeGreaterThan(0);
    expect(await onPlanTypes(graph)).toBe(made);

    expect(await ensureEventsSchema(graph)).toBe(made);

    expect(await onPlanTypes(graph)).toBe(0);
    const moved = await eventRelationships(graph);
    expect(moved).toEqual(
      current.map((r) =>
        r.type === 'ENGAGES' || r.type === 'WITHIN'
          ? {
              ...r,
              props: { ...(r.props as object), noted: ['by', 'an older release'], weight: 2 },
            }
          : r,
      ),
    );
    // The plan's own INVOLVES are not events': untouched.
    expect(
      await graph.read(
        'MATCH (a)-[r:INVOLVES]->(b) WHERE NOT a:Event RETURN r.key AS key ORDER BY key',
      ),
    ).toEqual(planInvolves);
  });

  it('is moved once: running it again changes nothing', async () => {
    const before = await analystsFingerprint(graph);
    expect(await ensureEventsSchema(graph)).toBe(0);
    expect(await analystsFingerprint(graph)).toBe(before);
  });

  it('is upgraded by the app’s start, which says so, and ends as a fresh one', async () => {
    // Fresh as the app's start seeds it: the curated events and the curated readings of them.
    await seedEvents(graph, curated, quiet);
    await seedAssessments(graph, readCuratedAssessments(inputs.model, curated), quiet);
    const fresh = await analystsFingerprint(graph);
    const made = await asAnOlderRelease(graph);
    expect(await analystsFingerprint(graph)).not.toBe(fresh);
    const log: string[] = [];
    await ensureSeeded(inject('neo4j'), (line) => log.push(line));
    expect(log).toContain(
      `Events: ${made} relationships moved off the plan's types to the events' own.`,
    );
    expect(await onPlanTypes(graph)).toBe(0);
    expect(await analystsFingerprint(graph)).toBe(fresh);
  }, 300_000);

  it('restores its backup into the events’ own types', async () => {
    const fresh = await analystsFingerprint(graph);
    await asAnOlderRelease(graph);
    const backup = JSON.parse(
      JSON.stringify(await exportAnalystsData(graph, { includeSecrets: true })),
    );
    await wipeAnalystsData(graph);
    await importAnalystsData(graph, backup, { replace: false });
    expect(await onPlanTypes(graph)).toBe(0);
    expect(await analystsFingerprint(graph)).toBe(fresh);
  });

  it('restores an older backup over it, with nothing of the old types left', async () => {
    const fresh = await analystsFingerprint(graph);
    const backup = JSON.parse(
      JSON.stringify(await exportAnalystsData(graph, { includeSecrets: true })),
    );
    await asAnOlderRelease(graph);
    await importAnalystsData(graph, backup, { replace: true });
    expect(await onPlanTypes(graph)).toBe(0);
    expect(await analystsFingerprint(graph)).toBe(fresh);
  });
});

describe('paths keep to the plan unless asked', () => {
  const logger = pino({ level: 'silent' });
  const get = (url: string) => request(createApp({ graph, logger })).get(url);
  let eventId: string;

  beforeAll(async () => {
    // An event that meets both ends: through it, Japan's Ministry of Defense is two steps from Expo 2025.
    const event = await createEvent(
      graph,
      {
        ...curated[0]!,
        title_en: 'A shortcut only analysts recorded',
        advances: [],
        involves: ['mod-jp'],
        under: [],
        part_of: ['expo-2025'],
      },
      'layers-test',
    );
    eventId = event.id;
  });

  it('by default go around the event, through the plan alone', async () => {
    const res = await get('/api/paths?from=mod-jp&to=expo-2025');
    expect(res.status).toBe(200);
    expect(res.body.paths.length).toBeGreaterThan(0);
    for (const path of res.body.paths) {
      expect(path.hops).toBeGreaterThan(2);
      expect(path.nodes).not.toContain(eventId);
    }
    const kinds = res.body.elements.nodes.map((n: { data: { kind: string } }) => n.data.kind);
    expect(kinds).not.toContain('Event');
    const types = res.body.elements.edges.map((e: { data: { type: string } }) => e.data.type);
    for (const type of EVENT_RELATIONSHIP_TYPES) expect(types).not.toContain(type);
    expect((await get('/api/paths?from=mod-jp&to=expo-2025&layers=plan')).body).toEqual(res.body);
  });

  it('with layers=all take the shorter way through the analysts’ record', async () => {
    const res = await get('/api/paths?from=mod-jp&to=expo-2025&layers=all');
    expect(res.status).toBe(200);
    // The shortest first; the others (k=3 by default) are the plan's longer ways.
    expect(res.body.paths[0]).toEqual({
      nodes: ['mod-jp', eventId, 'expo-2025'],
      edges: [`ENGAGES|${eventId}|mod-jp`, `WITHIN|${eventId}|expo-2025`],
      hops: 2,
    });
    for (const path of res.body.paths.slice(1)) expect(path.hops).toBeGreaterThan(2);
    expect(res.body.exclusions.via).toEqual([]);
  });

  it('answer an unknown layer with a 400 naming the field', async () => {
    const res = await get('/api/paths?from=mod-jp&to=expo-2025&layers=events');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.field).toBe('layers');
  });

  it('while node details keep listing the events, marked as analysts’ records', async () => {
    const res = await get('/api/nodes/expo-2025');
    expect(res.status).toBe(200);
    const rels = res.body.provenance.relationships as {
      type: string;
      layer: string;
      other: { id: string };
    }[];
    expect(rels.find((r) => r.other.id === eventId)).toMatchObject({
      type: 'WITHIN',
      layer: 'analysts',
    });
    const plan = rels.filter((r) => r.layer === 'plan');
    expect(plan.length).toBeGreaterThan(0);
    expect(
      plan.every((r) => !(EVENT_RELATIONSHIP_TYPES as readonly string[]).includes(r.type)),
    ).toBe(true);
  });
});
