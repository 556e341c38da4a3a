import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount } from '../../graph/events/accounts';
import {
  BackupError,
  exportAnalystsData,
  importAnalystsData,
  verifyBackup,
} from '../../graph/events/backup';
import { createEvent, setEventDeleted } from '../../graph/events/event-store';
import type { Graph } from '../../graph/graph';
import { readCuratedAssessments, seedAssessments } from '../../scripts/seed-assessments';
import { readCuratedEvents, seedEvents } from '../../scripts/seed-events';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { createApp } from '../../server/app';
import { hashPassword } from '../../server/routes/auth/password';
import type { ConsoleSandbox } from '../../server/routes/cypher/console-sandbox';
import {
  analystsFingerprint,
  removeAnalystsData,
  wipeAnalystsData,
} from '../support/analysts-data';
import { testConsole } from '../support/console-database';
import { openSeededGraph } from '../support/seeded-graph';

const { model } = readSeedInputs();
const curated = readCuratedEvents(model);
const readings = readCuratedAssessments(model, curated);
let graph: Graph;
let sandbox: ConsoleSandbox;

beforeAll(async () => {
  graph = await openSeededGraph(inject('neo4j'));
  sandbox = testConsole(graph);
  await wipeAnalystsData(graph);
  await seedEvents(graph, curated, () => {});
  await seedAssessments(graph, readings, () => {});
  await createAccount(graph, {
    name: 'backup-editor',
    role: 'editor',
    passwordHash: await hashPassword('a long enough password'),
  });
  const made = await createEvent(
    graph,
    { ...curated[0]!, title_en: 'Analyst copy' },
    'backup-editor',
  );
  await setEventDeleted(graph, made.id, true, null, 'backup-editor');
}, 600_000);

afterAll(async () => {
  if (!graph) return;
  await removeAnalystsData(graph);
  await sandbox.close();
  await graph.close();
});

describe('backup → wipe → restore', () => {
  it('gives back the same analysts data, fingerprint for fingerprint', async () => {
    const before = await analystsFingerprint(graph);
    const backup = JSON.parse(
      JSON.stringify(await exportAnalystsData(graph, { includeSecrets: true })),
    );
    expect(backup.sections.events.count).toBe(curated.length + 1);
    expect(backup.sections.assessments.count).toBe(readings.length);
    expect(backup.sections.users.count).toBe(1);
    expect(backup.sections.audit.count).toBeGreaterThan(curated.length);
    await wipeAnalystsData(graph);
    expect(await analystsFingerprint(graph)).not.toBe(before);
    await importAnalystsData(graph, backup, { replace: false });
    expect(await analystsFingerprint(graph)).toBe(before);
  }, 600_000);

  it('leaves password hashes out unless asked', async () => {
    const plain = await exportAnalystsData(graph, { includeSecrets: false });
    expect(JSON.stringify(plain)).not.toMatch(/scrypt\$/);
    expect(plain.includes_secrets).toBe(false);
  });

  it('refuses an altered file, and will not overwrite existing data without replace', async () => {
    const backup = JSON.parse(
      JSON.stringify(await exportAnalystsData(graph, { includeSecrets: false })),
    );
    const altered = structuredClone(backup);
    altered.sections.events.items[0].title_en = 'tampered';
    expect(() => verifyBackup(altered)).toThrow(/checksum/);
    await expect(importAnalystsData(graph, backup, { replace: false })).rejects.toThrow(
      BackupError,
    );
  });
});

describe('the Cypher console', () => {
  const app = () => createApp({ graph, console: sandbox, logger: pino({ level: 'silent' }) });

  it('reads events', async () => {
    const res = await request(app()).post('/api/cypher').send({
      query:
        "MATCH (e:Event)-[:ADVANCES]->(c:Commitment {ref: 'I.3.6'}) RETURN count(DISTINCT e) AS n",
    });
    expect(res.status).toBe(200);
    expect(res.body.rows[0].n).toBeGreaterThan(2);
  });

  it('can never write them', async () => {
    const before = await analystsFingerprint(graph);
    for (const query of [
      "MATCH (e:Event) SET e.title_en = 'vandalised'",
      'MATCH (e:Event) DETACH DELETE e',
      "CREATE (:Event {id: 'ev-injected'})",
      'MATCH (a:Audit) DELETE a',
    ]) {
      const res = await request(app()).post('/api/cypher').send({ query });
      expect(res.status, query).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(await analystsFingerprint(graph)).toBe(before);
  });
});
