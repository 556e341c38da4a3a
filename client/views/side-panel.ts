import { html, nothing, type TemplateResult } from 'lit-html';
import type { NodeDetails } from '../../core/api/nodes';
import { agreementMilestones, type Milestone } from '../model/agreement-milestones';
import { segmentText } from '../model/evidence-marks';
import type { AppState, Lang } from '../model/state';
import { kindName, propertyName, propertyValue, relName, t } from './labels';

export interface PanelActions {
  select(id: string): void;
  close(): void;
  expand(id: string): void;
  collapse(id: string): void;
  hide(id: string): void;
  focus(id: string, hops: number): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
  /** A connection in the list has the keyboard (or lost it: null): its relationship's tooltip is shown. */
  edgeFocus?(edge: { source: string; type: string; target: string } | null): void;
}

const SHOWN_PROPERTIES = [
  'ref',
  'action',
  'action_ja',
  'soft',
  'direction',
  'agreement_type',
  'status',
  'year',
  'program_type',
  'scope',
  'agency_type',
  'place_type',
  'country',
  'quantity',
  'unit',
  'period_years',
  'adopted',
  'period_start',
  'period_end',
];

/** The details of the selected node: both languages, the source with its evidence marked, and its connections. */
export function sidePanelTemplate(
  details: NodeDetails | null,
  state: AppState,
  act: PanelActions,
  loading: boolean,
  /** More about the node from elsewhere (the events that advance a commitment). */
  extra: TemplateResult | typeof nothing = nothing,
): TemplateResult | typeof nothing {
  const lang = state.lang;
  if (!state.selected) return nothing;
  if (!details || details.id !== state.selected)
    return html`<p class="muted" role="status">${loading ? t(lang, 'loading') : ''}</p>`;
  const p = details.properties;
  const other = lang === 'ja' ? 'en' : 'ja';
  const name = String(p[`name_${lang}`] ?? details.id);
  const otherName = String(p[`name_${other}`] ?? '');
  const expanded = state.expanded.includes(details.id);
  const otherNameOf = (o: { name_ja: string; name_en: string }) =>
    lang === 'ja' ? o.name_ja : o.name_en;

  const marks = details.provenance.relationships
    .filter(
      (r) =>
        typeof r.properties.evidence_start === 'number' &&
        typeof r.properties.evidence_end === 'number' &&
        details.kind === 'Commitment',
    )
    .map((r) => ({
      start: Number(r.properties.evidence_start),
      end: Number(r.properties.evidence_end),
      type: r.type,
      label: `${relName(r.type, lang)}: ${otherNameOf(r.other)}`,
    }));
  const sourceText = details.provenance.text_ja
    ? html`<p class="source-text" lang="ja" data-test="source-text">${segmentText(
        details.provenance.text_ja,
        marks,
      ).map((seg) =>
        seg.mark
          ? html`<mark class="ev ev-${seg.mark.type}" title=${seg.mark.label} data-type=${seg.mark.type}
              >${seg.text}</mark
            >`
          : seg.text,
      )}</p>`
    : null;

  // One entry per neighbour and relationship type, whatever the graph holds twice; the
  // analysts' records (events) apart from what the plan says.
  const groups = new Map<string, NodeDetails['provenance']['relationships']>();
  for (const r of details.provenance.relationships) {
    const key = `${r.layer}|${r.type}|${r.direction}`;
    const list = groups.get(key) ?? [];
    if (!list.some((x) => x.other.id === r.other.id)) list.push(r);
    groups.set(key, list);
  }
  const roleOf = (r: NodeDetails['provenance']['relationships'][number]) =>
    typeof r.properties.role === 'string'
      ? html`<span class="role">${propertyName('role', lang)}: ${propertyValue('role', r.properties.role, lang)}</span>`
      : nothing;
  const connections = (layer: 'plan' | 'analysts') =>
    [...groups.entries()]
      .filter(([key]) => key.startsWith(`${layer}|`))
      .map(([key, rels]) => {
        const [, type = '', direction] = key.split('|');
        // The preamble's parties all quote one sentence: say it once, under the heading.
        const shared = sharedEvidence(rels);
        const list = html`<ul>
        ${rels.map(
          (r) => html`<li>
            <button
              type="button"
              class="link"
              data-id=${r.other.id}
              data-rel=${type}
              aria-describedby="tooltip"
              @click=${() => act.select(r.other.id)}
              @focus=${() =>
                act.edgeFocus?.(
                  direction === 'in'
                    ? { source: r.other.id, type, target: details.id }
                    : { source: details.id, type, target: r.other.id },
                )}
              @blur=${() => act.edgeFocus?.(null)}
            >${otherNameOf(r.other)}</button
            ><span class="kind-tag">${kindName(r.other.kind, lang)}</span>
            ${shared === null && typeof r.properties.evidence === 'string' ? html`<q lang="ja">${r.properties.evidence}</q>` : nothing}
            ${roleOf(r)}
          </li>`,
        )}
      </ul>`;
        const heading = `${direction === 'in' ? '← ' : '→ '}${relName(type, lang)} (${rels.length})`;
        const quote = shared === null ? nothing : html`<q lang="ja" class="shared">${shared}</q>`;
        // A long list (a country is a party to all 86 commitments) opens on request.
        return rels.length > LONG_GROUP
          ? html`<details class="rel-group"><summary class="rel-group-toggle"><h4>${heading}</h4></summary>${quote}${list}</details>`
          : html`<section class="rel-group"><h4>${heading}</h4>${quote}${list}</section>`;
      });
  const planConnections = connections('plan');
  const analystsConnections = connections('analysts');
  const lines =
    details.provenance.line_end !== details.provenance.line_start
      ? `${details.provenance.line_start}–${details.provenance.line_end}`
      : `${details.provenance.line_start}`;
  const props = SHOWN_PROPERTIES.filter((k) => p[k] !== undefined && p[k] !== null);
  return html`
    <header>
      <span class="kind-tag" data-test="panel-kind">${kindName(details.kind, lang)}</span>
      <h2 id="panel-title" data-test="panel-title" tabindex="-1">${name}</h2>
      ${otherName ? html`<p class="other-name" lang=${other}>${otherName}</p>` : nothing}
      ${p.named_in_plan === false ? html`<p class="muted" data-test="not-in-plan">${t(lang, 'notInPlan')}</p>` : nothing}
      <button type="button" class="close" aria-label=${t(lang, 'close')} @click=${act.close}>×</button>
    </header>
    <div class="panel-actions">
      <button
        type="button"
        data-test="expand"
        @click=${() => (expanded ? act.collapse(details.id) : act.expand(details.id))}
      >${expanded ? t(lang, 'collapse') : t(lang, 'expand')}</button>
      <button type="button" data-test="hide" @click=${() => act.hide(details.id)}>${t(lang, 'hide')}</button>
      <button type="button" data-test="focus" @click=${() => act.focus(details.id, 1)}>
        ${t(lang, 'focusOneHop')}
      </button>
      <button type="button" @click=${() => act.focus(details.id, 2)}>
        ${t(lang, 'focusTwoHops')}
      </button>
      <button type="button" data-test="path-from" @click=${() => act.pathFrom(details.id)}>
        ${t(lang, 'pathFrom')}
      </button>
      <button type="button" data-test="path-to" @click=${() => act.pathTo(details.id)}>
        ${t(lang, 'pathTo')}
      </button>
    </div>
    ${
      sourceText
        ? html`<section>
          <h3>${t(lang, 'source')} · ${t(lang, 'lines')} ${lines}</h3>
          ${sourceText}
        </section>`
        : nothing
    }
    ${
      typeof p.text_en === 'string'
        ? html`<section>
          <h3>${t(lang, 'english')}</h3>
          <p lang="en" data-test="text-en">${p.text_en}</p>
        </section>`
        : nothing
    }
    ${
      typeof p.preamble_ja === 'string'
        ? html`<section><p lang="ja" class="source-text">${p.preamble_ja}</p></section>`
        : nothing
    }
    <section>
      <h3>${t(lang, 'properties')}</h3>
      <dl class="props" data-test="props">
        ${props.map(
          (k) => html`<dt>${propertyName(k, lang)}</dt><dd>${propertyValue(k, p[k], lang)}</dd>`,
        )}
        ${
          Array.isArray(p.aliases) && p.aliases.length
            ? html`<dt>${propertyName('aliases', lang)}</dt><dd lang="ja">${p.aliases.join(' / ')}</dd>`
            : nothing
        }
        ${mongolianName(details.kind, p, lang)}
      </dl>
    </section>
    ${datesStrip(p, lang)}
    ${extra}
    <section><h3>${t(lang, 'neighbours')}</h3>${planConnections}</section>
    ${
      analystsConnections.length
        ? html`<section data-test="analysts-records">
          <h3>${t(lang, 'analystsRecords')}</h3>${analystsConnections}
        </section>`
        : nothing
    }
  `;
}

