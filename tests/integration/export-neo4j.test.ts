import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toCypherScript } from '../../core/formats/cypher-script';
import { type ExportGraph, SOURCE_LINE } from '../../core/formats/export-graph';
import { ARRAY_DELIMITER, toNeo4jCsv } from '../../core/formats/neo4j-csv';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../core/model/graph-model';
import { ensureEventsSchema, syncCuratedEvents } from '../../graph/events/event-store';
import { type Graph, openGraph, type Row } from '../../graph/graph';
import { type LoadReport, loadGraph, reportLoad } from '../../graph/load-graph';
import { readExportEvents } from '../../graph/queries/events-export-query';
import { readExportView } from '../../graph/queries/export-query';
import { start, stop } from '../../scripts/neo4j/bundled-neo4j';
import { bundledPaths } from '../../scripts/neo4j/bundled-paths';
import { neo4jConf } from '../../scripts/neo4j/neo4j-conf';
import { readCuratedEvents } from '../../scripts/seed-events';
import { readSeedInputs } from '../../scripts/seed-inputs';
import type { BundledNeo4jConfig } from '../../server/config';
import { emptyDatabase, resetToSeededPlan } from '../support/shared-database';
import { throwawayNeo4jConfig } from '../support/throwaway-neo4j';

/**
 * The CSV files and the Cypher script each recreate the seeded plan in an empty database. The
 * CSV import (neo4j-admin) writes a database that is not running, so it gets a throwaway Neo4j
 * of its own beside the one the global setup started. The Cypher script runs against a running
 * server, so it recreates the plan in the shared one, emptied first: what the seeded database
 * held is read before, and the plan is seeded again after (a second server start cost about 30 s).
 */

const log = (message: string) => console.log(`[export neo4j] ${message}`);

let seeded: Graph;
let plan: ExportGraph;
let expectedCounts: LoadReport;
/** The seeded database's contents, read before any describe empties it. */
let seededContents: { nodes: Row[]; relationships: Row[] };

beforeAll(async () => {
  seeded = openGraph(inject('neo4j'));
  const inputs = readSeedInputs();
  await loadGraph(seeded, inputs.model, {
    sourceSha256: inputs.sourceSha256,
    fingerprint: inputs.fingerprint,
  });
  // The curated events, as the seed brings them in: the exports carry them with the plan.
  await ensureEventsSchema(seeded);
  await syncCuratedEvents(seeded, readCuratedEvents(inputs.model));
  const view = await readExportView(seeded, { limit: 5000 });
  const events = await readExportEvents(seeded);
  plan = {
    metadata: {
      title: 'Kizuna test',
      source: SOURCE_LINE,
      exportedAt: '2025-01-31',
      language: 'en',
    },
    nodes: [...view.nodes, ...events.nodes],
    edges: [...view.edges, ...events.edges],
  };
  expectedCounts = await reportLoad(seeded);
  seededContents = await contents(seeded);
});
afterAll(async () => {
  await seeded.close();
});

/** Every Kizuna node's and relationship's properties, in an order both databases share. */
async function contents(graph: Graph): Promise<{ nodes: Row[]; relationships: Row[] }> {
  return {
    nodes: await graph.read(
      `MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels)
       RETURN [l IN labels(n) WHERE l <> 'Entity'] AS labels, properties(n) AS props ORDER BY n.id`,
      { labels: [...NODE_LABELS] },
    ),
    // Deleted events (and so their relationships) are not exported.
    relationships: await graph.read(
      `MATCH (a)-[r]->(b) WHERE type(r) IN $types AND NOT (a:Event AND coalesce(a.deleted, false))
       RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props ORDER BY r.key`,
      { types: [...RELATIONSHIP_TYPES] },
    ),
  };
}

