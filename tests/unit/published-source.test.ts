import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/api';
import { chooseSource } from '../../client/data/choose-source';
import { publishedSource } from '../../client/data/published-source';
import type { Assessment } from '../../core/model/implementation';
import { implementationOn } from '../../core/model/implementation-standing';
import {
  type PublishedImplementation,
  type PublishedManifest,
  SITE_FILES,
} from '../../core/published/site-files';
import { buildSearchIndex, type SearchDoc, searchPlan } from '../../core/search/plan-search';
import { readSeedInputs } from '../../scripts/seed-inputs';

/**
 * The client's published data source (client/data/published-source.ts) over a site held in
 * memory: which files it reads (relative to the page, never /api), and that search and the
 * implementation standings are the server's own answers computed from those files.
 */

const PAGE = 'https://reports.example.org/briefings/kizuna/index.html';
const SITE = 'https://reports.example.org/briefings/kizuna/';

const { model } = readSeedInputs();
const docs: SearchDoc[] = model.nodes.map((n) => ({
  id: n.id,
  kind: n.label,
  props: n.properties,
}));

const assessment = (ref: string, as_of: string, status: Assessment['status']): Assessment => ({
  id: `as-${ref}-${as_of}`,
  ref,
  origin: 'curated',
  status,
  as_of,
  evidence: [],
  note: `Reading of ${ref} on ${as_of}.`,
  assessed_by: 'curation',
  assessed_at: `${as_of}T00:00:00Z`,
});

const implementation: PublishedImplementation = {
  commitments: [
    { ref: 'I.1.1', pillar: 'I' },
    { ref: 'II.2.1', pillar: 'II' },
  ],
  assessments: [
    assessment('I.1.1', '2023-01-10', 'limited'),
    assessment('I.1.1', '2025-03-01', 'substantial'),
  ],
};

const manifest: PublishedManifest = {
  datasetVersion: '1.4.0',
  publishedAt: '2026-12-08T00:00:00Z',
  counts: { nodes: 2, relationships: 0, events: 1 },
};

const NODE_ID = 'agreement/eb-2016';

/** The site's files by their path under the site's folder. */
const files = new Map<string, unknown>([
  [SITE_FILES.manifest, manifest],
  [SITE_FILES.health, { status: 'ok' }],
  [SITE_FILES.graph, { elements: { nodes: [], edges: [] } }],
  [SITE_FILES.events, { events: [{ id: 'ev-one' }] }],
  [SITE_FILES.implementation, implementation],
  [SITE_FILES.searchDocs, docs],
  [SITE_FILES.node(NODE_ID), { id: NODE_ID }],
  [SITE_FILES.neighbours(NODE_ID), { elements: { nodes: [], edges: [] } }],
  [SITE_FILES.assessmentHistory('I.1.1'), { ref: 'I.1.1', revision: 2, history: [] }],
]);

/** A static host over `files` that notes every address asked for. */
function staticHost() {
  const asked: string[] = [];
  const read = async (url: URL) => {
    asked.push(url.href);
    const path = url.href.startsWith(SITE) ? decodeURI(url.href.slice(SITE.length)) : null;
    const body = path === null ? undefined : files.get(path);
    return body === undefined
      ? new Response('not found', { status: 404 })
      : new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
  };
  return { asked, source: publishedSource(PAGE, read) };
}

