import { spawnSync } from 'node:child_process';
import cytoscape from 'cytoscape';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toCyjs } from '../../core/formats/cyjs';
import type { PropertyValue } from '../../core/formats/export-graph';
import { type ExportGraph, SOURCE_LINE } from '../../core/formats/export-graph';
import { toGexf } from '../../core/formats/gexf';
import { toGraphml } from '../../core/formats/graphml';
import { ensureEventsSchema, syncCuratedEvents } from '../../graph/events/event-store';
import type { Graph } from '../../graph/graph';
import { type ExportEvents, readExportEvents } from '../../graph/queries/events-export-query';
import { type ExportView, readExportView } from '../../graph/queries/export-query';
import { readView, type View } from '../../graph/queries/view-query';
import { readCuratedEvents } from '../../scripts/seed-events';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { openSeededGraph } from '../support/seeded-graph';

const GRAPHML_XSD = 'tests/fixtures/graphml/graphml.xsd';

let graph: Graph;
let whole: ExportView;
let drawn: View;
let events: ExportEvents;

/** The whole plan as the client would export it after laying it out on a grid. */
function exportGraph(view: ExportView, language: 'ja' | 'en' = 'en'): ExportGraph {
  return {
    metadata: { title: 'Kizuna test', source: SOURCE_LINE, exportedAt: '2025-01-31', language },
    nodes: view.nodes.map((n, i) => ({
      ...n,
      position: { x: (i % 20) * 80, y: Math.floor(i / 20) * 80 + 0.5 },
    })),
    edges: view.edges,
  };
}

function xmllint(args: string[], input: string) {
  const run = spawnSync('xmllint', ['--noout', '--nonet', ...args, '-'], {
    input,
    encoding: 'utf8',
  });
  if (run.error) throw new Error(`xmllint could not run (npm test installs it): ${run.error}`);
  return run;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  textNodeName: 'text',
  isArray: (name, _path, _leaf, isAttribute) =>
    !isAttribute && ['key', 'node', 'edge', 'data', 'attvalue'].includes(name),
});

