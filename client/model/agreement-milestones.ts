import { DATASET_SOURCE } from '../../core/dataset';

/**
 * An agreement's or framework's dates, in order, for the side panel's strip: what the plan
 * said of it on its adoption day, when it was signed and came into force, and its status as
 * of the last check, each with the evidence or source the data carry. Pure: no DOM.
 */
export interface Milestone {
  kind: 'in_plan' | 'signed' | 'in_force' | 'status';
  /** ISO date, as precise as the data (2015-02-10, 2024-12, 2011). */
  date: string;
  /** For in_plan and status: the coded status (in_force, under_negotiation…). */
  status?: string;
  /** A public record's URL (status) or the plan's own words (in_plan). */
  source?: string;
  evidence?: string;
}

/**
 * The plan's adoption day, the date of the source document (core/dataset.ts): what
 * status_in_plan describes, and the day every relationship read from the plan's words holds.
 */
export const PLAN_ADOPTED: string = DATASET_SOURCE.date;

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Today's status as the public record gives it, dated: since when it has held (the day it came
 * into force) or the day it was last checked. Shown beside what the plan said, never as it.
 */
export function currentStatus(
  p: Record<string, unknown>,
): { status: string; since?: string; asOf?: string } | undefined {
  const status = text(p.status);
  if (!status) return undefined;
  const inForce = text(p.in_force);
  if (status === 'in_force' && inForce) return { status, since: inForce };
  const asOf = text(p.status_as_of);
  return asOf ? { status, asOf } : { status };
}

export function agreementMilestones(p: Record<string, unknown>): Milestone[] {
  const out: Milestone[] = [];
  const signed = text(p.signed);
  if (signed) out.push({ kind: 'signed', date: signed });
  const inForce = text(p.in_force);
  if (inForce) out.push({ kind: 'in_force', date: inForce });
  const inPlan = text(p.status_in_plan);
  if (inPlan) {
    out.push({
      kind: 'in_plan',
      date: PLAN_ADOPTED,
      status: inPlan,
      evidence: text(p.status_in_plan_evidence),
    });
  }
  const asOf = text(p.status_as_of);
  const status = text(p.status);
  if (asOf && status) {
    out.push({ kind: 'status', date: asOf, status, source: text(p.status_source) });
  }
  // ISO dates of any precision sort as text; a year sorts before its months.
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
