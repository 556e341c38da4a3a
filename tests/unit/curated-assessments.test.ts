import { describe, expect, it } from 'vitest';
import { readCuratedAssessments } from '../../scripts/seed-assessments';
import { readCuratedEvents } from '../../scripts/seed-events';
import { readSeedInputs } from '../../scripts/seed-inputs';

// The curated readings (seed/data/assessments.json) as a history: what the seed's own checks
// (each cited event exists, advances the commitment and precedes the day; every event is read)
// leave open is how one commitment's dated readings fit together.
const { model } = readSeedInputs();
const events = readCuratedEvents(model);
const readings = readCuratedAssessments(model, events);

describe('the curated readings, as each commitment’s history', () => {
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
