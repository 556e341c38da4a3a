import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { DATASET_VERSION, datasetFilename } from '../../core/dataset';
import { toCyjs } from '../../core/formats/cyjs';
import { toCypherScript } from '../../core/formats/cypher-script';
import { EXPORT_FORMATS, exportFilename } from '../../core/formats/export-formats';
import { type ExportEdge, type ExportNode, SOURCE_LINE } from '../../core/formats/export-graph';
import { EVENT_SCHEMA, GRAPH_SCHEMA } from '../../core/formats/graph-schema';
import { NODE_LABELS } from '../../core/model/graph-model';
import { CONTROL, edge, graph, NASTY, node, theme } from '../support/export-graph-fixture';

/**
 * The Cypher script and the Cytoscape .cyjs exports, then what every format shares: the
 * file names and that each one builds from the same graph.
 */

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
