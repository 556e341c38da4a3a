import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../core/model/graph-model';
import { createEvent } from '../../graph/events/event-store';
import { type Graph, openGraph, type Params, type Row, toParams } from '../../graph/graph';
import { loadedFingerprint, loadGraph } from '../../graph/load-graph';
import { readExportView } from '../../graph/queries/export-query';
import { readDefaultLayout } from '../../graph/queries/layout-query';
import { readNeighbours } from '../../graph/queries/neighbours-query';
import { readNodeDetails } from '../../graph/queries/node-query';
import { readPaths } from '../../graph/queries/paths-query';
import { readSchema, readSeedVersion } from '../../graph/queries/schema-query';
import { readSearchDocs } from '../../graph/queries/search-query';
import { readView } from '../../graph/queries/view-query';
import { type Plain, toPlain } from '../../graph/to-plain';
import { ensureSeeded } from '../../scripts/ensure-seeded';
import { readCuratedEvents } from '../../scripts/seed-events';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { createApp } from '../../server/app';
import type { ConsoleSandbox } from '../../server/routes/cypher/console-sandbox';
import { testConsole } from '../support/console-database';

const inputs = readSeedInputs();
const options = { sourceSha256: inputs.sourceSha256, fingerprint: inputs.fingerprint };
const logger = pino({ level: 'silent' });
let graph: Graph;
let sandbox: ConsoleSandbox;

beforeAll(async () => {
  graph = openGraph(inject('neo4j'));
  sandbox = testConsole(graph);
  await loadGraph(graph, inputs.model, options);
}, 300_000);
/** Analysts' nodes this file creates; other files share the database and keep theirs. */
const OWN_IDS = ['e1', 'e2', 'u1'];
afterAll(async () => {
  await graph.write(`MATCH (n) WHERE (n:Event OR n:User) AND n.id IN $ids DETACH DELETE n`, {
    ids: OWN_IDS,
  });
  await sandbox.close();
  await graph.close();
});

interface Profiled {
  cypher: string;
  operators: string[];
  /** Each operator with its details, e.g. "NodeByLabelScan n:Entity". */
  steps: string[];
}

interface PlanNode {
  operatorType: string;
  arguments?: { Details?: string };
  children: PlanNode[];
}

function operatorsOf(plan: PlanNode): string[] {
  return [plan.operatorType.replace(/@.*$/, ''), ...plan.children.flatMap(operatorsOf)];
}

function stepsOf(plan: PlanNode): string[] {
  const step = `${plan.operatorType.replace(/@.*$/, '')} ${plan.arguments?.Details ?? ''}`.trim();
  return [step, ...plan.children.flatMap(stepsOf)];
}

/** A Graph that PROFILEs every read the app's query functions make, and keeps the plans. */
function profilingGraph(inner: Graph, seen: Profiled[]): Graph {
  return {
    ...inner,
    async read(cypher: string, params: Params = {}): Promise<Row[]> {
      // The console's door gives Neo4j's own result, with its profile.
      return inner.consoleRead(
        async (tx) => {
          const result = await tx.run(`PROFILE ${cypher}`, toParams(params) as Params);
          const profile = result.summary.profile as unknown as PlanNode | false;
          if (!profile) throw new Error(`No profile for ${cypher}`);
          seen.push({ cypher, operators: operatorsOf(profile), steps: stepsOf(profile) });
          return result.records.map((r) => toPlain(r.toObject()) as Record<string, Plain>);
        },
        { timeoutMs: 60_000, metadata: {}, fetchSize: 1_000 },
      );
    },
  };
}

