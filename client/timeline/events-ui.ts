import type { Core } from 'cytoscape';
import { html, nothing, render, type TemplateResult } from 'lit-html';
import type { Session } from '../../core/api/auth';
import { EVENT_LINKS } from '../../core/model/event-fields';
import { hasRole } from '../../core/model/roles';
import type { Elements, SearchResult } from '../api';
import type { DataSource } from '../data/data-source';
import type { GraphEdge, GraphNode } from '../model/graph-items';
import type { AppState, Lang, ListSet } from '../model/state';
import { type RowFacts, rowFacts } from '../model/table-model';
import { t } from '../views/labels';
import { mountEventForm } from './event-form';
import { commitmentEventsTemplate, eventPanelTemplate, type NodeRef } from './event-panel';
import { eventTitle } from './event-words';
import { type EventFields, type KizunaEvent, WriteProblem } from './events-api';
import {
  advancedRefs,
  type DateRange,
  lastEvents,
  quietCommitments,
  restrictToRange,
  searchEvents,
} from './timeline-model';
import './timeline.css';
import { today } from '../model/clock';
import { mountTimeline } from './timeline-view';

export interface EventsHost {
  state(): AppState;
  nodes(): GraphNode[];
  edges(): GraphEdge[];
  setRange(range: DateRange | null): void;
  setQuietSince(day: string | null): void;
  selectEvent(id: string | null): void;
  selectNode(id: string): void;
  /** Opens a counted set as a list (the table restricted to it). */
  openList(list: ListSet): void;
  /** Draws the whole view again (events, the session or the range changed). */
  rerender(): void;
}

/**
 * Events in the explorer: the timeline strip, the event panel, sign-in, and the editor's
 * form. The explorer calls into it at a few points of its render (client/app/render-app.ts);
 * everything else lives here.
 */
