import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  DATASET_FINGERPRINT,
  DATASET_ID,
  DATASET_SOURCE,
  DATASET_VERSION,
  datasetStamp,
} from '../../core/dataset';
import { SOURCE_LINE } from '../../core/formats/export-graph';
import { toGexf } from '../../core/formats/gexf';
import { toGraphml } from '../../core/formats/graphml';
import { CONTROL_IN_XML, edge, graph, NASTY, node, theme } from '../support/export-graph-fixture';

/** The XML exports, GraphML and GEXF, parsed back and compared with what went in. */

const ARRAYS = new Set(['key', 'node', 'edge', 'data', 'attribute', 'attvalue', 'attributes']);
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  textNodeName: 'text',
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ARRAYS.has(name),
});

/** GraphML ids are NMTOKENs: every character outside [A-Za-z0-9.-] is written _HEX_. */
const fromNmtoken = (token: string) =>
  token.replace(/_([0-9A-F]+)_/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

interface XmlData {
  key: string;
  text?: string;
}
interface GraphmlDoc {
  graphml: {
    key: { id: string; for: string; 'attr.name': string; 'attr.type': string; desc?: string }[];
    graph: {
      edgedefault: string;
      data: XmlData[];
      node: { id: string; data: XmlData[] }[];
      edge?: { id: string; source: string; target: string; data: XmlData[] }[];
    };
  };
}

function readGraphml(text: string) {
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = xml.parse(text) as GraphmlDoc;
  const names = new Map(doc.graphml.key.map((k) => [k.id, k['attr.name']]));
  const values = (data: XmlData[]) =>
    Object.fromEntries(data.map((d) => [names.get(d.key)!, d.text ?? '']));
  return {
    keys: doc.graphml.key,
    graph: values(doc.graphml.graph.data),
    nodes: doc.graphml.graph.node.map((n) => ({ id: n.id, data: values(n.data) })),
    edges: (doc.graphml.graph.edge ?? []).map((e) => ({ ...e, data: values(e.data) })),
  };
}

describe('GraphML', () => {
  it('declares every node and edge attribute once, with its attr.type', () => {
    const { keys } = readGraphml(toGraphml(graph()));
    const declared = (domain: string) =>
      Object.fromEntries(
        keys.filter((k) => k.for === domain).map((k) => [k['attr.name'], k['attr.type']]),
      );
    expect(declared('node')).toEqual({
      kind: 'string',
      label: 'string',
      x: 'double',
      y: 'double',
      name_ja: 'string',
      name_en: 'string',
      text_ja: 'string',
      aliases: 'string',
      big: 'long',
      empty: 'string',
      line_start: 'int',
      ratio: 'double',
      soft: 'boolean',
    });
    expect(declared('edge')).toEqual({
      type: 'string',
      label: 'string',
      cue: 'string',
      evidence: 'string',
      evidence_end: 'int',
      evidence_start: 'int',
      key: 'string',
      role: 'string',
    });
    expect(new Set(keys.map((k) => k.id)).size).toBe(keys.length);
  });

  it('reads back the same values: escaped markup, quotes, Japanese and line breaks, lists as JSON arrays', () => {
    const read = readGraphml(toGraphml(graph()));
    expect(read.graph).toEqual({
      title: 'Test <view> & "title"',
      source: SOURCE_LINE,
      exported: '2025-01-31',
      language: 'en',
      dataset: DATASET_ID,
      version: DATASET_VERSION,
      fingerprint: DATASET_FINGERPRINT,
      citation: datasetStamp().citation,
      source_url: DATASET_SOURCE.url,
      license: 'CC-BY-4.0',
    });
    const [commitment, tag] = read.nodes;
    expect(fromNmtoken(commitment!.id)).toBe('jp-mn-2022/I.3.2');
    expect(commitment!.data).toEqual({
      kind: 'Commitment',
      label: NASTY,
      x: '1.5',
      y: '-20',
      name_ja: '日本「引用」&<タグ>',
      name_en: NASTY,
      text_ja: CONTROL_IN_XML,
      aliases: '["自衛隊","A&B \\"x\\""]',
      big: '1099511627776',
      empty: '',
      line_start: '12',
      ratio: '0.5',
      soft: 'true',
    });
    expect(fromNmtoken(tag!.id)).toBe('theme/non_proliferation');
    expect(tag!.data).not.toHaveProperty('x');
    // A list key says in its <desc> that its values are JSON arrays; parsed, they are the lists.
    const aliases = read.keys.find((k) => k['attr.name'] === 'aliases');
    expect(aliases).toMatchObject({ 'attr.type': 'string', desc: 'list of string, JSON array' });
    expect(read.keys.find((k) => k['attr.name'] === 'name_en')).not.toHaveProperty('desc');
    expect(JSON.parse(commitment!.data.aliases!)).toEqual(['自衛隊', 'A&B "x"']);
    expect(JSON.parse(tag!.data.aliases!)).toEqual([]);
    const [tagged] = read.edges;
    expect([tagged!.id, tagged!.source, tagged!.target].map(fromNmtoken)).toEqual([
      edge().id,
      'jp-mn-2022/I.3.2',
      'theme/non_proliferation',
    ]);
    expect(tagged!.data).toMatchObject({
      type: 'TAGGED',
      evidence: '不拡散「x」&\n',
      evidence_start: '3',
      role: 'actor',
      cue: 'の下で',
    });
  });

  it('labels nodes in the language asked for', () => {
    const ja = { ...graph(), metadata: { ...graph().metadata, language: 'ja' as const } };
    expect(readGraphml(toGraphml(ja)).nodes[0]!.data.label).toBe('日本「引用」&<タグ>');
  });

  it('writes ids as NMTOKENs, reversibly, and declares no x/y without positions', () => {
    // The second id is what the first would become if "_" were left as it is.
    const lookalikes = ['a/b', 'a_2F_b'].map((id) => node({ id, position: undefined }));
    const text = toGraphml(graph([node({ position: undefined }), theme, ...lookalikes], []));
    const read = readGraphml(text);
    for (const n of read.nodes) expect(n.id).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(new Set(read.nodes.map((n) => n.id)).size).toBe(4);
    expect(read.nodes.map((n) => fromNmtoken(n.id))).toEqual([
      node().id,
      theme.id,
      'a/b',
      'a_2F_b',
    ]);
    expect(read.keys.map((k) => k['attr.name'])).not.toContain('x');
  });

  it('never lets a character illegal in XML 1.0 through', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters under test
    expect(toGraphml(graph())).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE]/);
  });
});