describe('every query the app builds uses an index', () => {
  it('has no AllNodesScan and no CartesianProduct in its PROFILE', async () => {
    const seen: Profiled[] = [];
    const g = profilingGraph(graph, seen);
    const types = [...RELATIONSHIP_TYPES];
    const kinds = [...NODE_LABELS];
    await readView(g, { limit: 2000 });
    await readView(g, { limit: 10 });
    await readView(g, { pillars: ['I'], themes: ['theme/defence'], countries: ['JP'], limit: 50 });
    await readExportView(g, { areas: ['II.1'], limit: 2000 });
    expect(await readNodeDetails(g, 'jp-mn-epa')).not.toBeNull();
    expect(await readNodeDetails(g, 'no-such-node')).toBeNull();
    await readNeighbours(g, 'jp-mn-epa', { depth: 2, types, kinds, limit: 100 });
    await readPaths(g, {
      from: 'jp-mn-epa',
      to: 'mod-jp',
      maxHops: 4,
      layers: 'plan',
      excludeTypes: ['PART_OF'],
      avoid: ['japan', 'mongolia'],
      k: 5,
    });
    await readPaths(g, {
      from: 'jp-mn-epa',
      to: 'nowhere',
      maxHops: 4,
      layers: 'plan',
      excludeTypes: [],
      avoid: [],
      k: 3,
    });
    await readSearchDocs(g);
    await readSchema(g);
    await readSeedVersion(g);
    await readDefaultLayout(g);
    await loadedFingerprint(g, inputs.plan.id);
    // Every kind of query above ran and was profiled.
    expect(seen.length).toBeGreaterThan(25);
    const offending = seen.filter((p) =>
      p.operators.some((op) => op === 'AllNodesScan' || op === 'CartesianProduct'),
    );
    expect(offending.map((p) => `${p.operators.join(' < ')}\n${p.cypher}`)).toEqual([]);
    // A view scoped to a pillar or an area starts from its commitments through their index,
    // never from a scan of every plan node.
    const scoped = seen.filter((p) =>
      /MATCH \(c:Commitment:Entity\) WHERE c\.(pillar|area)_ref/.test(p.cypher),
    );
    expect(scoped.length).toBeGreaterThanOrEqual(2);
    for (const p of scoped) {
      expect(
        p.steps.some((s) => /^NodeIndexSeek.*(pillar_ref|area_ref)/.test(s)),
        p.steps.join('\n'),
      ).toBe(true);
      expect(p.steps.filter((s) => /^NodeByLabelScan \w+:Entity$/.test(s))).toEqual([]);
    }
    // Lookups by id seek the Entity id index.
    const details = seen.find((p) => p.cypher.includes('CALL (n)'))!;
    expect(details.operators).toContain('NodeUniqueIndexSeek');
  }, 300_000);
});

describe('the Entity label', () => {
  it('is on every plan node, with a unique id', async () => {
    const [row] = await graph.read(
      `MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels)
       RETURN count(n) AS plan, count(CASE WHEN n:Entity THEN 1 END) AS entities`,
      { labels: [...NODE_LABELS] },
    );
    expect(row).toEqual({ plan: inputs.model.nodes.length, entities: inputs.model.nodes.length });
    await expect(graph.write(`CREATE (:Entity:Agency {id: 'mod-jp'})`)).rejects.toThrow(
      /already exists/,
    );
  }, 300_000);

  it('is given to the nodes of a database seeded before it existed', async () => {
    await graph.write(`MATCH (n:Entity) WHERE n:Agency OR n:Plan REMOVE n:Entity`);
    // Without the label the plan does not count as loaded, so start-up reseeds it.
    expect(await loadedFingerprint(graph, inputs.plan.id)).toBeNull();
    await loadGraph(graph, inputs.model, options);
    const [row] = await graph.read(
      `MATCH (n:Agency) RETURN count(n) AS agencies, count(CASE WHEN n:Entity THEN 1 END) AS entities`,
    );
    expect(row).toEqual({ agencies: 22, entities: 22 });
    expect(await loadedFingerprint(graph, inputs.plan.id)).toBe(inputs.fingerprint);
  }, 300_000);
});

describe('a database seeded by an older release', () => {
  it('gets the indexes this release added when it starts, without a reseed', async () => {
    const names = async () =>
      (
        await graph.read(
          "SHOW INDEXES YIELD name WHERE name STARTS WITH 'commitment_' RETURN name ORDER BY name",
        )
      ).map((r) => r.name);
    const seededAt = await graph.read('MATCH (p:Plan) RETURN toString(p.seeded_at) AS at');
    for (const name of ['commitment_pillar_ref', 'commitment_area_ref'])
      await graph.write(`DROP INDEX ${name} IF EXISTS`);
    expect(await names()).not.toContain('commitment_pillar_ref');
    await ensureSeeded(inject('neo4j'), () => {});
    expect(await names()).toEqual(
      expect.arrayContaining(['commitment_area_ref', 'commitment_pillar_ref']),
    );
    // The plan was current: it was not loaded again.
    expect(await graph.read('MATCH (p:Plan) RETURN toString(p.seeded_at) AS at')).toEqual(seededAt);
  }, 300_000);
});

describe('reseeding touches plan data only', () => {
  it('keeps analysts’ Event and User nodes and their links to the plan', async () => {
    await graph.write(
      `MATCH (a:Entity {id: 'mod-jp'})
       CREATE (e:Event:Entity {id: 'e1', name_en: 'An analyst’s event'})-[:INVOLVES {key: 'e1-mod'}]->(a)
       CREATE (:User {id: 'u1'})
       CREATE (:Event {id: 'e2'})`,
    );
    const foreign = `MATCH (n) WHERE (n:Event OR n:User) AND n.id IN ['e1', 'e2', 'u1']
       OPTIONAL MATCH (n)-[r]->(m)
       RETURN n.id AS id, type(r) AS type, m.id AS to ORDER BY id`;
    const before = await graph.read(foreign);
    expect(before).toHaveLength(3);
    await loadGraph(graph, inputs.model, options);
    expect(await graph.read(foreign)).toEqual(before);
    // --reset deletes and recreates the plan nodes: links to them go, the foreign nodes stay.
    await loadGraph(graph, inputs.model, { ...options, reset: true });
    expect((await graph.read(foreign)).map((r) => r.id)).toEqual(['e1', 'e2', 'u1']);
  }, 300_000);
});

