/**
 * What changed between two versions of the dataset: nodes, relationships and their
 * properties added, removed and changed, counted by label, type and property. Pure: two
 * model dumps in (scripts/release/dump-release.ts writes them, each with its own commit's
 * code), a typed Diff out, and its text for a reader.
 *
 * A node is known by its label and id, a relationship by its key (TYPE|from|to), so a node
 * whose label changes shows as one removed and one added.
 */

export type PropertyScalar = string | number | boolean | null;
export type PropertyValue = PropertyScalar | PropertyScalar[];
export type ModelProperties = Record<string, PropertyValue>;

/** A version's graph as dumped for comparison: version-independent plain data. */
export interface DatasetModel {
  nodes: { label: string; id: string; properties: ModelProperties }[];
  relationships: {
    type: string;
    key: string;
    from: string;
    to: string;
    properties: ModelProperties;
  }[];
}

export type Change = 'added' | 'removed' | 'changed';

export interface PropertyChange {
  name: string;
  change: Change;
  /** Absent when the property was added. */
  before?: PropertyValue;
  /** Absent when the property was removed. */
  after?: PropertyValue;
}

export interface NodeDiff {
  label: string;
  id: string;
  change: Change;
  /** For a changed node, what changed; empty for one added or removed. */
  properties: PropertyChange[];
}

export interface RelationshipDiff {
  type: string;
  key: string;
  from: string;
  to: string;
  change: Change;
  properties: PropertyChange[];
}

export interface ChangeCount {
  added: number;
  removed: number;
  changed: number;
}

export interface Diff {
  nodes: NodeDiff[];
  relationships: RelationshipDiff[];
  counts: {
    nodes: ChangeCount;
    relationships: ChangeCount;
    /** Property changes on the nodes and relationships present in both versions. */
    properties: ChangeCount;
    byLabel: Record<string, ChangeCount>;
    byType: Record<string, ChangeCount>;
    /** Keyed "Label.property" or "TYPE.property". */
    byProperty: Record<string, ChangeCount>;
  };
}

const CHANGE_ORDER: Record<Change, number> = { added: 0, removed: 1, changed: 2 };

function zero(): ChangeCount {
  return { added: 0, removed: 0, changed: 0 };
}

function tally(counts: Record<string, ChangeCount>, key: string, change: Change): void {
  counts[key] ??= zero();
  counts[key][change] += 1;
}

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function same(a: PropertyValue, b: PropertyValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The properties that differ between two versions of one node or relationship, by name. */
export function diffProperties(before: ModelProperties, after: ModelProperties): PropertyChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.flatMap((name): PropertyChange[] => {
    const has = [Object.hasOwn(before, name), Object.hasOwn(after, name)];
    if (has[0] && !has[1]) return [{ name, change: 'removed', before: before[name]! }];
    if (!has[0] && has[1]) return [{ name, change: 'added', after: after[name]! }];
    return same(before[name]!, after[name]!)
      ? []
      : [{ name, change: 'changed', before: before[name]!, after: after[name]! }];
  });
}

/**
 * Pairs the items of two versions by key and says what became of each: added, removed, or
 * changed (with its property changes); unchanged items are left out.
 */
function pair<T extends { properties: ModelProperties }>(
  a: T[],
  b: T[],
  keyOf: (item: T) => string,
): { item: T; change: Change; properties: PropertyChange[] }[] {
  const before = new Map(a.map((item) => [keyOf(item), item]));
  const after = new Map(b.map((item) => [keyOf(item), item]));
  const out: { item: T; change: Change; properties: PropertyChange[] }[] = [];
  for (const [key, item] of before)
    if (!after.has(key)) out.push({ item, change: 'removed', properties: [] });
  for (const [key, item] of after) {
    const old = before.get(key);
    if (!old) {
      out.push({ item, change: 'added', properties: [] });
      continue;
    }
    const properties = diffProperties(old.properties, item.properties);
    if (properties.length > 0) out.push({ item, change: 'changed', properties });
  }
  return out;
}