interface GexfDoc {
  gexf: {
    version: string;
    meta: { lastmodifieddate: string; description: string };
    graph: {
      defaultedgetype: string;
      attributes: {
        class: string;
        attribute: { id: string; title: string; type: string }[];
      }[];
      nodes: {
        node: {
          id: string;
          label: string;
          attvalues: { attvalue: { for: string; value: string }[] };
          'viz:position'?: { x: string; y: string };
        }[];
      };
      edges: {
        edge: {
          id: string;
          source: string;
          target: string;
          label: string;
          attvalues: { attvalue: { for: string; value: string }[] };
        }[];
      };
    };
  };
}

describe('GEXF', () => {
  const doc = () => {
    const text = toGexf(graph());
    expect(XMLValidator.validate(text)).toBe(true);
    return (xml.parse(text) as GexfDoc).gexf;
  };
  const values = (a: { attvalue: { for: string; value: string }[] }) =>
    Object.fromEntries(a.attvalue.map((v) => [v.for, v.value]));

  it('is GEXF 1.3 with typed attributes for nodes and edges', () => {
    const gexf = doc();
    expect(gexf.version).toBe('1.3');
    expect(gexf.meta.lastmodifieddate).toBe('2025-01-31');
    expect(gexf.meta.description).toContain(SOURCE_LINE);
    const [nodeAttrs, edgeAttrs] = gexf.graph.attributes;
    expect(nodeAttrs!.class).toBe('node');
    expect(Object.fromEntries(nodeAttrs!.attribute.map((a) => [a.title, a.type]))).toEqual({
      kind: 'string',
      name_ja: 'string',
      name_en: 'string',
      text_ja: 'string',
      aliases: 'liststring',
      big: 'long',
      empty: 'string',
      line_start: 'integer',
      ratio: 'double',
      soft: 'boolean',
    });
    expect(edgeAttrs!.class).toBe('edge');
    expect(edgeAttrs!.attribute.map((a) => a.title)).toContain('evidence_start');
  });

  it('writes line breaks and tabs in attribute values as references, which parsers keep', () => {
    const text = toGexf(graph());
    expect(text).toContain('value="不拡散「x」&amp;&#10;"');
    expect(text).toContain('&#13;&#9;タブ');
    // Each value sits on its attvalue's own line: none runs on into the next.
    const values = text.split('\n').filter((line) => line.includes('<attvalue '));
    expect(values.length).toBeGreaterThan(10);
    for (const line of values) expect(line).toMatch(/^\s*<attvalue [^\n]*\/>$/);
  });

  it('reads back labels, values and positions', () => {
    const gexf = doc();
    const [commitment, tag] = gexf.graph.nodes.node;
    expect(commitment!.id).toBe('jp-mn-2022/I.3.2');
    expect(commitment!.label).toBe(NASTY);
    expect(values(commitment!.attvalues)).toMatchObject({
      kind: 'Commitment',
      name_ja: '日本「引用」&<タグ>',
      text_ja: CONTROL_IN_XML,
      aliases: '["自衛隊","A&B \\"x\\""]',
      empty: '',
    });
    expect(JSON.parse(values(commitment!.attvalues).aliases!)).toEqual(['自衛隊', 'A&B "x"']);
    expect(commitment!['viz:position']).toMatchObject({ x: '1.5', y: '-20' });
    expect(tag!['viz:position']).toBeUndefined();
    const [tagged] = gexf.graph.edges.edge;
    expect(tagged).toMatchObject({ id: edge().id, label: 'TAGGED', target: theme.id });
    expect(values(tagged!.attvalues)).toMatchObject({
      type: 'TAGGED',
      evidence: '不拡散「x」&\n',
      evidence_end: '9',
    });
  });
});
