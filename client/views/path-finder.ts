import { html, nothing, type TemplateResult } from 'lit-html';
import type { Paths } from '../../core/api/paths';
import { MAX_PATHS, PATH_HUBS, PATH_VIA, type PathVia } from '../../core/model/path-options';
import type { NodeData } from '../api';
import type { AppState, Lang } from '../model/state';
import type { Dispatch } from './controls';
import { kindName, t, themeName, type Word } from './labels';

/** The path finder: its options (in the filters panel) and the paths it found (below the canvas). */

export interface PathFinderContext {
  dispatch: Dispatch;
  /** A loaded node by id (path results are loaded before they are shown). */
  node(id: string): NodeData | undefined;
}

const VIA_WORDS: Record<PathVia, Word> = {
  structure: 'viaStructure',
  themes: 'viaThemes',
  events: 'viaEvents',
};

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

type Named = Pick<NodeData, 'id' | 'kind' | 'name_ja' | 'name_en'> & { ref?: unknown };

/** A node's name in the reader's language, with its ref where it has one (I.3.2 …). */
function nameIn(node: Named, lang: Lang): string {
  if (node.kind === 'Theme') return themeName(node.id, node, lang);
  const name = lang === 'ja' ? node.name_ja : node.name_en;
  return typeof node.ref === 'string' && !name.startsWith(node.ref) ? `${node.ref} ${name}` : name;
}

/** A node as the path finder names it: its kind, then its name (so that two look different). */
function stepLabel(node: Named, lang: Lang): TemplateResult {
  return html`<span class="step-kind">${kindName(node.kind, lang)}</span>
    <span class="step-name">${nameIn(node, lang)}</span>`;
}

/** A node known by id only (not loaded): its id stands for its name. */
const byId = (id: string): Named => ({ id, kind: '', name_ja: id, name_en: id });

/** The "Connect two nodes" group's body: the ends, what paths may go through, what they avoid, how many. */
export function pathOptionsTemplate(
  state: AppState,
  ctx: PathFinderContext,
  checkbox: (
    label: TemplateResult | string,
    checked: boolean,
    onChange: () => void,
    testId: string,
  ) => TemplateResult,
): TemplateResult {
  const { lang, path } = state;
  const d = ctx.dispatch;
  const end = (id: string | null, testId: string) =>
    id
      ? html`<span data-test=${testId}>${stepLabel(ctx.node(id) ?? byId(id), lang)}</span>`
      : html`<span data-test=${testId}>${t(lang, 'notChosen')}</span>`;
  // The hubs are always offered; any other node stays listed while it is avoided.
  const avoidable = [...PATH_HUBS, ...path.avoid.filter((id) => !PATH_HUBS.includes(id as never))];
  return html`<p class="path-end-row"><strong>${t(lang, 'from')}: </strong>${end(path.from, 'path-from-name')}</p>
    <p class="path-end-row"><strong>${t(lang, 'to')}: </strong>${end(path.to, 'path-to-name')}</p>
    <fieldset class="path-options">
      <legend>${t(lang, 'pathVia')}</legend>
      ${PATH_VIA.map((via) =>
        checkbox(
          t(lang, VIA_WORDS[via]),
          path.via.includes(via),
          () => d('setPathVia', via, !path.via.includes(via)),
          `path-via-${via}`,
        ),
      )}
    </fieldset>
    <fieldset class="path-options">
      <legend>${t(lang, 'pathAvoid')}</legend>
      ${avoidable.map((id) =>
        checkbox(
          stepLabel(ctx.node(id) ?? byId(id), lang),
          path.avoid.includes(id),
          () => d(path.avoid.includes(id) ? 'allowNode' : 'avoidNode', id),
          `path-avoid-${id}`,
        ),
      )}
    </fieldset>
    <label class="path-count"
      >${t(lang, 'pathCount')}
      <select
        data-test="path-count"
        @change=${(e: Event) => d('setPathCount', Number((e.target as HTMLSelectElement).value))}
      >
        ${Array.from({ length: MAX_PATHS }, (_, i) => i + 1).map(
          (n) => html`<option value=${n} ?selected=${n === path.k}>${n}</option>`,
        )}
      </select></label
    >
    <button type="button" @click=${() => d('clearPath')} ?disabled=${!path.from && !path.to}>
      ${t(lang, 'clearPath')}
    </button>`;
}