describe('the default layout', () => {
  it('is computed at seed time and stored; a request only reads it', async () => {
    const stored = await readDefaultLayout(graph);
    expect(stored?.error).toBeNull();
    expect(Object.keys(stored!.positions).length).toBeGreaterThan(150);
    // Marked positions prove that the view serves what is stored, not a fresh layout.
    await graph.write(
      `MATCH (l:DefaultLayout) SET l.xs = [x IN l.xs | 7], l.ys = [y IN l.ys | -7]`,
    );
    const app = createApp({ graph, console: sandbox, logger });
    const res = await request(app).get('/api/graph?positions=default');
    expect(res.status).toBe(200);
    const placed = res.body.elements.nodes.filter((n: { position?: unknown }) => n.position);
    expect(placed.length).toBe(Object.keys(stored!.positions).length);
    for (const n of placed) expect(n.position).toEqual({ x: 7, y: -7 });
  }, 300_000);

  it('is never computed by a request, even when none is stored', async () => {
    await graph.write(`MATCH (l:DefaultLayout) DETACH DELETE l`);
    const app = createApp({ graph, console: sandbox, logger });
    for (let i = 0; i < 2; i++) {
      const res = await request(app).get('/api/graph?positions=default');
      expect(res.status).toBe(200);
      expect(res.body.elements.nodes.some((n: { position?: unknown }) => n.position)).toBe(false);
    }
    expect(await readDefaultLayout(graph)).toBeNull();
    // The next seeding stores it again.
    await loadGraph(graph, inputs.model, options);
    expect((await readDefaultLayout(graph))?.error).toBeNull();
  }, 300_000);
});

describe('responses cached per seeding', () => {
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const renamed = (name: string) => {
    const model = structuredClone(inputs.model);
    model.nodes.find((n) => n.id === 'mod-jp')!.properties.name_en = name;
    return model;
  };
  const nameIn = (body: { elements: { nodes: { data: { id: string; name_en: string } }[] } }) =>
    body.elements.nodes.find((n) => n.data.id === 'mod-jp')?.data.name_en;

  it('serves views and exports from memory, compressed, until a reseed changes them', async () => {
    const app = createApp({ graph, console: sandbox, logger });
    const view = '/api/graph?kinds=Agency';
    const exported = '/api/export?format=graphml&kinds=Agency';
    const first = await request(app).get(view).set('Accept-Encoding', 'gzip');
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBe('gzip');
    const original = nameIn(first.body);
    expect(original).toBeTruthy();
    const br = await request(app).get(view).set('Accept-Encoding', 'br');
    expect(br.headers['content-encoding']).toBe('br');
    expect((await request(app).get(exported)).text).toContain(original);
    // A write that is not a seeding does not reach the cached bodies...
    await graph.write(`MATCH (a:Entity {id: 'mod-jp'}) SET a.name_en = 'not seeded'`);
    await wait(1100);
    expect(nameIn((await request(app).get(view)).body)).toBe(original);
    expect((await request(app).get(exported)).text).not.toContain('not seeded');
    // ...a reseed does.
    await loadGraph(graph, renamed('Reseeded ministry'), options);
    await wait(1100);
    expect(nameIn((await request(app).get(view)).body)).toBe('Reseeded ministry');
    expect((await request(app).get(exported)).text).toContain('Reseeded ministry');
    await loadGraph(graph, inputs.model, options);
    await wait(1100);
    expect(nameIn((await request(app).get(view)).body)).toBe(original);
  }, 300_000);

  it('are rebuilt after an analyst’s write, which changes the data version', async () => {
    const app = createApp({ graph, console: sandbox, logger });
    const eventCount = (body: { labels: { label: string; count: number }[] }) =>
      body.labels.find((l) => l.label === 'Event')?.count ?? 0;
    const before = eventCount((await request(app).get('/api/schema')).body);
    const version = await readSeedVersion(graph);
    const [curated] = readCuratedEvents(inputs.model);
    const probe = await createEvent(graph, { ...curated!, title_en: 'A cache probe' }, 'analyst-a');
    try {
      expect(await readSeedVersion(graph)).not.toBe(version);
      await wait(1100);
      expect(eventCount((await request(app).get('/api/schema')).body)).toBe(before + 1);
    } finally {
      await graph.write('MATCH (e:Event {id: $id}) DETACH DELETE e', { id: probe.id });
    }
  }, 300_000);

  it('compresses what is worth it: node details, not an answer under 1 kB', async () => {
    const app = createApp({ graph, console: sandbox, logger });
    const res = await request(app).get('/api/nodes/jp-mn-epa').set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.id).toBe('jp-mn-epa');
    const small = await request(app).get('/api/search?q=zzqx').set('Accept-Encoding', 'gzip');
    expect(small.status).toBe(200);
    expect(Number(small.headers['content-length'])).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  }, 300_000);
});
