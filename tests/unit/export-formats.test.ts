import cytoscape from 'cytoscape';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  DATASET_FINGERPRINT,
  DATASET_ID,
  DATASET_SOURCE,
  DATASET_VERSION,
  datasetFilename,
  datasetStamp,
} from '../../core/dataset';
import { propertyColumns } from '../../core/formats/columns';
import { toCyjs } from '../../core/formats/cyjs';
import { toCypherScript } from '../../core/formats/cypher-script';
import { EXPORT_FORMATS, exportFilename } from '../../core/formats/export-formats';
import {
  type ExportEdge,
  type ExportGraph,
  type ExportNode,
  SOURCE_LINE,
} from '../../core/formats/export-graph';
import { toGexf } from '../../core/formats/gexf';
import { EVENT_SCHEMA, GRAPH_SCHEMA } from '../../core/formats/graph-schema';
import { toGraphml } from '../../core/formats/graphml';
import { toNeo4jCsv } from '../../core/formats/neo4j-csv';
import { NODE_LABELS } from '../../core/model/graph-model';

/** Markup, both quotes, a backslash, a would-be escape, separators, Japanese and line breaks. */
const NASTY = 'He said "hi" & \'bye\' <ok> \\ \\u0027 ; , 「引用」\n二行目\r\tタブ';
/** Characters XML 1.0 cannot carry (C0 controls, U+FFFE, a lone surrogate) among ones it can. */
const CONTROL = 'a\u0001b\u0008c\u000Bd\u001Fe\uFFFEf\uD800g😀h\u2028i';
const CONTROL_IN_XML = 'abcdefg😀h\u2028i';

function node(overrides: Partial<ExportNode> = {}): ExportNode {
  return {
    id: 'jp-mn-2022/I.3.2',
    kind: 'Commitment',
    properties: {
      id: 'jp-mn-2022/I.3.2',
      name_ja: '日本「引用」&<タグ>',
      name_en: NASTY,
      text_ja: CONTROL,
      aliases: ['自衛隊', 'A&B "x"'],
      line_start: 12,
      soft: true,
      big: 2 ** 40,
      ratio: 0.5,
      empty: '',
    },
    position: { x: 1.5, y: -20 },
    ...overrides,
  };
}

const theme: ExportNode = {
  id: 'theme/non_proliferation',
  kind: 'Theme',
  properties: {
    id: 'theme/non_proliferation',
    name_ja: '不拡散',
    name_en: 'Non-proliferation',
    aliases: [],
  },
};

function edge(overrides: Partial<ExportEdge> = {}): ExportEdge {
  const key = 'TAGGED|jp-mn-2022/I.3.2|theme/non_proliferation|0';
  return {
    id: key,
    source: 'jp-mn-2022/I.3.2',
    target: 'theme/non_proliferation',
    type: 'TAGGED',
    properties: {
      key,
      evidence: '不拡散「x」&\n',
      evidence_start: 3,
      evidence_end: 9,
      role: 'actor',
      cue: 'の下で',
    },
    ...overrides,
  };
}

function graph(nodes: ExportNode[] = [node(), theme], edges = [edge()]): ExportGraph {
  return {
    metadata: {
      title: 'Test <view> & "title"',
      source: SOURCE_LINE,
      exportedAt: '2025-01-31',
      language: 'en',
    },
    nodes,
    edges,
  };
}

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

