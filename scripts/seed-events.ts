import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CuratedEvent } from '../core/model/event-fields';
import type { GraphModel } from '../core/model/graph-model';
import { type SyncReport, syncCuratedEvents } from '../graph/events/event-store';
import type { Graph } from '../graph/graph';
import { parseCuratedEvents } from '../seed/events-model';
import { CurationError } from '../seed/gazetteer';
import { DEFAULT_DATA_DIR } from './seed-inputs';

/** Reads and validates seed/data/events.json against the built plan: no database involved. */
export function readCuratedEvents(model: GraphModel, dataDir = DEFAULT_DATA_DIR): CuratedEvent[] {
  const file = path.join(dataDir, 'events.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CurationError(`${file}: cannot be read as JSON (${(error as Error).message}).`);
  }
  return parseCuratedEvents(json, model, file);
}

/** Brings the curated starting events into the database (analysts' edits are kept). */
export async function seedEvents(
  graph: Graph,
  events: CuratedEvent[],
  log: (message: string) => void,
): Promise<SyncReport> {
  const report = await syncCuratedEvents(graph, events);
  if (report.movedFromPlanTypes > 0)
    log(
      `Events: ${report.movedFromPlanTypes} relationships moved off the plan's types to the events' own.`,
    );
  log(
    `Events: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged` +
      (report.keptEdited.length
        ? `; kept as edited by analysts: ${report.keptEdited.join(', ')}`
        : '') +
      '.',
  );
  return report;
}