/** Kinds that can have an official Mongolian name (issue 11: a third label language). */
const MONGOLIAN_NAMED = new Set(['Agency', 'Agreement', 'Program', 'Country', 'Place']);

/**
 * The Mongolian name with its source where one is on public record; otherwise the panel
 * says it is missing rather than leaving the reader to wonder (nothing is invented).
 */
function mongolianName(kind: string, p: Record<string, unknown>, lang: Lang) {
  if (!MONGOLIAN_NAMED.has(kind)) return nothing;
  const name = typeof p.name_mn === 'string' ? p.name_mn : undefined;
  const source = typeof p.name_mn_source === 'string' ? p.name_mn_source : undefined;
  return html`<dt>${t(lang, 'nameMn')}</dt>
    <dd data-test="name-mn">
      ${
        name
          ? html`<span lang="mn">${name}</span>${
              source
                ? html` (<a href=${source} target="_blank" rel="noopener noreferrer">${t(lang, 'nameMnSource')}</a>)`
                : nothing
            }`
          : html`<span class="muted">${t(lang, 'nameMnMissing')}</span>`
      }
    </dd>`;
}

const MILESTONE_WORD = {
  signed: 'milestoneSigned',
  in_force: 'milestoneInForce',
  in_plan: 'milestoneInPlan',
  status: 'milestoneStatus',
} as const;

