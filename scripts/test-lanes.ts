/**
 * npm test: three vitest runs side by side, and the type check and lint beside them. The integration files and the browser
 * files each have a lane with its own shared Neo4j (tests/global/); the unit tests and the
 * files that start a Neo4j of their own (tests/suites.ts OWN_NEO4J) share a third lane that
 * needs none. Extra arguments go to every lane (e.g. --sequence.shuffle). Every line is
 * prefixed with its lane; the exit code is non-zero when any lane fails.
 *
 * Why lanes: Neo4j Community has one user database, so the files that share one take turns
 * (tests/suites.ts). A browser file keeps Chromium busy while an integration file mostly waits
 * on Neo4j, so the two kinds overlap well on 2 cores, where two browser files side by side each
 * took twice as long. Two kinds at once need two databases; a second Neo4j, started at the same
 * time as the first, is the cheapest second database Community offers. The own-Neo4j files
 * mostly wait for the server they start, stop, freeze and kill: in a lane of their own they
 * wait beside the integration files instead of before them (measured: the unit+integration
 * lane took 674 s with them first, on the critical path).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import { repoRoot } from './neo4j/bundled-paths';

interface SlowFile {
  file: string;
  ms: number;
}

interface Lane {
  name: string;
  /** The vitest projects it runs, or, for the checks lane, the commands it runs in turn. */
  projects?: string[];
  commands?: string[][];
}

const LANES: Lane[] = [
  { name: 'unit+own-neo4j', projects: ['unit', 'integration-own-neo4j'] },
  { name: 'integration', projects: ['integration'] },
  { name: 'e2e', projects: ['e2e'] },
  // The type check and the lint run beside the tests, at the lowest CPU priority: they took
  // about 40 s before the first test started, and now use the moments the other lanes wait
  // (for Neo4j, for Chromium, for a timer).
  {
    name: 'checks',
    commands: [
      [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.'],
      [path.join(repoRoot, 'node_modules', '@biomejs', 'biome', 'bin', 'biome'), 'check', '.'],
    ],
  },
];

const vitest = path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
const timingsDir = mkdtempSync(path.join(os.tmpdir(), 'kizuna-test-times-'));
// Arguments narrow or reorder the run; a file filter may match only one lane's files.
const extra = process.argv.slice(2);
const filtered = extra.length > 0 ? ['--passWithNoTests'] : [];
const width = Math.max(...LANES.map((lane) => lane.name.length));

/**
 * The ten slowest files of all lanes (each lane printed its own); every file's times go to
 * KIZUNA_TEST_TIMINGS when it names a file (bench/test-suite.ts reads them).
 */
function printSlowest(): void {
  const files = readdirSync(timingsDir).flatMap(
    (name) => JSON.parse(readFileSync(path.join(timingsDir, name), 'utf8')) as SlowFile[],
  );
  rmSync(timingsDir, { recursive: true, force: true });
  const out = process.env.KIZUNA_TEST_TIMINGS;
  if (out) writeFileSync(out, `${JSON.stringify(files, null, 2)}\n`);
  if (files.length === 0) return;
  console.log('Slowest test files of the run:');
  for (const f of files.sort((a, b) => b.ms - a.ms).slice(0, 10)) {
    console.log(`  ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${f.file}`);
  }
}

/** vitest's "Tests  3 failed | 380 passed | 1 skipped (384)" line, as counts. */
const counted = { passed: 0, failed: 0, skipped: 0 };
function count(line: string): void {
  const summary = line.match(/^\s*Tests\s+(.*)\(\d+\)\s*$/);
  if (!summary) return;
  for (const [, n, what] of summary[1]!.matchAll(/(\d+) (passed|failed|skipped)/g)) {
    counted[what as keyof typeof counted] += Number(n);
  }
}

/** Runs one command with its lines prefixed; resolves to its exit code. */
function spawnPrefixed(
  prefix: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; lowPriority?: boolean } = {},
): Promise<number> {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (options.lowPriority && child.pid !== undefined) {
    // Children (biome's native binary) inherit it.
    try {
      os.setPriority(child.pid, 19);
    } catch {
      // Not allowed here: it then runs at normal priority, which is only slower.
    }
  }
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      console.log(prefix + line);
      count(stripVTControlCharacters(line));
    });
  }
  return new Promise((resolve) => {
    child.once('error', (error) => {
      console.log(`${prefix}could not start ${path.basename(args[0]!)}: ${error.message}`);
      resolve(1);
    });
    child.once('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function run(lane: Lane): Promise<{ lane: Lane; code: number; seconds: number }> {
  const started = Date.now();
  const prefix = `[${lane.name.padEnd(width)}] `;
  let code = 0;
  if (lane.commands) {
    // Each command runs even when one before it failed, so one run reports both.
    for (const command of lane.commands) {
      const exit = await spawnPrefixed(prefix, command, { lowPriority: true });
      if (exit !== 0) code = exit;
    }
  } else {
    code = await spawnPrefixed(
      prefix,
      [
        vitest,
        'run',
        ...(lane.projects ?? []).flatMap((p) => ['--project', p]),
        ...filtered,
        ...extra,
      ],
      // Each lane's file times (tests/slowest-files.ts), gathered by printSlowest below.
      { env: { KIZUNA_TEST_TIMINGS: path.join(timingsDir, `${lane.name}.json`) } },
    );
  }
  return { lane, code, seconds: Math.round((Date.now() - started) / 1000) };
}

// Arguments narrow or reorder the tests: a run to check them, not the code, so no checks.
const lanes = extra.length > 0 ? LANES.filter((lane) => !lane.commands) : LANES;
const results = await Promise.all(lanes.map(run));
console.log('');
printSlowest();
for (const { lane, code, seconds } of results) {
  console.log(
    `${lane.name.padEnd(width)}  ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s`,
  );
}
const failed = results.some((r) => r.code !== 0);
console.log(
  `tests: ${counted.passed} passed, ${counted.failed} failed, ${counted.skipped} skipped`,
);
process.exit(failed ? 1 : 0);
