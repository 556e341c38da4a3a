import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Says where a run's time went: its ten slowest files, each with its project, when the run
 * ends (beside vitest's own summary). With KIZUNA_TEST_TIMINGS=<file> every file's times are
 * also written there as JSON, which bench/test-suite.ts collects per phase.
 */
export default class SlowestFiles implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const files = modules.map((module) => {
      const d = module.diagnostic();
      return {
        file: path.relative(process.cwd(), module.moduleId),
        project: module.project.name,
        tests: [...module.children.allTests()].length,
        // What the file cost a worker: importing it and its set-up files, then its tests.
        ms: Math.round(
          d.environmentSetupDuration +
            d.prepareDuration +
            d.collectDuration +
            d.setupDuration +
            d.duration,
        ),
      };
    });
    const out = process.env.KIZUNA_TEST_TIMINGS;
    if (out) writeFileSync(out, `${JSON.stringify(files, null, 2)}\n`);
    if (files.length < 2) return;
    const slowest = [...files].sort((a, b) => b.ms - a.ms).slice(0, 10);
    const width = Math.max(...slowest.map((f) => f.file.length));
    console.log('\n Slowest test files:');
    for (const f of slowest) {
      console.log(
        `   ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${f.file.padEnd(width)}  ${f.project}, ${f.tests} ${f.tests === 1 ? 'test' : 'tests'}`,
      );
    }
  }
}
