import { html, nothing, render, svg } from 'lit-html';
import { today } from '../model/clock';
import type { AppState } from '../model/state';
import { t } from '../views/labels';
import { eventDateText, eventTitle, quietCountText } from './event-words';
import type { KizunaEvent } from './events-api';
import {
  activityBins,
  type Bin,
  type DateRange,
  domainOf,
  eventsIn,
  fromDay,
  PILLAR_COLOURS,
  PILLAR_REFS,
  parseDay,
  toDay,
} from './timeline-model';

/** What the strip counts: commitments with events in the period, and the quiet ones. */
export interface TimelineCounts {
  active: number;
  quiet: number;
}

export interface TimelineActions {
  setRange(range: DateRange | null): void;
  setQuietSince(day: string | null): void;
  selectEvent(id: string): void;
  /** Opens the quiet commitments as a list. */
  listQuiet(): void;
}

const HEIGHT = 64;
const BARS_TOP = 4;
const BARS_BOTTOM = 46;
const PAD = 6;

/**
 * The strip beneath the graph: stacked bars of events per month (quarter on a narrow
 * screen) and pillar, a brush to drag over it, date inputs for the keyboard, and the
 * events of the chosen period as a row of buttons.
 */
export function mountTimeline(el: HTMLElement, act: TimelineActions) {
  /** The width inside the strip's padding, which the chart fills. */
  const inner = () => {
    const style = getComputedStyle(el);
    return Math.floor(
      el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight),
    );
  };
  let width = inner() || 800;
  let drag: { startX: number; x: number } | null = null;
  let last: { state: AppState; events: KizunaEvent[]; counts: TimelineCounts } | null = null;
  const todayIs = today();

  new ResizeObserver(() => {
    const next = inner();
    if (next && next !== width) {
      width = next;
      redraw();
    }
  }).observe(el);

  const redraw = () => {
    if (last) draw(last.state, last.events, last.counts);
  };

  function draw(state: AppState, events: KizunaEvent[], counts: TimelineCounts): void {
    last = { state, events, counts };
    const lang = state.lang;
    const domain = domainOf(events, todayIs);
    const d0 = toDay(domain.from);
    const d1 = toDay(domain.to) + 1;
    const plotW = Math.max(100, width - 2 * PAD);
    const x = (day: number) => PAD + ((day - d0) / (d1 - d0)) * plotW;
    const dayAt = (px: number) =>
      Math.min(d1 - 1, Math.max(d0, Math.floor(d0 + ((px - PAD) / plotW) * (d1 - d0))));
    const months = (d1 - d0) / 30.4;
    const bins = activityBins(events, domain, plotW / months >= 9 ? 1 : 3);
    const max = Math.max(1, ...bins.map((b) => b.total));
    const binAt = (px: number) => {
      const day = fromDay(dayAt(px));
      return bins.find((b) => day >= b.from && day <= b.to) ?? null;
    };
    const rangeOfDrag = (a: number, b: number): DateRange | null => {
      const first = binAt(Math.min(a, b));
      const lastBin = binAt(Math.max(a, b));
      return first && lastBin ? { from: first.from, to: lastBin.to } : null;
    };
    const shown = drag ? rangeOfDrag(drag.startX, drag.x) : state.range;
    const localX = (e: PointerEvent) =>
      e.clientX - (e.currentTarget as SVGElement).getBoundingClientRect().left;

    const onDown = (e: PointerEvent) => {
      (e.currentTarget as SVGElement).setPointerCapture(e.pointerId);
      drag = { startX: localX(e), x: localX(e) };
      redraw();
    };
    const onMove = (e: PointerEvent) => {
      if (!drag) return;
      drag.x = localX(e);
      redraw();
    };
    const onUp = (e: PointerEvent) => {
      if (!drag) return;
      const moved = Math.abs(localX(e) - drag.startX) > 4;
      const range = moved ? rangeOfDrag(drag.startX, localX(e)) : binRange(binAt(drag.startX));
      drag = null;
      const same = range && state.range?.from === range.from && state.range?.to === range.to;
      act.setRange(same && !moved ? null : range);
      // A new range has drawn the strip with the rest of the view; when nothing changed, the
      // strip is drawn again here, without the drag.
      if (last?.state === state) redraw();
    };
    const binRange = (b: Bin | null) => (b ? { from: b.from, to: b.to } : null);

    const bars = bins.map((b) => {
      let y = BARS_BOTTOM;
      const x0 = x(toDay(b.from));
      const w = Math.max(1, x(toDay(b.to) + 1) - x0 - 1);
      const parts = PILLAR_REFS.filter((p) => b.counts[p] > 0).map((p) => {
        const h = (b.counts[p] / max) * (BARS_BOTTOM - BARS_TOP);
        y -= h;
        return svg`<rect x=${x0} y=${y} width=${w} height=${h} fill=${PILLAR_COLOURS[p]}></rect>`;
      });
      const title = `${b.from} – ${b.to}: ${b.total} ${t(lang, 'eventsCount')} (${PILLAR_REFS.map((p) => `${p} ${b.counts[p]}`).join(', ')})`;
      return svg`<g class="tl-bin"><title>${title}</title>${parts}</g>`;
    });
    const years: number[] = [];
    for (let y = +domain.from.slice(0, 4); y <= +domain.to.slice(0, 4); y++) years.push(y);
    const axis = years.map((y, i) => {
      const day = Math.max(d0, toDay(`${y}-01-01`));
      const px = x(day);
      // A year that starts too near the next one's tick (the plan began in November) is not labelled.
      const next = years[i + 1] ? x(toDay(`${years[i + 1]}-01-01`)) : width;
      return svg`<line x1=${px} x2=${px} y1=${BARS_TOP} y2=${BARS_BOTTOM + 4} class="tl-tick"></line>
        ${next - px >= 32 ? svg`<text x=${px + 3} y=${HEIGHT - 4} class="tl-year">${y}</text>` : nothing}`;
    });
    const brush = shown
      ? svg`<rect class="tl-brush" data-test="timeline-brush" x=${x(toDay(shown.from))} y="1"
          width=${Math.max(2, x(toDay(shown.to) + 1) - x(toDay(shown.from)))} height=${BARS_BOTTOM + 2}></rect>`
      : nothing;

    const inRange = eventsIn(events, state.range).sort((a, b) =>
      a.date_start.localeCompare(b.date_start),
    );
    const setFrom = (value: string) =>
      act.setRange(value ? { from: value, to: state.range?.to ?? domain.to } : null);
    const setTo = (value: string) =>
      act.setRange(value ? { from: state.range?.from ?? domain.from, to: value } : null);
    const validPair = (from: string, to: string) => from && to && from <= to;
    /** A day picker within the events' span; `accept` gets the day chosen ('' when cleared). */
    const dayInput = (
      label: string,
      test: string,
      value: string,
      accept: (day: string) => void,
      extraClass = '',
    ) =>
      html`<label class="tl-date${extraClass}"
        >${label}
        <input
          type="date"
          data-test=${test}
          min=${domain.from}
          max=${domain.to}
          .value=${value}
          @change=${(e: Event) => accept((e.target as HTMLInputElement).value)}
      /></label>`;

    render(
      html`<div class="tl-head">
          <h2 class="tl-title" id="timeline-title">${t(lang, 'timeline')}</h2>
          <span class="tl-legend" aria-hidden="true">${PILLAR_REFS.map(
            (p) =>
              html`<span class="tl-key"><span class="tl-swatch" style="background:${PILLAR_COLOURS[p]}"></span>${p}</span>`,
          )}</span>
          ${dayInput(t(lang, 'rangeFrom'), 'range-from', state.range?.from ?? '', (v) => {
            if (!v || validPair(v, state.range?.to ?? domain.to)) setFrom(v);
          })}
          ${dayInput(t(lang, 'rangeTo'), 'range-to', state.range?.to ?? '', (v) => {
            if (!v || validPair(state.range?.from ?? domain.from, v)) setTo(v);
          })}
          ${
            state.range
              ? html`<button type="button" data-test="range-clear" @click=${() => act.setRange(null)}>
                ${t(lang, 'clearRange')}
              </button>`
              : nothing
          }
          <span class="tl-count" data-test="timeline-count"
            >${inRange.filter((e) => !e.deleted).length} ${t(lang, 'eventsCount')} ·
            ${counts.active} ${t(lang, 'commitmentsActive')}</span
          >
          ${dayInput(
            t(lang, 'quietSince'),
            'quiet-since',
            state.quietSince ?? '',
            (v) => {
              if (!v || parseDay(v)) act.setQuietSince(v || null);
            },
            ' tl-quiet-since',
          )}
          ${
            state.quietSince
              ? html`<span class="tl-quiet" data-test="quiet-count"
                    ><span class="tl-quiet-key" aria-hidden="true"></span>${quietCountText(
                      counts.quiet,
                      state.quietSince,
                      lang,
                    )}</span
                  ><button
                    type="button"
                    class="list-button"
                    data-test="quiet-list"
                    title=${t(lang, 'listTitle')}
                    @click=${act.listQuiet}
                  >
                    ${t(lang, 'list')}
                  </button>`
              : nothing
          }
        </div>
        <svg
          class="tl-chart"
          data-test="timeline-chart"
          role="img"
          aria-label=${t(lang, 'timelineChart')}
          width=${width}
          height=${HEIGHT}
          viewBox="0 0 ${width} ${HEIGHT}"
          @pointerdown=${onDown}
          @pointermove=${onMove}
          @pointerup=${onUp}
          @pointercancel=${() => {
            drag = null;
            redraw();
          }}
        >
          <title>${t(lang, 'timelineChart')}</title>
          <line x1=${PAD} x2=${width - PAD} y1=${BARS_BOTTOM} y2=${BARS_BOTTOM} class="tl-axis"></line>
          ${axis}${bars}${brush}
        </svg>
        ${
          inRange.length === 0
            ? html`<p class="tl-none">${t(lang, 'noEvents')}</p>`
            : html`<ol class="tl-events" data-test="timeline-events" aria-label=${t(lang, 'eventsGroup')}>
              ${inRange.map(
                (e) => html`<li>
                  <button
                    type="button"
                    class="tl-event ${e.deleted ? 'deleted' : ''} ${state.event === e.id ? 'chosen' : ''}"
                    data-event-id=${e.id}
                    aria-pressed=${state.event === e.id ? 'true' : 'false'}
                    @click=${() => act.selectEvent(e.id)}
                  >
                    <span class="tl-dots">${e.pillars.map(
                      (p) =>
                        html`<span class="tl-swatch" style="background:${PILLAR_COLOURS[p] ?? '#888'}"></span>`,
                    )}</span>
                    <time datetime=${e.date}>${eventDateText(e.date, lang)}</time>
                    <span class="tl-event-title">${eventTitle(e, lang)}</span>
                  </button>
                </li>`,
              )}
            </ol>`
        }`,
      el,
    );
  }

  return { render: draw };
}

export type Timeline = ReturnType<typeof mountTimeline>;