/** "No path": what the search left out, each with a button that lets it back in, and one for all. */
function noPathTemplate(result: Paths, lang: Lang, d: Dispatch): TemplateResult {
  const { via, nodes } = result.exclusions;
  if (via.length === 0 && nodes.length === 0)
    return html`<div data-test="no-path">
      <p>${t(lang, 'noPath')} ${t(lang, 'noPathNothingLeftOut')}</p>
    </div>`;
  const lift = (what: string, testId: string, act: () => void) =>
    html`<li>
      <button type="button" data-test=${testId} @click=${act}>
        ${fill(t(lang, 'liftOne'), { what })}
      </button>
    </li>`;
  return html`<div data-test="no-path">
    <p>${t(lang, 'noPath')} ${t(lang, 'noPathLeftOut')}</p>
    <ul class="path-lifts" data-test="path-exclusions">
      ${via.map((v) => lift(t(lang, VIA_WORDS[v]), `lift-${v}`, () => d('setPathVia', v, true)))}
      ${nodes.map((n) => lift(nameIn(n, lang), `lift-node-${n.id}`, () => d('allowNode', n.id)))}
      <li>
        <button type="button" data-test="lift-all" @click=${() => d('liftPathExclusions')}>
          ${t(lang, 'liftAll')}
        </button>
      </li>
    </ul>
  </div>`;
}

/** The paths found, each a list of labelled nodes; a click on a node's ⊘ finds paths around it. */
export function pathResultsTemplate(
  state: AppState,
  result: Paths,
  ctx: PathFinderContext,
): TemplateResult {
  const { lang, path } = state;
  const d = ctx.dispatch;
  const named = (id: string) => ctx.node(id) ?? byId(id);
  const heading = (id: string | null) => (id ? nameIn(named(id), lang) : '');
  const steps = (n: number) =>
    n === 1 ? t(lang, 'pathOneStep') : fill(t(lang, 'pathSteps'), { n });
  return html`<h2>${t(lang, 'paths')}: ${heading(path.from)} → ${heading(path.to)}</h2>
    ${
      result.paths.length
        ? html`<p class="list-count" data-test="path-found">
            ${fill(t(lang, result.paths.length === 1 ? 'pathFound' : 'pathsFound'), {
              paths: result.paths.length,
              n: new Set(result.paths.flatMap((p) => p.nodes)).size,
            })}
            <button
              type="button"
              class="list-button"
              data-test="path-list-open"
              title=${t(lang, 'listTitle')}
              @click=${() => d('openList', { kind: 'path' })}
            >
              ${t(lang, 'list')}
            </button>
          </p>`
        : nothing
    }
    ${
      result.paths.length === 0
        ? noPathTemplate(result, lang, d)
        : html`<ol class="path-list" data-test="path-list">
            ${result.paths.map(
              (p) =>
                html`<li class="path-item" data-test="path">
                  <span class="path-hops">${steps(p.hops)}</span>
                  <ol class="path-steps">
                    ${p.nodes.map((id, i) => {
                      const node = named(id);
                      const inner = i > 0 && i < p.nodes.length - 1;
                      const label = nameIn(node, lang);
                      return html`<li class="path-step" data-id=${id} data-kind=${node.kind}>
                        <button
                          type="button"
                          class="step-choose"
                          data-test="path-node"
                          @click=${() => d('select', id)}
                        >
                          ${stepLabel(node, lang)}
                        </button>
                        ${
                          inner
                            ? html`<button
                              type="button"
                              class="step-avoid"
                              data-test="avoid-node"
                              aria-label=${fill(t(lang, 'avoidNode'), { name: label })}
                              title=${fill(t(lang, 'avoidNode'), { name: label })}
                              @click=${() => d('avoidNode', id)}
                            >
                              ⊘
                            </button>`
                            : nothing
                        }
                      </li>`;
                    })}
                  </ol>
                </li>`,
            )}
          </ol>
          ${
            result.truncated && path.k < MAX_PATHS
              ? html`<button
                type="button"
                data-test="more-paths"
                @click=${() => d('setPathCount', MAX_PATHS)}
              >
                ${fill(t(lang, 'morePaths'), { n: MAX_PATHS })}
              </button>`
              : nothing
          }`
    }`;
}
