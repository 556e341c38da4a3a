import { html, nothing, type TemplateResult } from 'lit-html';
import {
  IMPLEMENTATION_STATUSES,
  type ImplementationStatus,
} from '../../core/model/implementation';
import {
  IMPLEMENTATION_COLUMNS,
  type ImplementationColumn,
  type ImplementationRow,
  type StatusSnapshot,
  type StatusTable,
} from '../model/implementation-model';
import type { ImplementationView, Lang, Pillar } from '../model/state';
import type { AsOf } from '../model/status-as-of';
import { fill, t, type Word } from '../views/labels';
import { titleAsOf } from '../views/status-words';
import { asOfSwitch } from '../views/underpins-list';
import { STATUS_GLYPH, statusName, statusText } from './status-marks';

export interface ImplementationViewContext {
  lang: Lang;
  asOf: AsOf;
  day: string;
  today: string;
  asOfLabel: string;
  view: ImplementationView;
  /** Null while the day's standings load; `error` says why they did not. */
  table: StatusTable | null;
  rows: ImplementationRow[];
  error: string | null;
  overTime: StatusSnapshot[] | null;
  pillarName: (pillar: string) => string;
  commitmentName: (ref: string) => string;
  onAsOf: (asOf: AsOf) => void;
  onCell: (pillar: Pillar | null, status: ImplementationStatus | null) => void;
  onSort: (column: ImplementationColumn) => void;
  onSelect: (ref: string) => void;
}

const COLUMN_WORDS: Record<ImplementationColumn, Word> = {
  ref: 'implColRef',
  status: 'implColStatus',
  lastEvent: 'implColLastEvent',
  daysSince: 'implColDaysSince',
  evidence: 'implColEvidence',
};

/** A count that opens the list of its commitments; an empty cell is plain text. */
function cellButton(
  c: ImplementationViewContext,
  pillar: Pillar | null,
  status: ImplementationStatus | null,
  n: number,
): TemplateResult {
  const test = `impl-cell-${pillar ?? 'all'}-${status ?? 'all'}`;
  const open =
    c.view.cell !== null && c.view.cell.pillar === pillar && c.view.cell.status === status;
  return n === 0
    ? html`<span class="impl-zero" data-test=${test}>0</span>`
    : html`<button
        type="button"
        class="impl-count"
        data-test=${test}
        aria-pressed=${String(open)}
        @click=${() => c.onCell(pillar, status)}
      >
        ${n}
      </button>`;
}

function countsTable(c: ImplementationViewContext, table: StatusTable): TemplateResult {
  const { lang } = c;
  return html`<table class="impl-counts" data-test="impl-counts">
    <caption>${t(lang, 'implCountsCaption')}</caption>
    <thead>
      <tr>
        <th scope="col">${t(lang, 'pillar')}</th>
        ${IMPLEMENTATION_STATUSES.map(
          (s) =>
            html`<th scope="col" data-status=${s}>
              <span aria-hidden="true">${STATUS_GLYPH[s]}</span> ${statusName(s, lang)}
            </th>`,
        )}
        <th scope="col">${t(lang, 'implTotal')}</th>
      </tr>
    </thead>
    <tbody>
      ${table.rows.map(
        (r) => html`<tr>
          <th scope="row" title=${c.pillarName(r.pillar)}>${r.pillar}</th>
          ${IMPLEMENTATION_STATUSES.map(
            (s) => html`<td>${cellButton(c, r.pillar, s, r.counts[s])}</td>`,
          )}
          <td>${cellButton(c, r.pillar, null, r.total)}</td>
        </tr>`,
      )}
    </tbody>
    <tfoot>
      <tr>
        <th scope="row">${t(lang, 'implTotal')}</th>
        ${IMPLEMENTATION_STATUSES.map(
          (s) => html`<td>${cellButton(c, null, s, table.totals[s])}</td>`,
        )}
        <td data-test="impl-total">${table.total}</td>
      </tr>
    </tfoot>
  </table>`;
}

/**
 * Per pillar, one small stacked bar per quarter: the share at each level, marked by pattern,
 * the furthest at the bottom, so a bar fills from below as the pillar gets further.
 */