/** RFC 4180, to read the files back: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let value: string | null;
    if (text[i] === '"') {
      let end = i + 1;
      value = '';
      for (;;) {
        const quote = text.indexOf('"', end);
        if (text[quote + 1] === '"') {
          value += text.slice(end, quote + 1);
          end = quote + 2;
        } else {
          value += text.slice(end, quote);
          i = quote + 1;
          break;
        }
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      const raw = text.slice(i, end === -1 ? text.length : i + end);
      value = raw === '' ? null : raw;
      i += raw.length;
    }
    row.push(value);
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (text[i] === ',') {
      i += 1;
    } else if (i < text.length) {
      throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
    }
  }
  return rows;
}

describe('neo4j-admin import CSV', () => {
  it('writes the import header format: id:ID, :LABEL, typed columns and string[] lists', () => {
    const { nodes, relationships } = toNeo4jCsv(graph());
    expect(nodes.split('\r\n')[0]).toBe(
      'id:ID,:LABEL,name_ja:string,name_en:string,text_ja:string,aliases:string[],big:long,empty:string,line_start:int,ratio:double,soft:boolean',
    );
    expect(relationships.split('\r\n')[0]).toBe(
      ':START_ID,:END_ID,:TYPE,cue:string,evidence:string,evidence_end:int,evidence_start:int,key:string,role:string',
    );
  });

  it('quotes as RFC 4180 says, keeps empty strings, and leaves absent values and empty lists empty', () => {
    const { nodes, relationships } = toNeo4jCsv(graph());
    expect(nodes.endsWith('\r\n')).toBe(true);
    const [, commitment, tag] = parseCsv(nodes);
    expect(commitment).toEqual([
      'jp-mn-2022/I.3.2',
      'Commitment',
      '日本「引用」&<タグ>',
      NASTY,
      CONTROL,
      '自衛隊;A&B "x"',
      '1099511627776',
      '',
      '12',
      '0.5',
      'true',
    ]);
    expect(nodes).toContain(',"",12,');
    expect(relationships).toContain(',"不拡散「x」&\n",');
    expect(tag).toEqual([theme.id, 'Theme', '不拡散', 'Non-proliferation', ...Array(7).fill(null)]);
    const [, tagged] = parseCsv(relationships);
    expect(tagged).toEqual([
      'jp-mn-2022/I.3.2',
      'theme/non_proliferation',
      'TAGGED',
      'の下で',
      '不拡散「x」&\n',
      '9',
      '3',
      edge().id,
      'actor',
    ]);
  });

  it('refuses a list element holding the array delimiter, which the import would split', () => {
    const odd = node({ properties: { name_en: 'x', aliases: ['a;b'] } });
    expect(() => toNeo4jCsv(graph([odd], []))).toThrow(
      /node jp-mn-2022\/I\.3\.2: "aliases" holds "a;b", which contains the array delimiter ";"/,
    );
  });
});

describe('Cypher script', () => {
  const statements = (script: string) =>
    script
      .split(/;$/m)
      .map((s) => s.replace(/^\/\/.*$/gm, '').trim())
      .filter(Boolean);

  it('creates the schema (constraints, full-text indexes), then nodes, then relationships by id, one statement per line end ";"', () => {
    const parts = statements(toCypherScript(graph()));
    const schema = GRAPH_SCHEMA.length;
    expect(parts).toHaveLength(schema + 4);
    expect(parts).toContain(
      'CREATE CONSTRAINT `commitment_id_unique` IF NOT EXISTS FOR (n:`Commitment`) REQUIRE n.`id` IS UNIQUE',
    );
    // Every label gets its constraint, whether or not the export holds nodes of it.
    for (const label of NODE_LABELS)
      expect(parts.slice(0, schema).join('\n')).toContain(`FOR (n:\`${label}\`) REQUIRE n.\`id\``);
    expect(parts.slice(0, schema)).toContain(
      "CREATE FULLTEXT INDEX `kizuna_text_ja` IF NOT EXISTS FOR (n:`Plan`|`Pillar`|`Area`|`Commitment`|`Agency`|`Agreement`|`Program`|`Framework`|`Country`|`Place`|`Theme`|`Target`) ON EACH [n.`name_ja`, n.`aliases_text`, n.`text_ja`, n.`title_ja`] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
    );
    expect(parts[schema]).toMatch(/^UNWIND \[\n {2}\{`id`: 'jp-mn-2022\/I\.3\.2', /);
    expect(parts[schema]).toMatch(/\] AS row CREATE \(n:Commitment:`Entity`\) SET n = row$/);
    expect(parts[schema + 1]).toContain('`aliases`: []');
    expect(parts[schema + 2]).toMatch(
      /MATCH \(a:Commitment \{id: row\.s\}\) MATCH \(b:Theme \{id: row\.t\}\) CREATE \(a\)-\[r:TAGGED\]->\(b\) SET r = row\.p$/,
    );
    expect(parts[schema + 3]).toBe('CALL db.awaitIndexes(300)');
  });

  it('writes strings as literals that cannot end early: quotes, backslashes and controls escaped', () => {
    const script = toCypherScript(graph());
    expect(script).toContain(
      "`name_en`: 'He said \"hi\" & \\'bye\\' <ok> \\\\ \\\\u0027 ; , 「引用」\\n二行目\\r\\tタブ'",
    );
    expect(script).toContain(
      "`text_ja`: 'a\\u0001b\\bc\\u000Bd\\u001Fe\uFFFEf\\uD800g😀h\\u2028i'",
    );
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters under test
    expect(script).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u2028]/);
  });

  it('writes numbers, booleans and lists as Cypher literals', () => {
    const script = toCypherScript(graph());
    expect(script).toContain('`line_start`: 12, `soft`: true, `big`: 1099511627776, `ratio`: 0.5');
    expect(script).toContain("`aliases`: ['自衛隊', 'A&B \"x\"']");
    const huge = node({ properties: { id: 'x', n: 1e21 } });
    expect(toCypherScript(graph([huge], []))).toContain('`n`: 1e21');
  });

  it('backquotes property keys, doubling a backquote inside', () => {
    const odd = node({ properties: { 'odd`key': 1, 'has space': 'v' } });
    expect(toCypherScript(graph([odd], []))).toContain("`odd``key`: 1, `has space`: 'v'");
  });

  it('writes events as :Event nodes without the plan label, with their schema and ADVANCES relationships', () => {
    const event: ExportNode = {
      id: 'event/2024-09-summit',
      kind: 'Event',
      properties: {
        id: 'event/2024-09-summit',
        title_en: 'Summit',
        source_url: 'https://www.mofa.go.jp/x.html',
        origin: 'curated',
        certainty: 'confirmed',
      },
    };
    const advances: ExportEdge = {
      id: 'ADVANCES|event/2024-09-summit|jp-mn-2022/I.3.2',
      source: event.id,
      target: node().id,
      type: 'ADVANCES',
      properties: { reason: 'moved the transfer agreement forward' },
    };
    const script = toCypherScript(graph([node(), theme, event], [advances]));
    const parts = statements(script);
    expect(script).toContain('3 nodes (1 of them events), 1 relationships');
    expect(parts).toContain(
      'CREATE CONSTRAINT `event_id_unique` IF NOT EXISTS FOR (n:`Event`) REQUIRE n.`id` IS UNIQUE',
    );
    expect(parts).toContain(
      'CREATE INDEX `event_date_start` IF NOT EXISTS FOR (n:`Event`) ON (n.`date_start`)',
    );
    const created = parts.find(
      (p) => p.includes("'event/2024-09-summit'") && p.includes('CREATE (n'),
    );
    expect(created).toMatch(/\] AS row CREATE \(n:Event\) SET n = row$/);
    expect(created).toContain("`source_url`: 'https://www.mofa.go.jp/x.html'");
    expect(parts.at(-2)).toMatch(
      /MATCH \(a:Event \{id: row\.s\}\) MATCH \(b:Commitment \{id: row\.t\}\) CREATE \(a\)-\[r:ADVANCES\]->\(b\) SET r = row\.p$/,
    );
    // Without events, the script has no event schema.
    const plain = statements(toCypherScript(graph()));
    for (const item of EVENT_SCHEMA) expect(plain.join('\n')).not.toContain(item.name);
  });

  it('refuses labels and relationship types outside the schema, rather than splicing them in', () => {
    expect(() => toCypherScript(graph([node({ kind: 'Plan) DETACH DELETE (m' })], []))).toThrow(
      /unknown kind "Plan\) DETACH DELETE \(m"/,
    );
    expect(() => toCypherScript(graph(undefined, [edge({ type: 'TAGGED]->() //' })]))).toThrow(
      /unknown type "TAGGED\]->\(\) \/\/"/,
    );
  });
});

describe('Cytoscape .cyjs', () => {
  it('is the envelope Cytoscape desktop reads, and loads into Cytoscape.js with the same elements and positions', () => {
    const file = JSON.parse(toCyjs(graph()));
    expect(file).toMatchObject({
      format_version: '1.0',
      generated_by: 'Kizuna',
      data: { name: 'Test <view> & "title"', source: SOURCE_LINE },
    });
    const cy = cytoscape({ headless: true, elements: file.elements, layout: { name: 'preset' } });
    expect(cy.nodes().map((n) => n.id())).toEqual([node().id, theme.id]);
    const commitment = cy.getElementById(node().id);
    expect(commitment.position()).toEqual({ x: 1.5, y: -20 });
    expect(commitment.data()).toMatchObject({
      kind: 'Commitment',
      name: NASTY,
      text_ja: CONTROL,
      aliases: ['自衛隊', 'A&B "x"'],
      empty: '',
    });
    const tagged = cy.getElementById(edge().id);
    expect(tagged.source().id()).toBe(node().id);
    expect(tagged.target().id()).toBe(theme.id);
    expect(tagged.data()).toMatchObject({ type: 'TAGGED', interaction: 'TAGGED', evidence_end: 9 });
    cy.destroy();
  });
});

describe('property columns', () => {
  it('finds the narrowest type every value fits, widening numbers and falling back to text', () => {
    const items = [
      { properties: { a: 1, b: 1, c: true, d: ['x'], e: 'x', f: [] } },
      { properties: { a: 2 ** 33, b: 1.5, c: 'yes', d: 'y', e: 'z', f: [1, 2] } },
    ];
    expect(propertyColumns(items)).toEqual([
      { name: 'a', type: 'long', list: false },
      { name: 'b', type: 'double', list: false },
      { name: 'c', type: 'string', list: false },
      { name: 'd', type: 'string', list: false },
      { name: 'e', type: 'string', list: false },
      { name: 'f', type: 'int', list: true },
    ]);
  });
});

describe('export files', () => {
  it('are named kizuna-jp-mn-2022-v<version>-<view>-<date>.<extension>', () => {
    expect(exportFilename('pillar-i', '2025-01-31', 'graphml')).toBe(
      `kizuna-jp-mn-2022-v${DATASET_VERSION}-pillar-i-2025-01-31.graphml`,
    );
    expect(exportFilename('plan', '2025-01-31', 'csv-nodes', '1.2.0')).toBe(
      'kizuna-jp-mn-2022-v1.2.0-plan-2025-01-31.nodes.csv',
    );
    expect(exportFilename('plan', '2025-01-31', 'json', '1.2.0+data.0123456789ab')).toBe(
      'kizuna-jp-mn-2022-v1.2.0+data.0123456789ab-plan-2025-01-31.json',
    );
    expect(datasetFilename('Whole plan / 全体', '2025-01-31', 'svg', '1.2.0')).toBe(
      'kizuna-jp-mn-2022-v1.2.0-whole-plan-2025-01-31.svg',
    );
  });

  it('every format builds a file from the same graph', () => {
    for (const format of Object.values(EXPORT_FORMATS))
      expect(format.build(graph()).length).toBeGreaterThan(100);
  });
});
