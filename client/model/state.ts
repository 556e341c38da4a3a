import { HUB_RELATIONSHIP_TYPES } from '../../core/model/graph-model';
import {
  IMPLEMENTATION_STATUSES,
  type ImplementationStatus,
} from '../../core/model/implementation';
import {
  DEFAULT_PATHS,
  MAX_AVOIDED,
  MAX_PATHS,
  PATH_HUBS,
  PATH_VIA,
  type PathVia,
} from '../../core/model/path-options';
import type { DateRange } from '../timeline/timeline-model';
import {
  DEFAULT_IMPLEMENTATION_SORT,
  type ImplementationColumn,
  type ImplementationSort,
} from './implementation-model';
import { NODE_KINDS, type NodeKind, REL_TYPES, type RelType } from './palette';
import type { AsOf } from './status-as-of';
import { DEFAULT_TABLE, type TableColumn, type TableView } from './table-model';

/**
 * The explorer's one typed state. Actions below are pure: they take a state and return
 * the next one; the canvas and views derive everything they show from it.
 */

export type Lang = 'ja' | 'en';
export type LayoutName = 'clusters' | 'preset' | 'fcose' | 'hierarchy' | 'concentric';
export const LAYOUTS: LayoutName[] = ['clusters', 'preset', 'fcose', 'hierarchy', 'concentric'];
export type Metric = 'none' | 'degree' | 'betweenness' | 'pagerank';
/**
 * The four views: the diagram, "what underpins what" (diagram and list), the table, and
 * the implementation monitor (where each commitment stands).
 */
export type Tab = 'graph' | 'underpins' | 'table' | 'implementation';
export const TABS: Tab[] = ['graph', 'underpins', 'table', 'implementation'];
/** Whether a view shows the canvas (the table and the implementation view cover it). */
export const showsCanvas = (tab: Tab) => tab === 'graph' || tab === 'underpins';
export const PILLARS = ['I', 'II', 'III', 'IV'] as const;
export type Pillar = (typeof PILLARS)[number];
export const COUNTRIES = ['JP', 'MN', 'US', 'KP', 'bilateral', 'multilateral'] as const;
export type Country = (typeof COUNTRIES)[number];

export interface Filters {
  kinds: NodeKind[];
  types: RelType[];
  pillars: Pillar[];
  countries: Country[];
  /** Theme ids (theme/defence …); empty means every theme. */
  themes: string[];
  /** The implementation statuses whose commitments are shown (as of the as-of day). */
  statuses: ImplementationStatus[];
}

/** The Implementation view's list: its order, and the table cell it was narrowed to. */
export interface ImplementationView {
  sort: ImplementationSort;
  /** A pillar (or every pillar, null) at a status (or any, null); null for every commitment. */
  cell: { pillar: Pillar | null; status: ImplementationStatus | null } | null;
}
export const DEFAULT_IMPLEMENTATION_VIEW: ImplementationView = {
  sort: DEFAULT_IMPLEMENTATION_SORT,
  cell: null,
};

export interface PathQuery {
  from: string | null;
  to: string | null;
  /**
   * What a path may go through beyond the plan's actors and instruments: its structure
   * (pillars and areas), its themes, analysts' records (events). None at first.
   */
  via: PathVia[];
  /** Nodes no path may go through: the two country hubs at first (PATH_HUBS). */
  avoid: string[];
  /** How many paths, shortest first (1–MAX_PATHS). */
  k: number;
}

/** The path finder's options at first: paths through actors and instruments, around the hubs. */
export const DEFAULT_PATH_OPTIONS: Omit<PathQuery, 'from' | 'to'> = {
  via: [],
  avoid: [...PATH_HUBS],
  k: DEFAULT_PATHS,
};
/**
 * A set the canvas counts, opened as a list (the table restricted to it): the commitments
 * quiet since the chosen day, the nodes on the paths found, those the focus shows, or a
 * search's results (kept with the words searched, so a link reopens the same list).
 */
