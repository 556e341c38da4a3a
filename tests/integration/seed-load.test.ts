import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { datasetNodeProperties, shortFingerprint } from '../../core/dataset';
import { VERSION_MENTION_FILES } from '../../core/version-mentions';
import { type Graph, openGraph } from '../../graph/graph';
import { loadGraph, RETIRED, reportLoad, STAGING } from '../../graph/load-graph';
import { FOREIGN_LABELS } from '../../graph/queries/entity';
import { DEFAULT_DATA_DIR, readSeedInputs } from '../../scripts/seed-inputs';
import { dbFingerprint } from '../support/db-fingerprint';

const inputs = readSeedInputs();
const options = { sourceSha256: inputs.sourceSha256, fingerprint: inputs.fingerprint };
let graph: Graph;

const EXPECTED_NODES = {
  Agency: 22,
  Agreement: 14,
  Area: 11,
  Commitment: 86,
  Country: 4,
  Framework: 16,
  Pillar: 4,
  Place: 6,
  Plan: 1,
  Program: 23,
  Target: 2,
  Theme: 26,
};

beforeAll(async () => {
  graph = openGraph(inject('neo4j'));
  await loadGraph(graph, inputs.model, { ...options, reset: true });
});
afterAll(async () => {
  await graph.close();
});

function seedCli(args: string[]) {
  const connection = inject('neo4j');
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      NEO4J_URI: connection.uri,
      NEO4J_PASSWORD: connection.password,
      NEO4J_USER: connection.user,
    },
    timeout: 110_000,
  });
}

