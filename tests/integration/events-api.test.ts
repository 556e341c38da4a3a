import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Role } from '../../core/model/roles';
import { createAccount } from '../../graph/events/accounts';
import { readEvent } from '../../graph/events/event-store';
import type { Graph } from '../../graph/graph';
import { readCuratedEvents, seedEvents } from '../../scripts/seed-events';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { createApp } from '../../server/app';
import { hashPassword } from '../../server/routes/auth/password';
import { removeAnalystsData, wipeAnalystsData } from '../support/analysts-data';
import { eventBody } from '../support/event-body';
import { openSeededGraph } from '../support/seeded-graph';

const logger = pino({ level: 'silent' });
const curated = readCuratedEvents(readSeedInputs().model);
const PASSWORD = 'correct horse battery staple';
let graph: Graph;
let app: ReturnType<typeof createApp>;

interface Agent {
  name: string;
  cookie: string;
  csrf: string;
}
const agents = {} as Record<Role, Agent>;

async function signIn(name: string, password = PASSWORD): Promise<Agent> {
  const res = await request(app).post('/api/auth/login').send({ name, password });
  expect(res.status).toBe(200);
  const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  return { name, cookie, csrf: res.body.csrf_token };
}

const body = eventBody;

function as(agent: Agent | null, method: 'post' | 'put' | 'delete', url: string) {
  let req = request(app)[method](url);
  if (agent) req = req.set('Cookie', agent.cookie).set('X-CSRF-Token', agent.csrf);
  return req;
}

