import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IMPLEMENTATION_STATUSES } from '../../core/model/implementation';
import { createAccount } from '../../graph/events/accounts';
import type { Graph } from '../../graph/graph';
import { loadGraph } from '../../graph/load-graph';
import { readCuratedAssessments, seedAssessments } from '../../scripts/seed-assessments';
import { readCuratedEvents, seedEvents } from '../../scripts/seed-events';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { createApp } from '../../server/app';
import { hashPassword } from '../../server/routes/auth/password';
import type { ConsoleSandbox } from '../../server/routes/cypher/console-sandbox';
import { removeAnalystsData, wipeAnalystsData } from '../support/analysts-data';
import { testConsole } from '../support/console-database';
import { eventBody } from '../support/event-body';
import { openSeededGraph } from '../support/seeded-graph';

const logger = pino({ level: 'silent' });
const inputs = readSeedInputs();
const curatedEvents = readCuratedEvents(inputs.model);
const curatedReadings = readCuratedAssessments(inputs.model, curatedEvents);
const PASSWORD = 'correct horse battery staple';
const today = new Date().toISOString().slice(0, 10);
let graph: Graph;
let app: ReturnType<typeof createApp>;
let sandbox: ConsoleSandbox;

interface Agent {
  cookie: string;
  csrf: string;
}
const agents = {} as Record<'viewer' | 'editor' | 'admin', Agent>;

async function signIn(name: string): Promise<Agent> {
  const res = await request(app).post('/api/auth/login').send({ name, password: PASSWORD });
  expect(res.status).toBe(200);
  return {
    cookie: String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!,
    csrf: res.body.csrf_token,
  };
}

function post(agent: Agent | null, url: string, ifMatch?: string) {
  let req = request(app).post(url);
  if (agent) req = req.set('Cookie', agent.cookie).set('X-CSRF-Token', agent.csrf);
  if (ifMatch !== undefined) req = req.set('If-Match', ifMatch);
  return req;
}