/** An agreement's or framework's dates in order (issue 11: a timeline strip in the panel). */
function datesStrip(p: Record<string, unknown>, lang: Lang) {
  const milestones = agreementMilestones(p);
  if (milestones.length === 0) return nothing;
  const item = (m: Milestone) => html`<li>
    <span class="milestone-date">${m.date}</span>
    <span class="milestone-kind">${t(lang, MILESTONE_WORD[m.kind])}</span>
    ${m.status ? html`<span>${propertyValue('status', m.status, lang)}</span>` : nothing}
    ${m.evidence ? html`<q lang="ja">${m.evidence}</q>` : nothing}
    ${
      m.source
        ? html`<a href=${m.source} target="_blank" rel="noopener noreferrer">${t(lang, 'nameMnSource')}</a>`
        : nothing
    }
  </li>`;
  return html`<section>
    <h3>${t(lang, 'datesHeading')}</h3>
    <ol class="milestones" data-test="milestones">${milestones.map(item)}</ol>
  </section>`;
}

/**
 * More connections of one type than this are folded until opened: a country's 86 preamble
 * parties, not the 31 commitments that involve Mongolia, which a reader of its panel wants.
 */
const LONG_GROUP = 40;

/** The evidence every relationship of a group quotes, when they all quote the same (and there are two or more). */
function sharedEvidence(rels: NodeDetails['provenance']['relationships']): string | null {
  const first = rels[0]?.properties.evidence;
  if (rels.length < 2 || typeof first !== 'string') return null;
  return rels.every((r) => r.properties.evidence === first) ? first : null;
}
