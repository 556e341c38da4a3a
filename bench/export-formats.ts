/**
 * npx tsx bench/export-formats.ts [--runs 20]
 *
 * How long each export format takes to build for the whole plan. The view is read once
 * from the configured database (the bundled one is started if needed, and the plan seeded
 * if it is not loaded); then every builder runs on that same graph, a few times to warm
 * up and `runs` times measured. Building is pure, so this is the cost an export adds on
 * top of reading the view, on the server or in the browser alike.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS } from '../core/formats/export-formats';
import { type ExportGraph, SOURCE_LINE } from '../core/formats/export-graph';
import { openGraph } from '../graph/graph';
import { readExportView } from '../graph/queries/export-query';
import { connect } from '../scripts/connect';
import { ensureSeeded } from '../scripts/ensure-seeded';
import { loadConfig } from '../server/config';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const runs = Number(values.runs);
const WARM_UP = 3;
const log = (message: string) => console.log(message);

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number ≥ 1');
  const connected = await connect(loadConfig(), log);
  const graph = openGraph(connected.connection);
  let exported: ExportGraph;
  let readMs: number;
  try {
    await ensureSeeded(connected.connection, log);
    const started = performance.now();
    const view = await readExportView(graph, { limit: 5000 });
    readMs = performance.now() - started;
    // Positions as the client would send them, so the formats that write them do.
    exported = {
      metadata: {
        title: 'Kizuna benchmark: the whole plan',
        source: SOURCE_LINE,
        exportedAt: new Date().toISOString().slice(0, 10),
        language: 'en',
      },
      nodes: view.nodes.map((n, i) => ({ ...n, position: { x: (i % 20) * 80, y: (i / 20) * 80 } })),
      edges: view.edges,
    };
  } finally {
    await graph.close();
    await connected.release();
  }

  log(
    `\nThe whole plan: ${exported.nodes.length} nodes, ${exported.edges.length} relationships ` +
      `(read once in ${readMs.toFixed(0)} ms). ${runs} runs per format after ${WARM_UP} to warm up.\n`,
  );
  const header = ['format', 'median ms', 'min ms', 'max ms', 'size KiB'];
  const rows: string[][] = [];
  for (const [name, format] of Object.entries(EXPORT_FORMATS)) {
    let size = 0;
    for (let i = 0; i < WARM_UP; i++) {
      const built = format.build(exported);
      size = typeof built === 'string' ? new TextEncoder().encode(built).length : built.length;
    }
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      format.build(exported);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    rows.push([
      name,
      median(times).toFixed(2),
      times[0]!.toFixed(2),
      times.at(-1)!.toFixed(2),
      (size / 1024).toFixed(1),
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  log(line(header));
  log(
    `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const row of rows) log(line(row));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
