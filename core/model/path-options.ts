import { HUB_RELATIONSHIP_TYPES } from './graph-model';

/**
 * The path finder's options, shared by the API's contract (core/api/paths.ts) and the
 * explorer, which imports them without zod.
 */

/** Most paths one request asks for, and the default. */
export const MAX_PATHS = 5;
export const DEFAULT_PATHS = 3;
/** Most nodes one request may avoid: a list, not a way to cut the graph down. */
export const MAX_AVOIDED = 20;

/**
 * What a path may go through beyond the plan's actors and instruments, each of which can be
 * left out: the plan's structure (plan → pillar → area → commitment, PART_OF), its themes
 * (TAGGED) and analysts' records (events, the `all` layer).
 */
export const PATH_VIA = ['structure', 'themes', 'events'] as const;
export type PathVia = (typeof PATH_VIA)[number];

/**
 * The two country nodes that join nearly everything (every commitment is undertaken by both,
 * by the preamble; see HUB_RELATIONSHIP_TYPES): a path through them says little, so they are
 * offered as one-click exclusions.
 */
export const PATH_HUBS = ['japan', 'mongolia'] as const;

/** The relationship types a left-out `via` stands for (events are a layer of their own). */
export const VIA_TYPES: Record<Exclude<PathVia, 'events'>, readonly string[]> = {
  structure: ['PART_OF'],
  themes: ['TAGGED'],
};

/** avoidHierarchy's types: the plan's own hierarchy and the hub types. */
export const HIERARCHY_TYPES: readonly string[] = ['PART_OF', ...HUB_RELATIONSHIP_TYPES];
