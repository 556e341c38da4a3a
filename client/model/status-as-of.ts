import {
  ALL_AGREEMENT_STATUSES,
  ENDED_STATUSES,
  OPERATIVE_STATUSES,
} from '../../core/model/curation-vocabulary';
import { parseDay } from '../timeline/timeline-model';
import { currentStatus, PLAN_ADOPTED } from './agreement-milestones';

/**
 * Facts with their day. What the plan says of an instrument (UNDERPINS, WORKS_TOWARDS,
 * REFERS_TO, status_in_plan) holds as of its adoption, PLAN_ADOPTED; what the public record
 * says (status as of status_as_of, signed, in_force) holds from its own dates. A view shows
 * the plan's words as the plan's, and groups instruments by their status as of the day the
 * reader chose. Pure: the list beside the underpins diagram and the briefings share it.
 */

/** The day the facts are taken as of: the plan's adoption, today, or a day the reader chose. */
export type AsOf = 'plan' | 'today' | (string & {});

/**
 * The as-of a link or the date input may hold: plan, today, or a real day from the plan's
 * adoption on (the view is of the plan: before it, its words do not exist yet).
 */
export const isAsOf = (text: string): text is AsOf =>
  text === 'plan' || text === 'today' || (parseDay(text) !== null && text >= PLAN_ADOPTED);

/** The day an as-of stands for; `today` is the reader's clock, passed in to keep this pure. */
export const asOfDay = (asOf: AsOf, today: string): string =>
  asOf === 'plan' ? PLAN_ADOPTED : asOf === 'today' ? today : asOf;

