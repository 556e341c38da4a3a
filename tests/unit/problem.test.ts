import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { HttpProblem, problemHandler, withoutInternals } from '../../server/http/problem';

describe('problem details name no server internals', () => {
  it('strips Java class names from Neo4j messages', () => {
    expect(
      withoutInternals(
        'Neo4j could not run the query: java.lang.IllegalArgumentException: Invalid input for range',
      ),
    ).toBe('Neo4j could not run the query: Invalid input for range');
    expect(withoutInternals('failed: org.neo4j.kernel.impl.Foo$Bar: no')).toBe('failed: no');
    expect(withoutInternals('Unknown node "java"')).toBe('Unknown node "java"');
  });

  it('sends a detail without them, keeping the status and title', async () => {
    const app = express();
    app.get('/q', () => {
      throw new HttpProblem(
        422,
        'Query failed',
        'Neo4j could not run the query: java.lang.IllegalArgumentException: step must not be 0',
      );
    });
    app.use(problemHandler(pino({ level: 'silent' })));
    const res = await request(app).get('/q');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      title: 'Query failed',
      detail: 'Neo4j could not run the query: step must not be 0',
    });
    expect(JSON.stringify(res.body)).not.toContain('java.');
  });

  it('keeps the 4xx an error carries from Express or a library, with its exposed message', async () => {
    const app = express();
    app.get('/e', () => {
      throw Object.assign(new Error('Range Not Satisfiable here'), { status: 416, expose: true });
    });
    app.get('/hidden', () => {
      throw Object.assign(new Error('secret internals'), { status: 409, expose: false });
    });
    app.use(problemHandler(pino({ level: 'silent' })));
    const shown = await request(app).get('/e');
    expect(shown.status).toBe(416);
    expect(shown.body.detail).toBe('Range Not Satisfiable here');
    const hidden = await request(app).get('/hidden');
    expect(hidden.status).toBe(409);
    expect(hidden.body.detail).not.toContain('secret');
  });
});
