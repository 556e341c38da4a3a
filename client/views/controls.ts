import { KIND_STYLES, NODE_KINDS, REL_STYLES, REL_TYPES } from '../model/palette';
import { type Actions, type AppState, COUNTRIES, type Metric, PILLARS } from '../model/state';
import { h } from './dom';
import { t } from './labels';

type Dispatch = <K extends keyof Actions>(
  name: K,
  ...args: Actions[K] extends (s: AppState, ...a: infer A) => AppState ? A : never
) => void;

export interface ControlsContext {
  dispatch: Dispatch;
  themes: { id: string; name_ja: string; name_en: string }[];
  nameOf(id: string): string;
}

const COUNTRY_NAMES: Record<string, { en: string; ja: string }> = {
  JP: { en: 'Japan', ja: '日本' },
  MN: { en: 'Mongolia', ja: 'モンゴル' },
  US: { en: 'United States', ja: '米国' },
  KP: { en: 'North Korea', ja: '北朝鮮' },
  bilateral: { en: 'Japan–Mongolia (bilateral)', ja: '日・モンゴル（二国間）' },
  multilateral: { en: 'International', ja: '国際・多国間' },
};

function swatch(colour: string, shape: 'node' | 'solid' | 'dashed' | 'dotted'): HTMLElement {
  const el = h('span', { className: `swatch ${shape}`, 'aria-hidden': 'true' });
  if (shape === 'node') el.style.background = colour;
  else el.style.borderTopColor = colour;
  return el;
}

function checkbox(
  label: (Node | string)[],
  checked: boolean,
  onChange: () => void,
  testId: string,
): HTMLElement {
  return h(
    'label',
    { className: 'check' },
    h('input', { type: 'checkbox', checked, onchange: onChange, 'data-test': testId }),
    ...label,
  );
}

/** The left panel: legend with the kind and relationship filters, pillar, country and theme filters, node sizing and path finding. */
export function renderControls(el: HTMLElement, state: AppState, ctx: ControlsContext): void {
  const { lang, filters } = state;
  const d = ctx.dispatch;
  const section = (title: string, ...children: (Node | null)[]) =>
    h('fieldset', {}, h('legend', {}, title), ...children.filter((c): c is Node => c !== null));

  const kinds = section(
    t(lang, 'kinds'),
    ...NODE_KINDS.map((kind) =>
      checkbox(
        [swatch(KIND_STYLES[kind].colour, 'node'), KIND_STYLES[kind][lang]],
        filters.kinds.includes(kind),
        () => d('toggleKind', kind),
        `kind-${kind}`,
      ),
    ),
  );
  const rels = section(
    t(lang, 'relationships'),
    ...REL_TYPES.map((type) =>
      checkbox(
        [
          swatch(REL_STYLES[type].colour, REL_STYLES[type].line),
          `${REL_STYLES[type][lang]} (${type})`,
        ],
        filters.types.includes(type),
        () => d('toggleType', type),
        `rel-${type}`,
      ),
    ),
  );
  const pillars = section(
    t(lang, 'pillars'),
    ...PILLARS.map((p) =>
      checkbox([` ${p}`], filters.pillars.includes(p), () => d('togglePillar', p), `pillar-${p}`),
    ),
  );
  const countries = section(
    t(lang, 'countries'),
    ...COUNTRIES.map((c) =>
      checkbox(
        [COUNTRY_NAMES[c]![lang]],
        filters.countries.includes(c),
        () => d('toggleCountry', c),
        `country-${c}`,
      ),
    ),
  );
  const themeSelect = h(
    'select',
    {
      id: 'theme-filter',
      'aria-label': t(lang, 'themes'),
      onchange: (e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        d('setThemes', v ? [v] : []);
      },
    },
    h('option', { value: '' }, t(lang, 'allThemes')),
    ...ctx.themes.map((th) =>
      h(
        'option',
        { value: th.id, selected: filters.themes.includes(th.id) },
        lang === 'ja' ? th.name_ja : th.name_en,
      ),
    ),
  );
  const metric = h(
    'select',
    {
      id: 'metric',
      'aria-label': t(lang, 'analyse'),
      onchange: (e: Event) => d('setMetric', (e.target as HTMLSelectElement).value as Metric),
    },
    ...(['none', 'degree', 'betweenness', 'pagerank'] as const).map((m) =>
      h('option', { value: m, selected: state.metric === m }, t(lang, m)),
    ),
  );
  const endName = (id: string | null) => (id ? ctx.nameOf(id) : t(lang, 'notChosen'));
  const connect = section(
    t(lang, 'connect'),
    h(
      'p',
      { className: 'path-end-row' },
      h('strong', {}, `${t(lang, 'from')}: `),
      h('span', { 'data-test': 'path-from-name' }, endName(state.path.from)),
    ),
    h(
      'p',
      { className: 'path-end-row' },
      h('strong', {}, `${t(lang, 'to')}: `),
      h('span', { 'data-test': 'path-to-name' }, endName(state.path.to)),
    ),
    checkbox(
      [t(lang, 'avoidHierarchy')],
      state.path.avoidHierarchy,
      () => d('setAvoidHierarchy', !state.path.avoidHierarchy),
      'avoid-hierarchy',
    ),
    h(
      'button',
      {
        type: 'button',
        onclick: () => d('clearPath'),
        disabled: !state.path.from && !state.path.to,
      },
      t(lang, 'clearPath'),
    ),
  );
  el.replaceChildren(
    kinds,
    rels,
    pillars,
    countries,
    section(t(lang, 'themes'), themeSelect),
    section(t(lang, 'analyse'), metric),
    connect,
    h(
      'div',
      { className: 'control-buttons' },
      state.focus
        ? h('button', { type: 'button', onclick: () => d('clearFocus') }, t(lang, 'clearFocus'))
        : null,
      state.hidden.length
        ? h(
            'button',
            { type: 'button', onclick: () => d('unhideAll') },
            `${t(lang, 'unhide')} (${state.hidden.length})`,
          )
        : null,
    ),
  );
}