function expectProblem(res: request.Response, status: number, field?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (field) expect(res.body.field).toBe(field);
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

/** An account with the test password, for the sign-in tests. */
async function account(name: string, role: Role = 'viewer'): Promise<void> {
  await createAccount(graph, { name, role, passwordHash: await hashPassword(PASSWORD) });
}

/** A sign-in attempt from `address`, as a proxy named in TRUST_PROXY reports it. */
function signInFrom(
  app: ReturnType<typeof createApp>,
  address: string,
  name: string,
  password: string,
) {
  return request(app)
    .post('/api/auth/login')
    .set('X-Forwarded-For', address)
    .send({ name, password });
}

beforeAll(async () => {
  graph = await openSeededGraph(inject('neo4j'));
  await wipeAnalystsData(graph);
  await seedEvents(graph, curated, () => {});
  app = createApp({ graph, logger });
  const hash = await hashPassword(PASSWORD);
  for (const role of ['viewer', 'editor', 'admin'] as const) {
    await createAccount(graph, { name: `test-${role}`, role, passwordHash: hash });
    agents[role] = await signIn(`test-${role}`);
  }
}, 600_000);

afterAll(async () => {
  if (!graph) return;
  await removeAnalystsData(graph);
  await graph.close();
});

describe('reading events', () => {
  it('is open without an account, filtered by date range', async () => {
    const res = await request(app).get('/api/events?from=2024-01-01&to=2024-12-31');
    expect(res.status).toBe(200);
    expect(res.body.events.length).toBeGreaterThan(3);
    for (const e of res.body.events) expect(e.date_start <= '2024-12-31').toBe(true);
  });

  it('refuses a bad filter naming it', async () => {
    expectProblem(await request(app).get('/api/events?from=2024-13'), 400, 'from');
    expectProblem(await request(app).get('/api/events?pillar=V'), 400, 'pillar');
    expectProblem(await request(app).get('/api/events?colour=red'), 400, 'colour');
  });

  it('can be made to require sign-in', async () => {
    const closed = createApp({ graph, logger, auth: { requireSignIn: true, sessionHours: 1 } });
    expectProblem(await request(closed).get('/api/events'), 401);
    expect((await request(closed).get('/api/health')).status).not.toBe(401);
    const res = await request(closed).get('/api/events').set('Cookie', agents.viewer.cookie);
    expect(res.status).toBe(200);
  });
});

// A scenario: the audit test reads what the writes before it did, so --sequence.shuffle keeps its order.
describe('the permission matrix: every write', { shuffle: false }, () => {
  let target = '';
  beforeAll(async () => {
    const res = await as(agents.admin, 'post', '/api/events').send(body());
    expect(res.status).toBe(201);
    target = res.body.id;
  });

  const writes: [string, (a: Agent | null) => request.Test, number][] = [
    ['create', (a) => as(a, 'post', '/api/events').send(body()), 201],
    [
      'update',
      (a) =>
        as(a, 'put', `/api/events/${target}`)
          .set('If-Match', '*placeholder*')
          .send(body({ title_en: `edited by ${a?.name}` })),
      200,
    ],
    ['delete', (a) => as(a, 'delete', `/api/events/${target}`), 200],
    ['restore', (a) => as(a, 'post', `/api/events/${target}/restore`), 200],
  ];

  for (const [what, send, ok] of writes) {
    for (const who of ['anonymous', 'viewer', 'editor', 'admin'] as const) {
      const expected = who === 'anonymous' ? 401 : who === 'viewer' ? 403 : ok;
      it(`${what} as ${who} → ${expected}`, async () => {
        const agent = who === 'anonymous' ? null : agents[who];
        let req = send(agent);
        if (what === 'update') {
          const current = (await readEvent(graph, target))!;
          req = req.set('If-Match', `"${current.version}"`);
        }
        const res = await req;
        if (expected >= 400) expectProblem(res, expected);
        else expect(res.status, JSON.stringify(res.body)).toBe(expected);
      });
    }
  }

  it('the audit log is for admins only', async () => {
    expectProblem(await request(app).get('/api/events/audit'), 401);
    expectProblem(
      await request(app).get('/api/events/audit').set('Cookie', agents.editor.cookie),
      403,
    );
    const res = await request(app)
      .get(`/api/events/audit?entity_id=${target}`)
      .set('Cookie', agents.admin.cookie);
    expect(res.status).toBe(200);
    const actions = res.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toContain('create');
    expect(actions).toContain('update');
    expect(actions).toContain('delete');
    expect(actions).toContain('restore');
    const created = res.body.entries.find((e: { action: string }) => e.action === 'create');
    expect(created.actor).toBe('test-admin');
    expect(created.before).toBeNull();
    expect(created.after.id).toBe(target);
  });
});

describe('CSRF', () => {
  it('refuses a write without the token, and one with a wrong token', async () => {
    const noToken = await request(app)
      .post('/api/events')
      .set('Cookie', agents.editor.cookie)
      .send(body());
    expectProblem(noToken, 403, 'X-CSRF-Token');
    const wrong = await request(app)
      .post('/api/events')
      .set('Cookie', agents.editor.cookie)
      .set('X-CSRF-Token', agents.admin.csrf)
      .send(body());
    expectProblem(wrong, 403, 'X-CSRF-Token');
  });
});

describe('editing with If-Match', () => {
  it('a stale version gets 409 with both versions, and the stored event is unchanged', async () => {
    const created = await as(agents.editor, 'post', '/api/events').send(body());
    const id = created.body.id as string;
    const first = await as(agents.editor, 'put', `/api/events/${id}`)
      .set('If-Match', String(created.headers.etag))
      .send(body({ title_en: 'First edit' }));
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const stale = await as(agents.admin, 'put', `/api/events/${id}`)
      .set('If-Match', String(created.headers.etag))
      .send(body({ title_en: 'Stale edit' }));
    expectProblem(stale, 409);
    expect(stale.body.current.title_en).toBe('First edit');
    expect(stale.body.current.version).toBe(2);
    expect(stale.body.yours.title_en).toBe('Stale edit');
    const stored = await request(app).get(`/api/events/${id}`);
    expect(stored.body.title_en).toBe('First edit');
    expect(stored.headers.etag).toBe('"2"');
  });

  it('an edit without If-Match is refused with 428', async () => {
    const created = await as(agents.editor, 'post', '/api/events').send(body());
    expectProblem(
      await as(agents.editor, 'put', `/api/events/${created.body.id}`).send(body()),
      428,
      'If-Match',
    );
  });

  it('a deleted event is hidden from readers and restorable', async () => {
    const created = await as(agents.editor, 'post', '/api/events').send(body());
    const id = created.body.id as string;
    expect((await as(agents.editor, 'delete', `/api/events/${id}`)).body.deleted).toBe(true);
    expectProblem(await request(app).get(`/api/events/${id}`), 404);
    const list = await request(app).get('/api/events?commitment=I.3.2');
    expect(list.body.events.map((e: { id: string }) => e.id)).not.toContain(id);
    const restored = await as(agents.editor, 'post', `/api/events/${id}/restore`);
    expect(restored.body.deleted).toBe(false);
    expect((await request(app).get(`/api/events/${id}`)).status).toBe(200);
  });
});

describe('bad input on every field gets a 400 naming it', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['date', { date: '2024-02-30' }],
    ['kind', { kind: 'party' }],
    ['title_en', { title_en: '' }],
    ['title_ja', { title_ja: 'x'.repeat(201) }],
    ['summary_en', { summary_en: 'x'.repeat(601) }],
    ['source_url', { source_url: 'javascript:alert(1)' }],
    ['source_publisher', { source_publisher: '   ' }],
    ['source_accessed', { source_accessed: '2026-11' }],
    ['certainty', { certainty: 'maybe' }],
    ['certainty_note', { certainty: 'uncertain' }],
    ['advances.0.ref', { advances: [{ ref: 'I.9.9', reason: 'x' }] }],
    ['advances.0.reason', { advances: [{ ref: 'I.3.2', reason: '' }] }],
    ['involves.0', { involves: ['khaan-quest'] }],
    ['under.0', { under: ['mofa-jp'] }],
    ['part_of.0', { part_of: ['jp-mn-epa'] }],
    ['colour', { colour: 'red' }],
  ];
  for (const [field, patch] of cases)
    it(field, async () => {
      const res = await as(agents.editor, 'post', '/api/events').send(body(patch));
      expectProblem(res, 400, field);
      expect(res.body.detail).toContain(field);
    });

  it('an unreadable If-Match', async () => {
    const created = await as(agents.editor, 'post', '/api/events').send(body());
    expectProblem(
      await as(agents.editor, 'put', `/api/events/${created.body.id}`)
        .set('If-Match', 'yesterday')
        .send(body()),
      400,
      'If-Match',
    );
  });
});

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict cookie and never returns the password hash', async () => {
    const res = await request(app)
      .post('/api/auth/login')
      .send({ name: 'test-viewer', password: PASSWORD });
    const cookie = String(res.headers['set-cookie']?.[0]);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|password/);
  });

  it('delays repeated wrong passwords for a name from one address, answering names with and without an account alike', async () => {
    await account('test-delayed');
    const behindProxy = createApp({ graph, logger, trustProxy: ['loopback'] });
    const attempts = async (name: string) => {
      const answers: string[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await signInFrom(behindProxy, '203.0.113.7', name, 'wrong password');
        answers.push(`${res.status} ${res.body.title}`);
        if (res.status === 429) {
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
          expect(res.body.detail).toMatch(
            /^Too many wrong passwords for this account name; try again in \d+ s\.$/,
          );
        }
      }
      return answers;
    };
    const known = await attempts('test-delayed');
    // Five free failures; after them each attempt must wait, and is told how long.
    expect(known.slice(0, 5)).toEqual(Array(5).fill('401 Sign-in failed'));
    expect(known.at(-1)).toBe('429 Too many sign-in attempts');
    // A name with no account gets exactly the same answers: nothing tells them apart.
    expect(await attempts('test-no-such-account')).toEqual(known);
  }, 300_000);

  it('after 50 wrong passwords from one address, the owner signs in from another at once', async () => {
    await account('test-targeted', 'editor');
    const behindProxy = createApp({ graph, logger, trustProxy: ['loopback'] });
    const statuses = new Map<number, number>();
    for (let i = 0; i < 50; i++) {
      const { status } = await signInFrom(
        behindProxy,
        '198.51.100.23',
        'test-targeted',
        `guess number ${i}`,
      );
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(statuses.get(200)).toBeUndefined();
    expect(statuses.get(429)).toBeGreaterThan(0);
    // Even the right password waits at the attacker's address...
    const there = await signInFrom(behindProxy, '198.51.100.23', 'test-targeted', PASSWORD);
    expect(there.status).toBe(429);
    // ...but its owner, elsewhere, is not locked out.
    const owner = await signInFrom(behindProxy, '192.0.2.45', 'test-targeted', PASSWORD);
    expect(owner.status, JSON.stringify(owner.body)).toBe(200);
  }, 300_000);

  it('signs in an account that an older version had locked, and drops the old lock', async () => {
    await account('test-was-locked');
    // As the previous version left it: a count and a lock until tomorrow.
    await graph.write(
      'MATCH (u:User {name: $name}) SET u.failed_logins = 5, u.locked_until = $until',
      { name: 'test-was-locked', until: new Date(Date.now() + 86_400_000).toISOString() },
    );
    await signIn('test-was-locked');
    const [row] = await graph.read(
      'MATCH (u:User {name: $name}) RETURN u.failed_logins AS failures, u.locked_until AS until',
      { name: 'test-was-locked' },
    );
    expect(row).toEqual({ failures: null, until: null });
  });

  it('audits sign-ins, failures, delays and sign-outs, for admins, without the names typed for no account', async () => {
    const agent = await signIn('test-viewer');
    await request(app)
      .post('/api/auth/logout')
      .set('Cookie', agent.cookie)
      .set('X-CSRF-Token', agent.csrf);
    const log = await request(app)
      .get('/api/events/audit?limit=200')
      .set('Cookie', agents.admin.cookie);
    expect(log.status).toBe(200);
    const entries = log.body.entries as { action: string; actor: string; after: unknown }[];
    const actions = new Set(entries.map((e) => e.action));
    for (const action of ['sign-in', 'sign-in-failed', 'sign-in-delayed', 'sign-out'])
      expect(actions, action).toContain(action);
    expect(JSON.stringify(entries)).not.toContain('test-no-such-account');
    expect(entries.find((e) => e.action === 'sign-out')).toMatchObject({ actor: 'test-viewer' });
    // Filtered by entity, action and actor, and by time.
    const outs = await request(app)
      .get('/api/events/audit?entity=Account&action=sign-out&actor=test-viewer')
      .set('Cookie', agents.admin.cookie);
    expect(outs.body.entries.length).toBeGreaterThan(0);
    for (const e of outs.body.entries)
      expect(e).toMatchObject({ entity: 'Account', action: 'sign-out', actor: 'test-viewer' });
    const future = await request(app)
      .get('/api/events/audit?since=2999-01-01T00:00:00Z')
      .set('Cookie', agents.admin.cookie);
    expect(future.body.entries).toEqual([]);
    const bad = await request(app)
      .get('/api/events/audit?action=erase')
      .set('Cookie', agents.admin.cookie);
    expectProblem(bad, 400, 'action');
    const nobody = await request(app).get('/api/events/audit').set('Cookie', agents.editor.cookie);
    expect(nobody.status).toBe(403);
  }, 300_000);

  it('limits failed sign-ins per address', async () => {
    const fresh = createApp({ graph, logger });
    let last = 0;
    for (let i = 0; i < 21; i++)
      last = (
        await request(fresh)
          .post('/api/auth/login')
          .send({ name: `nobody-${i}`, password: 'whatever password' })
      ).status;
    expect(last).toBe(429);
  }, 300_000);

  it('signing out ends the session', async () => {
    const agent = await signIn('test-viewer');
    const out = await request(app)
      .post('/api/auth/logout')
      .set('Cookie', agent.cookie)
      .set('X-CSRF-Token', agent.csrf);
    expect(out.status).toBe(204);
    const after = await request(app).get('/api/auth/session').set('Cookie', agent.cookie);
    expect(after.body.account).toBeNull();
  });
});

