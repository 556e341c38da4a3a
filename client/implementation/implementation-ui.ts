import type { Core } from 'cytoscape';
import { nothing, type TemplateResult } from 'lit-html';
import type {
  AssessmentHistoryResponse,
  ImplementationResponse,
} from '../../core/api/implementation';
import {
  IMPLEMENTATION_STATUSES,
  type ImplementationStatus,
} from '../../core/model/implementation';
import { suggestStatus } from '../../core/model/suggested-status';
import type { DataSource } from '../data/data-source';
import { PLAN_ADOPTED } from '../model/agreement-milestones';
import { recordDay, today } from '../model/clock';
import type { GraphEdge, GraphNode } from '../model/graph-items';
import {
  implementationRows,
  quarterEnds,
  type StatusSnapshot,
  sortRows,
  statusOverTime,
  statusTable,
} from '../model/implementation-model';
import type { AppState, Lang } from '../model/state';
import { asOfDay } from '../model/status-as-of';
import type { KizunaEvent } from '../timeline/events-api';
import { WriteProblem } from '../timeline/events-api';
import { restrictToRange } from '../timeline/timeline-model';
import { t } from '../views/labels';
import { asOfText } from '../views/status-words';
import { type AssessmentDraft, assessmentPanelTemplate } from './assessment-panel';
import { implementationViewTemplate } from './implementation-view';
import { STATUS_WEDGE, statusText } from './status-marks';

export interface ImplementationHost {
  state(): AppState;
  nodes(): GraphNode[];
  edges(): GraphEdge[];
  events(): readonly KizunaEvent[];
  canEdit(): boolean;
  csrf(): string | null;
  selectNode(id: string): void;
  selectEvent(id: string): void;
  dispatch: {
    setAsOf(asOf: AppState['asOf']): void;
    openCell(
      pillar: AppState['filters']['pillars'][number] | null,
      status: ImplementationStatus | null,
    ): void;
    sort(column: AppState['implementation']['sort']['column']): void;
  };
  rerender(): void;
}

const fullFilter = (s: AppState) => s.filters.statuses.length === IMPLEMENTATION_STATUSES.length;

/**
 * The implementation monitor in the explorer: where each commitment stands on the as-of
 * day (fetched per day and kept), its marks on the canvas and the status filter, the
 * Implementation view, and in a commitment's panel its assessment history and the editors'
 * form. The explorer calls into it at a few points of its render, as it does the events'.
 */
