import type { CommitmentStanding, ImplementationResponse } from '../api/implementation';
import { type Assessment, assessmentOn, type ImplementationStatus } from './implementation';
import { IMPLEMENTATION_SCALE, SCALE_SOURCE } from './implementation-scale';

/** Plan order of refs: pillars I < II < III < IV, then numbers as numbers (I.1.10 after I.1.9). */
export function compareRefs(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * Where each commitment stood on `day`: the reading assessmentOn picks from its history, or
 * no_evidence (no assessor, no note) when none was made by then. Optionally one pillar's, or
 * only those with one status on that day. In plan order.
 */
export function standingsOn(
  commitments: readonly { ref: string; pillar: string }[],
  assessments: readonly Assessment[],
  day: string,
  only: { pillar?: string; status?: ImplementationStatus } = {},
): CommitmentStanding[] {
  const byRef = new Map<string, Assessment[]>();
  for (const a of assessments) {
    const list = byRef.get(a.ref);
    if (list) list.push(a);
    else byRef.set(a.ref, [a]);
  }
  return commitments
    .filter((c) => !only.pillar || c.pillar === only.pillar)
    .map((c): CommitmentStanding => {
      const a = assessmentOn(byRef.get(c.ref) ?? [], day);
      return a
        ? {
            ref: c.ref,
            pillar: c.pillar,
            status: a.status,
            as_of: a.as_of,
            evidence: [...a.evidence],
            note: a.note,
            assessed_by: a.assessed_by,
            assessed_at: a.assessed_at,
            assessment_id: a.id,
          }
        : {
            ref: c.ref,
            pillar: c.pillar,
            status: 'no_evidence',
            as_of: null,
            evidence: [],
            note: '',
            assessed_by: null,
            assessed_at: null,
            assessment_id: null,
          };
    })
    .filter((s) => !only.status || s.status === only.status)
    .sort((x, y) => compareRefs(x.ref, y.ref));
}

/** The scale as GET /api/implementation answers it (the Japanese labels stay in the client's words). */
const SCALE_ANSWER = IMPLEMENTATION_SCALE.map(({ status, label_en, definition_en }) => ({
  status,
  label_en,
  definition_en,
}));

/**
 * GET /api/implementation's whole answer for a day: the server builds it from what Neo4j
 * holds and a published copy from its data/implementation.json, so both say the same.
 */
export function implementationOn(
  commitments: readonly { ref: string; pillar: string }[],
  assessments: readonly Assessment[],
  day: string,
  only: { pillar?: string; status?: ImplementationStatus } = {},
): ImplementationResponse {
  return {
    as_of: day,
    scale: SCALE_ANSWER,
    scale_source: SCALE_SOURCE,
    commitments: standingsOn(commitments, assessments, day, only),
  };
}