describe('the published data source', () => {
  it('reads every answer from the site’s data folder, relative to the page, and nothing from /api', async () => {
    const { asked, source } = staticHost();
    expect(await source.manifest()).toEqual(manifest);
    expect(await source.health()).toEqual({ status: 'ok' });
    expect(await source.wholePlan()).toEqual({ elements: { nodes: [], edges: [] } });
    expect(await source.node(NODE_ID)).toEqual({ id: NODE_ID });
    await source.neighbours(NODE_ID);
    expect(await source.events(false)).toEqual([{ id: 'ev-one' }]);
    await source.history('I.1.1');
    await source.standings('2024-06-30');
    await source.search('モンゴル');
    expect(asked.length).toBe(9);
    for (const url of asked) {
      expect(url.startsWith(`${SITE}data/`), url).toBe(true);
      expect(url).not.toMatch(/\/api\//);
    }
    // A node id's "/" stays inside the file's name: one file, not a folder.
    expect(asked).toContain(`${SITE}data/nodes/agreement~2f~eb-2016.json`);
  });

  it('offers no path finder, no sign-in, no writes and no server exports, and answers “signed out” unasked', async () => {
    const { asked, source } = staticHost();
    expect(source.edition).toBe('published');
    expect(source.paths).toBeNull();
    expect(source.writes).toBeNull();
    expect(source.serverExports).toBeNull();
    expect(await source.session()).toEqual({
      account: null,
      csrf_token: null,
      require_sign_in: false,
    });
    expect(asked).toEqual([]);
    expect(source.bundleUrl('en', true)).toBe(`${SITE}downloads/kizuna-dataset.zip`);
  });

  it('searches with the server’s code and options, building the index once', async () => {
    const { asked, source } = staticHost();
    const index = buildSearchIndex(docs);
    for (const q of ['Mongolia', 'モンゴル', 'eco bank', 'EPA', 'ｅｐａ', 'スポーツ', 'koala']) {
      const answer = await source.search(q);
      expect(answer, q).toEqual(searchPlan(index, q, { limit: 12 }));
    }
    expect(asked.filter((url) => url.endsWith(SITE_FILES.searchDocs))).toHaveLength(1);
  });

  it('says a replaced query was aborted, as fetch would', async () => {
    const { source } = staticHost();
    const controller = new AbortController();
    controller.abort();
    await expect(source.search('Mongolia', controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('answers the implementation standings of any day as the server does', async () => {
    const { source } = staticHost();
    for (const day of ['2022-12-01', '2024-06-30', '2026-01-01']) {
      const answer = await source.standings(day);
      expect(answer).toEqual(
        implementationOn(implementation.commitments, implementation.assessments, day),
      );
    }
    const before = await source.standings('2022-12-01');
    expect(before.commitments.map((c) => c.status)).toEqual(['no_evidence', 'no_evidence']);
    const later = await source.standings('2026-01-01');
    expect(later.commitments[0]!.status).toBe('substantial');
  });

  it('turns a missing file into the API’s 404, naming what is missing', async () => {
    const { source } = staticHost();
    const error = await source.node('agreement/none').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, title: 'Unknown node' });
    expect((error as ApiError).message).toContain('agreement/none');
    await expect(source.history('IX.9.9')).rejects.toMatchObject({
      status: 404,
      title: 'Unknown commitment',
    });
  });

  it('turns an unreadable file (a file:// page in Chromium) into an ApiError of status 0', async () => {
    const source = publishedSource(PAGE, () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(source.wholePlan()).rejects.toMatchObject({ status: 0 });
  });

  it('holds no address of the API in its code', () => {
    const code = readFileSync('client/data/published-source.ts', 'utf8');
    expect(code).not.toMatch(/['`"]\/api/);
    expect(code).not.toMatch(/live-source/);
  });
});

describe('choosing the data source at start', () => {
  const page = (meta: boolean) => ({
    baseURI: PAGE,
    querySelector: (selector: string) =>
      meta && selector === 'meta[name="kizuna-data"]' ? ({} as Element) : null,
  });

  it('reads the files where the page carries the publish script’s meta tag', () => {
    expect(chooseSource(page(true) as unknown as Document).edition).toBe('published');
  });

  it('asks the live API everywhere else, with its paths, sign-in and server exports', () => {
    const live = chooseSource(page(false) as unknown as Document);
    expect(live.edition).toBe('live');
    expect(live.paths).not.toBeNull();
    expect(live.writes).not.toBeNull();
    expect(live.serverExports?.wholeGraphUrl('graphml', 'ja', false)).toBe(
      '/api/export?format=graphml&lang=ja&events=false',
    );
  });
});
