import { describe, expect, it } from 'vitest';
import { DATASET_VERSION } from '../../core/dataset';
import { type DatasetModel, diffModels } from '../../core/dataset-diff';
import { changesFor, type NodeChangeIndex, nodeChangesOf } from '../../core/dataset-node-changes';
import recorded from '../../core/dataset-node-changes.json';
import { DATASET_RELEASES } from '../../core/dataset-releases';

const node = (id: string, properties = {}, label = 'Agency') => ({ label, id, properties });
const rel = (from: string, to: string, properties = {}) => ({
  type: 'INVOLVES',
  key: `INVOLVES|${from}|${to}`,
  from,
  to,
  properties,
});

/** An older version: six nodes and two relationships. */
function olderModel(): DatasetModel {
  return {
    nodes: [
      node('c1', { ref: 'I.1.1' }, 'Commitment'),
      node('c2', { ref: 'I.1.2' }, 'Commitment'),
      node('mofa', { name_en: 'MOFA' }),
      node('gone'),
      node('relabelled', {}, 'Program'),
      node('still'),
    ],
    relationships: [rel('c1', 'mofa', { evidence: '外務省' }), rel('c2', 'gone')],
  };
}

describe('nodeChangesOf: which ids a link may find changed', () => {
  it('counts property changes, relationship changes at either end and relabelling as changed; removal apart; new nodes not at all', () => {
    const after = olderModel();
    after.nodes = after.nodes.filter((n) => n.id !== 'gone');
    after.nodes.find((n) => n.id === 'relabelled')!.label = 'Framework';
    after.nodes.push(node('new'));
    after.relationships = [rel('c1', 'mofa', { evidence: '外務省ほか' }), rel('new', 'c2')];
    expect(nodeChangesOf(diffModels(olderModel(), after))).toEqual({
      removed: ['gone'],
      changed: ['c1', 'c2', 'mofa', 'relabelled'],
    });
  });

  it('finds nothing in two equal versions', () => {
    expect(nodeChangesOf(diffModels(olderModel(), olderModel()))).toEqual({
      removed: [],
      changed: [],
    });
  });
});

describe('changesFor: the index looked up for a link', () => {
  const index: NodeChangeIndex = {
    current: '2.0.0',
    since: { '1.0.0': { removed: ['gone'], changed: ['a', 'b'] } },
  };

  it("keeps only the link's ids, each once", () => {
    expect(changesFor(index, '1.0.0', ['b', 'gone', 'b', 'unchanged'])).toEqual({
      removed: ['gone'],
      changed: ['b'],
    });
  });

  it('has no answer for a version it does not list', () => {
    expect(changesFor(index, '1.5.0', ['a'])).toBeUndefined();
  });
});

describe('core/dataset-node-changes.json (npm run dataset:changes)', () => {
  const index = recorded as NodeChangeIndex;

  it('compares with the current version: run npm run dataset:changes after each release', () => {
    expect(index.current).toBe(DATASET_VERSION);
  });

  it('lists every earlier release of core/dataset-releases.json, and nothing else', () => {
    const earlier = DATASET_RELEASES.map((r) => r.version).filter((v) => v !== DATASET_VERSION);
    expect(Object.keys(index.since)).toEqual(earlier);
  });

  it('holds sorted ids, none both removed and changed', () => {
    for (const { removed, changed } of Object.values(index.since)) {
      expect(removed).toEqual([...removed].sort());
      expect(changed).toEqual([...changed].sort());
      expect(removed.filter((id) => changed.includes(id))).toEqual([]);
    }
  });
});
