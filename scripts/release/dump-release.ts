/**
 * Run inside one checkout of the repository (a release's commit, in a temporary worktree,
 * or the working checkout): builds that checkout's dataset with that checkout's own code and
 * writes what was asked for. Nothing here is imported from the checkout running the
 * release scripts, so a release is rebuilt by the code it was released with; only the
 * adapter below, from the built model to the export's plain graph, is this file's own.
 *
 *   tsx dump-release.ts --root DIR --model OUT.json [--bundle OUT.zip --date YYYY-MM-DD]
 *
 * The model is the seed's GraphModel (scripts/seed-inputs.ts readSeedInputs) with the
 * curated events of seed/data/events.json (scripts/seed-events.ts readCuratedEvents) as
 * Event nodes and their relationships, drawn as the database draws them (graph/events/
 * event-store.ts): with the checkout's own types where it declares them (EVENT_LINKS in
 * core/model/event-fields.ts, ENGAGES and WITHIN since 1.3.0), else the plan's types that
 * events were drawn with before (ADVANCES, INVOLVES, UNDER, PART_OF). The bundle is that graph through the
 * checkout's core/formats/dataset-bundle.ts, dated --date so the same data give the same zip.
 * The bundle holds the events only where the checkout's export did (see exportsEvents).
 * It prints a one-line JSON summary (fingerprint, version, counts) on stdout; on failure,
 * one line on stderr (no stack), and exits 1.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

type Value = string | number | boolean | null | (string | number | boolean | null)[];
type Props = Record<string, Value>;
interface BuiltNode {
  label: string;
  id: string;
  properties: Props;
}
interface BuiltRelationship {
  type: string;
  key: string;
  from: { label: string; id: string };
  to: { label: string; id: string };
  properties: Props;
}
interface CuratedEvent {
  id: string;
  advances: { ref: string; reason: string }[];
  involves: string[];
  under: string[];
  part_of: string[];
  [field: string]: unknown;
}

/** The event's record fields that are links (drawn as relationships) or bookkeeping. */
const EVENT_NOT_PROPERTIES = new Set([
  'id',
  'advances',
  'involves',
  'under',
  'part_of',
  'curated_sha256',
]);

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    model: { type: 'string' },
    bundle: { type: 'string' },
    date: { type: 'string' },
  },
});

async function load<T>(root: string, file: string): Promise<T | undefined> {
  const full = path.join(root, file);
  return existsSync(full) ? ((await import(pathToFileURL(full).href)) as T) : undefined;
}

function withoutNulls(props: Props): Record<string, Exclude<Value, null>> {
  return Object.fromEntries(
    Object.entries(props).filter((entry): entry is [string, Exclude<Value, null>] => {
      return entry[1] !== null;
    }),
  );
}

/** The relationship type each link field of an event is drawn as, before EVENT_LINKS named them. */
const OLDER_EVENT_TYPES: EventTypes = {
  advances: 'ADVANCES',
  involves: 'INVOLVES',
  under: 'UNDER',
  part_of: 'PART_OF',
};
type EventTypes = Record<'advances' | 'involves' | 'under' | 'part_of', string>;

function eventsAsGraph(
  events: CuratedEvent[],
  nodes: BuiltNode[],
  types: EventTypes,
): { nodes: BuiltNode[]; relationships: BuiltRelationship[] } {
  const commitmentByRef = new Map(
    nodes.filter((n) => n.label === 'Commitment').map((n) => [String(n.properties.ref), n]),
  );
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const eventNodes: BuiltNode[] = [];
  const relationships: BuiltRelationship[] = [];
  for (const event of events) {
    const properties: Props = { origin: 'curated' };
    for (const [name, value] of Object.entries(event))
      if (!EVENT_NOT_PROPERTIES.has(name) && value !== undefined) properties[name] = value as Value;
    eventNodes.push({ label: 'Event', id: event.id, properties });
    const from = { label: 'Event', id: event.id };
    const link = (type: string, target: BuiltNode | undefined, extra: Props = {}) => {
      if (!target) return;
      relationships.push({
        type,
        key: `${type}|${event.id}|${target.id}`,
        from,
        to: { label: target.label, id: target.id },
        properties: extra,
      });
    };
    for (const a of event.advances)
      link(types.advances, commitmentByRef.get(a.ref), { reason: a.reason });
    for (const id of event.involves) link(types.involves, byId.get(id));
    for (const id of event.under) link(types.under, byId.get(id));
    for (const id of event.part_of) link(types.part_of, byId.get(id));
  }
  return { nodes: eventNodes, relationships };
}

