import type { SemanticRole } from '../core/model/curation-vocabulary';
import type { GraphRelationship, Properties } from '../core/model/graph-model';

/**
 * A commitment may name the same agency or agreement several times: each mention is one
 * piece of evidence, and buildGraph collects them all before merging them here into one
 * relationship per (start, type, end).
 */

/** The scalar properties that get a list of every value when a relationship has several pieces of evidence. */
export const EVIDENCE_LISTS: Record<string, string> = {
  evidence: 'evidences',
  evidence_start: 'evidence_starts',
  evidence_end: 'evidence_ends',
  evidence_line: 'evidence_lines',
  cue: 'cues',
  grammatical_role: 'grammatical_roles',
  role: 'roles',
  role_evidence: 'role_evidences',
  role_evidence_start: 'role_evidence_starts',
  role_evidence_end: 'role_evidence_ends',
  role_asserted_by: 'role_asserted_bys',
};

/** From the strongest claim to the weakest: the role an INVOLVES shows when its mentions differ. */
export const ROLE_PRIORITY: SemanticRole[] = [
  'actor',
  'beneficiary',
  'subject_of_concern',
  'partner',
  'location',
  'mentioned',
];
const ROLE_SCALARS = [
  'role',
  'role_evidence',
  'role_evidence_start',
  'role_evidence_end',
  'role_asserted_by',
  'role_note',
];

/**
 * One relationship per (start, type, end). The scalars keep the FIRST piece of evidence (in
 * document order), so code reading `evidence` keeps working; the lists of EVIDENCE_LISTS hold
 * all of them, in the same order. An INVOLVES takes as `role` its strongest role (ROLE_PRIORITY).
 */
export function mergeEvidence(relationships: GraphRelationship[]): GraphRelationship[] {
  const groups = new Map<string, GraphRelationship[]>();
  for (const rel of relationships) groups.set(rel.key, [...(groups.get(rel.key) ?? []), rel]);
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const properties: Properties = { ...first.properties, evidence_count: group.length };
    for (const [scalar, list] of Object.entries(EVIDENCE_LISTS)) {
      const values = group.map((r) => r.properties[scalar]);
      if (values.every((v) => typeof v === 'string')) properties[list] = values as string[];
      else if (values.every((v) => typeof v === 'number')) properties[list] = values as number[];
    }
    if (first.type === 'INVOLVES') {
      const rank = (r: GraphRelationship) =>
        ROLE_PRIORITY.indexOf(r.properties.role as SemanticRole);
      const strongest = group.reduce((best, r) => (rank(r) < rank(best) ? r : best));
      for (const key of ROLE_SCALARS) properties[key] = strongest.properties[key] ?? null;
    }
    return { ...first, properties };
  });
}
