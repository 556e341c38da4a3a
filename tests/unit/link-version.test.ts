import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  dataVersionOf,
  linkNodeIds,
  needsChangeIndex,
  versionNotice,
} from '../../client/model/link-version';
import { actions, initialState } from '../../client/model/state';
import { DATASET_FINGERPRINT, DATASET_VERSION } from '../../core/dataset';
import type { NodeChangeIndex } from '../../core/dataset-node-changes';
import recorded from '../../core/dataset-node-changes.json';

const index: NodeChangeIndex = {
  current: '2.0.0',
  since: {
    '1.0.0': { removed: ['gone'], changed: ['a', 'japan'] },
    '1.5.0': { removed: [], changed: ['japan'] },
  },
};

describe('the nodes a link names', () => {
  it('lists selection, focus, path ends, avoided, listed, expanded and hidden nodes, each once', () => {
    let s = actions.select(initialState('en'), 'a');
    s = actions.focusOn(s, 'a', 2);
    s = actions.pathFrom(s, 'b');
    s = actions.pathTo(s, 'c');
    s = actions.avoidNode(s, 'd');
    s = actions.openList(s, { kind: 'search', q: 'x', ids: ['e', 'b'] });
    s = actions.expand(s, 'f');
    s = actions.hide(s, 'g');
    expect(linkNodeIds(s)).toEqual(['a', 'b', 'c', 'japan', 'mongolia', 'd', 'e', 'f', 'g']);
  });

  it('leaves out the hubs the path finder avoids by default: the link does not name them', () => {
    const s = actions.pathTo(actions.pathFrom(initialState('en'), 'b'), 'c');
    expect(linkNodeIds(s)).toEqual(['b', 'c']);
  });
});

describe('the notice for a link made with another version', () => {
  it('says nothing for a link of the version shown, or one that names no version', () => {
    expect(versionNotice('2.0.0', '2.0.0', ['a'], index)).toBeNull();
    expect(versionNotice(null, '2.0.0', ['a'], index)).toBeNull();
    expect(needsChangeIndex(null, '2.0.0')).toBe(false);
    expect(needsChangeIndex('2.0.0', '2.0.0')).toBe(false);
  });

  it('names both versions and which of the link’s nodes changed or are gone since', () => {
    expect(needsChangeIndex('1.0.0', '2.0.0')).toBe(true);
    expect(versionNotice('1.0.0', '2.0.0', ['japan', 'b', 'gone'], index)).toEqual({
      made: '1.0.0',
      shown: '2.0.0',
      newer: false,
      nodes: { changed: ['japan'], removed: ['gone'] },
    });
    expect(versionNotice('1.5.0', '2.0.0', ['a'], index)?.nodes).toEqual({
      changed: [],
      removed: [],
    });
  });

  it('says a newer link is newer, without a list', () => {
    expect(needsChangeIndex('2.1.0', '2.0.0')).toBe(false);
    expect(versionNotice('2.1.0', '2.0.0', ['a'], null)).toEqual({
      made: '2.1.0',
      shown: '2.0.0',
      newer: true,
      nodes: null,
    });
  });

  it('has no list where the index cannot say: edited data, or an index behind the data', () => {
    expect(versionNotice('1.0.0', '2.0.0+data.abcdef012345', ['a'], index)?.nodes).toBeNull();
    expect(versionNotice('1.0.0+data.abcdef012345', '2.0.0', ['a'], index)?.nodes).toBeNull();
    expect(versionNotice('1.0.0', '3.0.0', ['a'], index)?.nodes).toBeNull();
    expect(versionNotice('1.0.0', '2.0.0', ['a'], null)?.nodes).toBeNull();
  });

  it('orders versions by their numbers, not as text', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('1.4.0+data.x', '1.4.0')).toBe(0);
  });

  it('finds what the recorded index says of a node since 1.3.0', () => {
    const since = (recorded as NodeChangeIndex).since['1.3.0']!;
    const changed = since.changed[0]!;
    const notice = versionNotice('1.3.0', DATASET_VERSION, [changed], recorded as NodeChangeIndex);
    expect(notice?.nodes).toEqual({ changed: [changed], removed: [] });
  });
});

describe('the version of the data shown', () => {
  it('is the release when the Plan node was seeded from its data, or says the data differ', () => {
    const plan = (f: string) => ({ kind: 'Plan', seed_fingerprint: f });
    expect(dataVersionOf([{ kind: 'Agency' }, plan(DATASET_FINGERPRINT)])).toBe(DATASET_VERSION);
    expect(dataVersionOf([plan('ab'.repeat(32))])).toBe(
      `${DATASET_VERSION}+data.${'ab'.repeat(6)}`,
    );
    expect(dataVersionOf([])).toBe(DATASET_VERSION);
  });
});