/** A throwaway Neo4j that the test stops and removes whatever happened. */
function throwawayServer() {
  let config: BundledNeo4jConfig | undefined;
  let graph: Graph | undefined;
  return {
    async prepare(): Promise<BundledNeo4jConfig> {
      config = await throwawayNeo4jConfig();
      return config;
    },
    async start(): Promise<Graph> {
      const started = await start(config!, 'neo4j', log);
      graph = openGraph(started.connection);
      return graph;
    },
    async dispose(): Promise<void> {
      await graph?.close();
      if (config) {
        await stop(config, log);
        rmSync(config.home, { recursive: true, force: true });
      }
    },
  };
}

/** The same java the bundled server runs on (scripts/neo4j/bundled-neo4j.ts finds it so). */
const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';

describe('the neo4j-admin CSV files', () => {
  const server = throwawayServer();
  let imported: Graph;
  let importRun: SpawnSyncReturns<string>;

  beforeAll(async () => {
    const config = await server.prepare();
    const paths = bundledPaths(config);
    for (const dir of [paths.conf, paths.data, paths.logs, paths.import])
      mkdirSync(dir, { recursive: true });
    // The import writes into the data folder neo4j.conf names; start() writes the same file again.
    writeFileSync(path.join(paths.conf, 'neo4j.conf'), neo4jConf(paths, config, 'neo4j'));
    const csv = toNeo4jCsv(plan);
    const nodesFile = path.join(paths.import, 'nodes.csv');
    const relationshipsFile = path.join(paths.import, 'relationships.csv');
    writeFileSync(nodesFile, csv.nodes);
    writeFileSync(relationshipsFile, csv.relationships);
    importRun = spawnSync(
      java,
      [
        '--add-opens=java.base/java.nio=ALL-UNNAMED',
        '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
        '--add-opens=java.base/java.io=ALL-UNNAMED',
        '-cp',
        `${paths.lib}/*`,
        'org.neo4j.cli.AdminTool',
        'database',
        'import',
        'full',
        `--nodes=${nodesFile}`,
        `--relationships=${relationshipsFile}`,
        `--array-delimiter=${ARRAY_DELIMITER}`,
        '--multiline-fields=true',
        `--report-file=${path.join(paths.logs, 'import.report')}`,
        'neo4j',
      ],
      {
        encoding: 'utf8',
        cwd: paths.home,
        env: { ...process.env, NEO4J_HOME: paths.home, NEO4J_CONF: paths.conf },
        timeout: 120_000,
      },
    );
    if (importRun.status === 0) imported = await server.start();
  }, 180_000);
  afterAll(async () => {
    await server.dispose();
  }, 60_000);

  it('import without a bad entry', () => {
    expect(importRun.status, `${importRun.stdout}\n${importRun.stderr}`).toBe(0);
    expect(importRun.stdout).toMatch(
      new RegExp(`Imported:\\s+${plan.nodes.length} nodes\\s+${plan.edges.length} relationships`),
    );
    expect(importRun.stdout).not.toMatch(/bad entries/i);
  });

  it('give the same counts per label and relationship type as the seeded graph', async () => {
    const report = await reportLoad(imported);
    expect(report.nodes).toEqual(expectedCounts.nodes);
    expect(report.relationships).toEqual(expectedCounts.relationships);
  });

  it('give the same properties, Japanese texts and evidence offsets, except the empty lists the format cannot hold', async () => {
    const [from, to] = [seededContents, await contents(imported)];
    const withoutEmptyLists = (rows: Row[]) =>
      rows.map((row) => ({
        ...row,
        props: Object.fromEntries(
          Object.entries(row.props as Record<string, unknown>).filter(
            ([, v]) => !(Array.isArray(v) && v.length === 0),
          ),
        ),
      }));
    expect(to.nodes).toEqual(withoutEmptyLists(from.nodes));
    expect(to.relationships).toEqual(from.relationships);
    const [i32] = await imported.read(
      `MATCH (c:Commitment {ref: 'I.3.2'})-[r:INVOLVES]->()
       RETURN c.text_ja AS text, collect(substring(c.text_ja, r.evidence_start, r.evidence_end - r.evidence_start) = r.evidence) AS matches`,
    );
    expect(String(i32!.text)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(i32!.matches).not.toContain(false);
  });
});

// A scenario on one recreated database: the escaping probe is added after the exact-copy check.
describe('the Cypher script', { shuffle: false }, () => {
  let recreated: Graph;
  /** What the seeded database answered, read before it was emptied for the script. */
  let before: {
    schema: Awaited<ReturnType<typeof schema>>;
    fulltext: Row[][];
    contents: { nodes: Row[]; relationships: Row[] };
    underpins: Row[];
    events: Row[];
    advances: Row[];
  };

  const statements = (script: string) =>
    script
      .split(/;$/m)
      .map((s) => s.replace(/^\/\/.*$/gm, '').trim())
      .filter(Boolean);

  // Names and definitions, without ids or states: graph/schema-setup.ts made the seeded
  // ones, core/formats/graph-schema.ts the script's; a difference names what to add. The
  // loader's own staging index is how Kizuna seeds, not part of the dataset.
  const schema = async (graph: Graph) => ({
    constraints: await graph.read(
      `SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties
       RETURN name, type, entityType, labelsOrTypes, properties ORDER BY name`,
    ),
    indexes: await graph.read(
      `SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, options
       WHERE type <> 'LOOKUP' AND NOT name STARTS WITH 'kizuna_staging'
       RETURN name, type, entityType, labelsOrTypes, properties,
              options.indexConfig['fulltext.analyzer'] AS analyzer ORDER BY name`,
    ),
  });
  const fulltextQueries = [
    ['kizuna_text_ja', '外務省'],
    ['kizuna_text_ja', '鉱物資源'],
    ['kizuna_text_en', 'defence'],
  ] as const;
  const fulltext = (graph: Graph) =>
    Promise.all(
      fulltextQueries.map(([index, text]) =>
        graph.read(
          `CALL db.index.fulltext.queryNodes($index, $text) YIELD node
           RETURN node.id AS id ORDER BY id`,
          { index, text },
        ),
      ),
    );
  const underpins = (graph: Graph) =>
    graph.read(
      `MATCH (e:Agreement {id: 'jp-mn-epa'})-[u:UNDERPINS]->(c:Commitment)
       RETURN c.ref AS ref, u.evidence AS evidence, u.evidence_start AS start,
              substring(c.text_ja, u.evidence_start, u.evidence_end - u.evidence_start) AS inText
       ORDER BY ref, start`,
    );
  const events = (graph: Graph) =>
    graph.read(
      `MATCH (e:Event) WHERE coalesce(e.deleted, false) = false
       RETURN e.id AS id, e.source_url AS url, e.source_publisher AS publisher,
              e.source_accessed AS accessed, e.certainty AS certainty, e.origin AS origin,
              e.date AS date, e:Entity AS entity,
              COUNT { (e)-[:ADVANCES]->(:Commitment) } AS advances,
              COUNT { (e)-[:ENGAGES|UNDER|WITHIN]->() } AS others
       ORDER BY id`,
    );
  const advances = (graph: Graph) =>
    graph.read(
      `MATCH (e:Event)-[r:ADVANCES]->(c:Commitment) WHERE NOT coalesce(e.deleted, false)
       RETURN e.id AS event, c.ref AS ref, r.reason AS reason ORDER BY event, ref`,
    );

  beforeAll(async () => {
    before = {
      schema: await schema(seeded),
      fulltext: await fulltext(seeded),
      contents: await contents(seeded),
      underpins: await underpins(seeded),
      events: await events(seeded),
      advances: await advances(seeded),
    };
    await emptyDatabase(seeded);
    expect(await seeded.read('MATCH (n) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
    recreated = seeded;
    for (const statement of statements(toCypherScript(plan))) await recreated.write(statement);
  }, 180_000);
  afterAll(async () => {
    // The next file finds the plan as seeded (and this checks nothing of the script is left).
    await emptyDatabase(seeded);
    await resetToSeededPlan(seeded, inject('seededState'));
  }, 120_000);

  it('recreates the same counts per label and relationship type', async () => {
    const report = await reportLoad(recreated);
    expect(report.nodes).toEqual(expectedCounts.nodes);
    expect(report.relationships).toEqual(expectedCounts.relationships);
  });

  it('recreates every constraint and index the seeded database has, full-text indexes included', async () => {
    // Accounts, sessions, the audit log and the loader's staging label are never exported, nor their schema.
    const exported = (rows: Row[]) =>
      rows.filter(
        (r) =>
          !(r.labelsOrTypes as string[]).some((l) =>
            ['User', 'Session', 'Audit', 'SignInThrottle', 'KizunaStaging'].includes(l),
          ),
      );
    const [from, to] = [before.schema, await schema(recreated)];
    expect(exported(to.constraints)).toEqual(exported(from.constraints));
    expect(exported(to.indexes)).toEqual(exported(from.indexes));
    expect(to.constraints.map((c) => c.name)).toContain('event_id_unique');
    expect(to.indexes.filter((i) => i.type === 'FULLTEXT').map((i) => i.name)).toEqual([
      'kizuna_text_en',
      'kizuna_text_ja',
    ]);
  });

  it('recreates full-text search: a query through the index finds what it finds in the seeded database', async () => {
    const found = await fulltext(recreated);
    fulltextQueries.forEach(([index, text], i) => {
      expect(found[i]!.length, `${index} ${text}`).toBeGreaterThan(0);
      expect(found[i], `${index} ${text}`).toEqual(before.fulltext[i]);
    });
  });

  it('recreates every property exactly, Japanese texts and evidence offsets included', async () => {
    expect(await contents(recreated)).toEqual(before.contents);
    const rows = await underpins(recreated);
    expect(rows).toEqual(before.underpins);
    expect([...new Set(rows.map((r) => r.ref))]).toEqual(['II.2.1', 'II.2.2', 'II.2.4']);
    for (const row of rows) expect(row.inText).toBe(row.evidence);
  });

  it('recreates the events, outside the plan label, with their sources and ADVANCES to commitments', async () => {
    const exported = plan.nodes.filter((n) => n.kind === 'Event');
    expect(exported.length).toBeGreaterThanOrEqual(38);
    const [from, to] = [before.events, await events(recreated)];
    expect(to).toHaveLength(exported.length);
    expect(to).toEqual(from);
    for (const row of to) {
      expect(row.entity, String(row.id)).toBe(false);
      expect(String(row.url)).toMatch(/^https?:\/\//);
    }
    expect(to.reduce((sum, r) => sum + Number(r.advances), 0)).toBeGreaterThan(0);
    const recreatedAdvances = await advances(recreated);
    expect(recreatedAdvances.length).toBeGreaterThan(0);
    expect(recreatedAdvances).toEqual(before.advances);
  });

  it('carries quotes, backslashes, line breaks and control characters through the database unchanged', async () => {
    const awkward = [
      'He said "hi" & \'bye\' <ok>',
      'back\\slash \\u0027 \\n not an escape',
      '改行\n復帰\r\tタブ「引用」',
      'controls \u0001\u0008\u000B\u001F\u007F\u0085 and separators \u2028\u2029 and 😀',
      "'); MATCH (n) DETACH DELETE n; //",
    ];
    const probe: ExportGraph = {
      ...plan,
      nodes: [
        {
          id: 'probe/escaping',
          kind: 'Theme',
          properties: { texts: awkward, first: awkward[0]!, 'odd`key': awkward[4]! },
        },
      ],
      edges: [],
    };
    for (const statement of statements(toCypherScript(probe))) await recreated.write(statement);
    const [row] = await recreated.read(
      `MATCH (t:Theme {id: 'probe/escaping'}) RETURN t.texts AS texts, t.first AS first, t.\`odd\`\`key\` AS odd`,
    );
    expect(row).toEqual({ texts: awkward, first: awkward[0], odd: awkward[4] });
    // Had the last text escaped its literal, the plan would be gone: it is all there, plus the probe.
    const total = (report: LoadReport) => Object.values(report.nodes).reduce((a, b) => a + b, 0);
    expect(total(await reportLoad(recreated))).toBe(total(expectedCounts) + 1);
  });
});
