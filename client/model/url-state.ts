import {
  IMPLEMENTATION_STATUSES,
  type ImplementationStatus,
} from '../../core/model/implementation';
import { LAYERS } from '../../core/model/layers';
import { MAX_AVOIDED, MAX_PATHS, PATH_VIA, type PathVia } from '../../core/model/path-options';
import { encodeRange, parseDay, parseRange } from '../timeline/timeline-model';
import { PLAN_ADOPTED } from './agreement-milestones';
import { IMPLEMENTATION_COLUMNS, type ImplementationColumn } from './implementation-model';
import { linkVersionProblem } from './link-version';
import { isNodeKind, isRelType, type NodeKind, type RelType } from './palette';
import {
  type AppState,
  COUNTRIES,
  type Country,
  DEFAULT_FILTERS,
  DEFAULT_PATH_OPTIONS,
  initialState,
  LAYOUTS,
  type Lang,
  type LayoutName,
  LIST_KINDS,
  type Metric,
  PILLARS,
  type Pillar,
  TABS,
  type Tab,
} from './state';
import { isAsOf } from './status-as-of';
import { decodeTable, encodeTable } from './table-model';

/**
 * The view as a URL fragment, so a link reopens the same view: layout, filters,
 * selection, language, expanded and hidden nodes, focus, path, metric and the day facts
 * are taken as of, and the dataset version it was made with (`dv`, model/link-version.ts);
 * `embed=1` shows the view as an embed (client/app/embed.ts). Only what differs from the
 * defaults is written. Reading a link never throws: whatever is not
 * understood is dropped and named in `problems`, so the user can be told.
 */

const METRICS: Metric[] = ['none', 'degree', 'betweenness', 'pagerank'];
const ID = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/;
const isLayers = (v: string) => (LAYERS as readonly string[]).includes(v);
const isVia = (v: string): v is PathVia => (PATH_VIA as readonly string[]).includes(v);

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** The view as a fragment, pinned to `version`: the dataset version of the data it was made on. */
export function encodeState(state: AppState, version: string): string {
  const base = initialState(state.lang);
  const p = new URLSearchParams();
  p.set('dv', version);
  p.set('lang', state.lang);
  if (state.layout !== base.layout) p.set('layout', state.layout);
  if (state.tab !== base.tab) p.set('tab', state.tab);
  const f = state.filters;
  if (!sameSet(f.kinds, DEFAULT_FILTERS.kinds)) p.set('kinds', f.kinds.join(','));
  if (!sameSet(f.types, DEFAULT_FILTERS.types)) p.set('types', f.types.join(','));
  if (!sameSet(f.pillars, DEFAULT_FILTERS.pillars)) p.set('pillars', f.pillars.join(','));
  if (!sameSet(f.countries, DEFAULT_FILTERS.countries)) p.set('countries', f.countries.join(','));
  if (f.themes.length) p.set('themes', f.themes.join(','));
  if (!sameSet(f.statuses, DEFAULT_FILTERS.statuses)) p.set('statuses', f.statuses.join(','));
  const impl = state.implementation;
  if (impl.sort.column !== 'ref' || impl.sort.descending)
    p.set('isort', `${impl.sort.column}~${impl.sort.descending ? 'desc' : 'asc'}`);
  if (impl.cell) p.set('icell', `${impl.cell.pillar ?? ''}~${impl.cell.status ?? ''}`);
  if (state.selected) p.set('sel', state.selected);
  if (state.expanded.length) p.set('exp', state.expanded.join(','));
  if (state.hidden.length) p.set('hidden', state.hidden.join(','));
  if (state.focus) p.set('focus', `${state.focus.id}~${state.focus.hops}`);
  const path = state.path;
  if (path.from || path.to) p.set('path', `${path.from ?? ''}~${path.to ?? ''}`);
  // The path finder's options, kept without ends too, so that Back undoes a click on them.
  if (path.via.length) p.set('via', path.via.join(','));
  if (path.avoid.join(',') !== DEFAULT_PATH_OPTIONS.avoid.join(','))
    p.set('avoid', path.avoid.join(','));
  if (path.k !== DEFAULT_PATH_OPTIONS.k) p.set('paths', String(path.k));
  if (state.metric !== base.metric) p.set('metric', state.metric);
  if (state.range) p.set('range', encodeRange(state.range));
  if (state.quietSince) p.set('quiet', state.quietSince);
  if (state.event) p.set('ev', state.event);
  if (state.asOf !== base.asOf) p.set('asof', state.asOf);
  if (state.list) {
    p.set('list', state.list.kind);
    if (state.list.kind === 'search') {
      p.set('lq', state.list.q);
      p.set('lids', state.list.ids.join(','));
    }
  }
  encodeTable(state.table, p);
  if (state.embed) p.set('embed', '1');
  return p.toString();
}

