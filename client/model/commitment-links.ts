/**
 * Each node linked to a commitment, with that commitment, whichever way the relationship runs:
 * actors and instruments are placed by (and listed under) the pillars of the commitments
 * they are linked to, in the overview's columns and the Table's pillar/area column alike.
 */
export function* linkedCommitments<N extends { kind: string }>(
  edges: Iterable<{ source: string; target: string }>,
  byId: ReadonlyMap<string, N>,
): Generator<{ self: string; commitment: N }> {
  for (const e of edges) {
    for (const [self, other] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      const commitment = byId.get(other);
      if (commitment?.kind === 'Commitment') yield { self, commitment };
    }
  }
}