function expectProblem(res: request.Response, status: number, field?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (field) expect(res.body.field).toBe(field);
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

const reading = (patch: Record<string, unknown> = {}) => ({
  status: 'substantial',
  as_of: '2025-06-30',
  evidence: ['ev-2024-02-29-defence-ministers-tokyo', 'ev-2024-05-13-road-2024-pko-engineering'],
  note: 'An editor reads the exchanges as well under way.',
  ...patch,
});

beforeAll(async () => {
  graph = await openSeededGraph(inject('neo4j'));
  await wipeAnalystsData(graph);
  await seedEvents(graph, curatedEvents, () => {});
  await seedAssessments(graph, curatedReadings, () => {});
  sandbox = testConsole(graph);
  app = createApp({ graph, logger, console: sandbox });
  const hash = await hashPassword(PASSWORD);
  for (const role of ['viewer', 'editor', 'admin'] as const) {
    await createAccount(graph, { name: `impl-${role}`, role, passwordHash: hash });
    agents[role] = await signIn(`impl-${role}`);
  }
}, 600_000);

afterAll(async () => {
  if (!graph) return;
  await removeAnalystsData(graph);
  await sandbox.close();
  await graph.close();
});

describe('GET /api/implementation', () => {
  it('lists all 86 commitments with a status of the scale, the scale and its source', async () => {
    const res = await request(app).get('/api/implementation');
    expect(res.status).toBe(200);
    expect(res.body.as_of).toBe(today);
    expect(res.body.commitments).toHaveLength(86);
    for (const c of res.body.commitments) expect(IMPLEMENTATION_STATUSES).toContain(c.status);
    expect(res.body.scale.map((s: { status: string }) => s.status)).toEqual([
      ...IMPLEMENTATION_STATUSES,
    ]);
    expect(res.body.scale_source).toMatch(/^https:\/\/www\.opengovpartnership\.org\//);
    expect(res.body.commitments[0].ref).toBe('I.1.1');
  });

  it('reads every commitment with curated events, each citing events that exist', async () => {
    const { body } = await request(app).get('/api/implementation');
    const events = await request(app).get('/api/events?limit=1000');
    const ids = new Set(events.body.events.map((e: { id: string }) => e.id));
    const advanced = new Set(curatedEvents.flatMap((e) => e.advances.map((a) => a.ref)));
    for (const c of body.commitments) {
      if (c.status === 'no_evidence') {
        expect(advanced.has(c.ref), c.ref).toBe(false);
        expect(c).toMatchObject({ evidence: [], assessed_by: null, assessment_id: null });
        continue;
      }
      expect(c.evidence.length, c.ref).toBeGreaterThan(0);
      for (const id of c.evidence) expect(ids.has(id), `${c.ref} cites ${id}`).toBe(true);
      // Curated, unless a test below (in whatever order the run puts them) added a later one.
      expect(c.assessed_by === 'curation' || c.assessed_by.startsWith('impl-'), c.ref).toBe(true);
      expect(c.note.length).toBeGreaterThan(20);
    }
    expect(
      body.commitments.filter((c: { status: string }) => c.status !== 'no_evidence'),
    ).toHaveLength(advanced.size);
  });

  it('answers for a past day with the state then', async () => {
    const before = await request(app).get('/api/implementation?as_of=2022-11-28');
    expect(
      before.body.commitments.every((c: { status: string }) => c.status === 'no_evidence'),
    ).toBe(true);
    const early = await request(app).get('/api/implementation?as_of=2024-06-30&pillar=I');
    const byRef = new Map(early.body.commitments.map((c: { ref: string }) => [c.ref, c]));
    expect(early.body.commitments.every((c: { pillar: string }) => c.pillar === 'I')).toBe(true);
    expect(byRef.get('I.1.1')).toMatchObject({ status: 'limited', as_of: '2022-11-29' });
    expect(byRef.get('I.3.6')).toMatchObject({ status: 'limited', as_of: '2024-02-29' });
    const now = await request(app).get('/api/implementation?pillar=I&status=substantial');
    const refs = now.body.commitments.map((c: { ref: string }) => c.ref);
    expect(refs).toContain('I.1.1');
    expect(refs).toContain('I.3.6');
  });

  it('refuses bad parameters naming them', async () => {
    expectProblem(await request(app).get('/api/implementation?as_of=2024-02-30'), 400, 'as_of');
    expectProblem(await request(app).get('/api/implementation?pillar=V'), 400, 'pillar');
    expectProblem(await request(app).get('/api/implementation?status=done'), 400, 'status');
    expectProblem(await request(app).get('/api/implementation?colour=red'), 400, 'colour');
  });

  it('answers one commitment with its history newest first and its revision as ETag', async () => {
    const res = await request(app).get('/api/implementation/I.3.6');
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body.revision).toBe(2);
    expect(res.body.history.map((a: { as_of: string }) => a.as_of)).toEqual([
      '2025-02-10',
      '2024-02-29',
    ]);
    const none = await request(app).get('/api/implementation/I.2.2');
    expect(none.body).toEqual({ ref: 'I.2.2', revision: 0, history: [] });
    expectProblem(await request(app).get('/api/implementation/IX.9.9'), 404, 'ref');
    expectProblem(await request(app).get('/api/implementation/drop'), 400, 'ref');
  });
});

// A scenario: each write builds on the revision the one before left.
describe('POST /api/implementation/{ref}', { shuffle: false }, () => {
  it('needs an editor with a CSRF token and If-Match', async () => {
    expectProblem(await post(null, '/api/implementation/I.3.2', '"1"').send(reading()), 401);
    expectProblem(
      await post(agents.viewer, '/api/implementation/I.3.2', '"1"').send(reading()),
      403,
    );
    expectProblem(
      await request(app)
        .post('/api/implementation/I.3.2')
        .set('Cookie', agents.editor.cookie)
        .set('If-Match', '"1"')
        .send(reading()),
      403,
    );
    expectProblem(
      await post(agents.editor, '/api/implementation/I.3.2').send(reading()),
      428,
      'If-Match',
    );
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const url = '/api/implementation/I.3.2';
    expectProblem(
      await post(agents.editor, url, '"1"').send(reading({ status: 'done' })),
      400,
      'status',
    );
    expectProblem(
      await post(agents.editor, url, '"1"').send(reading({ evidence: [] })),
      400,
      'evidence',
    );
    expectProblem(
      await post(agents.editor, url, '"1"').send(reading({ evidence: ['ev-no-such-event'] })),
      400,
      'evidence.0',
    );
    const early = await post(agents.editor, url, '"1"').send(
      reading({ as_of: '2024-03-01', evidence: ['ev-2024-05-13-road-2024-pko-engineering'] }),
    );
    expectProblem(early, 400, 'evidence.0');
    expect(early.body.detail).toMatch(/after 2024-03-01/);
    expectProblem(
      await post(agents.editor, url, '"1"').send(reading({ as_of: '2099-01-01' })),
      400,
      'as_of',
    );
    expectProblem(await post(agents.editor, url, '"1"').send(reading({ note: ' ' })), 400, 'note');
    expectProblem(await post(agents.editor, url, '"x1"').send(reading()), 400, 'If-Match');
    expectProblem(
      await post(agents.editor, '/api/implementation/IX.1.1', '"0"').send(reading()),
      404,
    );
    expect((await request(app).get(url)).body.revision).toBe(1);
  });

  it("adds an editor's reading, shown as the standing from its day on", async () => {
    const res = await post(agents.editor, '/api/implementation/I.3.2', '"1"').send(reading());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body.revision).toBe(2);
    expect(res.body.history[0]).toMatchObject({ origin: 'curated', as_of: '2026-02-24' });
    const added = res.body.history.find((a: { origin: string }) => a.origin === 'analyst');
    expect(added).toMatchObject({
      status: 'substantial',
      as_of: '2025-06-30',
      assessed_by: 'impl-editor',
    });
    const then = await request(app).get('/api/implementation?as_of=2025-07-01&pillar=I');
    const i32 = then.body.commitments.find((c: { ref: string }) => c.ref === 'I.3.2');
    expect(i32).toMatchObject({
      status: 'substantial',
      assessed_by: 'impl-editor',
      assessment_id: added.id,
    });
    const audit = await request(app)
      .get(`/api/events/audit?entity=Assessment&entity_id=${added.id}`)
      .set('Cookie', agents.admin.cookie);
    expect(audit.status).toBe(200);
    expect(audit.body.entries).toHaveLength(1);
    expect(audit.body.entries[0]).toMatchObject({ actor: 'impl-editor', action: 'create' });
  });

  it('answers a stale If-Match with 409 and the current history, saving nothing', async () => {
    const res = await post(agents.editor, '/api/implementation/I.3.2', '"1"').send(
      reading({ status: 'complete', note: 'Written from an old page.' }),
    );
    expectProblem(res, 409);
    expect(res.body.current.revision).toBe(2);
    expect(res.body.current.history).toHaveLength(2);
    expect(res.body.yours.status).toBe('complete');
    expect((await request(app).get('/api/implementation/I.3.2')).headers.etag).toBe('"2"');
  });

  it('keeps the editor’s reading through a reseed, which replaces only changed curated ones', async () => {
    await loadGraph(graph, inputs.model, {
      sourceSha256: inputs.sourceSha256,
      fingerprint: inputs.fingerprint,
    });
    await seedEvents(graph, curatedEvents, () => {});
    const changed = curatedReadings.map((a) =>
      a.ref === 'I.3.2' ? { ...a, note: 'A revised curated note.', curated_sha256: 'changed' } : a,
    );
    const report = await seedAssessments(graph, changed, () => {});
    expect(report).toMatchObject({ created: 0, updated: 1 });
    const res = await request(app).get('/api/implementation/I.3.2');
    expect(res.body.revision).toBe(2);
    expect(res.body.history.find((a: { origin: string }) => a.origin === 'analyst')).toMatchObject({
      assessed_by: 'impl-editor',
      note: 'An editor reads the exchanges as well under way.',
    });
    expect(res.body.history.find((a: { origin: string }) => a.origin === 'curated').note).toBe(
      'A revised curated note.',
    );
    const next = await post(agents.editor, '/api/implementation/I.3.2', '"2"').send(
      reading({ as_of: '2026-03-01', evidence: ['ev-2026-02-24-mn-chief-of-staff-japan'] }),
    );
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    expect(next.body.revision).toBe(3);
  });
});

