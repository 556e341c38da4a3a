import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_RELATIONSHIP_TYPES } from '../../core/model/event-fields';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../core/model/graph-model';
import { SchemaDocError, writeSchemaCounts } from '../../scripts/schema-doc-counts';
import { readSeedInputs } from '../../scripts/seed-inputs';

const { model } = readSeedInputs();
const doc = readFileSync('docs/schema.md', 'utf8');

/** The Count cell of the row for `name` in the doc's text. */
const countOf = (text: string, name: string) =>
  text
    .split('\n')
    .find((l) => l.startsWith(`| \`${name}\` `))
    ?.split('|')
    .map((c) => c.trim())
    .find((c) => /^\d+$/.test(c));

/** The doc with the Count cell of `name`'s row set to `value`, the cell as wide as before. */
const setCount = (text: string, name: string, value: number) =>
  text.replace(
    new RegExp(`^(\\| \`${name}\` .*?\\|)( +\\d+ )(\\|)`, 'm'),
    (_, head, cell, tail) => `${head}${` ${value} `.padStart(cell.length)}${tail}`,
  );

describe("docs/schema.md's counts", () => {
  it('are the model’s: run npm run docs:schema when this fails', () => {
    const { doc: written, undescribed } = writeSchemaCounts(doc, model);
    expect(undescribed).toEqual([]);
    expect(written).toBe(doc);
  });

  it('are counted from the model, not kept from the doc', () => {
    const involves = model.relationships.filter((r) => r.type === 'INVOLVES').length;
    const commitments = model.nodes.filter((n) => n.label === 'Commitment').length;
    const drifted = setCount(setCount(doc, 'INVOLVES', 156), 'Commitment', 999).replace(
      /^\d+ nodes and \d+ relationships in the plan layer/m,
      '1 nodes and 2 relationships in the plan layer',
    );
    expect(countOf(drifted, 'INVOLVES')).toBe('156');
    expect(drifted).not.toBe(doc);
    const { doc: written } = writeSchemaCounts(drifted, model);
    expect(countOf(written, 'INVOLVES')).toBe(String(involves));
    expect(countOf(written, 'Commitment')).toBe(String(commitments));
    expect(written).toBe(doc);
  });

  it('gain a row, to be described, for a label or type the doc lacks', () => {
    const withoutTarget = doc
      .split('\n')
      .filter((l) => !l.startsWith('| `Target` ') && !l.startsWith('| `SETS` '))
      .join('\n');
    const { doc: written, undescribed } = writeSchemaCounts(withoutTarget, model);
    expect(undescribed).toEqual(['Target', 'SETS']);
    expect(countOf(written, 'Target')).toBe(
      String(model.nodes.filter((n) => n.label === 'Target').length),
    );
    const sets = written.split('\n').find((l) => l.startsWith('| `SETS` '))!;
    expect(sets).toContain('Commitment → Target');
    expect(sets.length).toBe(written.split('\n').find((l) => l.startsWith('| `TAGGED` '))!.length);
  });

  it('refuse a row that names nothing of the model', () => {
    const stale = doc.replace(/^(\| `Target` .*)$/m, '$1\n| `Person`     |     3 | x | y |');
    expect(() => writeSchemaCounts(stale, model)).toThrow(SchemaDocError);
    expect(() => writeSchemaCounts(stale, model)).toThrow(/`Person`|Person/);
  });

  it('set the layers apart: every plan label and type, and the events’ own, each in one layer', () => {
    const block = (name: string) =>
      doc.slice(
        doc.indexOf(`<!-- generated: ${name} -->`),
        doc.indexOf(`<!-- /generated: ${name} -->`),
      );
    const [plan, analysts] = block('layers')
      .split('\n')
      .filter((l) => l.startsWith('| the plan') || l.startsWith("| analysts' records"));
    for (const name of [...NODE_LABELS, ...RELATIONSHIP_TYPES]) {
      expect(plan).toContain(`\`${name}\``);
      expect(analysts).not.toContain(`\`${name}\``);
    }
    for (const type of EVENT_RELATIONSHIP_TYPES) {
      expect(analysts).toContain(`\`${type}\``);
      expect(plan).not.toContain(`\`${type}\``);
      expect(block('event-relationships')).toContain(`| \`${type}\``);
    }
    expect(analysts).toContain('count them');
  });
});
