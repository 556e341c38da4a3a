import { DATASET_VERSION, versionFor } from '../../core/dataset';
import {
  changesFor,
  type NodeChangeIndex,
  type NodeChangesSince,
} from '../../core/dataset-node-changes';
import { DATASET_RELEASES, findRelease } from '../../core/dataset-releases';
import { type AppState, DEFAULT_PATH_OPTIONS } from './state';

/**
 * Links and saved views are pinned to the dataset version they were made with (`dv=` in the
 * fragment). Opened on other data, the explorer says so and names which of the link's nodes
 * changed or are gone since (core/dataset-node-changes.json), rather than silently showing
 * something else. Pure: the app's side is client/app/version-notice.ts.
 */

/** MAJOR.MINOR.PATCH, with the build metadata that marks data that are not a release. */
const VERSION = /^(\d{1,6})\.(\d{1,6})\.(\d{1,6})(\+[0-9A-Za-z.-]{1,64})?$/;

/** The release a version stands for: 1.4.0+data.9a7ddacb2a68 → 1.4.0. */
export const releaseOf = (version: string): string => version.split('+')[0]!;

/** Compares the release parts of two well-formed versions: negative when `a` is older. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => releaseOf(v).split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i += 1) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

/**
 * What is wrong with a link's `dv`, or null when it is understood: a recorded release
 * (core/dataset-releases.json), with or without build metadata, or a release newer than
 * the newest this copy knows (a link from a newer site).
 */
export function linkVersionProblem(version: string): string | null {
  if (!VERSION.test(version)) return `malformed dataset version "${version}"`;
  const newest = DATASET_RELEASES.at(-1)?.version ?? DATASET_VERSION;
  if (findRelease(releaseOf(version)) || compareVersions(version, newest) > 0) return null;
  return `unknown dataset version "${version}"`;
}

/** The version of the data the explorer loaded: the Plan node's seed fingerprint, else the release. */
export function dataVersionOf(nodes: Iterable<Record<string, unknown>>): string {
  return versionFor(planFingerprintOf(nodes) ?? '');
}

/** The fingerprint the data were seeded from, as the Plan node states it, if it does. */
export function planFingerprintOf(nodes: Iterable<Record<string, unknown>>): string | undefined {
  for (const n of nodes) {
    const f = n.seed_fingerprint;
    if (n.kind === 'Plan' && typeof f === 'string' && /^[0-9a-f]{64}$/.test(f)) return f;
  }
  return undefined;
}

/**
 * The nodes a link names, each once, in the order a reader meets them: the selection, the
 * event, the focus, the path's ends, the nodes it avoids (when not the default hubs), the
 * listed search results, then the expanded and hidden ones.
 */
export function linkNodeIds(state: AppState): string[] {
  const { path } = state;
  const avoid =
    path.avoid.join(',') === DEFAULT_PATH_OPTIONS.avoid.join(',') ? [] : [...path.avoid];
  const ids = [
    state.selected,
    state.event,
    state.focus?.id ?? null,
    path.from,
    path.to,
    ...avoid,
    ...(state.list?.kind === 'search' ? state.list.ids : []),
    ...state.expanded,
    ...state.hidden,
  ];
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/** What the explorer says of a link made with another version than the data shown. */
export interface VersionNotice {
  /** The version the link was made with. */
  made: string;
  /** The version of the data shown. */
  shown: string;
  /** The link is from newer data than this copy holds: nothing can be said of its nodes. */
  newer: boolean;
  /** Of the link's nodes, those changed and removed since `made`; null when that is not known. */
  nodes: NodeChangesSince | null;
}

/** Whether telling the link's nodes apart needs the change index: the link is older than the data. */
export function needsChangeIndex(made: string | null, shown: string): boolean {
  return made !== null && made !== shown && compareVersions(made, shown) < 0;
}

/**
 * The notice for a link made with `made` (null: an old link or saved view that records no
 * version, which says nothing) opened on data of version `shown`. The index lists nodes
 * only when it compares with the data shown and the link's release is in it; a link whose
 * build metadata is all that differs gets the notice without a list.
 */
export function versionNotice(
  made: string | null,
  shown: string,
  ids: readonly string[],
  index: NodeChangeIndex | null,
): VersionNotice | null {
  if (made === null || made === shown) return null;
  const newer = compareVersions(made, shown) > 0;
  const comparable =
    !newer && index !== null && index.current === shown && made === releaseOf(made);
  return {
    made,
    shown,
    newer,
    nodes: comparable ? (changesFor(index, made, ids) ?? null) : null,
  };
}