export function mountEvents(
  host: EventsHost,
  els: { timeline: HTMLElement; account: HTMLElement },
  data: DataSource,
) {
  // A read-only copy has no writes: no sign-in, no editor's form (a signed-out session).
  const writes = data.writes;
  let events: KizunaEvent[] = [];
  let session: Session = { account: null, csrf_token: null, require_sign_in: false };
  let signInOpen = false;
  let signInError: string | null = null;
  let panelMessage: string | null = null;
  const lang = () => host.state().lang;
  // Only a signed-in editor reaches a write, and a read-only copy never signs anyone in.
  const mustWrite = () => {
    if (!writes) throw new Error('This copy is read-only.');
    return writes;
  };
  const canEdit = () => hasRole(session.account?.role, 'editor');

  const timeline = mountTimeline(els.timeline, {
    setRange: (r) => host.setRange(r),
    setQuietSince: (d) => host.setQuietSince(d),
    selectEvent: (id) => host.selectEvent(id),
    listQuiet: () => host.openList({ kind: 'quiet' }),
  });

  const form = mountEventForm({
    lang,
    csrf: () => session.csrf_token,
    create: (fields: EventFields) => mustWrite().createEvent(fields, session.csrf_token),
    update: (id, version, fields) =>
      mustWrite().updateEvent(id, version, fields, session.csrf_token),
    saved: (e) => {
      void reload().then(() => {
        host.selectEvent(e.id);
        host.rerender();
      });
    },
  });

  // Escape closes the event panel as it closes a node's (the form's dialog handles its own).
  document.addEventListener('keydown', (e) => {
    const typing = e.target instanceof HTMLElement && e.target.closest('input, select, textarea');
    if (e.key === 'Escape' && host.state().event && !form.isOpen() && !typing)
      host.selectEvent(null);
  });

  async function reload(): Promise<void> {
    events = await data.events(canEdit());
  }

  async function load(): Promise<void> {
    session = await data.session();
    await reload();
  }

  const byRef = () => {
    const map = new Map<string, GraphNode>();
    for (const n of host.nodes()) if (n.kind === 'Commitment') map.set(String(n.ref), n);
    return map;
  };
  const nameOf = (n: GraphNode, l: Lang) => (l === 'ja' ? n.name_ja : n.name_en);

  async function write(action: () => Promise<KizunaEvent>): Promise<void> {
    panelMessage = null;
    try {
      const e = await action();
      await reload();
      host.selectEvent(e.id);
    } catch (error) {
      panelMessage =
        error instanceof WriteProblem ? `${error.title}: ${error.message}` : String(error);
      await reload().catch(() => {});
    }
    host.rerender();
  }

  function accountTemplate(l: Lang): TemplateResult | typeof nothing {
    if (!writes) return nothing;
    if (session.account)
      return html`<span class="account-name" data-test="account-name"
          >${session.account.name} · ${session.account.role}</span
        >
        ${
          canEdit()
            ? html`<button
                type="button"
                data-test="add-event"
                @click=${() => {
                  const s = host.state();
                  const ref = s.selected ? byRefId(s.selected) : null;
                  form.open(null, ref);
                }}
              >
                ${t(l, 'addEvent')}
              </button>`
            : nothing
        }
        <button type="button" data-test="sign-out" @click=${signOut}>${t(l, 'signOut')}</button>`;
    return html`<button
        type="button"
        data-test="sign-in-open"
        aria-expanded=${signInOpen ? 'true' : 'false'}
        @click=${() => {
          signInOpen = !signInOpen;
          signInError = null;
          draw();
          if (signInOpen)
            (els.account.querySelector('input[name="name"]') as HTMLInputElement)?.focus();
        }}
      >
        ${t(l, 'signIn')}
      </button>
      ${
        signInOpen
          ? html`<form class="sign-in-form" data-test="sign-in-form" @submit=${signIn}>
            <label>${t(l, 'accountName')} <input name="name" autocomplete="username" required /></label>
            <label
              >${t(l, 'password')}
              <input name="password" type="password" autocomplete="current-password" required
            /></label>
            ${signInError ? html`<p class="error" role="alert" data-test="sign-in-error">${signInError}</p>` : nothing}
            <button type="submit">${t(l, 'signIn')}</button>
          </form>`
          : nothing
      }`;
  }

  const byRefId = (nodeId: string) => {
    const n = host.nodes().find((x) => x.id === nodeId);
    return n?.kind === 'Commitment' ? String(n.ref) : null;
  };

  async function signIn(e: Event): Promise<void> {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    try {
      session = await mustWrite().signIn(String(data.get('name')), String(data.get('password')));
      signInOpen = false;
      signInError = null;
      await reload();
    } catch (error) {
      signInError = error instanceof WriteProblem ? error.message : String(error);
    }
    host.rerender();
  }

  async function signOut(): Promise<void> {
    try {
      await mustWrite().signOut(session.csrf_token);
    } catch {
      // Signed out on this page whatever the server said: the session is forgotten here.
    }
    session = { account: null, csrf_token: null, require_sign_in: session.require_sign_in };
    form.close();
    await reload().catch(() => {});
    host.rerender();
  }

  function draw(): void {
    const s = host.state();
    render(accountTemplate(s.lang), els.account);
    const refs = advancedRefs(events, s.range);
    const present = byRef();
    timeline.render(s, events, {
      active: [...refs].filter((r) => present.has(r)).length,
      quiet: quiet(s).size,
    });
  }

  /** The commitments (node ids) quiet since the chosen day; none when no day is chosen. */
  const quiet = (s: AppState): Set<string> =>
    s.quietSince ? quietCommitments(host.nodes(), events, s.quietSince) : new Set();

  /** The table's facts of every loaded node, computed again only when what they come from changed. */
  let factsMemo: {
    events: KizunaEvent[];
    nodes: number;
    edges: number;
    since: string | null;
    today: string;
    facts: Map<string, RowFacts>;
  } | null = null;
  function facts(s: AppState): Map<string, RowFacts> {
    const nodes = host.nodes();
    const edges = host.edges();
    const todayIs = today();
    const m = factsMemo;
    if (
      m &&
      m.events === events &&
      m.nodes === nodes.length &&
      m.edges === edges.length &&
      m.since === s.quietSince &&
      m.today === todayIs
    )
      return m.facts;
    const computed = rowFacts(nodes, edges, events, quiet(s), todayIs);
    factsMemo = {
      events,
      nodes: nodes.length,
      edges: edges.length,
      since: s.quietSince,
      today: todayIs,
      facts: computed,
    };
    return computed;
  }

  return {
    load,
    render: draw,
    /** Every event loaded (deleted ones too, for an editor), and the session: the monitor's inputs. */
    all: (): readonly KizunaEvent[] => events,
    session: (): Session => session,
    canEdit,
    quiet,
    facts,
    /** The graph narrowed to commitments with events in the brushed range. */
    restrict<V extends { nodes: Set<string>; edges: Set<string> }>(visible: V, s: AppState): V {
      if (!s.range) return visible;
      return restrictToRange(
        visible,
        host.nodes(),
        host.edges(),
        advancedRefs(events, s.range),
        s.selected,
      );
    },
    /** Fades, with a dashed border (cy-style.ts), the commitments no event has advanced since the chosen day. */
    decorate(cy: Core, s: AppState): void {
      const quietIds = quiet(s);
      // Cytoscape's toggleClass(name, bool) restyles a node even when nothing changes, which
      // restyled every commitment on every brush and click: only real changes are made.
      cy.batch(() => {
        cy.nodes('[kind = "Commitment"]').forEach((n) => {
          const quiet = quietIds.has(n.id());
          if (n.hasClass('quiet') !== quiet) n.toggleClass('quiet', quiet);
        });
      });
    },
    panel(s: AppState): TemplateResult | null {
      if (!s.event) return null;
      const e = events.find((x) => x.id === s.event) ?? null;
      const refs = byRef();
      const ref = (n: GraphNode | undefined): NodeRef | null =>
        n ? { id: n.id, name: nameOf(n, s.lang) } : null;
      return eventPanelTemplate(e, s.lang, {
        commitment: (r) => ref(refs.get(r)),
        node: (id) => ref(host.nodes().find((n) => n.id === id)),
        canEdit: canEdit(),
        message: panelMessage,
        act: {
          close: () => host.selectEvent(null),
          selectNode: (id) => host.selectNode(id),
          edit: (ev) => form.open(ev),
          remove: (ev) =>
            void write(() => mustWrite().removeEvent(ev.id, ev.version, session.csrf_token)),
          restore: (ev) =>
            void write(() => mustWrite().restoreEvent(ev.id, ev.version, session.csrf_token)),
        },
      });
    },
    /** The events of the selected commitment, for its panel. */
    ofNode(s: AppState): TemplateResult | typeof nothing {
      const ref = s.selected ? byRefId(s.selected) : null;
      if (!ref) return nothing;
      const list = events
        .filter((e) => !e.deleted && e.advances.some((a) => a.ref === ref))
        .sort((a, b) => a.date_start.localeCompare(b.date_start));
      const quietLine =
        s.quietSince && s.selected && quiet(s).has(s.selected)
          ? { since: s.quietSince, last: lastEvents(events).get(ref) }
          : null;
      return commitmentEventsTemplate(list, s.lang, (id) => host.selectEvent(id), quietLine);
    },
    /** Events matching a search, as a group of their own in the search box. */
    search(q: string, l: Lang): SearchResult[] {
      return searchEvents(events, q, l)
        .slice(0, 8)
        .map((e) => ({
          id: e.id,
          kind: t(l, 'event'),
          name_ja: eventTitle(e, 'ja'),
          name_en: eventTitle(e, 'en'),
          ref: null,
          field: 'event',
          snippet: e.date,
        }));
    },
    isEvent: (id: string) => events.some((e) => e.id === id),
    /**
     * The events linked to node `id` (the analysts' records its panel lists), as canvas
     * elements with every link they have; ids as the server gives them, so a path through
     * one of them (api.paths, layers=all) names the same edges.
     */
    elementsAround(id: string): Elements {
      const commitments = byRef();
      const nodes: Elements['nodes'] = [];
      const edges: Elements['edges'] = [];
      for (const e of events) {
        if (e.deleted) continue;
        const links = [
          ...e.advances.flatMap((a) => {
            const c = commitments.get(a.ref);
            return c ? [{ type: EVENT_LINKS.advances.type, target: c.id }] : [];
          }),
          ...e.involves.map((target) => ({ type: EVENT_LINKS.involves.type, target })),
          ...e.under.map((target) => ({ type: EVENT_LINKS.under.type, target })),
          ...e.part_of.map((target) => ({ type: EVENT_LINKS.part_of.type, target })),
        ];
        if (!links.some((l) => l.target === id)) continue;
        nodes.push({
          data: {
            id: e.id,
            kind: 'Event',
            name_ja: eventTitle(e, 'ja'),
            name_en: eventTitle(e, 'en'),
            date: e.date_start,
          },
        });
        for (const l of links)
          edges.push({
            data: {
              id: `${l.type}|${e.id}|${l.target}`,
              source: e.id,
              target: l.target,
              type: l.type,
            },
          });
      }
      return { nodes, edges };
    },
  };
}

export type EventsUi = ReturnType<typeof mountEvents>;
