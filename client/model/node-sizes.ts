import { ACTOR_SIZE, COMMITMENT_SIZE } from './cluster-layout';
import { isNodeKind, KIND_STYLES } from './palette';

/** A node's size by its kind, in every arrangement but the clustered overview. */
export const baseSize = (kind: string) => (isNodeKind(kind) ? KIND_STYLES[kind].size : 30);

/** Node sizes in the clustered overview, whose grid is laid out in model units (cluster-layout.ts). */
export const clusterSize = (kind: string) =>
  kind === 'Commitment'
    ? COMMITMENT_SIZE
    : ['Plan', 'Pillar', 'Area'].includes(kind)
      ? baseSize(kind)
      : ACTOR_SIZE;