describe('loading the plan into the real Neo4j', () => {
  it('loads every label with the counts of the model', async () => {
    const report = await reportLoad(graph);
    expect(report.nodes).toEqual(EXPECTED_NODES);
    const byType = Object.fromEntries(
      Object.entries(groupByType(inputs.model.relationships)).map(([t, rs]) => [t, rs!.length]),
    );
    expect(report.relationships).toEqual(byType);
  });

  it('stores one relationship per (start, type, end), with every piece of evidence in lists', async () => {
    const twice = await graph.read(
      `MATCH (a)-[r]->(b) WITH a, b, type(r) AS type, count(r) AS n WHERE n > 1 RETURN count(*) AS pairs`,
    );
    expect(twice[0]!.pairs).toBe(0);
    const [mongolia] = await graph.read(
      `MATCH (c:Commitment {ref: 'III.1.3'})-[r:INVOLVES]->(:Country {id: 'mongolia'})
       RETURN r.evidence AS evidence, r.evidences AS evidences, r.evidence_starts AS starts,
              r.roles AS roles, r.role AS role, r.evidence_count AS n,
              [i IN range(0, size(r.evidences) - 1) |
                substring(c.text_ja, r.evidence_starts[i], r.evidence_ends[i] - r.evidence_starts[i])] AS in_text`,
    );
    expect(mongolia).toMatchObject({ n: 4, role: 'actor', evidence: 'モンゴル' });
    expect(mongolia!.in_text).toEqual(mongolia!.evidences);
    expect((mongolia!.roles as string[]).length).toBe(4);
  });

  it('writes one :Dataset node naming the release that README, docs and CITATION.cff cite', async () => {
    const rows = await graph.read('MATCH (d:Dataset) RETURN properties(d) AS d');
    expect(rows).toHaveLength(1);
    const d = rows[0]!.d as Record<string, string>;
    expect(d).toMatchObject(datasetNodeProperties(inputs.fingerprint));
    expect(Date.parse(d.built_at!)).toBeGreaterThan(Date.parse('2026-01-01'));
    // Run with the released data, this ties the database to what the project cites; with
    // edited data the version carries "+data.<fingerprint>" and so cannot pass for the release.
    const cff = readFileSync('CITATION.cff', 'utf8');
    const cited = `(version ${d.version}, data fingerprint sha256:${shortFingerprint(d.fingerprint!)})`;
    expect(cff).toContain(`version: "${d.version}"`);
    expect(cff).toContain(`sha256:${d.fingerprint}`);
    for (const file of VERSION_MENTION_FILES)
      expect(readFileSync(file, 'utf8'), file).toContain(cited);
  });

  it('is idempotent: loading twice leaves an identical graph', async () => {
    const before = await dbFingerprint(graph);
    await loadGraph(graph, inputs.model, options);
    expect(await dbFingerprint(graph)).toBe(before);
  });

  it('is all or nothing: a load that fails half-way leaves the database as it was', async () => {
    const before = await dbFingerprint(graph);
    const broken = structuredClone(inputs.model);
    broken.nodes.find((n) => n.id === 'jp-mn-2022/I.1.1')!.properties.text_en =
      'changed in a load that must not land';
    // A relationship to a node that exists nowhere: the load fails after the nodes are written.
    const implemented = broken.relationships.find((r) => r.type === 'IMPLEMENTED_VIA')!;
    broken.relationships.push({
      ...implemented,
      to: { label: 'Program', id: 'no-such-program' },
      key: 'broken',
    });
    await expect(loadGraph(graph, broken, options)).rejects.toThrow(
      /IMPLEMENTED_VIA relationships .* found both ends; nothing was written/,
    );
    expect(await dbFingerprint(graph)).toBe(before);
    const [staged] = await graph.read(`MATCH (n:${STAGING}) RETURN count(n) AS n`);
    expect(staged?.n).toBe(0);
  });

  it('writes in batches beside the live plan, which it replaces in one swap; a dead load leaves nothing behind', async () => {
    const before = await dbFingerprint(graph);
    // What a load killed half-way leaves: staging nodes of its own, or retired plan nodes.
    await graph.write(
      `CREATE (:${STAGING} {id: 'jp-mn-2022/I.1.1', _label: 'Commitment', load: 'killed'})
       CREATE (:${RETIRED} {id: 'jp-mn-2022/I.1.1'})`,
    );
    // An analyst's link to a plan node moves to the node that replaces it.
    await graph.write(
      `MATCH (c:Commitment {id: 'jp-mn-2022/I.1.1'})
       CREATE (:Event {id: 'probe-event'})-[:ADVANCES {reason: 'probe'}]->(c)`,
    );
    await loadGraph(graph, inputs.model, options);
    const [left] = await graph.read(
      `MATCH (n) WHERE n:${STAGING} OR n:${RETIRED} RETURN count(n) AS n`,
    );
    expect(left?.n).toBe(0);
    const moved = await graph.read(
      `MATCH (:Event {id: 'probe-event'})-[r:ADVANCES]->(c:Commitment:Entity)
       RETURN c.id AS id, r.reason AS reason`,
    );
    expect(moved).toEqual([{ id: 'jp-mn-2022/I.1.1', reason: 'probe' }]);
    await graph.write(`MATCH (e:Event {id: 'probe-event'}) DETACH DELETE e`);
    expect(await dbFingerprint(graph)).toBe(before);
  });

  it('enforces one node per id with uniqueness constraints', async () => {
    const rows = await graph.read(
      `SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type
       WHERE type = 'UNIQUENESS' AND labelsOrTypes[0] <> 'Entity' AND NOT labelsOrTypes[0] IN $foreign
       RETURN labelsOrTypes[0] AS label`,
      // Analysts' data (events, accounts, audit) has its own constraints in the same database.
      { foreign: [...FOREIGN_LABELS] },
    );
    expect(rows.map((r) => r.label).sort()).toEqual(
      [...Object.keys(EXPECTED_NODES), 'Dataset'].sort(),
    );
    await expect(graph.write(`CREATE (:Agency {id: 'japan'})`)).resolves.toBeDefined();
    await expect(graph.write(`CREATE (:Country {id: 'japan'})`)).rejects.toThrow(/already exists/);
    await graph.write(`MATCH (a:Agency {id: 'japan'}) DELETE a`);
  });

  it('finds Japanese and English through the full-text indexes', async () => {
    const ja = await graph.read(
      `CALL db.index.fulltext.queryNodes('kizuna_text_ja', $q) YIELD node RETURN node.id AS id LIMIT 5`,
      { q: '"カーン・クエスト"' },
    );
    expect(ja.map((r) => r.id)).toContain('khaan-quest');
    const en = await graph.read(
      `CALL db.index.fulltext.queryNodes('kizuna_text_en', $q) YIELD node RETURN node.id AS id LIMIT 5`,
      { q: 'peacekeeping' },
    );
    expect(en.map((r) => r.id)).toContain('un-pko');
  });
});

describe('npm run seed', () => {
  it('prints what it loaded per label and relationship type, and the unlinked commitments', () => {
    const run = seedCli([]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Commitment\s+86/);
    expect(run.stdout).toMatch(/UNDERPINS\s+9/);
    expect(run.stdout).toMatch(/Commitments that name no entity: \d+/);
  }, 120_000);

  it('refuses a malformed gazetteer before the first write, naming the file and the entry', async () => {
    const before = await dbFingerprint(graph);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kizuna-data-'));
    try {
      cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
      const file = path.join(dir, 'gazetteer.json');
      const json = JSON.parse(readFileSync(file, 'utf8'));
      json.entities[7].aliases = [];
      writeFileSync(file, JSON.stringify(json));
      const run = seedCli(['--reset', '--data', dir]);
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(
        `CurationError: ${file}: entities[7] ("mod-jp").aliases: must list at least one surface form from the document`,
      );
      expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
      expect(await dbFingerprint(graph)).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function groupByType<T extends { type: string }>(items: T[]): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const item of items) out[item.type] = [...(out[item.type] ?? []), item];
  return out;
}
