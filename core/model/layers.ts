import { EVENT_RELATIONSHIP_TYPES } from './event-fields';
import { RELATIONSHIP_TYPES } from './graph-model';

/**
 * The graph's two layers: the plan, seeded from the document (graph-model.ts), and the
 * analysts' records, events written in the app (event-fields.ts). Their relationship types
 * never overlap, so a walk of the graph keeps to a layer by type alone. `plan` is what the
 * plan says; `all` adds what analysts recorded.
 */
export const LAYERS = ['plan', 'all'] as const;
export type Layers = (typeof LAYERS)[number];

export const LAYER_TYPES: Record<Layers, readonly string[]> = {
  plan: RELATIONSHIP_TYPES,
  all: [...RELATIONSHIP_TYPES, ...EVENT_RELATIONSHIP_TYPES],
};
