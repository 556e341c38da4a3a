import { describe, expect, it } from 'vitest';
import { type DatasetModel, diffModels, formatDiff } from '../../core/dataset-diff';

/** Two commitments, an agency and the relationship between them, as a version dumps them. */
function oldModel(): DatasetModel {
  return {
    nodes: [
      {
        label: 'Commitment',
        id: 'jp-mn-2022/I.1.1',
        properties: { ref: 'I.1.1', name_en: 'High-level dialogue', pillars: ['I'] },
      },
      { label: 'Commitment', id: 'jp-mn-2022/I.1.2', properties: { ref: 'I.1.2' } },
      { label: 'Agency', id: 'mofa-jp', properties: { name_ja: '外務省', name_en: 'MOFA' } },
    ],
    relationships: [
      {
        type: 'INVOLVES',
        key: 'INVOLVES|jp-mn-2022/I.1.1|mofa-jp',
        from: 'jp-mn-2022/I.1.1',
        to: 'mofa-jp',
        properties: { evidence: '外務省' },
      },
    ],
  };
}

/** One node added, one removed, one property changed, one relationship added. */
function newModel(): DatasetModel {
  const model = oldModel();
  model.nodes = model.nodes.filter((n) => n.id !== 'jp-mn-2022/I.1.2');
  model.nodes[0]!.properties = { ...model.nodes[0]!.properties, name_en: 'Summit dialogue' };
  model.nodes.push({ label: 'Country', id: 'mongolia', properties: { name_en: 'Mongolia' } });
  model.relationships.push({
    type: 'INVOLVES',
    key: 'INVOLVES|jp-mn-2022/I.1.1|mongolia',
    from: 'jp-mn-2022/I.1.1',
    to: 'mongolia',
    properties: { evidence: 'モンゴル' },
  });
  return model;
}

describe('diffModels', () => {
  it('finds the node added, the node removed, the property changed and the relationship added', () => {
    const diff = diffModels(oldModel(), newModel());
    expect(diff.nodes).toEqual([
      { label: 'Commitment', id: 'jp-mn-2022/I.1.2', change: 'removed', properties: [] },
      {
        label: 'Commitment',
        id: 'jp-mn-2022/I.1.1',
        change: 'changed',
        properties: [
          {
            name: 'name_en',
            change: 'changed',
            before: 'High-level dialogue',
            after: 'Summit dialogue',
          },
        ],
      },
      { label: 'Country', id: 'mongolia', change: 'added', properties: [] },
    ]);
    expect(diff.relationships).toEqual([
      {
        type: 'INVOLVES',
        key: 'INVOLVES|jp-mn-2022/I.1.1|mongolia',
        from: 'jp-mn-2022/I.1.1',
        to: 'mongolia',
        change: 'added',
        properties: [],
      },
    ]);
    expect(diff.counts).toEqual({
      nodes: { added: 1, removed: 1, changed: 1 },
      relationships: { added: 1, removed: 0, changed: 0 },
      properties: { added: 0, removed: 0, changed: 1 },
      byLabel: {
        Commitment: { added: 0, removed: 1, changed: 1 },
        Country: { added: 1, removed: 0, changed: 0 },
      },
      byType: { INVOLVES: { added: 1, removed: 0, changed: 0 } },
      byProperty: { 'Commitment.name_en': { added: 0, removed: 0, changed: 1 } },
    });
  });

  it('tells properties added, removed and changed apart, lists by value, and ignores order of keys', () => {
    const a = oldModel();
    const b = oldModel();
    b.nodes[0]!.properties = { pillars: ['I', 'II'], ref: 'I.1.1', search_key: 'dialogue' };
    b.relationships[0]!.properties = { evidence: '外務省', evidence_line: 12 };
    const diff = diffModels(a, b);
    expect(diff.nodes[0]!.properties).toEqual([
      { name: 'name_en', change: 'removed', before: 'High-level dialogue' },
      { name: 'pillars', change: 'changed', before: ['I'], after: ['I', 'II'] },
      { name: 'search_key', change: 'added', after: 'dialogue' },
    ]);
    expect(diff.relationships).toHaveLength(1);
    expect(diff.relationships[0]!.change).toBe('changed');
    expect(diff.counts.properties).toEqual({ added: 2, removed: 1, changed: 1 });
    expect(diffModels(oldModel(), oldModel()).nodes).toEqual([]);
  });

  it('treats a node whose label changed as one removed and one added', () => {
    const b = oldModel();
    b.nodes[2] = { ...b.nodes[2]!, label: 'Country' };
    const { counts } = diffModels(oldModel(), b);
    expect(counts.byLabel).toEqual({
      Agency: { added: 0, removed: 1, changed: 0 },
      Country: { added: 1, removed: 0, changed: 0 },
    });
  });
});

describe('formatDiff', () => {
  it('prints the totals, the counts by label, type and property, then each change', () => {
    const text = formatDiff(diffModels(oldModel(), newModel()), '1.1.0', '1.2.0');
    expect(text).toBe(
      [
        'Dataset 1.1.0 → 1.2.0',
        'Nodes: 1 added, 1 removed, 1 changed',
        'Relationships: 1 added, 0 removed, 0 changed',
        'Properties of nodes and relationships in both: 0 added, 0 removed, 1 changed',
        '',
        'Nodes by label:',
        '  Commitment  +0 -1 ~1',
        '  Country     +1 -0 ~0',
        '',
        'Relationships by type:',
        '  INVOLVES  +1 -0 ~0',
        '',
        'Properties by label or type:',
        '  Commitment.name_en  +0 -0 ~1',
        '',
        'Nodes added (1):',
        '  Country mongolia',
        '',
        'Nodes removed (1):',
        '  Commitment jp-mn-2022/I.1.2',
        '',
        'Nodes changed (1):',
        '  Commitment jp-mn-2022/I.1.1; ~name_en "High-level dialogue" → "Summit dialogue"',
        '',
        'Relationships added (1):',
        '  INVOLVES jp-mn-2022/I.1.1 → mongolia',
        '',
      ].join('\n'),
    );
  });

  it('says when nothing changed, and cuts long groups and values', () => {
    expect(formatDiff(diffModels(oldModel(), oldModel()), 'working', 'working')).toContain(
      '\nNo changes.\n',
    );
    const many = oldModel();
    for (let i = 0; i < 5; i++)
      many.nodes.push({ label: 'Place', id: `p${i}`, properties: { note: 'x'.repeat(100) } });
    const text = formatDiff(diffModels(oldModel(), many), 'a', 'b', { limit: 2 });
    expect(text).toContain(
      'Nodes added (5):\n  Place p0\n  Place p1\n  … and 3 more (--json lists all)',
    );
    const changed = oldModel();
    changed.nodes[2]!.properties.name_en = 'M'.repeat(100);
    const line = formatDiff(diffModels(oldModel(), changed), 'a', 'b')
      .split('\n')
      .find((l) => l.startsWith('  Agency mofa-jp'))!;
    expect(line).toBe(`  Agency mofa-jp; ~name_en "MOFA" → "${'M'.repeat(58)}…`);
  });
});