describe('20 concurrent editors × 50 edits on overlapping events', () => {
  it('keeps every accepted edit in the audit log and each event at its last accepted write', async () => {
    const editors: Agent[] = [];
    const hash = await hashPassword(PASSWORD);
    for (let i = 0; i < 20; i++) {
      await createAccount(graph, { name: `crowd-${i}`, role: 'editor', passwordHash: hash });
      editors.push(await signIn(`crowd-${i}`));
    }
    const targets: string[] = [];
    for (let i = 0; i < 3; i++)
      targets.push((await as(agents.editor, 'post', '/api/events').send(body())).body.id);

    const accepted: { id: string; version: number; title: string }[] = [];
    let conflicts = 0;
    await Promise.all(
      editors.map(async (editor, e) => {
        for (let n = 0; n < 50; n++) {
          const id = targets[(e + n) % targets.length]!;
          const current = await request(app).get(`/api/events/${id}`);
          const title = `edit ${e}-${n}`;
          const res = await as(editor, 'put', `/api/events/${id}`)
            .set('If-Match', String(current.headers.etag))
            .send(body({ title_en: title }));
          if (res.status === 200) accepted.push({ id, version: res.body.version, title });
          else if (res.status === 409) conflicts++;
          else throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`);
        }
      }),
    );
    expect(accepted.length + conflicts).toBe(1000);
    expect(accepted.length).toBeGreaterThan(0);

    for (const id of targets) {
      const mine = accepted.filter((a) => a.id === id).sort((a, b) => a.version - b.version);
      // Versions of accepted edits are 2, 3, 4 … without a gap or a repeat: none overwrote another.
      expect(mine.map((a) => a.version)).toEqual(mine.map((_, i) => i + 2));
      const stored = (await readEvent(graph, id))!;
      expect(stored.version).toBe(mine.length + 1);
      expect(stored.title_en).toBe(mine.at(-1)!.title);
      const audit = await graph.read(
        `MATCH (a:Audit {entity_id: $id, action: 'update'}) RETURN a.version AS v, a.after AS after ORDER BY v`,
        { id },
      );
      expect(audit.map((r) => r.v)).toEqual(mine.map((a) => a.version));
      expect(audit.map((r) => JSON.parse(String(r.after)).title_en)).toEqual(
        mine.map((a) => a.title),
      );
    }
  }, 900_000);
});
