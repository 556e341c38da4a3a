import type { ImplementationStatus } from '../../core/model/implementation';
import type { Lang } from '../model/state';
import { propertyValue } from '../views/labels';

/**
 * How a status is marked, never by colour alone: a glyph that fills as a commitment gets
 * further (the list, the table, the legend, the tooltip), and on the canvas a dark wedge of
 * the node that grows the same way, not_started with a dotted ring, no_evidence unmarked.
 */
export const STATUS_GLYPH: Record<ImplementationStatus, string> = {
  no_evidence: '–',
  not_started: '○',
  limited: '◔',
  substantial: '◕',
  complete: '●',
};

/** The share of the node the canvas's wedge fills, in per cent. */
export const STATUS_WEDGE: Record<ImplementationStatus, number> = {
  no_evidence: 0,
  not_started: 0,
  limited: 25,
  substantial: 75,
  complete: 100,
};

export const statusName = (status: ImplementationStatus, lang: Lang): string =>
  propertyValue('implementation_status', status, lang);

/** "◔ Limited": the glyph and the word, as every list shows a status. */
export const statusText = (status: ImplementationStatus, lang: Lang): string =>
  `${STATUS_GLYPH[status]} ${statusName(status, lang)}`;