export type ListSet =
  | { kind: 'quiet' }
  | { kind: 'path' }
  | { kind: 'focus' }
  | { kind: 'search'; q: string; ids: string[] };
export const LIST_KINDS = ['quiet', 'path', 'focus', 'search'] as const;

export interface AppState {
  lang: Lang;
  layout: LayoutName;
  tab: Tab;
  filters: Filters;
  selected: string | null;
  /** Nodes whose neighbours were expanded, in order: a link restores them. */
  expanded: string[];
  hidden: string[];
  focus: { id: string; hops: number } | null;
  path: PathQuery;
  metric: Metric;
  /** The timeline's brush: the graph shows only commitments with events in it. */
  range: DateRange | null;
  /** The timeline's "quiet since" day: commitments with no event on or after it are faded. */
  quietSince: string | null;
  /** The event whose details the side panel shows. */
  event: string | null;
  /** The day instruments' statuses are taken as of: the plan's adoption, today, or a chosen day. */
  asOf: AsOf;
  /** The set the table is restricted to, or null for every node shown. */
  list: ListSet | null;
  /** The table's sort and its filters per column. */
  table: TableView;
  implementation: ImplementationView;
  /**
   * Shown inside another page's frame: the diagram and its legend without the app's chrome.
   * Set by a link (embed=1) and kept by every view change made inside the frame.
   */
  embed: boolean;
}

export const DEFAULT_FILTERS: Filters = {
  kinds: NODE_KINDS.filter((k) => k !== 'Theme'),
  // One click away in the legend, not drawn at first (HUB_RELATIONSHIP_TYPES says why).
  types: REL_TYPES.filter((t) => !HUB_RELATIONSHIP_TYPES.includes(t)),
  pillars: [...PILLARS],
  countries: [...COUNTRIES],
  themes: [],
  statuses: [...IMPLEMENTATION_STATUSES],
};

export const initialState = (lang: Lang = 'ja'): AppState => ({
  lang,
  layout: 'clusters',
  tab: 'graph',
  filters: DEFAULT_FILTERS,
  selected: null,
  expanded: [],
  hidden: [],
  focus: null,
  path: { from: null, to: null, ...DEFAULT_PATH_OPTIONS },
  metric: 'none',
  range: null,
  quietSince: null,
  event: null,
  asOf: 'today',
  list: null,
  table: DEFAULT_TABLE,
  implementation: DEFAULT_IMPLEMENTATION_VIEW,
  embed: false,
});

const toggle = <T>(list: readonly T[], item: T): T[] =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

const sameItems = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Whether these filters are the first view's, whatever order a link listed them in. */
const defaultFilters = (f: Filters) =>
  (Object.keys(DEFAULT_FILTERS) as (keyof Filters)[]).every((key) =>
    sameItems<string>(f[key], DEFAULT_FILTERS[key]),
  );