async function main(): Promise<void> {
  const root = path.resolve(values.root ?? process.cwd());
  const inputs = await load<{
    readSeedInputs: () => {
      fingerprint: string;
      model: { nodes: BuiltNode[]; relationships: BuiltRelationship[] };
    };
  }>(root, 'scripts/seed-inputs.ts');
  if (!inputs) throw new Error(`${root} has no scripts/seed-inputs.ts to build the graph with.`);
  const { fingerprint, model } = inputs.readSeedInputs();
  const seedEvents = await load<{ readCuratedEvents: (model: unknown) => CuratedEvent[] }>(
    root,
    'scripts/seed-events.ts',
  );
  const fields = await load<{
    EVENT_LINKS?: Partial<Record<keyof EventTypes, { type?: string }>>;
  }>(root, 'core/model/event-fields.ts');
  const links = fields?.EVENT_LINKS;
  // Older checkouts keyed EVENT_LINKS by the plan type itself, with no `type` per field.
  const typed =
    links?.advances?.type && links.involves?.type && links.under?.type && links.part_of?.type;
  const types: EventTypes = typed
    ? {
        advances: links.advances!.type!,
        involves: links.involves!.type!,
        under: links.under!.type!,
        part_of: links.part_of!.type!,
      }
    : OLDER_EVENT_TYPES;
  const events = eventsAsGraph(seedEvents?.readCuratedEvents(model) ?? [], model.nodes, types);
  const nodes = [...model.nodes, ...events.nodes];
  const relationships = [...model.relationships, ...events.relationships];
  const versionFile = path.join(root, 'core', 'dataset-version.json');
  const recorded = existsSync(versionFile)
    ? (JSON.parse(readFileSync(versionFile, 'utf8')) as { version: string })
    : undefined;

  if (values.model) {
    const dump = {
      nodes: nodes.map((n) => ({ label: n.label, id: n.id, properties: n.properties })),
      relationships: relationships.map((r) => ({
        type: r.type,
        key: r.key,
        from: r.from.id,
        to: r.to.id,
        properties: r.properties,
      })),
    };
    writeFileSync(values.model, `${JSON.stringify(dump)}\n`);
  }

  let bundled: { events: number } | null = null;
  if (values.bundle) {
    const bundle = await load<{
      buildDatasetBundle: (
        graph: unknown,
        sha256: (data: Uint8Array) => string,
      ) => { zip: Uint8Array; manifest: { counts: { nodes: number; relationships: number } } };
    }>(root, 'core/formats/dataset-bundle.ts');
    if (!bundle)
      throw new Error(`${root} has no dataset bundle builder (core/formats/dataset-bundle.ts).`);
    const dataset = await load<{ datasetStamp: (fingerprint: string) => unknown }>(
      root,
      'core/dataset.ts',
    );
    const exportGraph = await load<{ SOURCE_LINE: string }>(root, 'core/formats/export-graph.ts');
    const date = values.date ?? new Date().toISOString().slice(0, 10);
    // Events joined the exports with graph/queries/events-export-query.ts; a checkout
    // without it exported the plan alone (its Cypher script refuses an Event node).
    const exportsEvents = existsSync(path.join(root, 'graph/queries/events-export-query.ts'));
    // As the server's whole-plan export lays it out: plan nodes, then events by date;
    // the id as a node property and the key as a relationship property, no nulls.
    const sortedEvents = (exportsEvents ? [...events.nodes] : []).sort(
      (a, b) =>
        String(a.properties.date).localeCompare(String(b.properties.date)) ||
        a.id.localeCompare(b.id),
    );
    const exportNode = (n: BuiltNode) => {
      const properties: Record<string, Exclude<Value, null>> = {
        id: n.id,
        ...withoutNulls(n.properties),
      };
      if (n.label !== 'Event') return { id: n.id, kind: n.label, properties };
      // An event's kind travels as event_kind: GraphML and GEXF use `kind` for the label.
      const { kind, ...rest } = properties;
      return { id: n.id, kind: n.label, properties: { ...rest, event_kind: kind } };
    };
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const exportEdge = (r: BuiltRelationship) => ({
      id: r.key,
      source: r.from.id,
      target: r.to.id,
      type: r.type,
      properties: { ...withoutNulls(r.properties), key: r.key },
    });
    const graph = {
      metadata: {
        title: `Kizuna: Japan–Mongolia Action Plan 2022–2031, the whole plan${sortedEvents.length > 0 ? `, with ${sortedEvents.length} dated events` : ''}`,
        source: exportGraph?.SOURCE_LINE ?? '',
        exportedAt: date,
        language: 'en',
        ...(dataset ? { dataset: dataset.datasetStamp(fingerprint) } : {}),
      },
      nodes: [...model.nodes.map(exportNode), ...sortedEvents.map(exportNode)],
      edges: [
        ...model.relationships.map(exportEdge).sort(byId),
        ...(exportsEvents ? events.relationships : []).map(exportEdge).sort(byId),
      ],
    };
    const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
    const { zip } = bundle.buildDatasetBundle(graph, sha256);
    writeFileSync(values.bundle, zip);
    bundled = { events: sortedEvents.length };
  }
  console.log(
    JSON.stringify({
      fingerprint,
      version: recorded?.version ?? null,
      nodes: nodes.length,
      relationships: relationships.length,
      events: events.nodes.length,
      bundle: bundled,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
