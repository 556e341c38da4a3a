import { html, type TemplateResult } from 'lit-html';
import { IMPLEMENTATION_STATUSES } from '../../core/model/implementation';
import type { NodeData } from '../api';
import { STATUS_GLYPH, statusName } from '../implementation/status-marks';
import { KIND_STYLES, NODE_KINDS, REL_STYLES, REL_TYPES } from '../model/palette';
import { type Actions, type AppState, COUNTRIES, type Metric, PILLARS } from '../model/state';
import { propertyValue, t, themeName } from './labels';
import { pathOptionsTemplate } from './path-finder';

export type Dispatch = <K extends keyof Actions>(
  name: K,
  ...args: Actions[K] extends (s: AppState, ...a: infer A) => AppState ? A : never
) => void;

export interface ControlsContext {
  dispatch: Dispatch;
  themes: { id: string; name_ja: string; name_en: string }[];
  /** Pillar refs with their names in the chosen language. */
  pillarNames: Record<string, string>;
  nameOf(id: string): string;
  /** A loaded node by id. */
  node(id: string): NodeData | undefined;
  /** No path finder here (a published copy has no server): the group says so instead. */
  pathsOffline: boolean;
}

/** A kind's colour or a relationship's line, as the legend shows it (also the embed's). */
export const swatch = (colour: string, shape: string) =>
  shape === 'node'
    ? html`<span class="swatch node" aria-hidden="true" style="background:${colour}"></span>`
    : html`<span class="swatch ${shape}" aria-hidden="true" style="border-top-color:${colour}"></span>`;

const checkbox = (
  label: TemplateResult | string,
  checked: boolean,
  onChange: () => void,
  testId: string,
) =>
  html`<label class="check"
    ><input type="checkbox" .checked=${checked} @change=${onChange} data-test=${testId} />${label}</label
  >`;

/** A filter group that folds away; open unless said otherwise, and left as the user leaves it. */
const group = (title: string, body: unknown, id: string, open = true) =>
  html`<details class="group" data-group=${id} ?open=${open}
    ><summary>${title}</summary>
    <fieldset><legend class="visually-hidden">${title}</legend>${body}</fieldset></details
  >`;

/**
 * The left panel: legend with the kind and relationship filters, pillar, country and
 * theme filters, node sizing and path finding. Rendered with lit-html, so the checkbox
 * the user just ticked is the same element afterwards and keeps the focus.
 */
export function controlsTemplate(state: AppState, ctx: ControlsContext): TemplateResult {
  const { lang, filters } = state;
  const d = ctx.dispatch;
  return html`
    ${group(
      t(lang, 'pillars'),
      PILLARS.map((p) =>
        checkbox(
          html`<span class="pillar-ref">${p}</span> ${ctx.pillarNames[p] ?? ''}`,
          filters.pillars.includes(p),
          () => d('togglePillar', p),
          `pillar-${p}`,
        ),
      ),
      'pillars',
    )}
    ${group(
      t(lang, 'implStatuses'),
      html`${IMPLEMENTATION_STATUSES.map((s) =>
        checkbox(
          html`<span class="status-glyph" aria-hidden="true">${STATUS_GLYPH[s]}</span
              >${statusName(s, lang)}`,
          filters.statuses.includes(s),
          () => d('toggleStatus', s),
          `status-${s}`,
        ),
      )}
        <p class="legend-note">${t(lang, 'implLegendNote')}</p>`,
      'statuses',
      false,
    )}
    ${group(
      t(lang, 'kinds'),
      NODE_KINDS.map((kind) =>
        checkbox(
          html`${swatch(KIND_STYLES[kind].colour, 'node')}${KIND_STYLES[kind][lang]}`,
          filters.kinds.includes(kind),
          () => d('toggleKind', kind),
          `kind-${kind}`,
        ),
      ),
      'kinds',
    )}
    ${group(
      t(lang, 'relationships'),
      REL_TYPES.map((type) =>
        checkbox(
          html`${swatch(REL_STYLES[type].colour, REL_STYLES[type].line)}${REL_STYLES[type][lang]}`,
          filters.types.includes(type),
          () => d('toggleType', type),
          `rel-${type}`,
        ),
      ),
      'relationships',
    )}
    ${group(
      t(lang, 'countries'),
      COUNTRIES.map((c) =>
        checkbox(
          propertyValue('country', c, lang),
          filters.countries.includes(c),
          () => d('toggleCountry', c),
          `country-${c}`,
        ),
      ),
      'countries',
      false,
    )}
    ${group(
      t(lang, 'themes'),
      html`<select
        id="theme-filter"
        aria-label=${t(lang, 'themes')}
        @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          d('setThemes', v ? [v] : []);
        }}
      >
        <option value="" ?selected=${filters.themes.length === 0}>${t(lang, 'allThemes')}</option>
        ${ctx.themes.map(
          (th) =>
            html`<option value=${th.id} ?selected=${filters.themes.includes(th.id)}>
              ${themeName(th.id, th, lang)}
            </option>`,
        )}
      </select>`,
      'themes',
      false,
    )}
    ${group(
      t(lang, 'analyse'),
      html`<select
        id="metric"
        aria-label=${t(lang, 'analyse')}
        .value=${state.metric}
        @change=${(e: Event) => d('setMetric', (e.target as HTMLSelectElement).value as Metric)}
      >
        ${(['none', 'degree', 'betweenness', 'pagerank'] as const).map(
          (m) => html`<option value=${m} ?selected=${state.metric === m}>${t(lang, m)}</option>`,
        )}
      </select>`,
      'metric',
      false,
    )}
    ${group(
      t(lang, 'connect'),
      ctx.pathsOffline
        ? html`<p class="muted" data-test="paths-offline">${t(lang, 'pathsNeedServer')}</p>`
        : pathOptionsTemplate(state, { dispatch: d, node: ctx.node }, checkbox),
      'connect',
      // Opens when an end is chosen; left as the user leaves it otherwise.
      Boolean(state.path.from || state.path.to),
    )}
  `;
}
