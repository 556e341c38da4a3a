import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { DATASET_LICENSE, DATASET_SOURCE, DATASET_TITLE, datasetStamp } from '../../core/dataset';
import { EXPORT_FORMATS } from '../../core/formats/export-formats';
import type { ExportGraph, ExportNode } from '../../core/formats/export-graph';
import {
  KIZUNA_VOCAB,
  nodeIri,
  relationshipIri,
  toJsonLd,
  toJsonLdDocument,
} from '../../core/formats/jsonld';
import { edge, graph, node, theme } from '../support/export-graph-fixture';

/**
 * The JSON-LD export, parsed into RDF quads by digitalbazaar's jsonld (the W3C JSON-LD
 * processor), in safe mode, with a document loader that refuses the network: the context
 * must be all inline, and no value may be dropped as an invalid IRI or term.
 */

interface Term {
  termType: string;
  value: string;
  datatype?: { value: string };
  language?: string;
}
interface Quad {
  subject: Term;
  predicate: Term;
  object: Term;
}

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const kz = (name: string) => `${KIZUNA_VOCAB}${name}`;

const noNetwork = async (url: string): Promise<never> => {
  throw new Error(`the JSON-LD asked to fetch ${url}`);
};

async function quadsOf(exported: ExportGraph): Promise<Quad[]> {
  const document = JSON.parse(toJsonLd(exported));
  const options = { documentLoader: noNetwork, safe: true } as Parameters<typeof jsonld.toRDF>[1];
  return (await jsonld.toRDF(document, options)) as Quad[];
}

const agreement: ExportNode = {
  id: 'agreement/2017 a|b',
  kind: 'Agreement',
  properties: {
    id: 'agreement/2017 a|b',
    name_en: 'Accord',
    year_text: '2017',
    year: 2017,
    ratio: 1,
  },
};

/** Two relationships of one type from the commitment, one to the theme, one to the agreement. */
const fixture = (): ExportGraph =>
  graph(
    [node(), theme, agreement],
    [
      edge(),
      edge({
        id: 'TAGGED|jp-mn-2022/I.3.2|agreement/2017 a|b|0',
        target: agreement.id,
        properties: { key: 'TAGGED|jp-mn-2022/I.3.2|agreement/2017 a|b|0', evidence: '協定' },
      }),
      edge({
        id: 'UNDER|jp-mn-2022/I.3.2|agreement/2017 a|b|0',
        type: 'UNDER',
        target: agreement.id,
        properties: { key: 'UNDER|jp-mn-2022/I.3.2|agreement/2017 a|b|0' },
      }),
    ],
  );

const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

