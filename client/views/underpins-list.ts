import { html, nothing, type TemplateResult } from 'lit-html';
import type { EdgeData, NodeData } from '../api';
import { PLAN_ADOPTED } from '../model/agreement-milestones';
import { recordEnded } from '../model/clock';
import type { Lang } from '../model/state';
import { type AsOf, asOfDay, isAsOf, type Standing, standingSections } from '../model/status-as-of';
import { fill, t } from './labels';
import { asOfText, planAndDay, standingHeading, titleAsOf } from './status-words';

/** Each heading's list, as the tests and the styles name it. */
const LIST_TEST: Record<Standing, string> = {
  operative: 'underpins-list',
  pending: 'works-towards-list',
  ended: 'ended-list',
  unknown: 'unknown-list',
};

export interface UnderpinsListContext {
  edges: EdgeData[];
  /** The nodes the view shows: only they are listed. */
  shown: Set<string>;
  nodeOf: (id: string) => NodeData | undefined;
  lang: Lang;
  asOf: AsOf;
  /** The reader's today (ISO day), for "today" and the date input's end. */
  today: string;
  onSelect: (id: string) => void;
  onAsOf: (asOf: AsOf) => void;
}

/** The switch between the plan's day, today and a chosen day (the implementation view's too). */
export function asOfSwitch(
  c: Pick<UnderpinsListContext, 'lang' | 'asOf' | 'today' | 'onAsOf'>,
  day: string,
): TemplateResult {
  const { lang, asOf } = c;
  const choice = (value: 'plan' | 'today' | 'date', label: string, to: AsOf) =>
    html`<label
      ><input
        type="radio"
        name="as-of"
        value=${value}
        data-test=${`as-of-${value}`}
        .checked=${value === 'date' ? asOf !== 'plan' && asOf !== 'today' : asOf === value}
        @change=${() => c.onAsOf(to)}
      />
      ${label}</label
    >`;
  return html`<fieldset class="as-of" data-test="as-of">
    <legend>${t(lang, 'asOfLegend')}</legend>
    ${choice('plan', fill(t(lang, 'asOfPlan'), { date: PLAN_ADOPTED }), 'plan')}
    ${choice(
      'today',
      recordEnded() ? fill(t(lang, 'asOfPublished'), { date: c.today }) : t(lang, 'asOfToday'),
      'today',
    )} ${choice('date', t(lang, 'asOfChosen'), day)}
    <input
      type="date"
      data-test="as-of-day"
      min=${PLAN_ADOPTED}
      max=${c.today > day ? c.today : day}
      .value=${day}
      aria-label=${t(lang, 'asOfDateLabel')}
      @change=${(e: Event) => {
        const input = e.target as HTMLInputElement;
        // A day before the plan (typed past the input's min) is not taken: the day shown stays.
        if (isAsOf(input.value)) c.onAsOf(input.value);
        else if (input.value) input.value = day;
      }}
    />
  </fieldset>`;
}

/**
 * "What underpins what" as a list beside its diagram, as of the day chosen: under each
 * heading (in force or in effect, not yet in force, no longer in force as of that day) the
 * instruments whose own status that day says so, each with what the plan said of it (2022)
 * and the commitments it is linked to, with the plan's words.
 */
export function underpinsListTemplate(c: UnderpinsListContext): TemplateResult {
  const { lang } = c;
  const day = asOfDay(c.asOf, c.today);
  const asOf = asOfText(c.asOf, day, lang);
  const name = (id: string) => {
    const n = c.nodeOf(id);
    return n ? String(lang === 'ja' ? n.name_ja : n.name_en) : id;
  };
  const refOf = (id: string) => String(c.nodeOf(id)?.ref ?? id);
  const sections = standingSections(
    c.edges,
    c.shown,
    (id) => c.nodeOf(id) as Record<string, unknown> | undefined,
    day,
  );
  return html`<h2 data-test="underpins-title">${titleAsOf(t(lang, 'underpinsTitle'), asOf, lang)}</h2>
    ${asOfSwitch(c, day)}
    ${sections.map(
      ({ standing, entries }) => html`<section class="agreement-links" data-standing=${standing}>
        <h3>${standingHeading(standing, asOf, lang)}</h3>
        <ul data-test=${LIST_TEST[standing]}>
          ${entries.map((entry) => {
            const line = planAndDay(entry, day, c.today, lang);
            return html`<li data-agreement=${entry.agreement} data-standing=${entry.standing}>
              <button type="button" class="link agreement" @click=${() => c.onSelect(entry.agreement)}>
                ${name(entry.agreement)}
              </button>
              <p class="plan-and-day" data-test="plan-and-day">
                <span class="in-plan">${line.plan}</span> →
                ${
                  line.badge
                    ? html`<span class="status-tag" data-status=${entry.status?.status ?? nothing}
                        >${line.badge}</span
                      >`
                    : nothing
                }${line.badge && line.now ? (lang === 'ja' ? '：' : ': ') : nothing}${line.now ?? nothing}
              </p>
              <ul>
                ${entry.links.map(
                  (l) => html`<li data-commitment=${l.commitment} data-relation=${l.relation}>
                    <button type="button" class="link" @click=${() => c.onSelect(l.commitment)}>
                      <span class="ref">${refOf(l.commitment)}</span> ${name(l.commitment)}
                    </button>
                    ${l.evidence ? html`<q lang="ja">${l.evidence}</q>` : nothing}
                  </li>`,
                )}
              </ul>
            </li>`;
          })}
        </ul>
      </section>`,
    )}`;
}
