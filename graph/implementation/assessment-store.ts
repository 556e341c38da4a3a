import { randomUUID } from 'node:crypto';
import { ASSESSMENT_SCHEMA, schemaCommand } from '../../core/formats/graph-schema';
import type {
  Assessment,
  AssessmentFields,
  CuratedAssessment,
} from '../../core/model/implementation';
import { type Actor, now, writeAudit } from '../events/audit-log';
import type { Graph, GraphTx } from '../graph';
import type { Plain } from '../to-plain';

/**
 * Implementation assessments, analysts' data like events: each says where one commitment
 * stood on a day, citing events. They live under their own label beside the plan, linked
 * to it by the commitment's ref (not by a relationship, so a plan reload that recreates
 * commitments loses nothing), and the history is only appended to: an editor's reading is
 * never rewritten, and a commitment's revision is the number of readings it has.
 */

/** A commitment's history, newest first, and its revision (how many readings it has). */
export interface AssessmentHistory {
  ref: string;
  revision: number;
  history: Assessment[];
}

/** The commitments an assessment can be about: every one of the plan, with its pillar. */
export interface CommitmentRef {
  ref: string;
  pillar: string;
}

/** The constraint and index assessments need (core/formats/graph-schema.ts); idempotent. */
export async function ensureAssessmentsSchema(graph: Graph): Promise<void> {
  for (const item of ASSESSMENT_SCHEMA) await graph.write(schemaCommand(item));
}

export function toAssessment(props: Record<string, Plain>): Assessment {
  return {
    id: String(props.id),
    ref: String(props.ref),
    origin: props.origin === 'curated' ? 'curated' : 'analyst',
    status: props.status as Assessment['status'],
    as_of: String(props.as_of),
    evidence: Array.isArray(props.evidence) ? props.evidence.map(String) : [],
    note: String(props.note),
    assessed_by: String(props.assessed_by),
    assessed_at: String(props.assessed_at),
  };
}

/** Newest first: by the day assessed, then by when it was recorded. */
export function newestFirst(a: Assessment, b: Assessment): number {
  if (a.as_of !== b.as_of) return a.as_of < b.as_of ? 1 : -1;
  if (a.assessed_at !== b.assessed_at) return a.assessed_at < b.assessed_at ? 1 : -1;
  return a.id < b.id ? 1 : -1;
}

const fieldProperties = (fields: AssessmentFields) => ({
  status: fields.status,
  as_of: fields.as_of,
  evidence: [...fields.evidence],
  note: fields.note,
});

/** Every commitment of the plan, by ref. */
export async function readCommitmentRefs(graph: Graph): Promise<CommitmentRef[]> {
  const rows = await graph.read(
    'MATCH (c:Commitment) RETURN c.ref AS ref, c.pillar_ref AS pillar ORDER BY c.ref',
  );
  return rows.map((r) => ({ ref: String(r.ref), pillar: String(r.pillar) }));
}

/** Every assessment made as of `day` or before (all of them when no day is given). */
export async function readAssessments(graph: Graph, day?: string): Promise<Assessment[]> {
  const rows = await graph.read(
    `MATCH (a:Assessment) WHERE $day IS NULL OR a.as_of <= $day
     RETURN properties(a) AS p ORDER BY a.ref, a.as_of, a.assessed_at`,
    { day: day ?? null },
  );
  return rows.map((r) => toAssessment(r.p as Record<string, Plain>));
}

async function historyIn(tx: GraphTx, ref: string): Promise<AssessmentHistory> {
  const rows = await tx.run('MATCH (a:Assessment {ref: $ref}) RETURN properties(a) AS p', { ref });
  const history = rows.map((r) => toAssessment(r.p as Record<string, Plain>)).sort(newestFirst);
  return { ref, revision: history.length, history };
}

/** One commitment's history, or null when the plan has no commitment of that ref. */
export async function readHistory(graph: Graph, ref: string): Promise<AssessmentHistory | null> {
  return graph.transaction('READ', async (tx) => {
    const [found] = await tx.run('MATCH (c:Commitment {ref: $ref}) RETURN c.ref AS ref LIMIT 1', {
      ref,
    });
    return found ? historyIn(tx, ref) : null;
  });
}

export type AppendOutcome =
  | { status: 'ok'; assessment: Assessment; history: AssessmentHistory }
  | { status: 'missing' }
  | { status: 'conflict'; current: AssessmentHistory };

/**
 * Adds an editor's reading if the commitment's history is still at `expectedRevision`;
 * a stale revision writes nothing and answers the current history. Audited in the same
 * transaction.
 */
