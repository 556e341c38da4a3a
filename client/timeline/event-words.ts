import type { Lang } from '../model/state';
import { fill, t, type Word } from '../views/labels';
import type { EventKind, KizunaEvent } from './events-api';

/** How events read in the interface: their kind, title and date, in the language shown. */

const KIND_WORDS: Record<EventKind, Word> = {
  visit: 'kindVisit',
  meeting: 'kindMeeting',
  signing: 'kindSigning',
  dialogue: 'kindDialogue',
  exercise: 'kindExercise',
  exchange: 'kindExchange',
  milestone: 'kindMilestone',
};

export const eventKindName = (kind: EventKind, lang: Lang) => t(lang, KIND_WORDS[kind]);

export const eventTitle = (e: Pick<KizunaEvent, 'title_ja' | 'title_en'>, lang: Lang) =>
  lang === 'ja' ? e.title_ja : e.title_en;

const MONTHS_EN = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** The date as precisely as it is known: 22 Sep 2024, Sep 2024, 2024 (2024年9月22日 …). */
export function eventDateText(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (lang === 'ja') return `${y}年${m ? `${m}月` : ''}${d ? `${d}日` : ''}`;
  if (!m) return String(y);
  return `${d ? `${d} ` : ''}${MONTHS_EN[m - 1]} ${y}`;
}

export const precisionName = (p: KizunaEvent['date_precision'], lang: Lang) =>
  t(lang, p === 'day' ? 'precDay' : p === 'month' ? 'precMonth' : 'precYear');

/** "23 commitments quiet since 2024-01-01", in the language shown. */
export const quietCountText = (n: number, since: string, lang: Lang) =>
  fill(t(lang, 'quietCount'), { n, date: since });

/** A quiet commitment's line in its panel: since when, and its last event's date (or none). */
export const quietPanelText = (since: string, last: KizunaEvent | undefined, lang: Lang) =>
  fill(t(lang, 'quietPanel'), {
    date: since,
    last: last ? eventDateText(last.date, lang) : t(lang, 'noEventRecorded'),
  });
