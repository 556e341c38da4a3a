/**
 * npx tsx bench/cpu-by-process.ts [--every 2] [--out FILE] -- COMMAND [ARGS…]
 *
 * Runs a command and says where its CPU time went, by kind of process: Chromium, Neo4j
 * (java), LibreOffice, the test runner and the app (node), and the rest. On a 2-core
 * machine the suite is CPU-bound, so wall time falls only when one of these does less work;
 * this says which (issue 21). Linux only: it reads /proc, every `--every` seconds, and
 * counts each process's user+system time since it was first seen (a process that lives
 * less than one interval is missed, which the total against `times` shows).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const split = process.argv.indexOf('--');
const { values } = parseArgs({
  args: process.argv.slice(2, split < 0 ? undefined : split),
  options: { every: { type: 'string', default: '2' }, out: { type: 'string' } },
});
const command = split < 0 ? [] : process.argv.slice(split + 1);
const every = Number(values.every);
if (!command.length || !(every > 0)) {
  console.error('usage: npx tsx bench/cpu-by-process.ts [--every SECONDS] [--out FILE] -- COMMAND');
  process.exit(2);
}

const TICKS = 100; // USER_HZ: clock ticks per second on Linux.

/** What a process is, from its command line. */
function kindOf(cmdline: string): string {
  if (/chrom/i.test(cmdline)) return 'chromium';
  if (/java/.test(cmdline) && /neo4j/i.test(cmdline)) return 'neo4j';
  if (/java/.test(cmdline)) return 'java (other)';
  if (/soffice|libreoffice/i.test(cmdline)) return 'libreoffice';
  if (/vitest/.test(cmdline)) return 'node: vitest';
  if (/tsc|typescript/.test(cmdline)) return 'node: tsc';
  if (/biome/.test(cmdline)) return 'biome';
  if (/esbuild/.test(cmdline)) return 'esbuild';
  if (/node|tsx/.test(cmdline)) return 'node (other)';
  return 'other';
}

/** Ticks used so far by each live process, by pid (pid + start time, so a reused pid is new). */
const seen = new Map<string, { kind: string; ticks: number }>();

function sample(): void {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start after its ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      const key = `${pid}@${fields[19]}`;
      const known = seen.get(key);
      if (known) known.ticks = ticks;
      else {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
        seen.set(key, { kind: kindOf(cmdline), ticks });
      }
    } catch {
      // The process ended between the listing and the read.
    }
  }
}

sample();
const baseline = new Map([...seen].map(([key, p]) => [key, p.ticks]));
const started = Date.now();
const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit' });
const timer = setInterval(sample, every * 1000);
child.on('exit', (code) => {
  clearInterval(timer);
  sample();
  const wall = (Date.now() - started) / 1000;
  const byKind = new Map<string, number>();
  for (const [key, p] of seen) {
    const used = (p.ticks - (baseline.get(key) ?? 0)) / TICKS;
    byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + used);
  }
  const rows = [...byKind].filter(([, s]) => s >= 0.5).sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, s]) => sum + s, 0);
  console.log(
    `\nCPU time by kind of process (wall ${wall.toFixed(0)} s, CPU ${total.toFixed(0)} s):`,
  );
  for (const [kind, s] of rows)
    console.log(
      `  ${kind.padEnd(16)} ${s.toFixed(0).padStart(6)} s  ${((100 * s) / total).toFixed(1).padStart(5)} %`,
    );
  if (values.out)
    writeFileSync(
      values.out,
      `${JSON.stringify({ wall, cpu: Object.fromEntries(rows) }, null, 2)}\n`,
    );
  process.exit(code ?? 1);
});
