import { EVENT_LINKS, type EventLinkField } from '../core/model/event-fields';
import { type GraphModel, NODE_LABELS, RELATIONSHIP_TYPES } from '../core/model/graph-model';

/**
 * docs/schema.md's numbers, written from the built model rather than by hand: the Count
 * column of its Nodes and Relationships tables (the plan layer), their totals, and the two
 * tables that say which labels and types belong to which layer. The analysts' layer (events)
 * gets no number: what it holds is what a database recorded, so the doc gives the query that
 * counts it. Pure: `npm run docs:schema` (scripts/schema-doc.ts) reads and writes the file,
 * tests/unit/schema-doc.test.ts fails when the file differs from what this makes.
 */

export interface SchemaDocUpdate {
  doc: string;
  /** Labels and types the model has and the doc had no row for: a row was added, its words are still to write. */
  undescribed: string[];
}

export class SchemaDocError extends Error {
  override name = 'SchemaDocError';
}

const cellsOf = (line: string) => line.trim().slice(1, -1).split('|');
const rowOf = (cells: string[]) => `|${cells.join('|')}|`;

/** A cell of `width` characters (the separator row's), the text left- or right-aligned in it. */
function cell(text: string, width: number, right: boolean): string {
  const inner = Math.max(width - 2, text.length);
  return ` ${right ? text.padStart(inner) : text.padEnd(inner)} `;
}

/** The line range of the first table after the heading `heading`. */
function tableAfter(lines: string[], heading: string): { header: number; end: number } {
  const at = lines.indexOf(heading);
  if (at < 0) throw new SchemaDocError(`docs/schema.md has no "${heading}" heading.`);
  const header = lines.findIndex((l, i) => i > at && l.startsWith('|'));
  if (header < 0) throw new SchemaDocError(`docs/schema.md has no table under "${heading}".`);
  let end = header;
  while (end < lines.length && lines[end]!.startsWith('|')) end++;
  return { header, end };
}

/**
 * Writes each row's count into the table under `heading`, keyed by its first cell (`Name`),
 * and adds a row for every name of `names` the table lacks (with `describe` filling what it can).
 */
function writeCounts(
  lines: string[],
  heading: string,
  names: readonly string[],
  count: (name: string) => number,
  describe: (name: string) => Record<string, string>,
  undescribed: string[],
): void {
  const { header, end } = tableAfter(lines, heading);
  const titles = cellsOf(lines[header]!).map((c) => c.trim());
  const countAt = titles.indexOf('Count');
  if (countAt < 0) throw new SchemaDocError(`The table under "${heading}" has no Count column.`);
  const widths = cellsOf(lines[header + 1]!).map((c) => c.length);
  const rightAligned = cellsOf(lines[header + 1]!).map((c) => c.trim().endsWith(':'));
  const seen = new Set<string>();
  for (let i = header + 2; i < end; i++) {
    const cells = cellsOf(lines[i]!);
    const name = /^`([A-Za-z_]+)`$/.exec(cells[0]!.trim())?.[1];
    if (!name || !names.includes(name) || cells.length !== titles.length)
      throw new SchemaDocError(
        `docs/schema.md, "${heading}": the row "${cells[0]!.trim()}" names nothing of the model (${names.join(', ')}).`,
      );
    seen.add(name);
    cells[countAt] = cell(String(count(name)), cells[countAt]!.length, true);
    lines[i] = rowOf(cells);
  }
  const added = names
    .filter((name) => !seen.has(name))
    .map((name) => {
      undescribed.push(name);
      const words: Record<string, string> = { ...describe(name), Count: String(count(name)) };
      words[titles[0]!] = `\`${name}\``;
      return rowOf(titles.map((t, i) => cell(words[t] ?? '', widths[i]!, rightAligned[i]!)));
    });
  lines.splice(end, 0, ...added);
}

