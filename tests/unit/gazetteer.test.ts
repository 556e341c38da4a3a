import { describe, expect, it } from 'vitest';
import { CurationError, parseGazetteer } from '../../seed/gazetteer';
import { gazetteer, gazetteerJson, source } from '../support/real-plan';

type Json = { entities: Record<string, unknown>[]; stop_phrases: unknown[] };
const copy = (): Json => structuredClone(gazetteerJson) as Json;
const flatSource = source.replace(/\n/g, '');
const entity = (id: string) => gazetteer.entities.find((e) => e.id === id)!;

describe('the curated gazetteer', () => {
  it('names nothing the plan does not name: every alias occurs in the source', () => {
    const missing = gazetteer.entities.flatMap((e) =>
      e.aliases.filter((a) => !flatSource.includes(a)).map((a) => `${e.id}: ${a}`),
    );
    expect(missing).toEqual([]);
  });

  it('quotes the source for every parent, party and stop phrase', () => {
    const quotes = gazetteer.entities.flatMap((e) => [
      ...(e.parent ? [e.parent.evidence] : []),
      ...(e.kind === 'Agreement' ? e.parties.map((p) => p.evidence) : []),
    ]);
    quotes.push(...gazetteer.stop_phrases.map((s) => s.text));
    expect(quotes.filter((q) => !flatSource.includes(q))).toEqual([]);
  });

  it('covers every kind, with the instruments analysts ask about', () => {
    const kinds = new Set(gazetteer.entities.map((e) => e.kind));
    expect([...kinds].sort()).toEqual([
      'Agency',
      'Agreement',
      'Country',
      'Framework',
      'Place',
      'Program',
    ]);
    for (const id of [
      'jp-mn-epa',
      'jds',
      'jenesys',
      'khaan-quest',
      'jcm',
      'unsc',
      'paris-agreement',
    ]) {
      expect(entity(id), id).toBeDefined();
    }
    expect(entity('jp-mn-epa').aliases).toContain('日・モンゴルEPA');
    // The plan names the 2011 memorandum (line 140); the Ministry of the Environment renewed it
    // in 2015 (https://www.env.go.jp/press/100972.html), so it is superseded by a renewal.
    expect(entity('environment-moc-2011')).toMatchObject({
      agreement_type: 'memorandum',
      year: 2011,
      status_in_plan: 'in_effect',
      status: 'superseded',
    });
    // Line 65 only exchanges views towards a convention (締結に向けた意見交換): not a negotiation.
    expect(entity('jp-mn-tax-treaty')).toMatchObject({
      agreement_type: 'treaty',
      status_in_plan: 'under_consideration',
    });
    expect(entity('paris-agreement')).toMatchObject({ kind: 'Framework', scope: 'UN' });
    expect(entity('mn-air-force').parent).toMatchObject({ id: 'mn-armed-forces', basis: 'name' });
  });

  it('gives every agency a parent organisation or country', () => {
    const orphans = gazetteer.entities
      .filter((e) => e.kind === 'Agency' && !e.parent)
      .map((e) => e.id);
    expect(orphans).toEqual([]);
  });

  it('refuses a malformed entry, naming the file and the entry', () => {
    const bad = copy();
    delete bad.entities[5]!.name_en;
    expect(() => parseGazetteer(bad, 'g.json')).toThrow(CurationError);
    expect(() => parseGazetteer(bad, 'g.json')).toThrow(
      /^g\.json: entities\[5\] \("mofa-jp"\)\.name_en: /,
    );
  });

  it('refuses an unknown kind, a duplicate id and a parent that does not exist', () => {
    const kind = copy();
    kind.entities[0]!.kind = 'Person';
    expect(() => parseGazetteer(kind, 'g.json')).toThrow(/entities\[0\] \("japan"\)/);

    const dup = copy();
    dup.entities[1]!.id = 'japan';
    expect(() => parseGazetteer(dup, 'g.json')).toThrow(
      'g.json: entity "japan": the id is used twice.',
    );

    const parent = copy();
    (parent.entities[5]!.parent as { id: string }).id = 'nowhere';
    expect(() => parseGazetteer(parent, 'g.json')).toThrow(
      'parent "nowhere" is not in the gazetteer',
    );
  });
});
