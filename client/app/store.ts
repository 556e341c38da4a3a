import type { NodeDetails } from '../../core/api/nodes';
import type { Paths } from '../../core/api/paths';
import { DATASET_VERSION } from '../../core/dataset';
import type { EdgeData, Elements, NodeData } from '../api';
import type { VersionNotice } from '../model/link-version';
import { type Actions, type AppState, actions, type LayoutName } from '../model/state';
import type { Decoded } from '../model/url-state';
import type { Loaded, Visible } from '../model/visibility';
import type { Dispatch } from '../views/controls';

export type CopyResult = 'copied' | 'failed' | null;
/** How the canvas is arranged: one of the diagram's layouts, or the underpins view's own. */
export type Arrangement = LayoutName | 'underpins';

/**
 * Everything the explorer holds: the view a link restores (`state`, changed by the named
 * actions of model/state.ts), what was fetched for it, and where the page stands.
 */
export interface ExplorerState {
  /** The view: what the URL encodes, and what Back, Undo and a link restore. */
  state: AppState;
  /** What the link that opened the view said that could not be understood. */
  linkProblems: string[];
  /** The dataset version the link that opened the view was made with, if it says (`dv`). */
  linkVersion: string | null;
  /** The version of the data shown: the release's until the plan is loaded, then the data's own. */
  dataVersion: string;
  /** What is said of a link made with another dataset version, until dismissed. */
  versionNotice: VersionNotice | null;
  /** What has been fetched: the whole plan, expansions, the current path, the selected node's details. */
  loaded: Loaded<NodeData, EdgeData>;
  nodeIndex: Map<string, NodeData>;
  details: NodeDetails | null;
  detailsLoading: boolean;
  /** The path finder's answer; its nodes, each once, are `loaded.path.nodes`. */
  pathResult: Paths | null;
  /** The node the search box found last, marked on the canvas. */
  hit: string | null;
  visible: Visible;
  copyResult: CopyResult;
  /** Position in the browser history of this app's own entries, for Undo/Redo buttons. */
  historyIndex: number;
  historyLength: number;
  /** Where focus was before it moved to the panel, to return it there when the panel closes. */
  returnFocus: HTMLElement | null;
  focusPanelWhenReady: boolean;
  /** The arrangement the canvas was last laid out with, and the nodes it last framed. */
  laidOut: Arrangement | null;
  framed: string;
}

/** How the view changed: by an action of the user's, or by the browser's history (Back, Forward, a link). */
export type ChangeCause = 'action' | 'history';
export type Subscriber = (before: AppState, cause: ChangeCause) => void;
/** Told of an action that changed nothing (hiding what is hidden already, say), to say so. */
export type UnchangedListener = (name: keyof Actions, args: unknown[]) => void;

/** The named changes of the explorer's state; nothing else writes to it. */
export interface StoreChanges {
  /** Applies a named action to the view; a change is told to the subscribers. */
  dispatch: Dispatch;
  /** The view the browser's history holds at entry `historyIndex`, told to the subscribers. */
  restore(decoded: Decoded, historyIndex: number): void;
  /** Subscribers are told of every change of the view, in the order they subscribed. */
  subscribe(subscriber: Subscriber): void;
  /** Listeners are told of every action that left the view as it was. */
  onUnchanged(listener: UnchangedListener): void;
  /** This app's history now ends at entry `index`: there is nothing after it to redo. */
  newHistoryEntry(index: number): void;
  addElements(elements: Elements): void;
  expansionLoaded(id: string, neighbours: string[]): void;
  /** The analysts' records (events) linked to node `id`, added for its focus. */
  analystsLoaded(id: string, events: string[]): void;
  setPath(result: Paths | null): void;
  forgetDetails(): void;
  loadingDetails(): void;
  /** The details of node `id` arrived; they are kept only if it is still the one selected. */
  detailsArrived(id: string, details: NodeDetails): void;
  setHit(id: string | null): void;
  setVisible(visible: Visible): void;
  setDataVersion(version: string): void;
  setVersionNotice(notice: VersionNotice | null): void;
  setCopyResult(result: CopyResult): void;
  rememberReturnFocus(element: HTMLElement): void;
  /** Where focus returns when the panel closes, forgotten once taken. */
  takeReturnFocus(): HTMLElement | null;
  setFocusPanelWhenReady(wanted: boolean): void;
  laidOutAs(arrangement: Arrangement, shown: string): void;
  framedAs(shown: string): void;
}

export type Store = Readonly<ExplorerState> & StoreChanges;

export const pairKey = (e: Pick<EdgeData, 'source' | 'type' | 'target'>) =>
  `${e.source}|${e.type}|${e.target}`;

