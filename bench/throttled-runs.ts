/**
 * The two numbers every throttled browser bench takes (--runs, --throttle), checked the same
 * way, and the median they report: one place, so that the benches compared side by side in
 * a closing note cannot read them differently.
 */

export const RUNS_AND_THROTTLE = {
  runs: { type: 'string', default: '5' },
  throttle: { type: 'string', default: '4' },
} as const;

/** The options as numbers; a bad value ends the bench with exit 2 and says which. */
export function runsAndThrottle(values: { runs?: string; throttle?: string }): {
  runs: number;
  throttle: number;
} {
  const runs = Number(values.runs);
  const throttle = Number(values.throttle);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`--runs must be a whole number of at least 1 (got "${values.runs}").`);
    process.exit(2);
  }
  if (!(throttle >= 1)) {
    console.error(`--throttle must be a number of at least 1 (got "${values.throttle}").`);
    process.exit(2);
  }
  return { runs, throttle };
}

/** The middle value (the upper middle of an even count): what each bench's tables quote. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
