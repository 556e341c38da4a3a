import { PLAN_ADOPTED } from '../model/agreement-milestones';
import type { Lang } from '../model/state';
import type {
  AgreementEntry,
  AsOf,
  DatedStatus,
  PlanRelation,
  Standing,
} from '../model/status-as-of';
import { datedStatus, fill, propertyValue, t, type Word } from './labels';

/**
 * Time-aware facts in words, for the underpins list and the briefings alike: the day they
 * are taken as of, the headings (standings as of that day), and each instrument's line
 * "worked towards in the plan (2022) → in force since 2025-01-22: underpins now".
 */

/** "as of 2022-11-29 (the plan)", "as of 2026-12-07"; 2026-12-07時点 in Japanese. */
export const asOfText = (asOf: AsOf, day: string, lang: Lang): string =>
  fill(t(lang, asOf === 'plan' ? 'asOfTextPlan' : 'asOfText'), { date: day });

/** A title with its as-of: "What underpins what, as of 2026-12-07", 何が何を支えるか・2026-12-07時点. */
export const titleAsOf = (title: string, asOf: string, lang: Lang): string =>
  lang === 'ja' ? `${title}・${asOf}` : `${title}, ${asOf}`;

const HEADINGS: Record<Standing, Word> = {
  operative: 'standingOperative',
  pending: 'standingPending',
  ended: 'standingEnded',
  unknown: 'standingUnknown',
};

/** A heading of the list: the standing its instruments have as of the day. */
export const standingHeading = (standing: Standing, asOf: string, lang: Lang): string =>
  fill(t(lang, HEADINGS[standing]), { asOf });

/** A status badge: "in force since 2016-06-07", "under consideration (as of 2022-11-29)". */
export const statusBadge = (status: DatedStatus, lang: Lang): string =>
  datedStatus(propertyValue('status', status.status, lang), status, lang);

const IN_PLAN: Record<PlanRelation, Word> = {
  UNDERPINS: 'planUnderpins',
  WORKS_TOWARDS: 'planWorksTowards',
  REFERS_TO: 'planRefersTo',
};

const NOW: Record<Standing, Word> = {
  operative: 'nowOperative',
  pending: 'nowPending',
  ended: 'nowEnded',
  unknown: 'nowUnknown',
};

/** The parts of an instrument's line: the plan's words, its dated status, what that makes it. */
export interface PlanAndDay {
  plan: string;
  badge?: string;
  now?: string;
}

/**
 * What the plan said and what holds on `day`: "worked towards in the plan (2022)", "in force
 * since 2025-01-22", "underpins now" ("now" when the day is today, else "on 2024-06-01"). A
 * mere reference in the plan is not said to underpin anything.
 */
export function planAndDay(
  entry: Pick<AgreementEntry, 'relations' | 'status' | 'standing'>,
  day: string,
  today: string,
  lang: Lang,
): PlanAndDay {
  const relation = entry.relations[0] ?? 'REFERS_TO';
  const plan = fill(t(lang, IN_PLAN[relation]), { year: PLAN_ADOPTED.slice(0, 4) });
  const when = day === today ? t(lang, 'whenNow') : fill(t(lang, 'whenOn'), { date: day });
  const now = fill(t(lang, NOW[entry.standing]), { when });
  if (!entry.status) return { plan, now };
  const badge = statusBadge(entry.status, lang);
  return relation === 'REFERS_TO' ? { plan, badge } : { plan, badge, now };
}

/** The line as one string: "worked towards in the plan (2022) → in force since 2025-01-22: underpins now". */
export function planAndDayText(parts: PlanAndDay, lang: Lang): string {
  const after = [parts.badge, parts.now].filter(Boolean).join(lang === 'ja' ? '：' : ': ');
  return `${parts.plan} → ${after}`;
}
