import pino from 'pino';
import request from 'supertest';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openGraph } from '../../graph/graph';
import { createApp } from '../../server/app';
import { SLOW_MS } from '../../server/routes/health/health.service';
import { openUnreachableGraph } from '../support/seeded-graph';

const logger = pino({ level: 'silent' });
const live = openGraph(inject('neo4j'));

afterAll(async () => {
  await live.close();
});

describe('GET /api/health', () => {
  it('answers 200 with the Neo4j version and edition when the database answers', async () => {
    const res = await request(createApp({ graph: live, logger })).get('/api/health');
    expect(res.status).toBe(200);
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
