import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CuratedEvent } from '../core/model/event-fields';
import type { GraphModel } from '../core/model/graph-model';
import type { CuratedAssessment } from '../core/model/implementation';
import type { Graph } from '../graph/graph';
import {
  type AssessmentSyncReport,
  syncCuratedAssessments,
} from '../graph/implementation/assessment-store';
import { parseCuratedAssessments } from '../seed/assessments-model';
import { CurationError } from '../seed/gazetteer';
import { DEFAULT_DATA_DIR } from './seed-inputs';

/**
 * Reads and checks seed/data/assessments.json against the plan's commitments and the curated
 * events: no database involved. A data folder without the file has no curated readings.
 */
export function readCuratedAssessments(
  model: GraphModel,
  events: readonly CuratedEvent[],
  dataDir = DEFAULT_DATA_DIR,
): CuratedAssessment[] {
  const file = path.join(dataDir, 'assessments.json');
  if (!existsSync(file)) return [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CurationError(`${file}: cannot be read as JSON (${(error as Error).message}).`);
  }
  const refs = new Set(
    model.nodes.filter((n) => n.label === 'Commitment').map((n) => String(n.properties.ref)),
  );
  return parseCuratedAssessments(json, refs, events, file);
}

/** Brings the curated readings into the database (editors' readings are never touched). */
export async function seedAssessments(
  graph: Graph,
  assessments: readonly CuratedAssessment[],
  log: (message: string) => void,
): Promise<AssessmentSyncReport> {
  const report = await syncCuratedAssessments(graph, assessments);
  log(
    `Assessments: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged.`,
  );
  return report;
}