describe('JSON-LD export', () => {
  it('parses offline into quads: one typed subject per node, by label as in the graph', async () => {
    const exported = fixture();
    const quads = await quadsOf(exported);
    const typed = quads.filter(
      (q) => q.predicate.value === `${RDF}type` && q.object.value.startsWith(KIZUNA_VOCAB),
    );
    expect(typed).toHaveLength(exported.nodes.length);
    expect(countBy(typed, (q) => q.object.value)).toEqual(
      countBy(exported.nodes, (n) => kz(n.kind)),
    );
    expect(new Set(typed.map((q) => q.subject.value))).toEqual(
      new Set(exported.nodes.map((n) => nodeIri(n.id))),
    );
  });

  it('has one statement per relationship, and one reified statement carrying its properties', async () => {
    const exported = fixture();
    const quads = await quadsOf(exported);
    const nodes = new Set(exported.nodes.map((n) => nodeIri(n.id)));
    const direct = quads.filter((q) => nodes.has(q.subject.value) && nodes.has(q.object.value));
    expect(direct.map((q) => [q.subject.value, q.predicate.value, q.object.value]).sort()).toEqual(
      exported.edges.map((e) => [nodeIri(e.source), kz(e.type), nodeIri(e.target)]).sort(),
    );
    const statements = quads.filter(
      (q) => q.predicate.value === `${RDF}type` && q.object.value === `${RDF}Statement`,
    );
    expect(statements.map((q) => q.subject.value).sort()).toEqual(
      exported.edges.map((e) => relationshipIri(e.id)).sort(),
    );
    expect(
      countBy(
        quads.filter((q) => q.predicate.value === `${RDF}predicate`),
        (q) => q.object.value,
      ),
    ).toEqual(countBy(exported.edges, (e) => kz(e.type)));
    const tagged = relationshipIri(edge().id);
    const about = (p: string) =>
      quads.find((q) => q.subject.value === tagged && q.predicate.value === p)?.object;
    expect(about(`${RDF}subject`)?.value).toBe(nodeIri(edge().source));
    expect(about(`${RDF}object`)?.value).toBe(nodeIri(edge().target));
    expect(about(kz('evidence'))).toMatchObject({ termType: 'Literal', value: '不拡散「x」&\n' });
    expect(about(kz('evidence_start'))).toMatchObject({
      value: '3',
      datatype: { value: `${XSD}integer` },
    });
  });

  it('keeps the values’ types: "2017" stays text, 2017 an integer, 1.0 a double, names in their language', async () => {
    const quads = await quadsOf(fixture());
    const of = (id: string, p: string) =>
      quads.find((q) => q.subject.value === nodeIri(id) && q.predicate.value === p)?.object;
    expect(of(agreement.id, kz('year_text'))).toMatchObject({
      value: '2017',
      datatype: { value: `${XSD}string` },
    });
    expect(of(agreement.id, kz('year'))).toMatchObject({
      value: '2017',
      datatype: { value: `${XSD}integer` },
    });
    expect(of(agreement.id, kz('ratio'))).toMatchObject({
      value: '1.0E0',
      datatype: { value: `${XSD}double` },
    });
    expect(of(node().id, kz('ratio'))).toMatchObject({ value: '5.0E-1' });
    expect(of(node().id, kz('soft'))).toMatchObject({ datatype: { value: `${XSD}boolean` } });
    const names = quads.filter(
      (q) =>
        q.subject.value === nodeIri(theme.id) && q.predicate.value === 'https://schema.org/name',
    );
    expect(names.map((q) => [q.object.value, q.object.language]).sort()).toEqual([
      ['Non-proliferation', 'en'],
      ['不拡散', 'ja'],
    ]);
    // A list keeps its order, as an RDF list; the empty list is rdf:nil.
    const aliases = of(node().id, kz('aliases'));
    const first = quads.find(
      (q) => q.subject.value === aliases?.value && q.predicate.value === `${RDF}first`,
    );
    expect(first?.object.value).toBe('自衛隊');
    expect(of(theme.id, kz('aliases'))?.value).toBe(`${RDF}nil`);
  });

  it('describes the dataset with schema.org, Dublin Core and PROV, its values from core/dataset.ts', async () => {
    const quads = await quadsOf(fixture());
    const dataset = quads.find(
      (q) => q.predicate.value === `${RDF}type` && q.object.value === 'https://schema.org/Dataset',
    )!.subject.value;
    const of = (p: string) =>
      quads.find((q) => q.subject.value === dataset && q.predicate.value === p)?.object.value;
    const stamp = datasetStamp();
    expect(of('http://purl.org/dc/terms/title')).toBe(DATASET_TITLE);
    expect(of('http://purl.org/dc/terms/license')).toBe(DATASET_LICENSE.data.url);
    expect(of('http://www.w3.org/ns/prov#wasDerivedFrom')).toBe(DATASET_SOURCE.url);
    expect(of('https://schema.org/version')).toBe(stamp.version);
    expect(of('https://schema.org/citation')).toBe(stamp.citation);
    expect(of('http://purl.org/dc/terms/identifier')).toBe(`sha256:${stamp.fingerprint}`);
  });

  it('says when the view was cut, and is offered as an export format of its own', async () => {
    const cut = fixture();
    cut.metadata.truncated = { kept: 3, total: 9, limit: 3 };
    const comment = (await quadsOf(cut)).find(
      (q) => q.predicate.value === 'http://www.w3.org/2000/01/rdf-schema#comment',
    );
    expect(comment?.object.value).toBe(
      'truncated: the view matched 9 nodes; this export holds the first 3 (limit=3)',
    );
    expect(EXPORT_FORMATS.jsonld).toMatchObject({
      extension: 'jsonld',
      mediaType: 'application/ld+json',
    });
    expect(EXPORT_FORMATS.jsonld.build(cut)).toBe(toJsonLd(cut));
  });

  it('refuses a property name that would clash with a relationship type’s term', () => {
    const clash = node({ properties: { TAGGED: 'x' } });
    expect(() => toJsonLdDocument(graph([clash, theme], [edge()]))).toThrow(
      /relationship type "TAGGED" cannot be a JSON-LD term/,
    );
  });
});