export function mountImplementation(host: ImplementationHost, data: DataSource) {
  const standings = new Map<string, ImplementationResponse>();
  const asked = new Set<string>();
  let error: string | null = null;
  const histories = new Map<string, AssessmentHistoryResponse>();
  const historyAsked = new Set<string>();
  const drafts = new Map<string, AssessmentDraft>();
  let saving = false;
  let message: { ref: string; text: string; error: boolean } | null = null;
  let fieldErrors: Record<string, string> = {};
  let overTimeFor: string | null = null;

  const dayOf = (s: AppState) => asOfDay(s.asOf, recordDay());

  function fetchDays(days: string[]): Promise<void> {
    const missing = days.filter((d) => !standings.has(d) && !asked.has(d));
    for (const d of missing) asked.add(d);
    if (!missing.length) return Promise.resolve();
    return Promise.all(
      missing.map((d) =>
        data.standings(d).then(
          (r) => {
            standings.set(d, r);
            error = null;
          },
          (e: unknown) => {
            asked.delete(d);
            error = e instanceof Error ? e.message : String(e);
          },
        ),
      ),
    ).then(() => host.rerender());
  }

  function fetchHistory(ref: string): void {
    if (historyAsked.has(ref)) return;
    historyAsked.add(ref);
    data.history(ref).then(
      (h) => {
        histories.set(ref, h);
        host.rerender();
      },
      () => historyAsked.delete(ref),
    );
  }

  /** After a write: every day's standings and this commitment's history are read again. */
  function forget(ref: string): void {
    standings.clear();
    asked.clear();
    overTimeFor = null;
    histories.delete(ref);
    historyAsked.delete(ref);
  }

  const current = (s: AppState) => standings.get(dayOf(s)) ?? null;
  const statusByRef = (s: AppState): Map<string, ImplementationStatus> | null => {
    const r = current(s);
    return r ? new Map(r.commitments.map((c) => [c.ref, c.status])) : null;
  };
  const refOfNode = (id: string | null) => {
    const n = id ? host.nodes().find((x) => x.id === id) : undefined;
    return n?.kind === 'Commitment' ? String(n.ref) : null;
  };
  const nodeOfRef = (ref: string) =>
    host.nodes().find((n) => n.kind === 'Commitment' && String(n.ref) === ref);
  const nameOf = (n: GraphNode | undefined, lang: Lang) =>
    n ? (lang === 'ja' ? n.name_ja : n.name_en) : '';
  const eventsOf = (ref: string) =>
    host
      .events()
      .filter((e) => !e.deleted && e.advances.some((a) => a.ref === ref))
      .sort((a, b) => a.date_start.localeCompare(b.date_start));

  /** A new form starts at the suggestion for today: a hint the editor still has to choose. */
  const draftOf = (ref: string): AssessmentDraft =>
    drafts.get(ref) ?? {
      status: suggestStatus(eventsOf(ref), today()).status,
      as_of: today(),
      evidence: [],
      note: '',
    };

  async function save(ref: string): Promise<void> {
    // Only an editor sees the form, and a read-only copy has none.
    const writes = data.writes;
    if (!writes) return;
    const draft = draftOf(ref);
    const revision = histories.get(ref)?.revision ?? 0;
    saving = true;
    message = null;
    fieldErrors = {};
    host.rerender();
    const lang = host.state().lang;
    try {
      await writes.assess(
        ref,
        revision,
        {
          status: draft.status,
          as_of: draft.as_of,
          evidence:
            draft.status === 'no_evidence'
              ? []
              : draft.evidence.filter((id) =>
                  eventsOf(ref).some((e) => e.id === id && e.date_start <= draft.as_of),
                ),
          note: draft.note,
        },
        host.csrf(),
      );
      drafts.delete(ref);
      message = { ref, text: t(lang, 'implSaved'), error: false };
      forget(ref);
    } catch (e) {
      if (e instanceof WriteProblem && e.status === 409) {
        // Another editor wrote first: their assessment is shown, the editor's input stays.
        message = { ref, text: t(lang, 'implConflict'), error: true };
        forget(ref);
      } else if (e instanceof WriteProblem) {
        fieldErrors = Object.fromEntries(e.errors.map((f) => [f.field.split('.')[0], f.message]));
        message = { ref, text: `${e.title}: ${e.message}`, error: true };
      } else message = { ref, text: String(e), error: true };
    }
    saving = false;
    host.rerender();
  }

  return {
    /** Fetches what the state shows and is not loaded yet; each arrival redraws. */
    want(s: AppState): void {
      void fetchDays([dayOf(s)]);
      const ref = refOfNode(s.selected);
      if (ref) fetchHistory(ref);
      if (s.tab === 'implementation' && overTimeFor !== dayOf(s)) {
        overTimeFor = dayOf(s);
        void fetchDays(quarterEnds(PLAN_ADOPTED, dayOf(s)).map((q) => q.day));
      }
    },
    /** The graph narrowed to the commitments at the statuses the filter keeps. */
    restrict<V extends { nodes: Set<string>; edges: Set<string> }>(visible: V, s: AppState): V {
      const byRef = statusByRef(s);
      if (fullFilter(s) || !byRef) return visible;
      const kept = new Set(
        [...byRef.entries()].filter(([, st]) => s.filters.statuses.includes(st)).map(([r]) => r),
      );
      return restrictToRange(visible, host.nodes(), host.edges(), kept, s.selected);
    },
    /**
     * Marks each commitment by its status, not by colour alone: a dark wedge that grows with
     * the level (a quarter, three quarters, whole), a dotted ring for not started, nothing for
     * no evidence (the rules are in the canvas's stylesheet, cy-style.ts). Only real changes
     * are made (Cytoscape restyles on every toggle), in one batch.
     */
    decorate(cy: Core, s: AppState): void {
      const byRef = statusByRef(s);
      cy.batch(() => {
        cy.nodes('[kind = "Commitment"]').forEach((n) => {
          const status = byRef?.get(String(n.data('ref'))) ?? null;
          for (const st of IMPLEMENTATION_STATUSES) {
            const on = st === status;
            if (n.hasClass(`impl-${st}`) !== on) n.toggleClass(`impl-${st}`, on);
          }
        });
      });
    },
    /** The Implementation view's content for the state. */
    view(s: AppState): TemplateResult {
      const lang = s.lang;
      const day = dayOf(s);
      const data = current(s);
      const quarters = quarterEnds(PLAN_ADOPTED, day);
      const overTime: StatusSnapshot[] | null = quarters.every((q) => standings.has(q.day))
        ? statusOverTime(quarters, (d) => standings.get(d)!.commitments)
        : null;
      return implementationViewTemplate({
        lang,
        asOf: s.asOf,
        day,
        today: recordDay(),
        asOfLabel: asOfText(s.asOf, day, lang),
        view: s.implementation,
        table: data ? statusTable(data.commitments) : null,
        rows: data
          ? sortRows(
              implementationRows(data.commitments, host.events(), day),
              s.implementation.sort,
            )
          : [],
        error: data ? null : error,
        overTime,
        pillarName: (p) => {
          const n = host.nodes().find((x) => x.kind === 'Pillar' && String(x.ref) === p);
          return nameOf(n, lang);
        },
        commitmentName: (ref) => nameOf(nodeOfRef(ref), lang),
        onAsOf: (a) => host.dispatch.setAsOf(a),
        onCell: (p, st) => host.dispatch.openCell(p, st),
        onSort: (c) => host.dispatch.sort(c),
        onSelect: (ref) => {
          const n = nodeOfRef(ref);
          if (n) host.selectNode(n.id);
        },
      });
    },
    /** The selected commitment's assessments (and the editors' form), for its panel. */
    panel(s: AppState): TemplateResult | typeof nothing {
      const ref = refOfNode(s.selected);
      if (!ref) return nothing;
      const draft = draftOf(ref);
      // Only what had begun by the day assessed can be cited (the server refuses the rest).
      const events = eventsOf(ref).filter((e) => !draft.as_of || e.date_start <= draft.as_of);
      return assessmentPanelTemplate({
        lang: s.lang,
        ref,
        history: histories.get(ref) ?? null,
        events,
        canEdit: host.canEdit(),
        draft,
        suggestion: suggestStatus(events, draft.as_of || today()),
        saving,
        message: message?.ref === ref ? message : null,
        fieldErrors: message?.ref === ref ? fieldErrors : {},
        change: (part) => {
          drafts.set(ref, { ...draftOf(ref), ...part });
          // Typing in the note redraws nothing: the textarea holds it; choices redraw the form.
          if (!('note' in part)) host.rerender();
        },
        save: () => void save(ref),
        selectEvent: (id) => host.selectEvent(id),
      });
    },
    /** "◔ Limited" for a commitment's tooltip, or null before the standings load. */
    statusWords(s: AppState, ref: string): string | null {
      const status = statusByRef(s)?.get(ref);
      return status ? statusText(status, s.lang) : null;
    },
  };
}

export type ImplementationUi = ReturnType<typeof mountImplementation>;
