import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GraphView } from '../../core/api/graph';
import type { ImplementationResponse } from '../../core/api/implementation';
import { DATASET_VERSION } from '../../core/dataset';
import { type PublishedManifest, SITE_FILES } from '../../core/published/site-files';
import type { Graph } from '../../graph/graph';
import { readAssessments, readCommitmentRefs } from '../../graph/implementation/assessment-store';
import { readSearchDocs } from '../../graph/queries/search-query';

/** Requests in flight at once: enough to overlap the round trips, few enough for a busy machine. */
const IN_FLIGHT = 8;

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
  const fetchBytes = async (apiPath: string): Promise<Uint8Array> => {
    const response = await fetch(`${app.url}${apiPath}`);
    if (!response.ok)
      throw new Error(`GET ${apiPath} answered ${response.status}: ${await response.text()}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const copy = async (apiPath: string, file: string): Promise<Uint8Array> => {
    const body = await fetchBytes(apiPath);
    write(file, body);
    return body;
  };
  const parsed = <T>(body: Uint8Array) => JSON.parse(new TextDecoder().decode(body)) as T;
  const enc = encodeURIComponent;

  await copy('/api/health', SITE_FILES.health);
  const graph = parsed<GraphView>(await copy('/api/graph?positions=default', SITE_FILES.graph));
  const { events } = parsed<{ events: { id: string }[] }>(
    await copy('/api/events?limit=1000', SITE_FILES.events),
  );
  // Every node the panel can open: the plan's, and the events the timeline lists.
  const ids = [
    ...new Set([...graph.elements.nodes.map((n) => n.data.id), ...events.map((e) => e.id)]),
  ];
  log(`Writing the details and neighbours of ${ids.length} nodes...`);
  await eachInTurn(ids, async (id) => {
    await copy(`/api/nodes/${enc(id)}`, SITE_FILES.node(id));
    await copy(`/api/nodes/${enc(id)}/neighbours?depth=1&limit=200`, SITE_FILES.neighbours(id));
  });

  const today = new Date().toISOString().slice(0, 10);
  const standing = parsed<ImplementationResponse>(
    await fetchBytes(`/api/implementation?as_of=${today}`),
  );
  log(`Writing the assessment histories of ${standing.commitments.length} commitments...`);
  await eachInTurn(standing.commitments, async ({ ref }) => {
    await copy(`/api/implementation/${enc(ref)}`, SITE_FILES.assessmentHistory(ref));
  });
  // What the server's implementation router hands to standingsOn, for any day the reader picks.
  const [commitments, assessments] = await Promise.all([
    readCommitmentRefs(app.graph),
    readAssessments(app.graph),
  ]);
  write(SITE_FILES.implementation, JSON.stringify({ commitments, assessments }));
  write(SITE_FILES.searchDocs, JSON.stringify(await readSearchDocs(app.graph)));

  log('Writing the dataset bundle...');
  await copy('/api/export/bundle', SITE_FILES.bundle);

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
