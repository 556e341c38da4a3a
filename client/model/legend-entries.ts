import type { LegendEntry } from './compose-diagram';
import {
  EVENT_REL_STYLES,
  EVENT_REL_TYPES,
  EVENT_STYLE,
  KIND_STYLES,
  NODE_KINDS,
  REL_STYLES,
  REL_TYPES,
} from './palette';
import type { Lang } from './state';

/**
 * The legend of what is drawn: its kinds, then its relationship types, in the palette's order,
 * the analysts' records (events on a path) after the plan's.
 */
export function legendEntries(
  kinds: ReadonlySet<string>,
  types: ReadonlySet<string>,
  lang: Lang,
): LegendEntry[] {
  return [
    ...NODE_KINDS.filter((k) => kinds.has(k)).map((k) => ({
      label: KIND_STYLES[k][lang],
      colour: KIND_STYLES[k].colour,
      mark: 'node' as const,
    })),
    ...(kinds.has('Event')
      ? [{ label: EVENT_STYLE[lang], colour: EVENT_STYLE.colour, mark: 'node' as const }]
      : []),
    ...REL_TYPES.filter((t) => types.has(t)).map((t) => ({
      label: REL_STYLES[t][lang],
      colour: REL_STYLES[t].colour,
      mark: REL_STYLES[t].line,
    })),
    ...EVENT_REL_TYPES.filter((t) => types.has(t)).map((t) => ({
      label: EVENT_REL_STYLES[t][lang],
      colour: EVENT_REL_STYLES[t].colour,
      mark: EVENT_REL_STYLES[t].line,
    })),
  ];
}