function overTimeStrip(c: ImplementationViewContext): TemplateResult {
  const { lang, overTime } = c;
  if (!overTime)
    return html`<p class="impl-note" data-test="impl-over-time-loading">
      ${t(lang, 'implOverTimeLoading')}
    </p>`;
  const first = overTime[0];
  const last = overTime.at(-1);
  return html`<div class="impl-strips" data-test="impl-over-time">
    ${(['I', 'II', 'III', 'IV'] as const).map(
      (pillar) => html`<div class="impl-strip">
        <span class="impl-strip-pillar" title=${c.pillarName(pillar)}>${pillar}</span>
        <span class="impl-bars">
          ${overTime.map((q) => {
            const counts = q.pillars[pillar];
            const total = IMPLEMENTATION_STATUSES.reduce((a, s) => a + counts[s], 0) || 1;
            const words = IMPLEMENTATION_STATUSES.filter((s) => counts[s] > 0)
              .map((s) => `${statusName(s, lang)} ${counts[s]}`)
              .join(', ');
            return html`<span class="impl-bar" title=${`${pillar} ${q.label}: ${words}`}>
              ${IMPLEMENTATION_STATUSES.map((s) =>
                counts[s]
                  ? html`<span
                      class="impl-seg"
                      data-status=${s}
                      style="height:${(100 * counts[s]) / total}%"
                    ></span>`
                  : nothing,
              )}
            </span>`;
          })}
        </span>
      </div>`,
    )}
    <div class="impl-strip-axis" aria-hidden="true">
      <span>${first?.label ?? ''}</span><span>${last?.label ?? ''}</span>
    </div>
    <p class="impl-legend">
      ${IMPLEMENTATION_STATUSES.map(
        (s) =>
          html`<span class="impl-key"
            ><span class="impl-seg impl-swatch" data-status=${s} aria-hidden="true"></span>${statusText(
              s,
              lang,
            )}</span
          >`,
      )}
    </p>
  </div>`;
}

function rowsTable(c: ImplementationViewContext): TemplateResult {
  const { lang, view } = c;
  const cell = view.cell;
  const shown = cell
    ? c.rows.filter(
        (r) =>
          (!cell.pillar || r.pillar === cell.pillar) && (!cell.status || r.status === cell.status),
      )
    : c.rows;
  const chip = cell
    ? fill(t(lang, 'implCell'), {
        pillar: cell.pillar ?? t(lang, 'implAllPillars'),
        status: cell.status ? statusName(cell.status, lang) : t(lang, 'implAnyStatus'),
        n: shown.length,
      })
    : fill(t(lang, 'implShown'), { n: shown.length, total: c.rows.length });
  return html`<h3>${t(lang, 'implList')}</h3>
    <p class="impl-chip" data-test="impl-chip">
      <span>${chip}</span>
      ${
        cell
          ? html`<button type="button" data-test="impl-show-all" @click=${() => c.onCell(null, null)}>
            ${t(lang, 'implShowAll')}
          </button>`
          : nothing
      }
    </p>
    <table class="impl-list" data-test="impl-list">
      <thead>
        <tr>
          ${IMPLEMENTATION_COLUMNS.map((column) => {
            const sorted = view.sort.column === column;
            return html`<th
              scope="col"
              aria-sort=${sorted ? (view.sort.descending ? 'descending' : 'ascending') : 'none'}
            >
              <button type="button" data-test=${`impl-sort-${column}`} @click=${() => c.onSort(column)}>
                ${t(lang, COLUMN_WORDS[column])}${sorted ? (view.sort.descending ? ' ▼' : ' ▲') : ''}
              </button>
            </th>`;
          })}
        </tr>
      </thead>
      <tbody>
        ${shown.map(
          (r) => html`<tr data-ref=${r.ref} data-test="impl-row">
            <td>
              <button type="button" class="impl-ref" @click=${() => c.onSelect(r.ref)}>
                <span class="impl-ref-code">${r.ref}</span>
                <span class="impl-ref-name">${c.commitmentName(r.ref)}</span>
              </button>
            </td>
            <td data-status=${r.status}>${statusText(r.status, lang)}</td>
            <td class="day">${r.lastEvent ?? '—'}</td>
            <td class="num">${r.daysSince ?? '—'}</td>
            <td class="num">${r.evidence}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
}

/** The Implementation view: as-of switch, the pillar × status counts, status over time, the list. */
export function implementationViewTemplate(c: ImplementationViewContext): TemplateResult {
  const { lang } = c;
  return html`<h2 data-test="impl-title">${titleAsOf(t(lang, 'implTitle'), c.asOfLabel, lang)}</h2>
    ${asOfSwitch(c, c.day)}
    <p class="impl-note">${t(lang, 'implScaleNote')}</p>
    ${
      c.error
        ? html`<p class="error" role="alert">${fill(t(lang, 'implUnavailable'), { error: c.error })}</p>`
        : !c.table
          ? html`<p class="impl-note">${t(lang, 'implLoading')}</p>`
          : html`${countsTable(c, c.table)}
            <h3>${t(lang, 'implOverTime')}</h3>
            ${overTimeStrip(c)} ${rowsTable(c)}`
    }`;
}
