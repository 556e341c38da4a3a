import { describe, expect, it } from 'vitest';
import type {
  GraphNode,
  GraphPath,
  GraphRelationship,
  Row,
} from '../../client/workbench/model/cypher-types';
import { diagnosticsFor } from '../../client/workbench/model/diagnostics';
import { resultGraph } from '../../client/workbench/model/result-graph';
import { nextSort, sortRows } from '../../client/workbench/model/sort-rows';
import type { Run } from '../../client/workbench/model/state';
import { cellText, nodeName, toCell, valueText } from '../../client/workbench/model/values';

const node = (
  id: string,
  labels: string[],
  properties: GraphNode['properties'] = {},
): GraphNode => ({
  $type: 'node',
  elementId: `4:db:${id}`,
  labels,
  properties: { id, ...properties },
});

const rel = (id: string, type: string, from: GraphNode, to: GraphNode): GraphRelationship => ({
  $type: 'relationship',
  elementId: `5:db:${id}`,
  type,
  start: from.elementId,
  end: to.elementId,
  properties: {},
});

const epa = node('jp-mn-epa', ['Agreement'], {
  name_en: 'Agreement between Japan and Mongolia for an Economic Partnership',
  name_ja: '経済上の連携に関する日本国とモンゴル国との間の協定',
});
const commitment = node('jp-mn-2022/II.2.1', ['Commitment'], {
  ref: 'II.2.1',
  name_en: 'EPA implementation',
  name_ja: 'EPAの着実な実施',
  soft: true,
});
const mofa = node('mofa-jp', ['Agency'], {
  name_en: 'Ministry of Foreign Affairs',
  name_ja: '外務省',
});
const underpins = rel('u1', 'UNDERPINS', epa, commitment);
const involves = rel('i1', 'INVOLVES', commitment, mofa);

/** epa -UNDERPINS→ commitment -INVOLVES→ mofa, walked from mofa back to the EPA. */
const backwards: GraphPath = {
  $type: 'path',
  start: mofa,
  end: epa,
  segments: [
    { start: mofa, relationship: involves, end: commitment },
    { start: commitment, relationship: underpins, end: epa },
  ],
};

describe('rendering Neo4j values', () => {
  it('writes nodes as (:Label {name}) in the chosen language', () => {
    expect(valueText(epa, 'en')).toBe(
      '(:Agreement {Agreement between Japan and Mongolia for an Economic Partnership})',
    );
    expect(valueText(mofa, 'ja')).toBe('(:Agency {外務省})');
  });

  it('names a node by the other language, a ref or an id when it has no name', () => {
    expect(nodeName(node('x', ['Agency'], { name_en: 'Only English' }), 'ja')).toBe('Only English');
    expect(nodeName(node('theme/defence', ['Theme']), 'en')).toBe('theme/defence');
    expect(valueText(node('a', ['A', 'B'], { id: '' }), 'en')).toBe('(:A:B)');
  });

  it('writes relationships as [:TYPE]', () => {
    expect(valueText(underpins, 'en')).toBe('[:UNDERPINS]');
  });

  it('writes paths as a chain whose arrows follow each relationship', () => {
    expect(valueText(backwards, 'en')).toBe(
      '(:Agency {Ministry of Foreign Affairs})←[:INVOLVES]-(:Commitment {EPA implementation})←[:UNDERPINS]-(:Agreement {Agreement between Japan and Mongolia for an Economic Partnership})',
    );
    const forwards: GraphPath = {
      $type: 'path',
      start: epa,
      end: commitment,
      segments: [{ start: epa, relationship: underpins, end: commitment }],
    };
    expect(valueText(forwards, 'ja')).toBe(
      '(:Agreement {経済上の連携に関する日本国とモンゴル国との間の協定})-[:UNDERPINS]→(:Commitment {EPAの着実な実施})',
    );
  });

  it('joins lists, writes maps as key: value, and nulls as an em dash', () => {
    expect(valueText(['I.3.2', 'I.3.4'], 'en')).toBe('I.3.2, I.3.4');
    expect(valueText({ pillar: 'I', commitments: 12 }, 'en')).toBe('pillar: I, commitments: 12');
    expect(valueText(null, 'en')).toBe('—');
    expect(valueText([], 'en')).toBe('[]');
    expect(valueText({}, 'en')).toBe('{}');
  });

  it('keeps the brackets of nested lists and maps, and nulls inside them', () => {
    expect(valueText([['a', 'b'], { k: null }], 'en')).toBe('[a, b], {k: —}');
  });

  it('shows numbers, booleans and dates as given', () => {
    expect(valueText(2022, 'en')).toBe('2022');
    expect(valueText(0.5, 'en')).toBe('0.5');
    expect(valueText('9007199254740993', 'en')).toBe('9007199254740993');
    expect(valueText(false, 'en')).toBe('false');
    expect(valueText('2022-11-29', 'en')).toBe('2022-11-29');
    expect(toCell(3, 'en')).toEqual({ kind: 'scalar', text: '3', numeric: true });
  });

  it('takes a map that only looks like a node for a map', () => {
    const fake = { $type: 'node', labels: 'Agreement' };
    expect(toCell(fake, 'en').kind).toBe('map');
    expect(cellText(toCell(fake, 'en'))).toBe('$type: node, labels: Agreement');
  });
});

