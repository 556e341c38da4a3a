/**
 * npx tsx bench/test-suite.ts [--runs 3] [--out bench/results/test-suite.json]
 *
 * Where the test suite's time goes, phase by phase, so that a slower suite shows up as a
 * number rather than as a feeling: npm test's lanes side by side (scripts/test-lanes.ts: the
 * three test lanes and the checks lane, type check and lint), each lane's time, with each set-up's times (Neo4j started
 * and seeded; client, server and Chromium ready) read from its log, and every file's own time
 * (tests/slowest-files.ts writes them). With --runs N each phase's median over N runs is given.
 * Installing (npm ci, Debian packages, the Neo4j jars) is left out: .ci/run prints those.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench/results/test-suite.json' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a whole number of at least 1 (got "${values.runs}").`);
  process.exit(2);
}

interface FileTime {
  file: string;
  project: string;
  tests: number;
  ms: number;
}

interface Run {
  phases: Record<string, number>;
  files: FileTime[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function timed(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Date.now() - started;
  if (result.status !== 0) {
    console.error(`${result.stdout}${result.stderr}`);
    throw new Error(`${label} failed (exit ${result.status}); its output is above.`);
  }
  return { ms, output: `${result.stdout}${result.stderr}` };
}

/** "[lane] [test neo4j] set-up: ... in 12.3 s" lines of tests/global/*.ts, in ms by lane and step. */
function setUpTimes(output: string): Record<string, number> {
  const times: Record<string, number> = {};
  for (const match of output.matchAll(
    /^\[([^\]]+?)\s*\] \[test (\w+)\] set-up: .* in ([\d.]+) s/gm,
  )) {
    times[`set-up: ${match[2]} (${match[1]})`] = Number(match[3]) * 1000;
  }
  return times;
}

/** "[lane] [test neo4j] [console] CPU used over the run: 68.8 s" (shared-neo4j.ts), in ms of CPU. */
function neo4jCpu(output: string): Record<string, number> {
  const times: Record<string, number> = {};
  for (const [, lane, which, s] of output.matchAll(
    /^\[([^\]]+?)\s*\] \[test neo4j\] (\[console\] )?CPU used over the run: ([\d.]+) s/gm,
  )) {
    times[`Neo4j CPU: ${which ? 'console' : 'main'} (${lane})`] = Number(s) * 1000;
  }
  return times;
}

/** test-lanes.ts's closing "<lane>  passed in 512 s" lines, in ms by lane. */
function laneTimes(output: string): Record<string, number> {
  const times: Record<string, number> = {};
  for (const [, lane, s] of output.matchAll(/^(\S+)\s+passed in (\d+) s$/gm)) {
    times[`lane: ${lane}`] = Number(s) * 1000;
  }
  return times;
}

function once(): Run {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kizuna-bench-tests-'));
  try {
    const timings = path.join(dir, 'files.json');
    const tests = timed('tests', 'npx', ['tsx', 'scripts/test-lanes.ts'], {
      KIZUNA_TEST_TIMINGS: timings,
    });
    const files = JSON.parse(readFileSync(timings, 'utf8')) as FileTime[];
    const byProject: Record<string, number> = {};
    for (const f of files) {
      const key = `files: ${f.project} (sum)`;
      byProject[key] = (byProject[key] ?? 0) + f.ms;
    }
    return {
      phases: {
        'npm test (wall, all lanes)': tests.ms,
        ...laneTimes(tests.output),
        ...neo4jCpu(tests.output),
        ...setUpTimes(tests.output),
        ...byProject,
      },
      files,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const all: Run[] = [];
for (let i = 1; i <= runs; i++) {
  console.log(`run ${i} of ${runs}...`);
  all.push(once());
}
const phases = Object.keys(all[0]!.phases);
console.log(`\nPhase medians over ${runs} run(s) on ${os.availableParallelism()} cores:`);
for (const phase of phases) {
  const times = all.map((r) => r.phases[phase] ?? 0);
  console.log(
    `  ${phase.padEnd(24)} ${seconds(median(times)).padStart(9)}   (${times.map(seconds).join(', ')})`,
  );
}
const fileMedians = all[0]!.files
  .map((f) => ({
    ...f,
    ms: median(all.map((r) => r.files.find((g) => g.file === f.file)?.ms ?? 0)),
  }))
  .sort((a, b) => b.ms - a.ms);
console.log('\nTen slowest files (median):');
for (const f of fileMedians.slice(0, 10)) console.log(`  ${seconds(f.ms).padStart(9)}  ${f.file}`);

mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(
  values.out,
  `${JSON.stringify({ at: new Date().toISOString(), cores: os.availableParallelism(), runs: all }, null, 2)}\n`,
);
console.log(`\nEvery run's times: ${values.out}`);