/** A node's name in the chosen language, or its id while it is not loaded. */
export function nameOf(store: Readonly<ExplorerState>, id: string): string {
  const n = store.nodeIndex.get(id);
  return n ? String(store.state.lang === 'ja' ? n.name_ja : n.name_en) : id;
}

export function createStore(decoded: Decoded): Store {
  const s: ExplorerState = {
    state: decoded.state,
    linkProblems: decoded.problems,
    linkVersion: decoded.version,
    dataVersion: DATASET_VERSION,
    versionNotice: null,
    loaded: {
      nodes: [],
      edges: [],
      expansions: {},
      path: { nodes: [], edges: [] },
      analysts: {},
    },
    nodeIndex: new Map(),
    details: null,
    detailsLoading: false,
    pathResult: null,
    hit: null,
    visible: { nodes: new Set(), edges: new Set() },
    copyResult: null,
    historyIndex: 0,
    historyLength: 0,
    returnFocus: null,
    focusPanelWhenReady: false,
    laidOut: null,
    framed: '',
  };
  const subscribers: Subscriber[] = [];
  const unchangedListeners: UnchangedListener[] = [];
  const tell = (before: AppState, cause: ChangeCause) => {
    for (const subscriber of subscribers) subscriber(before, cause);
  };

  const changes: StoreChanges = {
    dispatch: (name, ...args) => {
      const before = s.state;
      const action = actions[name] as (s: AppState, ...a: unknown[]) => AppState;
      s.state = action(s.state, ...args);
      if (s.state === before) {
        for (const listener of unchangedListeners) listener(name, args);
        return;
      }
      s.copyResult = null;
      tell(before, 'action');
    },
    restore: (decoded, historyIndex) => {
      const before = s.state;
      s.linkProblems = decoded.problems;
      s.linkVersion = decoded.version;
      s.historyIndex = historyIndex;
      s.state = decoded.state;
      s.copyResult = null;
      tell(before, 'history');
    },
    subscribe: (subscriber) => {
      subscribers.push(subscriber);
    },
    onUnchanged: (listener) => {
      unchangedListeners.push(listener);
    },
    newHistoryEntry: (index) => {
      s.historyIndex = index;
      s.historyLength = index + 1;
    },
    addElements: (elements) => {
      for (const n of elements.nodes) {
        if (!s.nodeIndex.has(n.data.id)) {
          s.nodeIndex.set(n.data.id, n.data);
          s.loaded.nodes.push(n.data);
        }
      }
      // One relationship per pair and type, however many times the graph holds it.
      const known = new Set(s.loaded.edges.flatMap((e) => [e.id, pairKey(e)]));
      for (const e of elements.edges) {
        if (known.has(e.data.id) || known.has(pairKey(e.data))) continue;
        known.add(pairKey(e.data));
        s.loaded.edges.push(e.data);
      }
    },
    expansionLoaded: (id, neighbours) => {
      s.loaded.expansions[id] = neighbours;
    },
    analystsLoaded: (id, events) => {
      s.loaded.analysts = { ...s.loaded.analysts, [id]: events };
    },
    setPath: (result) => {
      s.pathResult = result;
      // Each id once, in the order the paths meet them: what "open as list" lists.
      s.loaded.path = {
        nodes: [...new Set(result ? result.paths.flatMap((p) => p.nodes) : [])],
        edges: [...new Set(result ? result.paths.flatMap((p) => p.edges) : [])],
      };
    },
    forgetDetails: () => {
      s.details = null;
    },
    loadingDetails: () => {
      s.detailsLoading = true;
    },
    detailsArrived: (id, details) => {
      if (s.state.selected === id) s.details = details;
      s.detailsLoading = false;
    },
    setHit: (id) => {
      s.hit = id;
    },
    setVisible: (visible) => {
      s.visible = visible;
    },
    setDataVersion: (version) => {
      s.dataVersion = version;
    },
    setVersionNotice: (notice) => {
      s.versionNotice = notice;
    },
    setCopyResult: (result) => {
      s.copyResult = result;
    },
    rememberReturnFocus: (element) => {
      s.returnFocus = element;
    },
    takeReturnFocus: () => {
      const element = s.returnFocus;
      s.returnFocus = null;
      return element;
    },
    setFocusPanelWhenReady: (wanted) => {
      s.focusPanelWhenReady = wanted;
    },
    laidOutAs: (arrangement, shown) => {
      s.laidOut = arrangement;
      s.framed = shown;
    },
    framedAs: (shown) => {
      s.framed = shown;
    },
  };
  return Object.assign(s, changes);
}