const fromNmtoken = (token: string) =>
  token.replace(/_([0-9A-F]+)_/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

beforeAll(async () => {
  graph = await openSeededGraph(inject('neo4j'));
  whole = await readExportView(graph, { limit: 5000 });
  drawn = await readView(graph, { limit: 5000 });
  // The curated events, as the seed brings them in (idempotent; analysts' edits are kept).
  await ensureEventsSchema(graph);
  await syncCuratedEvents(graph, readCuratedEvents(readSeedInputs().model));
  events = await readExportEvents(graph);
});

/** What a reader expects back: lists as the arrays they were, scalars as their text. */
const expectedValue = (v: PropertyValue) => (Array.isArray(v) ? v : String(v));

/** GraphML <data> values decoded: keys whose <desc> says "JSON array" are JSON-parsed. */
function graphmlReader(keys: { id: string; 'attr.name': string; desc?: string }[]) {
  const names = new Map(keys.map((k) => [k.id, k['attr.name']]));
  const lists = new Set(keys.filter((k) => /JSON array/.test(k.desc ?? '')).map((k) => k.id));
  return (data: { key: string; text?: string }[]) =>
    Object.fromEntries(
      data.map((d) => [
        names.get(d.key)!,
        lists.has(d.key) ? (JSON.parse(d.text ?? '') as unknown) : (d.text ?? ''),
      ]),
    );
}
afterAll(async () => {
  await graph.close();
});

describe('the export view', () => {
  it('has the nodes and edges of the view the client draws, with every stored property', async () => {
    expect(whole.nodes.map((n) => n.id)).toEqual(drawn.elements.nodes.map((n) => n.data.id));
    expect(whole.edges.map((e) => e.id).sort()).toEqual(
      drawn.elements.edges.map((e) => e.data.id).sort(),
    );
    const commitment = whole.nodes.find((n) => n.properties.ref === 'I.3.2')!;
    expect(Object.keys(commitment.properties)).toEqual(
      expect.arrayContaining(['text_ja', 'text_en', 'line_start', 'action_ja', 'soft']),
    );
    const involves = whole.edges.find((e) => e.type === 'INVOLVES')!;
    expect(involves.properties).toMatchObject({
      evidence: expect.any(String),
      evidence_start: expect.any(Number),
      role: expect.any(String),
      key: involves.id,
    });
    const theme = whole.nodes.find((n) => n.kind === 'Theme')!;
    expect(theme.properties.aliases).toEqual([]);
  });

  it('narrows with the view filters: pillar I keeps pillar I commitments only', async () => {
    const pillarI = await readExportView(graph, { pillars: ['I'], limit: 5000 });
    const refs = pillarI.nodes.filter((n) => n.kind === 'Commitment').map((n) => n.properties.ref);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(String(ref)).toMatch(/^I\./);
  });
});

describe('GraphML of the whole plan', () => {
  it('validates against the GraphML XML Schema', () => {
    const run = xmllint(['--schema', GRAPHML_XSD], toGraphml(exportGraph(whole)));
    expect(run.stderr).toContain('- validates');
    expect(run.status).toBe(0);
  });

  it('validates with every awkward character the builders escape', () => {
    const nasty: ExportGraph = {
      metadata: { title: '<&"\'>', source: SOURCE_LINE, exportedAt: '2025-01-31', language: 'ja' },
      nodes: [
        {
          id: 'a/b_c|d "e"',
          kind: 'Agency',
          properties: {
            name_ja: '「国連」&<>\u0001\uFFFE\uD800',
            'odd key': ['x', 'y'],
            n: 2 ** 40,
          },
        },
      ],
      edges: [
        { id: 'a|a|0', source: 'a/b_c|d "e"', target: 'a/b_c|d "e"', type: 'X', properties: {} },
      ],
    };
    const run = xmllint(['--schema', GRAPHML_XSD], toGraphml(nasty));
    expect(run.stderr).toContain('- validates');
  });

  it('the schema check is real: a raw id with "/" does not validate', () => {
    const text = toGraphml(exportGraph(whole)).replace(
      'id="jp-mn-2022_2F_I.1.1"',
      'id="jp-mn-2022/I.1.1"',
    );
    const run = xmllint(['--schema', GRAPHML_XSD], text);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/is not a valid value of the atomic type 'xs:NMTOKEN'/);
  });

  it('reads back as the same nodes and edges, with every property', () => {
    const exported = exportGraph(whole);
    const doc = parser.parse(toGraphml(exported)) as {
      graphml: {
        key: { id: string; 'attr.name': string; desc?: string }[];
        graph: {
          node: { id: string; data: { key: string; text?: string }[] }[];
          edge: {
            id: string;
            source: string;
            target: string;
            data: { key: string; text?: string }[];
          }[];
        };
      };
    };
    const values = graphmlReader(doc.graphml.key);
    const nodes = doc.graphml.graph.node;
    expect(nodes.map((n) => fromNmtoken(n.id))).toEqual(whole.nodes.map((n) => n.id));
    nodes.forEach((n, i) => {
      const expected = exported.nodes[i]!;
      const { id: _id, ...properties } = expected.properties;
      expect(values(n.data)).toEqual({
        kind: expected.kind,
        label: expected.properties.name_en,
        x: String(expected.position!.x),
        y: String(expected.position!.y),
        ...Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, expectedValue(v)])),
      });
    });
    const edges = doc.graphml.graph.edge;
    expect(edges.map((e) => [e.id, e.source, e.target].map(fromNmtoken).join(' '))).toEqual(
      whole.edges.map((e) => `${e.id} ${e.source} ${e.target}`),
    );
    edges.forEach((e, i) => {
      const expected = whole.edges[i]!;
      expect(values(e.data)).toEqual({
        type: expected.type,
        label: expected.type,
        ...Object.fromEntries(
          Object.entries(expected.properties).map(([k, v]) => [k, expectedValue(v)]),
        ),
      });
    });
  });
});

