import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Graph, openGraph } from '../../graph/graph';
import { createApp } from '../../server/app';
import { buildStart, startKizuna } from '../support/kizuna-process';

const logger = pino({ level: 'silent' });
let graph: Graph;

beforeAll(() => {
  graph = openGraph(inject('neo4j'));
});
afterAll(() => graph.close());

/** The page-framing headers the app sends with its pages and its API alike. */
async function framing(frameAncestors?: readonly string[]) {
  const res = await request(createApp({ graph, logger, frameAncestors })).get('/api/openapi.json');
  expect(res.status).toBe(200);
  const csp = String(res.headers['content-security-policy']);
  return {
    frameAncestors: /(?:^|;)frame-ancestors ([^;]*)/.exec(csp)?.[1],
    xFrameOptions: res.headers['x-frame-options'],
  };
}

describe('which pages may show the app in a frame (KIZUNA_FRAME_ANCESTORS)', () => {
  it("is the app's own origin by default, with X-Frame-Options saying the same", async () => {
    expect(await framing()).toEqual({ frameAncestors: "'self'", xFrameOptions: 'SAMEORIGIN' });
  });

  it('lists the configured origins, and sends no X-Frame-Options, which could not name them', async () => {
    expect(await framing(["'self'", 'https://reports.example.org'])).toEqual({
      frameAncestors: "'self' https://reports.example.org",
      xFrameOptions: undefined,
    });
  });

  it("forbids every frame with 'none', and X-Frame-Options denies too", async () => {
    expect(await framing(["'none'"])).toEqual({ frameAncestors: "'none'", xFrameOptions: 'DENY' });
  });

  describe('npm start', () => {
    beforeAll(() => buildStart());

    it('stops at once on a bad value, naming the variable and the value it cannot use', async () => {
      const run = startKizuna({
        KIZUNA_FRAME_ANCESTORS: "'self', https://reports.example.org/briefs",
      });
      expect(await run.exited).toBe(1);
      expect(run.output().trim()).toBe(
        "Invalid configuration: KIZUNA_FRAME_ANCESTORS must be 'self', 'none', or origins such as https://reports.example.org (also https://*.example.org or https:), separated by spaces; not 'self',, https://reports.example.org/briefs (got \"'self', https://reports.example.org/briefs\").",
      );
    });
  });
});
