import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS, REL_STYLES, REL_TYPES } from '../../client/model/palette';
import { COUNTRIES } from '../../client/model/state';
import {
  kindName,
  PROPERTY_NAMES,
  PROPERTY_VALUES,
  propertyValue,
  THEME_NAMES,
  WORDS,
} from '../../client/views/labels';
import { ACTIONS, THEMES } from '../../core/model/curation-vocabulary';

const gazetteer = JSON.parse(readFileSync('seed/data/gazetteer.json', 'utf8')) as {
  entities: Record<string, unknown>[];
};

const tables = {
  WORDS,
  PROPERTY_NAMES,
  THEME_NAMES,
  ...Object.fromEntries(Object.entries(PROPERTY_VALUES).map(([k, v]) => [`value ${k}`, v])),
} as Record<string, Record<string, { en: string; ja: string }>>;

describe('the interface’s labels', () => {
  it('names an event’s kind in both languages, as the panel, table, tooltip and search box show it', () => {
    expect(kindName('Event', 'en')).toBe('Event');
    expect(kindName('Event', 'ja')).toBe('出来事');
    expect(kindName('Commitment', 'ja')).toBe('取組');
  });

  it('has every entry in both languages, never empty', () => {
    for (const [table, entries] of Object.entries(tables)) {
      for (const [key, pair] of Object.entries(entries)) {
        expect(pair.en.trim(), `${table}.${key} (en)`).not.toBe('');
        expect(pair.ja.trim(), `${table}.${key} (ja)`).not.toBe('');
      }
    }
  });

  it('has Japanese that is Japanese: every ja entry differs from en or is a proper name', () => {
    const sameInBoth = Object.entries(WORDS)
      .filter(([, pair]) => pair.en === pair.ja)
      .map(([key]) => key);
    expect(sameInBoth).toEqual(['pagerank']);
  });

  it('names every coded value the plan data holds', () => {
    for (const key of [
      'agency_type',
      'agreement_type',
      'status',
      'program_type',
      'scope',
      'place_type',
      'country',
    ]) {
      const values = new Set(
        gazetteer.entities.map((e) => e[key]).filter((v): v is string => typeof v === 'string'),
      );
      for (const v of values) expect(PROPERTY_VALUES[key]?.[v], `${key} = ${v}`).toBeDefined();
    }
    for (const action of ACTIONS) expect(PROPERTY_VALUES.action?.[action], action).toBeDefined();
    for (const c of COUNTRIES) expect(PROPERTY_VALUES.country?.[c], c).toBeDefined();
    for (const theme of Object.keys(THEMES)) expect(THEME_NAMES[theme], theme).toBeDefined();
    for (const theme of Object.keys(THEMES))
      expect(THEME_NAMES[theme]!.ja).toBe(THEMES[theme as keyof typeof THEMES]);
  });

  it('names the semantic and grammatical roles', () => {
    for (const role of [
      'actor',
      'partner',
      'beneficiary',
      'location',
      'mentioned',
      'subject_of_concern',
    ])
      expect(PROPERTY_VALUES.role?.[role], role).toBeDefined();
    for (const role of ['actor', 'recipient', 'partner', 'location', 'subject', 'mentioned'])
      expect(PROPERTY_VALUES.grammatical_role?.[role], role).toBeDefined();
    expect(propertyValue('role', 'subject_of_concern', 'en')).toBe('subject of concern');
    expect(propertyValue('status', 'in_force', 'ja')).toBe('発効済み');
  });

  it('names every kind and relationship type in both languages', () => {
    expect(NODE_KINDS.length).toBeGreaterThan(0);
    for (const type of REL_TYPES) {
      expect(REL_STYLES[type].en).not.toBe('');
      expect(REL_STYLES[type].ja).not.toBe('');
    }
  });
});