describe('GEXF of the whole plan', () => {
  it('is well-formed XML with one node and edge per element of the view, and positions', () => {
    const text = toGexf(exportGraph(whole, 'ja'));
    const run = xmllint([], text);
    expect(run.status, run.stderr).toBe(0);
    const doc = parser.parse(text) as {
      gexf: {
        graph: {
          nodes: {
            node: {
              id: string;
              label: string;
              attvalues: { attvalue: { for: string; value: string }[] };
              'viz:position': { x: string; y: string };
            }[];
          };
          edges: { edge: { source: string; target: string; label: string }[] };
        };
      };
    };
    const nodes = doc.gexf.graph.nodes.node;
    expect(nodes.map((n) => n.id)).toEqual(whole.nodes.map((n) => n.id));
    expect(nodes.map((n) => n.label)).toEqual(whole.nodes.map((n) => n.properties.name_ja));
    expect(nodes[21]!['viz:position']).toMatchObject({ x: '80', y: '80.5' });
    const kinds = (list: string[]) => {
      const counts: Record<string, number> = {};
      for (const k of list) counts[k] = (counts[k] ?? 0) + 1;
      return counts;
    };
    expect(
      kinds(nodes.map((n) => n.attvalues.attvalue.find((v) => v.for === 'kind')!.value)),
    ).toEqual(kinds(whole.nodes.map((n) => n.kind)));
    const edges = doc.gexf.graph.edges.edge;
    expect(edges).toHaveLength(whole.edges.length);
    expect(kinds(edges.map((e) => e.label))).toEqual(kinds(whole.edges.map((e) => e.type)));
  });
});