describe("docs/schema.md's assessment query", () => {
  it('answers what the API answers for the same day', async () => {
    const doc = readFileSync('docs/schema.md', 'utf8');
    const query = /<!-- assessment-example -->\s*```cypher\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(query).toBeDefined();
    const rows = await graph.read(query!);
    const { body } = await request(app).get('/api/implementation?as_of=2024-12-31');
    expect(rows.map((r) => [r.ref, r.status]).sort()).toEqual(
      body.commitments.map((c: { ref: string; status: string }) => [c.ref, c.status]).sort(),
    );
  });
});

describe('the OpenAPI document', () => {
  it('documents the implementation endpoints', async () => {
    const { body } = await request(app).get('/api/openapi.json');
    expect(Object.keys(body.paths['/api/implementation'])).toEqual(['get']);
    expect(Object.keys(body.paths['/api/implementation/{ref}']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(body.paths['/api/implementation/{ref}'].post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '404', '409', '428']),
    );
  });
});

interface Entry {
  id: string;
  title: string;
  updated: string;
  summary: string;
  author: { name: string };
  link: { '@_href': string; '@_rel': string }[];
  category?: { '@_term': string }[];
}

/** The feed at `query`, checked well-formed and Atom-shaped, as its entries. */
async function feed(query = ''): Promise<{ updated: string; entries: Entry[] }> {
  const res = await request(app).get(`/api/feed.atom${query}`);
  expect(res.status, res.text).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
  expect(XMLValidator.validate(res.text)).toBe(true);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['entry', 'link', 'category'].includes(name),
  }).parse(res.text);
  const f = parsed.feed;
  expect(f['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  for (const key of ['id', 'title', 'updated']) expect(f[key], key).toBeTruthy();
  expect(f.link.find((l: Entry['link'][0]) => l['@_rel'] === 'self')['@_href']).toMatch(
    /^http:\/\/127\.0\.0\.1:\d+\/api\/feed\.atom/,
  );
  const entries: Entry[] = f.entry ?? [];
  for (const e of entries) {
    for (const key of ['id', 'title', 'updated', 'summary'] as const)
      expect(e[key], key).toBeTruthy();
    expect(e.author.name).toBeTruthy();
    expect(e.link[0]!['@_href']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#lang=en&sel=/);
  }
  const times = entries.map((e) => e.updated);
  expect(times).toEqual([...times].sort().reverse());
  return { updated: f.updated, entries };
}

describe('GET /api/feed.atom', { shuffle: false }, () => {
  it('is a valid Atom feed of events and assessments, newest first, each linking to its view', async () => {
    const { entries } = await feed('?limit=200');
    expect(entries.some((e) => e.id.includes(':event:'))).toBe(true);
    expect(entries.some((e) => e.id.includes(':assessment:'))).toBe(true);
    expect(entries.find((e) => e.author.name === 'Kizuna curation')).toBeDefined();
  });

  it('filters by commitment and by pillar, and refuses a bad filter naming it', async () => {
    const { entries } = await feed('?commitment=I.3.6');
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e.category?.map((c) => c['@_term'])).toContain('I.3.6');
    const pillar = await feed('?pillar=IV');
    for (const e of pillar.entries) expect(e.category?.map((c) => c['@_term'])).toContain('IV');
    expectProblem(await request(app).get('/api/feed.atom?pillar=V'), 400, 'pillar');
    expectProblem(await request(app).get('/api/feed.atom?commitment=x'), 400, 'commitment');
    expectProblem(await request(app).get('/api/feed.atom?limit=0'), 400, 'limit');
  });

  it('gains an entry when an editor adds an event, and another for an assessment', async () => {
    const before = await feed('?commitment=I.3.3');
    const made = await post(agents.editor, '/api/events').send(
      eventBody({
        title_en: 'A feed test exchange of views',
        date: '2026-05-12',
        advances: [{ ref: 'I.3.3', reason: 'An exchange of views on security.' }],
      }),
    );
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const afterEvent = await feed('?commitment=I.3.3');
    expect(afterEvent.entries[0]).toMatchObject({
      id: `urn:kizuna-jp-mn-2022:event:${made.body.id}`,
      author: { name: 'impl-editor' },
    });
    expect(afterEvent.entries[0]!.link[0]!['@_href']).toMatch(new RegExp(`sel=${made.body.id}$`));
    expect(afterEvent.entries.length).toBe(before.entries.length + 1);
    expect(afterEvent.updated).toBe(afterEvent.entries[0]!.updated);

    const revision = (await request(app).get('/api/implementation/I.3.3')).headers.etag;
    const assessed = await post(agents.editor, '/api/implementation/I.3.3', String(revision)).send(
      reading({ as_of: '2026-05-12', evidence: [made.body.id], status: 'substantial' }),
    );
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(201);
    const afterReading = await feed('?commitment=I.3.3');
    expect(afterReading.entries[0]!.id).toMatch(/^urn:kizuna-jp-mn-2022:assessment:as-/);
    expect(afterReading.entries[0]!.title).toMatch(/^I\.3\.3 .*: Substantial as of 2026-05-12$/);
    expect(afterReading.entries.length).toBe(before.entries.length + 2);
  });
});

describe("the research console's copy", () => {
  it("holds the assessments as public data, without the editors' account names", async () => {
    const revision = (await request(app).get('/api/implementation/I.3.7')).headers.etag;
    const assessed = await post(agents.editor, '/api/implementation/I.3.7', String(revision)).send(
      reading({ evidence: ['ev-2022-12-cybersecurity-hrd-project'], status: 'limited' }),
    );
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(201);
    const res = await request(app).post('/api/cypher').send({
      query: 'MATCH (a:Assessment) RETURN count(a) AS n, collect(DISTINCT a.assessed_by) AS who',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [row] = res.body.rows;
    const [stored] = await graph.read('MATCH (a:Assessment) RETURN count(a) AS n');
    expect(row.n).toBe(Number(stored!.n));
    expect(row.n).toBeGreaterThan(curatedReadings.length);
    expect([...row.who].sort()).toEqual(['curation', 'editor']);
    expect(JSON.stringify(res.body)).not.toContain('impl-editor');
    // The console's first answer in a run builds its copy and indexes: tens of seconds when busy.
  }, 120_000);
});
