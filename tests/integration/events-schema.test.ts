import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEvent, listEvents, readEvent, updateEvent } from '../../graph/events/event-store';
import type { Graph } from '../../graph/graph';
import { loadGraph } from '../../graph/load-graph';
import { readCuratedEvents, seedEvents } from '../../scripts/seed-events';
import { readSeedInputs } from '../../scripts/seed-inputs';
import {
  analystsFingerprint,
  removeAnalystsData,
  wipeAnalystsData,
} from '../support/analysts-data';
import { openSeededGraph } from '../support/seeded-graph';

const inputs = readSeedInputs();
const curated = readCuratedEvents(inputs.model);
const quiet = () => {};
let graph: Graph;

/** The example queries of the Events section of docs/schema.md, by name. */
function eventExamples(): Map<string, string> {
  const doc = readFileSync('docs/schema.md', 'utf8');
  const out = new Map<string, string>();
  for (const m of doc.matchAll(/<!-- event-example: ([a-z0-9-]+) -->\s*```cypher\n([\s\S]*?)```/g))
    out.set(m[1]!, m[2]!);
  return out;
}

beforeAll(async () => {
  graph = await openSeededGraph(inject('neo4j'));
  await wipeAnalystsData(graph);
  await seedEvents(graph, curated, quiet);
}, 600_000);

afterAll(async () => {
  if (!graph) return;
  await removeAnalystsData(graph);
  await graph.close();
});

describe('the curated events in the graph', () => {
  it('are all loaded, each linked to what its entry names', async () => {
    const [row] = await graph.read(
      `MATCH (e:Event) RETURN count(e) AS events,
         COUNT { (:Event)-[:ADVANCES]->(:Commitment) } AS advances,
         COUNT { (:Event)-[:WITHIN]->(:Program) } AS partOf`,
    );
    expect(row!.events).toBe(curated.length);
    expect(row!.advances).toBe(curated.reduce((n, e) => n + e.advances.length, 0));
    expect(row!.partOf).toBe(curated.reduce((n, e) => n + e.part_of.length, 0));
  });

  it('answer the documented example queries', async () => {
    const examples = eventExamples();
    expect([...examples.keys()]).toEqual([
      'defence-equipment',
      'quiet-since-2024',
      'activity-per-pillar',
      'layer-counts',
    ]);
    const defence = await graph.read(examples.get('defence-equipment')!);
    expect(defence.map((r) => r.date)).toContain('2024-09-22');
    expect(defence.every((r) => String(r.source).startsWith('http'))).toBe(true);
    const quietRows = await graph.read(examples.get('quiet-since-2024')!);
    expect(quietRows.map((r) => r.pillar)).toEqual(['I', 'II', 'III', 'IV']);
    const total = quietRows.reduce((n, r) => n + Number(r.quiet), 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(86);
    const activity = await graph.read(examples.get('activity-per-pillar')!);
    expect(new Set(activity.map((r) => r.pillar))).toEqual(new Set(['I', 'II', 'III', 'IV']));
    const counts = await graph.read(examples.get('layer-counts')!);
    const linked = (field: 'advances' | 'involves' | 'under' | 'part_of') =>
      curated.filter((e) => e[field].length > 0);
    expect(counts).toEqual(
      (
        [
          ['ADVANCES', 'advances'],
          ['ENGAGES', 'involves'],
          ['UNDER', 'under'],
          ['WITHIN', 'part_of'],
        ] as const
      ).map(([type, field]) => ({
        type,
        relationships: linked(field).reduce((n, e) => n + e[field].length, 0),
        events: linked(field).length,
      })),
    );
  });

  it('filter by date range, commitment, agency and pillar', async () => {
    const in2024 = await listEvents(graph, { from: '2024-01-01', to: '2024-12-31', limit: 500 });
    expect(in2024.length).toBeGreaterThan(3);
    expect(in2024.every((e) => e.date_end >= '2024-01-01' && e.date_start <= '2024-12-31')).toBe(
      true,
    );
    const i36 = await listEvents(graph, { commitment: 'I.3.6', limit: 500 });
    expect(i36.every((e) => e.advances.some((a) => a.ref === 'I.3.6'))).toBe(true);
    const modJp = await listEvents(graph, { agency: 'mod-jp', limit: 500 });
    expect(modJp.every((e) => e.involves.includes('mod-jp'))).toBe(true);
    expect(modJp.length).toBeGreaterThan(0);
    const pillar4 = await listEvents(graph, { pillar: 'IV', limit: 500 });
    expect(pillar4.every((e) => e.pillars.includes('IV'))).toBe(true);
  });
});

describe('reseeding the plan', () => {
  it('leaves events, their links and the audit log identical, and keeps an analyst edit', async () => {
    const target = (await readEvent(graph, curated[0]!.id))!;
    const edited = await updateEvent(
      graph,
      target.id,
      target.version,
      { ...curated[0]!, title_en: 'Edited by an analyst' },
      'analyst-a',
    );
    expect(edited.status).toBe('ok');
    await createEvent(graph, { ...curated[1]!, title_en: 'An analyst event' }, 'analyst-a');
    const before = await analystsFingerprint(graph);

    await loadGraph(graph, inputs.model, {
      sourceSha256: inputs.sourceSha256,
      fingerprint: inputs.fingerprint,
    });
    await seedEvents(graph, curated, quiet);
    expect(await analystsFingerprint(graph)).toBe(before);

    // Even a reset (every plan node recreated) loses no event and, after the event sync, no link.
    await loadGraph(graph, inputs.model, {
      reset: true,
      sourceSha256: inputs.sourceSha256,
      fingerprint: inputs.fingerprint,
    });
    await seedEvents(graph, curated, quiet);
    expect(await analystsFingerprint(graph)).toBe(before);
    expect((await readEvent(graph, target.id))!.title_en).toBe('Edited by an analyst');
  }, 600_000);

  it('replaces a changed curated entry only while no analyst has edited it', async () => {
    const untouched = curated[2]!;
    const changed = curated.map((e) =>
      e.id === untouched.id || e.id === curated[0]!.id
        ? { ...e, summary_en: `${e.summary_en} (revised)`, curated_sha256: `${e.curated_sha256}x` }
        : e,
    );
    const report = await seedEvents(graph, changed, quiet);
    expect(report.updated).toBe(1);
    expect(report.keptEdited).toEqual([curated[0]!.id]);
    expect((await readEvent(graph, untouched.id))!.summary_en).toMatch(/\(revised\)$/);
    expect((await readEvent(graph, curated[0]!.id))!.title_en).toBe('Edited by an analyst');
  });
});