export interface Decoded {
  state: AppState;
  problems: string[];
  /** The dataset version the link was made with; null when it names none (an older link) or one not understood. */
  version: string | null;
}

export function decodeState(fragment: string, fallbackLang: Lang): Decoded {
  const p = new URLSearchParams(fragment.replace(/^#/, ''));
  const problems: string[] = [];
  const state = initialState(fallbackLang);

  const one = <T extends string>(key: string, allowed: readonly T[], apply: (v: T) => void) => {
    const v = p.get(key);
    if (v === null) return;
    if ((allowed as readonly string[]).includes(v)) apply(v as T);
    else problems.push(`unknown ${key} "${v}"`);
  };
  const list = <T extends string>(
    key: string,
    valid: (v: string) => boolean,
    apply: (v: T[]) => void,
  ) => {
    const v = p.get(key);
    if (v === null) return;
    const items = v.split(',').filter(Boolean);
    const bad = items.filter((i) => !valid(i));
    if (bad.length) problems.push(`unknown ${key} ${bad.map((b) => `"${b}"`).join(', ')}`);
    apply(items.filter(valid) as T[]);
  };
  const id = (v: string) => ID.test(v);

  let version: string | null = null;
  const dv = p.get('dv');
  if (dv !== null) {
    const problem = linkVersionProblem(dv);
    if (problem) problems.push(problem);
    else version = dv;
  }

  one<Lang>('lang', ['ja', 'en'], (v) => {
    state.lang = v;
  });
  // "What underpins what" was a layout before it became a view of its own; old links still open it.
  if (p.get('layout') === 'underpins') {
    p.delete('layout');
    if (!p.has('tab')) p.set('tab', 'underpins');
  }
  one<LayoutName>('layout', LAYOUTS, (v) => {
    state.layout = v;
  });
  one<Tab>('tab', TABS, (v) => {
    state.tab = v;
  });
  one<Metric>('metric', METRICS, (v) => {
    state.metric = v;
  });
  list<NodeKind>('kinds', isNodeKind, (v) => {
    state.filters = { ...state.filters, kinds: v };
  });
  list<RelType>('types', isRelType, (v) => {
    state.filters = { ...state.filters, types: v };
  });
  list<Pillar>(
    'pillars',
    (v) => (PILLARS as readonly string[]).includes(v),
    (v) => {
      state.filters = { ...state.filters, pillars: v };
    },
  );
  list<Country>(
    'countries',
    (v) => (COUNTRIES as readonly string[]).includes(v),
    (v) => {
      state.filters = { ...state.filters, countries: v };
    },
  );
  list<string>(
    'themes',
    (v) => /^theme\/[a-z_]+$/.test(v),
    (v) => {
      state.filters = { ...state.filters, themes: v };
    },
  );
  list<ImplementationStatus>(
    'statuses',
    (v) => (IMPLEMENTATION_STATUSES as readonly string[]).includes(v),
    (v) => {
      state.filters = {
        ...state.filters,
        statuses: IMPLEMENTATION_STATUSES.filter((x) => v.includes(x)),
      };
    },
  );
  const isort = p.get('isort');
  if (isort !== null) {
    const [column = '', order = ''] = isort.split('~');
    if (
      (IMPLEMENTATION_COLUMNS as readonly string[]).includes(column) &&
      (order === 'asc' || order === 'desc')
    )
      state.implementation = {
        ...state.implementation,
        sort: { column: column as ImplementationColumn, descending: order === 'desc' },
      };
    else problems.push(`malformed implementation sort "${isort}"`);
  }
  const icell = p.get('icell');
  if (icell !== null) {
    const [pillar = '', status = '', ...rest] = icell.split('~');
    const okPillar = pillar === '' || (PILLARS as readonly string[]).includes(pillar);
    const okStatus =
      status === '' || (IMPLEMENTATION_STATUSES as readonly string[]).includes(status);
    if (okPillar && okStatus && (pillar || status) && rest.length === 0)
      state.implementation = {
        ...state.implementation,
        cell: {
          pillar: (pillar || null) as Pillar | null,
          status: (status || null) as ImplementationStatus | null,
        },
      };
    else problems.push(`malformed implementation cell "${icell}"`);
  }
  list<string>('exp', id, (v) => {
    state.expanded = v;
  });
  list<string>('hidden', id, (v) => {
    state.hidden = v;
  });
  const sel = p.get('sel');
  if (sel !== null) {
    if (id(sel)) state.selected = sel;
    else problems.push(`malformed selection "${sel}"`);
  }
  const focus = p.get('focus');
  if (focus !== null) {
    const [fid = '', hops = ''] = focus.split('~');
    const n = Number(hops);
    if (id(fid) && [1, 2, 3].includes(n)) state.focus = { id: fid, hops: n };
    else problems.push(`malformed focus "${focus}"`);
  }
  const path = p.get('path');
  if (path !== null) {
    // Links made before the options had a third part (1: away from the hierarchy, themes and
    // the countries' links; 0: through anything) and a fourth naming the layers.
    const [from = '', to = '', legacy, layers = 'plan', ...rest] = path.split('~');
    if (
      (from === '' || id(from)) &&
      (to === '' || id(to)) &&
      (legacy === undefined || ['0', '1'].includes(legacy)) &&
      isLayers(layers) &&
      rest.length === 0
    ) {
      const via: PathVia[] = legacy === '0' ? ['structure', 'themes'] : [];
      if (layers === 'all') via.push('events');
      state.path = {
        ...state.path,
        from: from || null,
        to: to || null,
        ...(legacy === undefined
          ? {}
          : { via, avoid: legacy === '0' ? [] : [...DEFAULT_PATH_OPTIONS.avoid] }),
      };
    } else problems.push(`malformed path "${path}"`);
  }
  list<PathVia>('via', isVia, (v) => {
    state.path = { ...state.path, via: PATH_VIA.filter((x) => v.includes(x)) };
  });
  const avoid = p.get('avoid');
  if (avoid !== null) {
    const items = [...new Set(avoid.split(',').filter(Boolean))];
    const bad = items.filter((i) => !id(i));
    if (bad.length) problems.push(`unknown avoid ${bad.map((b) => `"${b}"`).join(', ')}`);
    const good = items.filter(id);
    if (good.length > MAX_AVOIDED) problems.push(`more than ${MAX_AVOIDED} nodes to avoid`);
    // Nothing understood is not "avoid nothing": the hubs stay avoided.
    if (good.length || !bad.length)
      state.path = { ...state.path, avoid: good.slice(0, MAX_AVOIDED) };
  }
  const k = p.get('paths');
  if (k !== null) {
    const n = Number(k);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_PATHS) state.path = { ...state.path, k: n };
    else problems.push(`malformed number of paths "${k}"`);
  }
  const range = p.get('range');
  if (range !== null) {
    state.range = parseRange(range);
    if (!state.range) problems.push(`malformed range "${range}"`);
  }
  const quiet = p.get('quiet');
  if (quiet !== null) {
    state.quietSince = parseDay(quiet);
    if (!state.quietSince) problems.push(`malformed quiet date "${quiet}"`);
  }
  const ev = p.get('ev');
  if (ev !== null) {
    if (/^ev-[a-z0-9-]{1,80}$/.test(ev)) state.event = ev;
    else problems.push(`malformed event "${ev}"`);
  }
  const asOf = p.get('asof');
  if (asOf !== null) {
    if (isAsOf(asOf)) state.asOf = asOf;
    else problems.push(`malformed as-of "${asOf}" (plan, today, or a day from ${PLAN_ADOPTED})`);
  }
  const listed = p.get('list');
  if (listed !== null) {
    if (listed === 'search') {
      const q = (p.get('lq') ?? '').slice(0, 200);
      const ids = (p.get('lids') ?? '').split(',').filter(Boolean);
      if (q && ids.every(id)) state.list = { kind: 'search', q, ids };
      else problems.push('malformed search list');
    } else if ((LIST_KINDS as readonly string[]).includes(listed))
      state.list = { kind: listed as 'quiet' | 'path' | 'focus' };
    else problems.push(`unknown list "${listed}"`);
  }
  state.table = decodeTable(p, problems);
  const embed = p.get('embed');
  if (embed !== null) {
    if (embed === '1') state.embed = true;
    else if (embed !== '0') problems.push(`malformed embed "${embed}" (1 or 0)`);
  }
  return { state, problems, version };
}