describe('events in GraphML and GEXF', () => {
  const withEvents = (): ExportGraph => {
    const plan = exportGraph(whole);
    return {
      ...plan,
      nodes: [...plan.nodes, ...events.nodes],
      edges: [...plan.edges, ...events.edges],
    };
  };

  it('has the curated events, each with its source, certainty and origin, and ADVANCES to commitments', () => {
    expect(events.nodes.length).toBeGreaterThanOrEqual(38);
    for (const event of events.nodes) {
      expect(event.kind).toBe('Event');
      expect(event.properties).toMatchObject({
        source_url: expect.stringMatching(/^https?:\/\//),
        source_publisher: expect.any(String),
        source_accessed: expect.any(String),
        certainty: expect.stringMatching(/^(confirmed|uncertain)$/),
        origin: expect.stringMatching(/^(curated|analyst)$/),
        event_kind: expect.any(String),
      });
      // Bookkeeping and account names stay in the database.
      for (const key of ['links', 'deleted', 'created_by', 'updated_by', 'lock_token', 'kind'])
        expect(event.properties, `${event.id} ${key}`).not.toHaveProperty(key);
    }
    const ids = new Set(whole.nodes.map((n) => n.id));
    const kinds = new Map(whole.nodes.map((n) => [n.id, n.kind]));
    expect(events.edges.length).toBeGreaterThan(events.nodes.length);
    for (const edge of events.edges) expect(ids.has(edge.target), edge.id).toBe(true);
    const advances = events.edges.filter((e) => e.type === 'ADVANCES');
    expect(advances.length).toBeGreaterThan(0);
    for (const edge of advances) {
      expect(kinds.get(edge.target)).toBe('Commitment');
      expect(edge.properties.reason).toEqual(expect.any(String));
    }
  });

  it('GraphML validates with the events and reads back their sources, lists as arrays and ADVANCES', () => {
    const exported = withEvents();
    const text = toGraphml(exported);
    const run = xmllint(['--schema', GRAPHML_XSD], text);
    expect(run.status, run.stderr).toBe(0);
    const doc = parser.parse(text) as {
      graphml: {
        key: { id: string; 'attr.name': string; desc?: string }[];
        graph: {
          node: { id: string; data: { key: string; text?: string }[] }[];
          edge: {
            id: string;
            source: string;
            target: string;
            data: { key: string; text?: string }[];
          }[];
        };
      };
    };
    const values = graphmlReader(doc.graphml.key);
    const read = new Map(doc.graphml.graph.node.map((n) => [fromNmtoken(n.id), values(n.data)]));
    for (const event of events.nodes) {
      const { id: _id, ...properties } = event.properties;
      expect(read.get(event.id), event.id).toEqual({
        kind: 'Event',
        label: event.properties.name_en,
        ...Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, expectedValue(v)])),
      });
    }
    const withRefs = events.nodes.find(
      (e) => Array.isArray(e.properties.commitment_refs) && e.properties.commitment_refs.length > 1,
    )!;
    expect(read.get(withRefs.id)!.commitment_refs).toEqual(withRefs.properties.commitment_refs);
    const advances = doc.graphml.graph.edge.filter((e) => values(e.data).type === 'ADVANCES');
    expect(advances).toHaveLength(events.edges.filter((e) => e.type === 'ADVANCES').length);
  });

  it('GEXF declares lists as liststring and reads back the original arrays', () => {
    const text = toGexf(withEvents());
    const run = xmllint([], text);
    expect(run.status, run.stderr).toBe(0);
    const doc = parser.parse(text) as {
      gexf: {
        graph: {
          attributes: { class: string; attribute: { id: string; type: string }[] }[];
          nodes: {
            node: { id: string; attvalues: { attvalue: { for: string; value: string }[] } }[];
          };
        };
      };
    };
    const nodeAttributes = doc.gexf.graph.attributes.find((a) => a.class === 'node')!.attribute;
    const types = Object.fromEntries(nodeAttributes.map((a) => [a.id, a.type]));
    expect(types).toMatchObject({
      commitment_refs: 'liststring',
      pillars: 'liststring',
      aliases: 'liststring',
    });
    const lists = new Set(nodeAttributes.filter((a) => a.type.startsWith('list')).map((a) => a.id));
    const exported = [...whole.nodes, ...events.nodes];
    const byId = new Map(doc.gexf.graph.nodes.node.map((n) => [n.id, n]));
    for (const node of exported) {
      const values = byId.get(node.id)!.attvalues.attvalue;
      for (const v of values.filter((x) => lists.has(x.for)))
        expect(JSON.parse(v.value), `${node.id} ${v.for}`).toEqual(node.properties[v.for]);
    }
  });
});

describe('.cyjs of the whole plan', () => {
  it('loads back into Cytoscape.js with the same elements, data and positions', () => {
    const exported = exportGraph(whole);
    const file = JSON.parse(toCyjs(exported));
    const cy = cytoscape({ headless: true, elements: file.elements, layout: { name: 'preset' } });
    try {
      expect(cy.nodes().length).toBe(whole.nodes.length);
      expect(cy.edges().length).toBe(whole.edges.length);
      for (const node of exported.nodes) {
        const loaded = cy.getElementById(node.id);
        expect(loaded.position()).toEqual(node.position);
        expect(loaded.data()).toEqual({
          ...node.properties,
          kind: node.kind,
          name: node.properties.name_en,
        });
      }
      for (const edge of exported.edges) {
        const loaded = cy.getElementById(edge.id);
        expect([loaded.source().id(), loaded.target().id()]).toEqual([edge.source, edge.target]);
        expect(loaded.data()).toEqual({
          ...edge.properties,
          id: edge.id,
          source: edge.source,
          target: edge.target,
          type: edge.type,
          interaction: edge.type,
        });
      }
    } finally {
      cy.destroy();
    }
  });
});