export const actions = {
  setLanguage: (s: AppState, lang: Lang): AppState => ({ ...s, lang }),
  setLayout: (s: AppState, layout: LayoutName): AppState => ({ ...s, layout }),
  setTab: (s: AppState, tab: Tab): AppState => ({ ...s, tab }),
  select: (s: AppState, id: string | null): AppState => ({
    ...s,
    selected: id,
    event: id ? null : s.event,
  }),
  toggleKind: (s: AppState, kind: NodeKind): AppState => ({
    ...s,
    filters: { ...s.filters, kinds: toggle(s.filters.kinds, kind) },
  }),
  toggleType: (s: AppState, type: RelType): AppState => ({
    ...s,
    filters: { ...s.filters, types: toggle(s.filters.types, type) },
  }),
  togglePillar: (s: AppState, pillar: Pillar): AppState => ({
    ...s,
    filters: { ...s.filters, pillars: toggle(s.filters.pillars, pillar) },
  }),
  toggleCountry: (s: AppState, country: Country): AppState => ({
    ...s,
    filters: { ...s.filters, countries: toggle(s.filters.countries, country) },
  }),
  /** Shows or leaves out the commitments at a status; the scale's order is kept, for links. */
  toggleStatus: (s: AppState, status: ImplementationStatus): AppState => ({
    ...s,
    filters: {
      ...s.filters,
      statuses: IMPLEMENTATION_STATUSES.filter((x) =>
        x === status ? !s.filters.statuses.includes(x) : s.filters.statuses.includes(x),
      ),
    },
  }),
  setThemes: (s: AppState, themes: string[]): AppState => ({
    ...s,
    filters: { ...s.filters, themes },
  }),
  // An action that would change nothing returns the state it was given: the store tells the
  // user so (client/app/feedback.ts) rather than seeming to ignore them.
  resetFilters: (s: AppState): AppState =>
    defaultFilters(s.filters) && s.hidden.length === 0 && !s.focus
      ? s
      : { ...s, filters: DEFAULT_FILTERS, hidden: [], focus: null },
  expand: (s: AppState, id: string): AppState =>
    s.expanded.includes(id)
      ? s
      : { ...s, expanded: [...s.expanded, id], hidden: s.hidden.filter((h) => h !== id) },
  collapse: (s: AppState, id: string): AppState =>
    s.expanded.includes(id) ? { ...s, expanded: s.expanded.filter((e) => e !== id) } : s,
  hide: (s: AppState, id: string): AppState => actions.hideMany(s, [id]),
  hideMany: (s: AppState, ids: string[]): AppState => {
    const fresh = ids.filter((id, i) => !s.hidden.includes(id) && ids.indexOf(id) === i);
    if (fresh.length === 0) return s;
    return {
      ...s,
      hidden: [...s.hidden, ...fresh],
      selected: s.selected && ids.includes(s.selected) ? null : s.selected,
    };
  },
  /** Hides every shown node but these: `shown` is what the view shows now. */
  hideOthers: (s: AppState, keep: string[], shown: string[]): AppState =>
    actions.hideMany(
      s,
      shown.filter((id) => !keep.includes(id)),
    ),
  expandMany: (s: AppState, ids: string[]): AppState =>
    ids.every((id) => s.expanded.includes(id) && !s.hidden.includes(id))
      ? s
      : {
          ...s,
          expanded: [...s.expanded, ...ids.filter((id) => !s.expanded.includes(id))],
          hidden: s.hidden.filter((h) => !ids.includes(h)),
        },
  unhideAll: (s: AppState): AppState => (s.hidden.length ? { ...s, hidden: [] } : s),
  /** Shows again the node hidden last (the hidden list keeps the order they were hidden in). */
  unhideLast: (s: AppState): AppState =>
    s.hidden.length ? { ...s, hidden: s.hidden.slice(0, -1) } : s,
  focusOn: (s: AppState, id: string, hops: number): AppState =>
    s.focus?.id === id && s.focus.hops === hops && s.selected === id
      ? s
      : { ...s, focus: { id, hops }, selected: id },
  clearFocus: (s: AppState): AppState =>
    s.focus ? { ...s, focus: null, list: s.list?.kind === 'focus' ? null : s.list } : s,
  pathFrom: (s: AppState, id: string): AppState =>
    s.path.from === id ? s : { ...s, path: { ...s.path, from: id } },
  pathTo: (s: AppState, id: string): AppState =>
    s.path.to === id ? s : { ...s, path: { ...s.path, to: id } },
  /** Lets paths go through (or keeps them from) the plan's structure, its themes or events. */
  setPathVia: (s: AppState, via: PathVia, allowed: boolean): AppState =>
    s.path.via.includes(via) === allowed
      ? s
      : {
          ...s,
          path: {
            ...s.path,
            // In PATH_VIA's order, so that a link says the same however it was clicked.
            via: PATH_VIA.filter((v) => (v === via ? allowed : s.path.via.includes(v))),
          },
        },
  /** Finds paths around this node (a hub, or one clicked on a path found). */
  avoidNode: (s: AppState, id: string): AppState =>
    s.path.avoid.includes(id) || s.path.avoid.length >= MAX_AVOIDED
      ? s
      : { ...s, path: { ...s.path, avoid: [...s.path.avoid, id] } },
  allowNode: (s: AppState, id: string): AppState =>
    s.path.avoid.includes(id)
      ? { ...s, path: { ...s.path, avoid: s.path.avoid.filter((a) => a !== id) } }
      : s,
  /** Lifts every exclusion: any connection, no node avoided. */
  liftPathExclusions: (s: AppState): AppState => ({
    ...s,
    path: { ...s.path, via: [...PATH_VIA], avoid: [] },
  }),
  setPathCount: (s: AppState, k: number): AppState =>
    Number.isInteger(k) && k >= 1 && k <= MAX_PATHS && k !== s.path.k
      ? { ...s, path: { ...s.path, k } }
      : s,
  clearPath: (s: AppState): AppState => ({
    ...s,
    path: { ...s.path, from: null, to: null },
    list: s.list?.kind === 'path' ? null : s.list,
  }),
  setMetric: (s: AppState, metric: Metric): AppState => ({ ...s, metric }),
  setRange: (s: AppState, range: DateRange | null): AppState =>
    range?.from === s.range?.from && range?.to === s.range?.to ? s : { ...s, range },
  setQuietSince: (s: AppState, quietSince: string | null): AppState =>
    quietSince === s.quietSince ? s : { ...s, quietSince },
  setAsOf: (s: AppState, asOf: AsOf): AppState => (asOf === s.asOf ? s : { ...s, asOf }),
  selectEvent: (s: AppState, event: string | null): AppState => ({
    ...s,
    event,
    selected: event ? null : s.selected,
  }),
  /** Opens a counted set as a list: the table, restricted to it. */
  openList: (s: AppState, list: ListSet): AppState => ({ ...s, tab: 'table', list }),
  closeList: (s: AppState): AppState => (s.list ? { ...s, list: null } : s),
  /** Sorts by a column; the same column again turns the order round. Numbers start biggest first. */
  sortTable: (s: AppState, column: TableColumn, numeric: boolean): AppState => ({
    ...s,
    table: {
      ...s.table,
      sort: {
        column,
        descending: s.table.sort.column === column ? !s.table.sort.descending : numeric,
      },
    },
  }),
  filterTable: (s: AppState, column: TableColumn, value: string): AppState => {
    if ((s.table.filters[column] ?? '') === value) return s;
    const filters = { ...s.table.filters };
    if (value) filters[column] = value;
    else delete filters[column];
    return { ...s, table: { ...s.table, filters } };
  },
  /** Sorts the implementation list; the same column again turns the order round. */
  sortImplementation: (s: AppState, column: ImplementationColumn): AppState => ({
    ...s,
    implementation: {
      ...s.implementation,
      sort: {
        column,
        descending:
          s.implementation.sort.column === column ? !s.implementation.sort.descending : false,
      },
    },
  }),
  /** Narrows the implementation list to a cell of the pillar × status table (null: all). */
  openImplementationCell: (
    s: AppState,
    pillar: Pillar | null,
    status: ImplementationStatus | null,
  ): AppState => {
    const cell = pillar || status ? { pillar, status } : null;
    const had = s.implementation.cell;
    if (had?.pillar === cell?.pillar && had?.status === cell?.status && s.tab === 'implementation')
      return s;
    return { ...s, tab: 'implementation', implementation: { ...s.implementation, cell } };
  },
  clearTableFilters: (s: AppState): AppState =>
    Object.keys(s.table.filters).length ? { ...s, table: { ...s.table, filters: {} } } : s,
};

export type Actions = typeof actions;