/** A status with the day it rests on: since it came about, or as of when it was read. */
export interface DatedStatus {
  status: string;
  since?: string;
  asOf?: string;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The first day a date of any precision is wholly past: a day itself; a month or a year is
 * only known to have happened once it is over ("2025-01" is reached on 2025-02-01), so a
 * status is never claimed before the record shows it. ISO days compare as text.
 */
const reachedFrom = (date: string): string =>
  date.length === 4 ? `${date}-99-99` : date.length === 7 ? `${date}-99` : date;
const reached = (date: string, day: string) => reachedFrom(date) <= day;

/**
 * An instrument's status as of `day`. The record's latest status (`status`, read on
 * `status_as_of`) holds from that day on, over anything the plan said, which the record
 * may correct (the 2011 environment memorandum: in effect in the plan's words, superseded
 * in 2015). Before it, the latest earlier fact: what the plan said on its day, the day it
 * was signed, the day it came into force. Undefined when nothing is known yet.
 */
export function statusOn(p: Record<string, unknown>, day: string): DatedStatus | undefined {
  const latest = text(p.status_as_of);
  if (text(p.status) && (!latest || reached(latest, day))) return currentStatus(p);
  const facts: (DatedStatus & { on: string })[] = [];
  const inPlan = text(p.status_in_plan);
  if (inPlan) facts.push({ status: inPlan, asOf: PLAN_ADOPTED, on: PLAN_ADOPTED });
  const signed = text(p.signed);
  // A declaration is adopted the day it is issued; anything else is then signed.
  if (signed)
    facts.push({
      status: p.agreement_type === 'joint_statement' ? 'adopted' : 'signed',
      since: signed,
      on: signed,
    });
  const inForce = text(p.in_force);
  if (inForce) facts.push({ status: 'in_force', since: inForce, on: inForce });
  // The record's own dates after the plan's on the same day: a record is read later.
  const known = facts
    .filter((f) => reached(f.on, day))
    .sort((a, b) => reachedFrom(a.on).localeCompare(reachedFrom(b.on)));
  const last = known.at(-1);
  if (!last) return undefined;
  // In force since the day it came into force, whoever said so last.
  if (last.status === 'in_force' && inForce && reached(inForce, day))
    return { status: 'in_force', since: inForce };
  const { on: _on, ...dated } = last;
  return dated;
}

/**
 * Where an instrument stands: operative (in force, in effect, adopted), pending (under
 * consideration or negotiation, signed), ended (superseded, expired, terminated), or
 * unknown (no status on record yet). A view's headings are standings, so that a heading
 * and the status badge beside an instrument can never say different things.
 */
export type Standing = 'operative' | 'pending' | 'ended' | 'unknown';
export const STANDINGS: readonly Standing[] = ['operative', 'pending', 'ended', 'unknown'];

export function standingOf(status: string | undefined): Standing {
  const is = (list: readonly string[]) => status !== undefined && list.includes(status);
  if (is(OPERATIVE_STATUSES)) return 'operative';
  if (is(ENDED_STATUSES)) return 'ended';
  if (is(ALL_AGREEMENT_STATUSES)) return 'pending';
  return 'unknown';
}

/** What the plan's words make of an instrument and a commitment, strongest first. */
export type PlanRelation = 'UNDERPINS' | 'WORKS_TOWARDS' | 'REFERS_TO';
export const PLAN_RELATIONS: readonly PlanRelation[] = ['UNDERPINS', 'WORKS_TOWARDS', 'REFERS_TO'];
const isPlanRelation = (type: string): type is PlanRelation =>
  (PLAN_RELATIONS as readonly string[]).includes(type);

export interface AgreementEntry {
  agreement: string;
  /** What the plan said of it on PLAN_ADOPTED: its relations to the listed commitments, strongest first. */
  relations: PlanRelation[];
  /** The status the plan gave it, if it names it. */
  statusInPlan?: string;
  /** Its status as of the chosen day, dated. */
  status?: DatedStatus;
  standing: Standing;
  /** The commitments it is linked to, in the plan's order, each with the plan's relation and words. */
  links: { commitment: string; relation: PlanRelation; evidence: string | null }[];
}

export interface StandingSection {
  standing: Standing;
  entries: AgreementEntry[];
}

interface LinkEdge {
  source: string;
  target: string;
  type: string;
  evidence?: unknown;
}

/**
 * "What underpins what" as of `day`: every shown instrument the plan links to a shown
 * commitment, under the standing its own status gives it that day (operative first), each
 * with what the plan said; instruments ordered by their first commitment in the plan's
 * order, commitments in that order. One entry per instrument, so none is listed twice.
 */
export function standingSections(
  edges: readonly LinkEdge[],
  shown: ReadonlySet<string>,
  propertiesOf: (id: string) => Record<string, unknown> | undefined,
  day: string,
): StandingSection[] {
  const byAgreement = new Map<
    string,
    Map<string, { relation: PlanRelation; evidence: string | null }>
  >();
  for (const e of edges) {
    if (!isPlanRelation(e.type)) continue;
    const [agreement, commitment] =
      e.type === 'UNDERPINS' ? [e.source, e.target] : [e.target, e.source];
    if (!shown.has(agreement) || !shown.has(commitment)) continue;
    const links = byAgreement.get(agreement) ?? new Map();
    const had = links.get(commitment);
    const rank = (r: PlanRelation) => PLAN_RELATIONS.indexOf(r);
    if (!had || rank(e.type) < rank(had.relation))
      links.set(commitment, {
        relation: e.type,
        evidence: typeof e.evidence === 'string' ? e.evidence : null,
      });
    byAgreement.set(agreement, links);
  }
  const refOf = (id: string) => String(propertiesOf(id)?.ref ?? id);
  const byRef = (a: string, b: string) => refOf(a).localeCompare(refOf(b), 'en', { numeric: true });
  const entries: AgreementEntry[] = [...byAgreement.entries()].map(([agreement, links]) => {
    const p = propertiesOf(agreement) ?? {};
    const status = statusOn(p, day);
    const statusInPlan = text(p.status_in_plan);
    const listed = [...links.entries()]
      .map(([commitment, l]) => ({ commitment, ...l }))
      .sort((a, b) => byRef(a.commitment, b.commitment));
    return {
      agreement,
      relations: PLAN_RELATIONS.filter((r) => listed.some((l) => l.relation === r)),
      ...(statusInPlan ? { statusInPlan } : {}),
      ...(status ? { status } : {}),
      standing: standingOf(status?.status),
      links: listed,
    };
  });
  entries.sort(
    (a, b) =>
      byRef(a.links[0]!.commitment, b.links[0]!.commitment) ||
      a.agreement.localeCompare(b.agreement),
  );
  return STANDINGS.map((standing) => ({
    standing,
    entries: entries.filter((e) => e.standing === standing),
  })).filter((s) => s.entries.length > 0);
}
