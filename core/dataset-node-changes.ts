import type { Diff } from './dataset-diff';

/**
 * Which nodes changed since each earlier release, by id: what a link or saved view made
 * with an older release needs to say which of its nodes may now show something else.
 * core/dataset-node-changes.json is written by `npm run dataset:changes` (scripts/
 * dataset-changes.ts) from core/dataset-diff.ts's Diff of each release against the current
 * data; a unit test keeps it in step with core/dataset-releases.json. Pure: the browser
 * loads the file only when a link's version differs from the data shown.
 *
 * A node counts as changed when any of its own properties changed, or when a relationship
 * that starts or ends at it was added, removed or changed: either can change what a link
 * naming it shows (its panel, its neighbours, a path through it). A node whose label
 * changed but whose id stayed is changed, not removed, since links name nodes by id alone.
 */

/** What became of nodes between one earlier release and the current data. */
export interface NodeChangesSince {
  /** Ids of nodes that release had and the current data have not, sorted. */
  removed: string[];
  /** Ids of nodes in both whose properties or relationships changed, sorted. */
  changed: string[];
}

export interface NodeChangeIndex {
  /** The version the index compares with: DATASET_VERSION when it is up to date. */
  current: string;
  /** One entry per earlier release, keyed by its version. */
  since: Record<string, NodeChangesSince>;
}

const sorted = (ids: Set<string>) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The node ids removed and changed in a diff from an earlier release to the current data. */
export function nodeChangesOf(diff: Diff): NodeChangesSince {
  const ids = (change: string) =>
    new Set(diff.nodes.filter((n) => n.change === change).map((n) => n.id));
  const [added, gone] = [ids('added'), ids('removed')];
  const changed = ids('changed');
  // Removed under one label and added under another: the id still opens a node.
  for (const id of gone) if (added.has(id)) changed.add(id);
  for (const r of diff.relationships) changed.add(r.from).add(r.to);
  const removed = new Set([...gone].filter((id) => !added.has(id)));
  // A node new since then is not "changed": a link made then cannot name it.
  for (const id of added) if (!gone.has(id)) changed.delete(id);
  for (const id of removed) changed.delete(id);
  return { removed: sorted(removed), changed: sorted(changed) };
}

/** What the index says of the given ids since `version`, each id once; undefined when it has no entry for it. */
export function changesFor(
  index: NodeChangeIndex,
  version: string,
  ids: readonly string[],
): NodeChangesSince | undefined {
  const since = index.since[version];
  if (!since) return undefined;
  const wanted = new Set(ids);
  return {
    removed: since.removed.filter((id) => wanted.has(id)),
    changed: since.changed.filter((id) => wanted.has(id)),
  };
}