/** A generated table, between `<!-- generated: name -->` and `<!-- /generated: name -->`. */
function replaceBlock(doc: string, name: string, body: string): string {
  const open = `<!-- generated: ${name} -->`;
  const close = `<!-- /generated: ${name} -->`;
  const start = doc.indexOf(open);
  const stop = doc.indexOf(close);
  if (start < 0 || stop < start)
    throw new SchemaDocError(`docs/schema.md has no "${open}" … "${close}" block.`);
  return `${doc.slice(0, start + open.length)}\n${body}\n${doc.slice(stop)}`;
}

/** A Markdown table with its columns padded to their widest cell (every cell here is ASCII). */
function table(titles: string[], rows: string[][], right: boolean[] = []): string {
  const widths = titles.map((t, i) => Math.max(t.length, 3, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    rowOf(cells.map((c, i) => cell(c, widths[i]! + 2, right[i] ?? false)));
  const rule = rowOf(
    widths.map((w, i) => ` ${right[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w)} `),
  );
  return [line(titles), rule, ...rows.map(line)].join('\n');
}

const code = (name: string) => `\`${name}\``;

const TOTAL = /^\d+ nodes and \d+ relationships in the plan layer in all\./m;

export function writeSchemaCounts(doc: string, model: GraphModel): SchemaDocUpdate {
  const labelCount = new Map<string, number>();
  for (const n of model.nodes) labelCount.set(n.label, (labelCount.get(n.label) ?? 0) + 1);
  const typeCount = new Map<string, number>();
  const ends = new Map<string, Set<string>>();
  for (const r of model.relationships) {
    typeCount.set(r.type, (typeCount.get(r.type) ?? 0) + 1);
    const pairs = ends.get(r.type) ?? new Set<string>();
    pairs.add(`${r.from.label} → ${r.to.label}`);
    ends.set(r.type, pairs);
  }
  const undescribed: string[] = [];
  const lines = doc.split('\n');
  writeCounts(
    lines,
    '## Nodes',
    NODE_LABELS,
    (l) => labelCount.get(l) ?? 0,
    () => ({}),
    undescribed,
  );
  writeCounts(
    lines,
    '## Relationships',
    RELATIONSHIP_TYPES,
    (t) => typeCount.get(t) ?? 0,
    (t) => ({ 'From → to': [...(ends.get(t) ?? [])].join('; ') }),
    undescribed,
  );
  let out = lines.join('\n');
  if (!TOTAL.test(out))
    throw new SchemaDocError(
      'docs/schema.md has no "N nodes and M relationships in the plan layer in all." sentence.',
    );
  out = out.replace(
    TOTAL,
    `${model.nodes.length} nodes and ${model.relationships.length} relationships in the plan layer in all.`,
  );

  const fields = Object.keys(EVENT_LINKS) as EventLinkField[];
  out = replaceBlock(
    out,
    'layers',
    table(
      ['Layer', 'Labels', 'Relationship types', 'Counts'],
      [
        [
          'the plan',
          NODE_LABELS.map(code).join(', '),
          RELATIONSHIP_TYPES.map(code).join(', '),
          `from the seed: ${model.nodes.length} nodes, ${model.relationships.length} relationships ([Nodes](#nodes), [Relationships](#relationships))`,
        ],
        [
          "analysts' records",
          code('Event'),
          fields.map((f) => code(EVENT_LINKS[f].type)).join(', '),
          'as recorded in a database: [count them](#counting-analysts-records)',
        ],
      ],
    ),
  );
  out = replaceBlock(
    out,
    'event-relationships',
    table(
      ['Type', 'From → to', "Drawn from the event's", 'Count'],
      fields.map((f) => [
        code(EVENT_LINKS[f].type),
        `Event → ${EVENT_LINKS[f].targets.join(' or ')}`,
        code(f),
        'as recorded ([count them](#counting-analysts-records))',
      ]),
    ),
  );
  return { doc: out, undescribed };
}
