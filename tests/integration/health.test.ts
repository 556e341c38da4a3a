import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openGraph } from '../../graph/graph';
import { createApp } from '../../server/app';
import { SLOW_MS } from '../../server/routes/health/health.service';
import { warmUp } from '../../server/warm-up';
import { openUnreachableGraph } from '../support/seeded-graph';

const logger = pino({ level: 'silent' });
const live = openGraph(inject('neo4j'));

afterAll(async () => {
  await live.close();
});

describe('GET /api/health', () => {
  // As startServer does before it listens: a cold database on a loaded machine may take
  // longer than health's budget for its very first query.
  beforeAll(async () => {
    await warmUp(live);
  }, 60_000);

  it('answers 200 with the Neo4j version and edition when the database answers', async () => {
    const res = await request(createApp({ graph: live, logger })).get('/api/health');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: expect.stringMatching(/^(ok|degraded)$/),
      database: {
        reachable: true,
        version: expect.stringMatching(/^5\.26\./),
        edition: 'community',
        name: 'neo4j',
        latencyMs: expect.any(Number),
      },
      plan: { loaded: expect.any(Boolean) },
      // No console database given: the console is off, which health says without failing.
      console: { state: 'off', copiedAt: null },
    });
    // ok means prompt; slower is degraded, with the reason (a loaded machine may be either).
    if (res.body.database.latencyMs > SLOW_MS) {
      expect(res.body).toMatchObject({ status: 'degraded', reason: expect.stringContaining('ms') });
    } else {
      expect(res.body.status).toBe('ok');
      expect(res.body.reason).toBeUndefined();
    }
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers 503 problem+json with Retry-After, within seconds, when the database is down', async () => {
    const down = await openUnreachableGraph();
    try {
      const started = Date.now();
      const res = await request(createApp({ graph: down, logger })).get('/api/health');
      expect(Date.now() - started).toBeLessThan(8000);
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toMatchObject({
        status: 503,
        title: 'Database unavailable',
        type: expect.stringContaining('database-unavailable'),
        health: 'down',
      });
      expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
    } finally {
      await down.close();
    }
  });

  it('answers unknown API paths with a 404 problem', async () => {
    const res = await request(createApp({ graph: live, logger })).get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, title: 'Not found' });
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await request(createApp({ graph: live, logger }))
      .post('/api/health')
      .set('Content-Type', 'application/json')
      .send('{"not json');
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('The request body is not valid JSON.');
  });
});

describe('warming up before the server answers', () => {
  it('runs the first page load’s reads against the database, and says so in the log', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    // Twice: the first run may meet a cold database that times a read out (a loaded
    // machine); the second finds the queries compiled and must succeed.
    await warmUp(live);
    const ms = await warmUp(live, log);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(lines.join('')).toContain('Database warmed up');
    expect(lines.join('')).not.toContain('failed');
  });

  it('never stops a start: with the database down it logs the failure and returns', async () => {
    const down = await openUnreachableGraph();
    try {
      const lines: string[] = [];
      const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
      await expect(warmUp(down, log)).resolves.toEqual(expect.any(Number));
      expect(lines.join('')).toContain('Warming the database up failed; serving anyway');
    } finally {
      await down.close();
    }
  });
});