describe('sorting result rows', () => {
  const rows: Row[] = [
    { ref: 'II.10.1', n: 3 },
    { ref: 'II.2.1', n: null },
    { ref: 'I.3.2', n: 10 },
    { ref: null, n: 2 },
  ];

  it('keeps the query’s order until a column is chosen', () => {
    expect(sortRows(rows, null, 'en')).toEqual(rows);
  });

  it('sorts text naturally (II.2 before II.10) and numbers as numbers, nulls last either way', () => {
    const byRef = sortRows(rows, { column: 'ref', direction: 'ascending' }, 'en');
    expect(byRef.map((r) => r.ref)).toEqual(['I.3.2', 'II.2.1', 'II.10.1', null]);
    const byN = sortRows(rows, { column: 'n', direction: 'descending' }, 'en');
    expect(byN.map((r) => r.n)).toEqual([10, 3, 2, null]);
  });

  it('sorts nodes by their shown text: label, then name in the chosen language', () => {
    const mod = node('mod-jp', ['Agency'], { name_en: 'Ministry of Defense', name_ja: '防衛省' });
    const rows = [{ x: mofa }, { x: epa }, { x: mod }];
    const ids = (lang: 'en' | 'ja') =>
      sortRows(rows, { column: 'x', direction: 'ascending' }, lang).map(
        (r) => (r.x as GraphNode).properties.id,
      );
    expect(ids('en')).toEqual(['mod-jp', 'mofa-jp', 'jp-mn-epa']);
    expect(ids('ja')).toEqual(['mofa-jp', 'mod-jp', 'jp-mn-epa']);
  });

  it('turns the order round on a second click, and starts ascending on a new column', () => {
    const first = nextSort(null, 'ref');
    expect(first).toEqual({ column: 'ref', direction: 'ascending' });
    expect(nextSort(first, 'ref')).toEqual({ column: 'ref', direction: 'descending' });
    expect(nextSort(nextSort(first, 'ref'), 'n')).toEqual({ column: 'n', direction: 'ascending' });
  });
});

describe('the result as a graph', () => {
  it('collects nodes, relationships and paths anywhere in the rows, once each', () => {
    const graph = resultGraph(
      [
        { a: epa, r: underpins, c: commitment },
        { p: backwards, list: [epa, { inner: mofa }] },
      ],
      'en',
    );
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(
      [epa.elementId, commitment.elementId, mofa.elementId].sort(),
    );
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        {
          id: underpins.elementId,
          source: epa.elementId,
          target: commitment.elementId,
          type: 'UNDERPINS',
        },
        {
          id: involves.elementId,
          source: commitment.elementId,
          target: mofa.elementId,
          type: 'INVOLVES',
        },
      ]),
    );
    expect(graph.edges).toHaveLength(2);
    expect(graph.undrawn).toBe(0);
  });

  it('gives nodes the explorer’s kind, size and label, and marks soft commitments', () => {
    const { nodes } = resultGraph([{ c: commitment, a: epa }], 'ja');
    expect(nodes[0]).toEqual({
      id: commitment.elementId,
      kind: 'Commitment',
      label: 'EPAの着実な実施',
      size: 26,
      labels: ['Commitment'],
      soft: true,
    });
    expect(nodes[1]).toMatchObject({ kind: 'Agreement', size: 40 });
    expect(resultGraph([{ x: node('q', ['Unknown']) }], 'en').nodes[0]?.size).toBe(30);
  });

  it('counts relationships returned without their nodes instead of drawing them loose', () => {
    const graph = resultGraph([{ r: underpins }, { a: epa }], 'en');
    expect(graph.edges).toEqual([]);
    expect(graph.undrawn).toBe(1);
  });
});

describe('diagnostics from the last run', () => {
  const query = 'MATCH (a:Agreement)\nRETURN a.name_en AS AS name';
  const refused: Extract<Run, { status: 'refused' }> = {
    status: 'refused',
    id: 1,
    query,
    params: {},
    refusal: {
      code: 'syntax',
      title: 'Query refused',
      detail: "Syntax error at line 2, column 24: Invalid input 'name'",
      position: { line: 2, column: 24, offset: 43 },
    },
  };

  it('marks the word the syntax error points at', () => {
    const [d] = diagnosticsFor(refused, query);
    expect(d).toMatchObject({ from: 43, to: 47, severity: 'error' });
    expect(query.slice(d!.from, d!.to)).toBe('name');
  });

  it('marks nothing once the query has been edited, or for a refusal without a position', () => {
    expect(diagnosticsFor(refused, `${query} `)).toEqual([]);
    const write: Run = { ...refused, refusal: { code: 'write', title: '', detail: 'no' } };
    expect(diagnosticsFor(write, query)).toEqual([]);
  });

  it('marks notifications that carry a position, as warnings or information', () => {
    const done: Run = {
      status: 'done',
      id: 2,
      query: 'MATCH (a), (b) RETURN count(*)',
      params: {},
      result: {
        columns: ['count(*)'],
        rows: [{ 'count(*)': 4 }],
        truncated: false,
        truncatedBy: null,
        limits: { maxRows: 1000, maxResultChars: 5_000_000, timeoutMs: 10_000 },
        elapsedMs: 3,
        notifications: [
          {
            code: 'Neo.ClientNotification.Statement.CartesianProduct',
            title: 'Cartesian product.',
            description: 'Slow.',
            severity: 'INFORMATION',
            position: { line: 1, column: 1, offset: 0 },
          },
          { code: 'x', title: 'No position', description: '', severity: 'WARNING' },
        ],
      },
    };
    expect(diagnosticsFor(done, done.query)).toEqual([
      { from: 0, to: 5, severity: 'info', message: 'Cartesian product. Slow.' },
    ]);
  });

  it('keeps a mark at the very end of the query inside it', () => {
    const atEnd: Run = {
      ...refused,
      query: 'RETURN',
      refusal: { ...refused.refusal, position: { line: 1, column: 7, offset: 6 } },
    };
    expect(diagnosticsFor(atEnd, 'RETURN')).toEqual([expect.objectContaining({ from: 6, to: 6 })]);
  });
});