/** What changed from version `a` to version `b`. */
export function diffModels(a: DatasetModel, b: DatasetModel): Diff {
  const counts: Diff['counts'] = {
    nodes: zero(),
    relationships: zero(),
    properties: zero(),
    byLabel: {},
    byType: {},
    byProperty: {},
  };
  const countProperties = (owner: string, properties: PropertyChange[]) => {
    for (const p of properties) {
      counts.properties[p.change] += 1;
      tally(counts.byProperty, `${owner}.${p.name}`, p.change);
    }
  };
  const nodes = pair(a.nodes, b.nodes, (n) => `${n.label}\u0000${n.id}`)
    .map(({ item, change, properties }): NodeDiff => {
      counts.nodes[change] += 1;
      tally(counts.byLabel, item.label, change);
      countProperties(item.label, properties);
      return { label: item.label, id: item.id, change, properties };
    })
    .sort(
      (x, y) =>
        x.label.localeCompare(y.label) ||
        CHANGE_ORDER[x.change] - CHANGE_ORDER[y.change] ||
        (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
    );
  const relationships = pair(a.relationships, b.relationships, (r) => r.key)
    .map(({ item, change, properties }): RelationshipDiff => {
      counts.relationships[change] += 1;
      tally(counts.byType, item.type, change);
      countProperties(item.type, properties);
      return { type: item.type, key: item.key, from: item.from, to: item.to, change, properties };
    })
    .sort(
      (x, y) =>
        x.type.localeCompare(y.type) ||
        CHANGE_ORDER[x.change] - CHANGE_ORDER[y.change] ||
        (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
    );
  counts.byLabel = sortedKeys(counts.byLabel);
  counts.byType = sortedKeys(counts.byType);
  counts.byProperty = sortedKeys(counts.byProperty);
  return { nodes, relationships, counts };
}

/** A value for one line of text: JSON, cut to `max` characters. */
function shown(value: PropertyValue | undefined, max = 60): string {
  const text = JSON.stringify(value) ?? '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function countLine(c: ChangeCount): string {
  return `${c.added} added, ${c.removed} removed, ${c.changed} changed`;
}

function propertyLine(p: PropertyChange): string {
  if (p.change === 'added') return `+${p.name} ${shown(p.after)}`;
  if (p.change === 'removed') return `-${p.name} (was ${shown(p.before)})`;
  return `~${p.name} ${shown(p.before)} → ${shown(p.after)}`;
}

function table(title: string, counts: Record<string, ChangeCount>): string[] {
  const rows = Object.entries(counts);
  if (rows.length === 0) return [];
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    '',
    `${title}:`,
    ...rows.map(([name, c]) => `  ${name.padEnd(width)}  +${c.added} -${c.removed} ~${c.changed}`),
  ];
}

export interface FormatOptions {
  /** Items listed per group (added nodes, changed relationships …) before "… and N more". */
  limit?: number;
}

/**
 * The diff as text: the totals, the counts by label, type and property, then the items
 * themselves, grouped, each group cut to `limit` lines.
 */
export function formatDiff(diff: Diff, from: string, to: string, options: FormatOptions = {}) {
  const limit = options.limit ?? 15;
  const { counts } = diff;
  const lines = [
    `Dataset ${from} → ${to}`,
    `Nodes: ${countLine(counts.nodes)}`,
    `Relationships: ${countLine(counts.relationships)}`,
    `Properties of nodes and relationships in both: ${countLine(counts.properties)}`,
  ];
  if (diff.nodes.length === 0 && diff.relationships.length === 0) {
    lines.push('', 'No changes.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    ...table('Nodes by label', counts.byLabel),
    ...table('Relationships by type', counts.byType),
    ...table('Properties by label or type', counts.byProperty),
  );
  const group = <T extends { change: Change }>(
    title: string,
    items: T[],
    change: Change,
    describe: (item: T) => string,
  ) => {
    const chosen = items.filter((item) => item.change === change);
    if (chosen.length === 0) return;
    lines.push('', `${title} ${change} (${chosen.length}):`);
    for (const item of chosen.slice(0, limit)) lines.push(`  ${describe(item)}`);
    if (chosen.length > limit)
      lines.push(`  … and ${chosen.length - limit} more (--json lists all)`);
  };
  const node = (n: NodeDiff) =>
    [`${n.label} ${n.id}`, ...n.properties.map(propertyLine)].join('; ');
  const relationship = (r: RelationshipDiff) =>
    [`${r.type} ${r.from} → ${r.to}`, ...r.properties.map(propertyLine)].join('; ');
  for (const change of ['added', 'removed', 'changed'] as const)
    group('Nodes', diff.nodes, change, node);
  for (const change of ['added', 'removed', 'changed'] as const)
    group('Relationships', diff.relationships, change, relationship);
  return `${lines.join('\n')}\n`;
}
