import { describe, expect, it } from 'vitest';
import { dateStart } from '../../core/model/event-fields';
import { readCuratedAssessments } from '../../scripts/seed-assessments';
import { readCuratedEvents } from '../../scripts/seed-events';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { uncitedEvents } from '../../seed/assessments-model';

// The curated readings (seed/data/assessments.json) against the events record they read:
// a reading rests only on events linked to its own commitment, so a status can never be
// propped up by an event that advances something else.
const { model } = readSeedInputs();
const events = readCuratedEvents(model);
const readings = readCuratedAssessments(model, events);
const eventById = new Map(events.map((e) => [e.id, e]));

describe('the curated readings of the events record', () => {
  it('cite every event of the record under each commitment it advances', () => {
    expect(uncitedEvents(readings, events)).toEqual([]);
  });

  it('cite only events that advance the commitment read, and none after the day read', () => {
    const strays = readings.flatMap((r) =>
      r.evidence
        .filter((id) => {
          const event = eventById.get(id);
          return !event?.advances.some((a) => a.ref === r.ref) || dateStart(event.date) > r.as_of;
        })
        .map((id) => `${r.id} cites ${id}`),
    );
    expect(strays).toEqual([]);
  });

  it('are named for their commitment and day, one reading per commitment and day', () => {
    for (const r of readings)
      expect(r.id).toBe(`as-${r.ref.toLowerCase().replaceAll('.', '-')}-${r.as_of}`);
    const days = readings.map((r) => `${r.ref}|${r.as_of}`);
    expect(new Set(days).size).toBe(days.length);
  });

  it('rest the latest reading of each commitment on every event an earlier one cited', () => {
    const byRef = new Map<string, typeof readings>();
    for (const r of readings) byRef.set(r.ref, [...(byRef.get(r.ref) ?? []), r]);
    for (const history of byRef.values()) {
      const latest = history.reduce((a, b) => (b.as_of > a.as_of ? b : a));
      const everCited = new Set(history.flatMap((r) => r.evidence));
      // The latest reading is the standing shown today: it is read from everything before it.
      expect([...everCited].filter((id) => !latest.evidence.includes(id))).toEqual([]);
    }
  });
});
