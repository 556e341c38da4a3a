import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GraphView } from '../../core/api/graph';
import type { ImplementationResponse } from '../../core/api/implementation';
import { DATASET_VERSION } from '../../core/dataset';
import {
  type PublishedImplementation,
  type PublishedManifest,
  SITE_FILES,
} from '../../core/published/site-files';
import type { Graph } from '../../graph/graph';
import { readAssessments, readCommitmentRefs } from '../../graph/implementation/assessment-store';
import { readSearchDocs } from '../../graph/queries/search-query';

/** Requests in flight at once: enough to overlap the round trips, few enough for a busy machine. */
const IN_FLIGHT = 8;

/** Tries of a request the API answered 503 (its database busy: a loaded machine's first reads). */
const ATTEMPTS = 5;

/** Runs `work` over `items`, `IN_FLIGHT` at a time, in no particular order. */
async function eachInTurn<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, worker));
}

/**
 * Writes into `dir` every answer the published client reads, each with the API's own bytes
 * (so the two cannot differ), at the paths core/published/site-files.ts gives; the search
 * documents and the assessments are read through the app's own graph/ queries, the one door
 * to Neo4j. Returns the manifest it wrote.
 */
export async function writeAnswers(
  dir: string,
  app: { url: string; graph: Graph },
  log: (message: string) => void,
): Promise<PublishedManifest> {
  const write = (file: string, body: Uint8Array | string) => {
    const full = path.join(dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, body);
  };
  /** The answer's bytes, or null for a 404 (the published source answers a missing file so). */
  const fetchBytes = async (apiPath: string): Promise<Uint8Array | null> => {
    let response = await fetch(`${app.url}${apiPath}`);
    // A database too busy to answer in the API's deadline (503) is asked again, a little later.
    for (let attempt = 1; response.status === 503 && attempt < ATTEMPTS; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 2_000 * attempt));
      response = await fetch(`${app.url}${apiPath}`);
    }
    if (response.status === 404) return null;
    if (!response.ok)
      throw new Error(`GET ${apiPath} answered ${response.status}: ${await response.text()}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const copy = async (apiPath: string, file: string): Promise<Uint8Array | null> => {
    const body = await fetchBytes(apiPath);
    if (body) write(file, body);
    return body;
  };
  const required = async (apiPath: string, file?: string): Promise<Uint8Array> => {
    const body = file ? await copy(apiPath, file) : await fetchBytes(apiPath);
    if (!body) throw new Error(`GET ${apiPath} answered 404.`);
    return body;
  };
  const parsed = <T>(body: Uint8Array) => JSON.parse(new TextDecoder().decode(body)) as T;
  const enc = encodeURIComponent;

  await required('/api/health', SITE_FILES.health);
  const graph = parsed<GraphView>(await required('/api/graph?positions=default', SITE_FILES.graph));
  const { events } = parsed<{ events: { id: string }[] }>(
    await required('/api/events?limit=1000', SITE_FILES.events),
  );
  // Every node of the graph, whose panel the reader can open. An id the API does not know
  // (an event: its panel is the timeline's, from events.json) stays a missing file, which the
  // published source answers with the same 404.
  const ids = graph.elements.nodes.map((n) => n.data.id);
  log(`Writing the details and neighbours of ${ids.length} nodes...`);
  let unknown = 0;
  await eachInTurn(ids, async (id) => {
    if (!(await copy(`/api/nodes/${enc(id)}`, SITE_FILES.node(id)))) unknown += 1;
    await copy(`/api/nodes/${enc(id)}/neighbours?depth=1&limit=200`, SITE_FILES.neighbours(id));
  });
  if (unknown) log(`(${unknown} of them have no details in the API, as in the live app.)`);

  const today = new Date().toISOString().slice(0, 10);
  const standing = parsed<ImplementationResponse>(
    await required(`/api/implementation?as_of=${today}`),
  );
  log(`Writing the assessment histories of ${standing.commitments.length} commitments...`);
  await eachInTurn(standing.commitments, async ({ ref }) => {
    await required(`/api/implementation/${enc(ref)}`, SITE_FILES.assessmentHistory(ref));
  });
  // What the server's implementation router hands to standingsOn, for any day the reader picks.
  const [commitments, assessments] = await Promise.all([
    readCommitmentRefs(app.graph),
    readAssessments(app.graph),
  ]);
  const implementation: PublishedImplementation = { commitments, assessments };
  write(SITE_FILES.implementation, JSON.stringify(implementation));
  write(SITE_FILES.searchDocs, JSON.stringify(await readSearchDocs(app.graph)));

  log('Writing the dataset bundle...');
  await required('/api/export/bundle', SITE_FILES.bundle);

  const manifest: PublishedManifest = {
    datasetVersion: DATASET_VERSION,
    publishedAt: new Date().toISOString(),
    counts: {
      nodes: graph.elements.nodes.length,
      relationships: graph.elements.edges.length,
      events: events.length,
    },
  };
  write(SITE_FILES.manifest, JSON.stringify(manifest, null, 2));
  return manifest;
}