export async function appendAssessment(
  graph: Graph,
  ref: string,
  expectedRevision: number,
  fields: AssessmentFields,
  actor: Actor,
): Promise<AppendOutcome> {
  return graph.transaction('WRITE', async (tx) => {
    // The commitment's write lock queues two editors of one commitment, so the revision
    // read next is the latest committed one and a stale If-Match is always caught. The
    // property is set and removed again: the plan's node is left as it was.
    const locked = await tx.run(
      `MATCH (c:Commitment {ref: $ref}) WITH c LIMIT 1
       SET c.assessment_lock = $token REMOVE c.assessment_lock RETURN c.ref AS ref`,
      { ref, token: randomUUID() },
    );
    if (locked.length === 0) return { status: 'missing' as const };
    const current = await historyIn(tx, ref);
    if (current.revision !== expectedRevision) return { status: 'conflict' as const, current };
    const id = `as-${randomUUID()}`;
    const at = now();
    await tx.run(
      `CREATE (a:Assessment {id: $id}) SET a += $props, a.ref = $ref, a.origin = 'analyst',
         a.assessed_by = $actor, a.assessed_at = $at`,
      { id, ref, props: fieldProperties(fields), actor, at },
    );
    const history = await historyIn(tx, ref);
    const assessment = history.history.find((a) => a.id === id)!;
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'Assessment',
      entity_id: id,
      version: history.revision,
      before: null,
      after: assessment,
      at,
    });
    return { status: 'ok' as const, assessment, history };
  });
}

/**
 * Which cited events cannot support a reading as of its day, as {field, message}: ids no
 * event has (or a deleted one), and events that began after the day assessed.
 */
export async function evidenceProblems(
  graph: Graph,
  fields: Pick<AssessmentFields, 'evidence' | 'as_of'>,
): Promise<{ field: string; message: string }[]> {
  const rows = await graph.read(
    `UNWIND range(0, size($ids) - 1) AS i
     OPTIONAL MATCH (e:Event {id: $ids[i]})
     RETURN i, e IS NOT NULL AND coalesce(e.deleted, false) = false AS found, e.date_start AS start`,
    { ids: fields.evidence },
  );
  const out: { field: string; message: string }[] = [];
  for (const row of rows) {
    const i = Number(row.i);
    const id = fields.evidence[i]!;
    if (!row.found)
      out.push({ field: `evidence.${i}`, message: `"${id}" is not an event of the record` });
    else if (String(row.start) > fields.as_of)
      out.push({
        field: `evidence.${i}`,
        message: `"${id}" happened after ${fields.as_of}, the day assessed`,
      });
  }
  return out;
}

export interface AssessmentSyncReport {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Brings the curated readings into the database, in one transaction: one is created when
 * missing and replaced when its file entry changed (a curated reading is the curators'
 * text, as a curated event is); editors' readings are never touched. Audited as the seed.
 */
export async function syncCuratedAssessments(
  graph: Graph,
  curated: readonly CuratedAssessment[],
): Promise<AssessmentSyncReport> {
  await ensureAssessmentsSchema(graph);
  return graph.transaction('WRITE', async (tx) => {
    const report: AssessmentSyncReport = { created: 0, updated: 0, unchanged: 0 };
    const existing = new Map(
      (
        await tx.run(
          `MATCH (a:Assessment) WHERE a.id IN $ids AND a.origin = 'curated'
           RETURN properties(a) AS p`,
          { ids: curated.map((a) => a.id) },
        )
      ).map((r) => {
        const p = r.p as Record<string, Plain>;
        return [String(p.id), p] as const;
      }),
    );
    const at = now();
    for (const entry of curated) {
      const found = existing.get(entry.id);
      if (found?.curated_sha256 === entry.curated_sha256) {
        report.unchanged++;
        continue;
      }
      await tx.run(
        `MERGE (a:Assessment {id: $id}) SET a += $props, a.ref = $ref, a.origin = 'curated',
           a.assessed_by = 'curation', a.assessed_at = $assessedAt, a.curated_sha256 = $sha`,
        {
          id: entry.id,
          ref: entry.ref,
          props: fieldProperties(entry),
          assessedAt: entry.assessed_at,
          sha: entry.curated_sha256,
        },
      );
      const [after] = await tx.run('MATCH (a:Assessment {id: $id}) RETURN properties(a) AS p', {
        id: entry.id,
      });
      await writeAudit(tx, {
        actor: 'seed',
        action: found ? 'seed-update' : 'seed-create',
        entity: 'Assessment',
        entity_id: entry.id,
        version: null,
        before: found ? toAssessment(found) : null,
        after: toAssessment(after!.p as Record<string, Plain>),
        at,
      });
      if (found) report.updated++;
      else report.created++;
    }
    return report;
  });
}
